import { homedir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fs } from "./builtins.js";

/** The package's root folder (the one holding package.json), from source or from dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the package root (no package.json above the code)");
    dir = parent;
  }
  return dir;
}

/** The shipped knowledge base. */
export function defaultKnowledgeDir(): string {
  return join(packageRoot(), "knowledge");
}

/** The knowledge folder the settings name (KNOWLEDGE_DIR, relative to the working folder), else the shipped one. */
export function knowledgeDirOf(env: { readonly KNOWLEDGE_DIR?: string | undefined }): string {
  const dir = env.KNOWLEDGE_DIR?.trim();
  return dir ? settingPath(dir) : defaultKnowledgeDir();
}

/**
 * A path a setting names, absolute: relative to the working folder, and "~/" the user's home folder, as
 * a shell would read it (a .env file is read by no shell: "~/bot.db" made a folder named "~").
 */
export function settingPath(path: string): string {
  return resolve(/^~(?=$|[/\\])/.test(path) ? join(homedir(), path.slice(1)) : path);
}

/**
 * A file as messages show it: relative to the working folder when it is inside it, else as it is
 * ("/srv/kb/entries/a.yaml", not "../../srv/kb/entries/a.yaml", which names the folder typed nowhere).
 */
export function shownPath(file: string): string {
  const inside = relative(process.cwd(), resolve(file));
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : file;
}

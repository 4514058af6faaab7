import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root folder (the one holding package.json), from source or from dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
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

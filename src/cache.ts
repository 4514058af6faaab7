import { dirname, join } from "node:path";
import { fs } from "./builtins.js";
import { packageRoot } from "./paths.js";

// What is derived once from files that rarely change (the compiled knowledge, the word lists) and
// kept in the usual cache folder of a Node package, keyed by a fingerprint of what it came from.

/** Where derived files are kept: node_modules/.cache/socialmedia-guidance. */
export function defaultCacheDir(): string {
  return join(packageRoot(), "node_modules", ".cache", "socialmedia-guidance");
}

/**
 * Written to a temporary file and renamed, so that a run reading it meanwhile never sees half of it.
 * A folder that cannot be written (a read-only installation) is skipped: each run derives afresh.
 */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dirname(file), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch {
    // nothing cached: correct, only slower
  }
}

/** Each file under the paths (folders recursively) as "name size mtime": what a derived file depends on. */
export function filesOf(path: string): string[] {
  let names: string[];
  try {
    names = fs.statSync(path).isDirectory()
      ? fs.readdirSync(path, { recursive: true, encoding: "utf8" })
      : [""];
  } catch {
    return [`${path}: missing`];
  }
  return names.sort().flatMap((name) => {
    try {
      const s = fs.statSync(join(path, name));
      return s.isFile() ? [`${join(path, name)} ${s.size} ${s.mtimeMs}`] : [];
    } catch {
      return [`${name}: gone`];
    }
  });
}

/**
 * A short name for a text (FNV-1a, 32 bits, in hex) for naming cache files. Two texts may share one:
 * the files then take turns, since what a file holds is checked against its full fingerprint before
 * use. Loading node:crypto for this would cost a one-shot command more than all its hashing.
 */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Marks a derived file as just used (its modification time, which `prune` goes by), so that a file
 * read on every run outlasts files derived once since. A file that cannot be touched is left as it is.
 */
export function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only cache folder: pruning then goes by when the file was written
  }
}

/**
 * Keeps the `keep` newest files (written or touched last) of the cache folder whose names start with
 * `prefix` and removes the rest: files derived from an earlier version of a source, or from a folder
 * used once (a test's copy of the knowledge), are never read again.
 */
export function prune(dir: string, prefix: string, keep: number): void {
  try {
    const files = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(prefix) && !name.endsWith(".tmp"))
      .map((name) => ({ path: join(dir, name), at: fs.statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { path } of files.slice(keep)) fs.rmSync(path, { force: true });
  } catch {
    // an unreadable folder, or a file another run removed meanwhile: left as it is
  }
}

import { chmodSync, closeSync, existsSync, linkSync, openSync, renameSync, rmSync, statSync } from "node:fs";

// The files `backup` and `restore` write: made private before a byte is copied, named once whole, and
// removed with what SQLite keeps beside them.

/** A SQLite database's files: the database, its write-ahead log and the log's index. */
export const SQLITE_FILES = ["", "-wal", "-shm"] as const;

/**
 * Gives the finished backup its name: by a hard link, which never replaces a file that took the name
 * meanwhile, or, where the file system has none (FAT, some network shares), by a rename after a check.
 */
export function giveName(partial: string, to: string): void {
  try {
    linkSync(partial, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    if (existsSync(to)) throw new Error(`${to} appeared meanwhile, and is left as it is`);
    renameSync(partial, to);
    return;
  }
  rmSync(partial, { force: true });
}

/**
 * Removes a database file and what SQLite keeps beside it (its log, its shared memory, its journal).
 * Where part of the path is a file, not a folder, there is nothing to remove (a backup named under a
 * file crashed here, on its way to saying why it failed).
 */
export function removeSqliteFiles(path: string): void {
  for (const suffix of [...SQLITE_FILES, "-journal"])
    try {
      rmSync(`${path}${suffix}`, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
    }
}

/**
 * Why a backup could not be written into `folder`, in words: the file system's and SQLite's own ("EACCES:
 * permission denied, mkdir", "unable to open database file") name no cause an operator can act on.
 */
export function notWritten(error: unknown, folder: string): string {
  const code = (error as { code?: string }).code ?? "";
  if (code === "ENOTDIR" || code === "EEXIST") return `part of ${folder} is a file, not a folder.`;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code.startsWith("SQLITE_CANTOPEN"))
    return `this user may not write in ${folder}: name a file in a folder it may write, or run backup as a user who may.`;
  return (error as Error).message;
}

/**
 * Makes the empty file a copy of the database at `like` is written into, as private as that database
 * (its mode, or the bot's own 600 where there is none yet) before a byte is copied: made by SQLite, it
 * had the default mode, and the whole database could be read from it, by every user, while it was copied.
 */
export function madePrivate(path: string, like: string): void {
  const mode = existsSync(like) ? statSync(like).mode & 0o666 : 0o600;
  closeSync(openSync(path, "wx", mode));
  // the mode as given, whatever the umask took from it
  chmodSync(path, mode);
}

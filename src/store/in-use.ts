import { closeSync, existsSync, openSync } from "node:fs";
import Database from "better-sqlite3";

// Whether a process has the SQLite database open, for `restore`, which must not swap the file under a
// running bot. Each process that opens the database to write holds a shared lock on a small file
// beside it (`<database>-inuse`, an empty SQLite database) for as long as it has it open; `restore` asks
// for that file's exclusive lock, which it gets only when no process holds it. The locks are SQLite's
// own file locks: the system drops them when a process ends, even one that crashed, so a stale file
// never blocks a restore.

/** The lock file beside the database at `path`. */
export function inUseFile(path: string): string {
  return `${path}-inuse`;
}

/**
 * Holds the shared lock for as long as the database at `path` is open; returns its release. Where the
 * lock file cannot be made or locked (a folder the process may not write, an exclusive lock held by a
 * restore in progress), the database is used without it: `restore` then cannot see this process.
 */
export function holdInUse(path: string): () => void {
  if (path === ":memory:" || path === "") return () => {};
  let lock: Database.Database | undefined;
  try {
    // made if missing; one a restore made as another user is only read, which a shared lock needs
    if (!existsSync(inUseFile(path))) closeSync(openSync(inUseFile(path), "a"));
    lock = new Database(inUseFile(path), { readonly: true, fileMustExist: true });
    lock.pragma("busy_timeout = 2000");
    lock.exec("BEGIN");
    // a read takes the shared lock, held until the transaction ends
    lock.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch {
    lock?.close();
    return () => {};
  }
  return () => lock?.close();
}

/**
 * Runs `fn` while no process has the database at `path` open, holding the lock file's exclusive lock so
 * that none opens it meanwhile; resolves with `fn`'s result, or with "in use" when a process has it open.
 */
export async function whileNotInUse<T>(path: string, fn: () => Promise<T> | T): Promise<T | "in use"> {
  closeSync(openSync(inUseFile(path), "a"));
  const lock = new Database(inUseFile(path), { fileMustExist: true });
  try {
    lock.pragma("busy_timeout = 0");
    try {
      lock.exec("BEGIN EXCLUSIVE");
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return "in use";
      throw error;
    }
    try {
      return await fn();
    } finally {
      lock.exec("ROLLBACK");
    }
  } finally {
    lock.close();
  }
}

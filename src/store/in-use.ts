import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  realpathSync,
  statSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { lockedOut } from "./busy.js";

// Whether a process has the SQLite database open, for `restore`, which must not swap the file under a
// running bot. Each process that opens the database to write holds a shared lock on a small file
// beside it (`<database>-inuse`, an empty SQLite database) for as long as it has it open; `restore` asks
// for that file's exclusive lock, which it gets only when no process holds it. The locks are SQLite's
// own file locks: the system drops them when a process ends, even one that crashed, so a stale file
// never blocks a restore.

/**
 * The lock file beside the database at `path`, beside the file itself where `path` is a symbolic link
 * (or in a linked folder): keyed on how the path was spelled, a bot on the link and a restore on the
 * file it names each took a lock of its own, and the restore went ahead under the running bot.
 */
export function inUseFile(path: string): string {
  return `${realPath(path)}-inuse`;
}

/**
 * `path` with its symbolic links resolved: the file's, or, before it exists, its folder's; as given
 * where neither resolves.
 */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** How long opening the database waits for a restore in progress to finish. */
const RESTORE_WAIT_MS = 15_000;

/**
 * Makes the lock file if it is missing, readable by whoever may read the database: with the database's
 * mode and, run as root (a restore with sudo), its owner. Made with the default mode by root, a bot
 * running as its own user could not open it, and ran without the lock.
 */
function makeLockFile(path: string): void {
  const file = inUseFile(path);
  if (existsSync(file)) return;
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(file, "a"));
  if (!existsSync(path)) return;
  // never executable, and always readable by its owner: a shared lock needs only to read it
  ownedAs(path, file, (mode) => (mode & 0o666) | 0o400);
}

/**
 * Gives `file` the mode (through `mode`) and the owner of `like`: a file another user made (a restore run
 * with sudo) is then the bot's user's, as the database is. Only root may give a file away; anyone else
 * may still give it the database's group, through which the bot's user may read it.
 */
export function ownedAs(like: string, file: string, mode: (mode: number) => number = (m) => m & 0o777): void {
  const stat = statSync(like);
  chmodSync(file, mode(stat.mode));
  try {
    chownSync(file, stat.uid, stat.gid);
  } catch {
    try {
      chownSync(file, -1, stat.gid);
    } catch {
      // not in that group: the file is this user's, readable as its mode allows
    }
  }
}

/**
 * Holds the shared lock for as long as the database at `path` is open; returns its release. Taken
 * before the database is opened: a bot that starts while a restore swaps the file waits for it (up to
 * RESTORE_WAIT_MS), then opens the restored file; it refuses to start if the restore takes longer.
 * Where the lock file cannot be made or read (a folder the process may not write), the database is used
 * without it, and `warn` says that `restore` cannot see this process.
 */
export function holdInUse(path: string, warn: (message: string) => void = () => {}): () => void {
  if (path === ":memory:" || path === "") return () => {};
  let lock: Database.Database | undefined;
  try {
    makeLockFile(path);
    // a shared lock needs only to read the file, so one a restore made as another user will do
    lock = new Database(inUseFile(path), { readonly: true, fileMustExist: true });
    lock.pragma(`busy_timeout = ${RESTORE_WAIT_MS}`);
    lock.exec("BEGIN");
    // a read takes the shared lock, held until the transaction ends
    lock.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    lock?.close();
    if (lockedOut(error))
      throw new Error(
        "a restore of the database is in progress (socialmedia-guidance restore): start again when it has finished.",
      );
    warn(
      `${inUseFile(path)} could not be made or locked (${(error as Error).message}), so a restore would not see that the bot is running: stop the bot before any restore.`,
    );
    return () => {};
  }
  return () => lock?.close();
}

/**
 * Runs `fn` while no process has the database at `path` open, holding the lock file's exclusive lock so
 * that none opens it meanwhile; resolves with `fn`'s result, or with "in use" when a process has it open.
 */
export async function whileNotInUse<T>(path: string, fn: () => Promise<T> | T): Promise<T | "in use"> {
  let lock: Database.Database;
  try {
    makeLockFile(path);
    lock = new Database(inUseFile(path), { fileMustExist: true });
  } catch (error) {
    throw new Error(
      `this user cannot open ${inUseFile(path)} to check whether the bot is running (${(error as { code?: string }).code ?? (error as Error).message}): run restore as the bot's own user, or as root`,
    );
  }
  try {
    lock.pragma("busy_timeout = 0");
    try {
      lock.exec("BEGIN EXCLUSIVE");
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (lockedOut(error)) return "in use";
      // a network file system without working locks: SQLite's own words were "disk I/O error"
      if (code?.startsWith("SQLITE_IOERR"))
        throw new Error(
          `the file system under ${inUseFile(path)} refused the lock that shows whether the bot is running (${code}; a network file system without locking?): restore on a local disk`,
        );
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

import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import type { Config } from "../src/config-types.js";
import { foreignTables, inMemoryCopy, openDatabase } from "../src/store/db.js";
import { ownedAs, realPath, whileNotInUse } from "../src/store/in-use.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import { giveName, madePrivate, notWritten, removeSqliteFiles, SQLITE_FILES } from "./backup-files.js";
import { folderAsDatabase, systemFolder } from "./lazy.js";
import type { Out } from "./output.js";

// `backup` and `restore` for the SQLite file, through SQLite's own backup API (better-sqlite3's
// backup()): a consistent copy while the bot writes, and a restore that gives back exactly the backup.
// Copying the file instead loses what is still in its write-ahead log (-wal), and copying a backup over
// the file leaves a crashed run's log behind, which SQLite then replays onto the backup.

const POSTGRES =
  "The database is PostgreSQL (DATABASE_URL): back it up with pg_dump and restore it with pg_restore (README: Running at scale).";

/** `backup <file>`: a consistent copy of the database in a new file, safe while the bot runs. */
export async function backup(config: Config, rest: readonly string[], out: Out, err: Out): Promise<number> {
  const to = rest[0];
  if (!to) return usage(err, "backup <file>");
  if (config.databaseUrl) return fail(err, POSTGRES);
  const folder = folderAsDatabase(config.databasePath);
  if (folder) return fail(err, folder);
  if (!existsSync(config.databasePath)) return fail(err, `No database at ${config.databasePath} to back up.`);
  const system = systemFolder(to);
  if (system)
    return fail(err, `Cannot back up to ${to}: it is in ${system}. Name a file in a folder of your own.`);
  if (existsSync(to))
    return fail(err, `${to} already exists: back up to a new file, so that no backup is overwritten.`);
  const partial = `${to}.partial`;
  let db: Database.Database;
  try {
    db = new Database(config.databasePath, { fileMustExist: true });
  } catch (error) {
    // run as a user who may not read it, say: it crashed with a stack trace
    return fail(err, `Cannot read the database at ${config.databasePath}: ${(error as Error).message}.`);
  }
  try {
    db.pragma("busy_timeout = 5000");
    const read = readable(db, config.databasePath);
    db = read.db;
    // A file SQLite opens but the bot never wrote: an empty file or /dev/null (no schema version, which
    // read as "backed up (schema 0)"), or another program's database (see foreignTables), as restore asks.
    if (read.version === 0 || foreignTables(db))
      return fail(err, `${config.databasePath} is not a database this bot wrote: nothing was backed up.`);
    mkdirSync(dirname(to), { recursive: true });
    // Written under another name, and given the backup's name only once whole: a backup cut off (a
    // cron time-out, Ctrl-C) left a part of one under the name, which a retry could not replace and
    // restore refused. What an earlier cut-off run left there goes first.
    removeSqliteFiles(partial);
    madePrivate(partial, config.databasePath);
    await db.backup(partial);
    // The copy keeps the database's write-ahead-log mode, so reading it (describe, below) left a -shm
    // and a -wal beside it: made a rollback-journal file, a backup is one self-contained file.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    giveName(partial, to);
  } catch (error) {
    removeSqliteFiles(partial);
    return fail(err, `Could not back up to ${to}: ${notWritten(error, dirname(to))}`);
  } finally {
    db.close();
  }
  out(`Backed up ${config.databasePath} to ${to} (${describe(to)}).`);
  return 0;
}

/**
 * `restore <file>`: the database at DATABASE_PATH becomes exactly what the backup holds, whatever its
 * write-ahead log held (the backup API writes through SQLite, which settles that log first). The bot
 * must be stopped, and a restore while a process has the database open is refused (see in-use.ts):
 * that process would write on into the file swapped out.
 */
export async function restore(config: Config, rest: readonly string[], out: Out, err: Out): Promise<number> {
  const from = rest[0];
  if (!from) return usage(err, "restore <file>");
  if (config.databaseUrl) return fail(err, POSTGRES);
  // a folder named as the database would be moved aside whole, and the backup written in its place
  const folder = folderAsDatabase(config.databasePath);
  if (folder) return fail(err, `${folder} Nothing was changed.`);
  if (!existsSync(from)) return fail(err, `No backup at ${from}.`);
  if (!statSync(from).isFile())
    return fail(err, `${from} is not a file: name the backup file to restore from.`);
  if (resolve(from) === resolve(config.databasePath))
    return fail(err, `${from} is the database itself (DATABASE_PATH): name the backup to restore from.`);
  const owner = otherOwner(config.databasePath);
  if (owner !== undefined)
    return fail(
      err,
      `The database at ${config.databasePath} belongs to another user (uid ${owner}): restored by this one, the files would be this user's, and the bot could not write them. Run restore as that user, or as root. Nothing was changed.`,
    );
  let source: Database.Database;
  try {
    source = new Database(from, { readonly: true, fileMustExist: true });
    const check = source.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`it is damaged (quick_check: ${String(check).slice(0, 200)})`);
    const version = source.pragma("user_version", { simple: true }) as number;
    if (version === 0 || foreignTables(source)) throw new Error("it is not a database this bot wrote");
    if (version > MIGRATIONS.length)
      throw new Error(`a newer version of the bot wrote it (schema ${version}): upgrade the bot first`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === "SQLITE_NOTADB"
        ? "it is not a SQLite database"
        : code?.startsWith("SQLITE_CORRUPT")
          ? "it is damaged (cut short, or changed since it was made): try an older backup"
          : (error as Error).message;
    return fail(err, `Cannot restore from ${from}: ${why}. Nothing was changed.`);
  }
  // the file itself, where DATABASE_PATH is a link to it (a volume mounted elsewhere): swapping the link
  // put the restored file beside it, and the bot wrote off the volume from then on
  const db = realPath(config.databasePath);
  const inUse = `The database at ${db} is open in a running bot (or another of its commands): stop it, then restore. Nothing was changed.`;
  // Copied beside the database first, then swapped in: the database being replaced may be damaged
  // (its start-up message sends the operator here), and is kept, with its log, in case it was wanted.
  const staging = `${db}.restoring`;
  const unstage = () => removeSqliteFiles(staging);
  try {
    // refused at once while the bot runs, before the copy; the lock is held only for the swap itself,
    // so that a bot started meanwhile waits for milliseconds, not for the copy of a large file
    if ((await whileNotInUse(db, () => undefined)) === "in use") return fail(err, inUse);
    unstage();
    madePrivate(staging, db);
    await source.backup(staging);
    // Opened as the bot opens it: checked, and brought up to this version's schema.
    openDatabase(staging).close();
    const swapped = await whileNotInUse(db, () => swapIn(staging, from, db, out, err));
    if (swapped !== "in use") return swapped;
    unstage();
    return fail(
      err,
      `A bot (or another of its commands) opened the database at ${db} while the backup was being copied: stop it, then restore again. Nothing was changed.`,
    );
  } catch (error) {
    unstage();
    return fail(err, `Could not restore from ${from}: ${(error as Error).message}. Nothing was changed.`);
  } finally {
    source.close();
  }
}

/** The checked copy at `staging` swapped in for the database at `db`, which is kept aside. */
function swapIn(staging: string, from: string, db: string, out: Out, err: Out): number {
  // Kept under a name of its own, so that a second restore (the wrong backup first) loses nothing.
  const kept = `${db}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  const replaced = existsSync(db);
  // the mode and owner of the file it replaces: a new file has the default mode, and a database kept
  // readable by the bot's user alone would become readable by everyone
  if (replaced) ownedAs(db, staging);
  const moved: string[] = [];
  try {
    for (const suffix of SQLITE_FILES)
      if (existsSync(`${db}${suffix}`)) {
        renameSync(`${db}${suffix}`, `${kept}${suffix}`);
        moved.push(`${db}${suffix} to ${kept}${suffix}`);
      }
    for (const suffix of SQLITE_FILES)
      if (existsSync(`${staging}${suffix}`)) {
        renameSync(`${staging}${suffix}`, `${db}${suffix}`);
        moved.push(`${staging}${suffix} to ${db}${suffix}`);
      }
  } catch (error) {
    // past the first move, "nothing was changed" would be untrue: say what was moved, to put it back
    if (moved.length === 0) throw error;
    return fail(
      err,
      `The restore stopped part-way: ${(error as Error).message}. Moved so far: ${moved.join("; ")}. Put those files back before starting the bot.`,
    );
  }
  const keptLog = existsSync(`${kept}-wal`) ? ` (with its ${kept}-wal and -shm, which belong with it)` : "";
  const before = replaced ? ` The database it replaced is kept as ${kept}${keptLog}.` : "";
  let what = "";
  try {
    what = ` (${describe(db)})`;
  } catch {
    // restored all the same: only the summary could not be read
  }
  out(`Restored ${db} from ${from}${what}.${before} Start the bot again.`);
  return 0;
}

/**
 * The owner of the database at `path` when it is not this process's user and this process cannot give
 * files away (it is not root); undefined otherwise, or when there is no database yet.
 */
function otherOwner(path: string): number | undefined {
  const me = process.getuid?.();
  if (me === undefined || me === 0 || !existsSync(path)) return undefined;
  const { uid } = statSync(path);
  return uid === me ? undefined : uid;
}

/**
 * `db` and its schema version, or where this user may not write beside the database and no bot has it open (no -wal), its
 * copy in memory: as a backup user, or on a read-only mount, reading it failed with SQLite's "attempt
 * to write a readonly database", said of the backup's file.
 */
function readable(db: Database.Database, path: string): { db: Database.Database; version: unknown } {
  try {
    return { db, version: db.pragma("user_version", { simple: true }) };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!/^SQLITE_(?:READONLY|CANTOPEN)/.test(code) || existsSync(`${path}-wal`)) throw error;
    db.close();
    const copy = inMemoryCopy(path);
    return { db: copy, version: copy.pragma("user_version", { simple: true }) };
  }
}

/** What a database file holds, in a few words. */
function describe(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number } | undefined)?.n ?? 0;
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const parts = [`schema ${db.pragma("user_version", { simple: true })}`];
    const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    if (tables.has("tip_schedules")) parts.push(counted(count("tip_schedules"), "tip schedule"));
    if (tables.has("feedback")) parts.push(counted(count("feedback"), "vote"));
    return parts.join(", ");
  } finally {
    db.close();
  }
}

function usage(err: Out, form: string): number {
  err(`Usage: socialmedia-guidance ${form}`);
  return 2;
}

function fail(err: Out, sentence: string): number {
  err(sentence);
  return 1;
}

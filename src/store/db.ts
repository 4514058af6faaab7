import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { lockedOut } from "./busy.js";
import { assertThisVersion, MIGRATIONS, type Migration, newerThanKnown } from "./migrations.js";

/** An open SQLite file. */
export type Db = Database.Database;

/**
 * How long a write waits for another process's lock once the database is open, in milliseconds. The
 * driver is synchronous, so the whole bot waits with it: with the 5 s of opening, a file locked by a
 * moderator's SQLite shell held every reply 5 s a write and a tip check 15 s (platform exploratory
 * test), past Slack's 3 s. A write that cannot get the lock in time fails, and is logged.
 */
export const WRITE_WAIT_MS = 100;

/** What to do about a damaged database, said where it is found. */
const DAMAGED =
  "the file is damaged. Stop the bot, restore the latest backup (socialmedia-guidance restore <file>; README: Backups), or move the file aside to start with an empty database.";

/**
 * Opens (creating if needed) the database at `path`, checks that it is sound (`PRAGMA quick_check`)
 * and brings its schema up to date; with `readOnly`, opens an existing one of this version without
 * writing anything (see openReadOnly). Throws a sentence saying what is wrong and what to do.
 */
export function openDatabase(
  path: string,
  options: { readonly readOnly?: boolean; readonly mustExist?: boolean } = {},
): Db {
  const readOnly = options.readOnly ?? false;
  if (path !== ":memory:" && !readOnly) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || code === "ENOTDIR")
        throw new Error(`its folder cannot be created: part of ${dirname(path)} is a file, not a folder.`);
      throw error;
    }
  }
  for (const wait of OPEN_BUSY_RETRY_MS) {
    const started = performance.now();
    try {
      return openOnce(path, readOnly, options.mustExist ?? false);
    } catch (error) {
      // refused after waiting out busy_timeout: the lock is held for long, and waiting again would not help
      const atOnce = performance.now() - started < OPEN_WAIT_MS / 2;
      if (!atOnce || !lockedOut(error)) throw error;
    }
    // before the bot serves anyone, so a plain wait on this thread holds nothing up
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  }
  return openOnce(path, readOnly, options.mustExist ?? false);
}

/**
 * How long to wait before opening again when SQLite refused the open for another process's lock
 * despite busy_timeout: switching to WAL, or reading the file while another connection closes it and
 * folds its log in, is refused at once rather than waited for. A restart overlapping the old process
 * met that now and then, and the new one stopped with "database is locked".
 */
const OPEN_BUSY_RETRY_MS: readonly number[] = [50, 100, 200, 400, 800];

/** How long opening waits for another process's lock (busy_timeout), in milliseconds. */
const OPEN_WAIT_MS = 5_000;

/**
 * One attempt at openDatabase, once the folder is there. Read-only (a command that only lists), the
 * file is neither switched to WAL, migrated nor written (see openReadOnly).
 */
function openOnce(path: string, readOnly: boolean, mustExist: boolean): Db {
  let db: Db | undefined;
  try {
    const made = !readOnly && path !== ":memory:" && path !== "" && !existsSync(path);
    db = readOnly ? openReadOnly(path) : new Database(path);
    // Readable by the bot's user alone, as its -wal and -shm will be (SQLite gives them the file's
    // mode): it holds the moderators' candidate phrasings and, for a Slack app installed in several
    // workspaces, their bot tokens. A file that was there keeps the mode its owner gave it.
    if (made) chmodSync(path, 0o600);
    // The wait for a lock first, so that even switching to WAL waits for another process opening it
    // (opening may wait; answering may not: see WRITE_WAIT_MS).
    db.pragma(`busy_timeout = ${OPEN_WAIT_MS}`);
    // Before anything is written to it (WAL mode is written to the file): a file another program wrote
    // is refused, not given the bot's tables beside its own.
    assertOurs(db);
    if (readOnly) return current(db);
    // a moderator's command on a file the bot never wrote (an empty one): not given the bot's tables
    if (mustExist && (db.pragma("user_version", { simple: true }) as number) === 0)
      throw new Error(NO_TABLES);
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`${DAMAGED} (quick_check: ${String(check).slice(0, 200)})`);
    assertWritable(db, path, migrate(db));
    db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code;
    // a file that is no database at all is more often the wrong file (DATABASE_PATH) than a damaged one
    if (code === "SQLITE_NOTADB")
      throw new Error(
        `the file is not a SQLite database: check that DATABASE_PATH names the bot's database. If it does, ${DAMAGED.replace(/^the file is damaged\. Stop/, "it is damaged: stop")} (${code})`,
      );
    if (code === "SQLITE_CORRUPT") throw new Error(`${DAMAGED} (${code})`);
    // a folder this user may not write (another user's, a read-only mount), where SQLite makes the file
    // and keeps its -wal and -shm beside it: SQLite's own words named no cause
    if (!readOnly && /^SQLITE_(?:CANTOPEN|READONLY)/.test(code ?? ""))
      throw new Error(
        `${(error as Error).message} (${code}): check that ${dirname(path)} exists and the bot's user may write in it, where SQLite keeps the database's -wal and -shm files.`,
      );
    throw error;
  }
}

/**
 * The file opened for reading only, leaving nothing beside it. SQLite makes a WAL database's -wal and
 * -shm files even for a read-only connection, and made by an admin's user they stopped the bot's own
 * user opening its database. With the bot stopped there is no -wal, the file is whole, and it is read
 * as a copy in memory (its header marked as no longer WAL); with the bot running, its files are there
 * and are read in place.
 */
function openReadOnly(path: string): Db {
  if (!existsSync(path)) throw new Error(`there is no database at ${path}.`);
  if (existsSync(`${path}-wal`)) return new Database(path, { readonly: true, fileMustExist: true });
  return inMemoryCopy(path);
}

/**
 * The database at `path`, read into memory as a rollback-journal database: with no -wal beside it (no
 * bot has it open), all it holds is in the file, and reading the copy writes nothing beside it, which a
 * WAL database's reader does (its -shm), in a folder a backup user or a read-only mount may not write.
 */
export function inMemoryCopy(path: string): Db {
  const copy = readFileSync(path);
  // bytes 18 and 19 of the header are the write and read versions: 2 for WAL, 1 for a journal
  if (copy.length >= 20) copy.fill(1, 18, 20);
  return new Database(copy);
}

/** A database file that holds none of the bot's tables, for a command that reads what the bot recorded. */
const NO_TABLES =
  "the file has none of the bot's tables: check that DATABASE_PATH names the bot's database (the bot makes its tables when it first starts).";

/** `db`, once its schema is this version's: a read-only open cannot bring an older one up to date. */
function current(db: Db): Db {
  const version = db.pragma("user_version", { simple: true }) as number;
  // an empty file, or an empty database, is no earlier version of the bot's
  if (version === 0) throw new Error(NO_TABLES);
  assertThisVersion(version, MIGRATIONS.length);
  return db;
}

/** A table the bot's first migration creates: every database the bot wrote at any version has it. */
const FIRST_TABLE = "tip_schedules";

/**
 * Another program's tables in the file, or undefined when it is the bot's (or empty): tables with no
 * schema version of the bot's, or with a version but without the bot's first table (many programs set
 * `user_version`). The bot created its tables and wrote its version into such a file, beside that
 * program's tables, or half-migrated one that had a version of its own.
 */
export function foreignTables(db: Db): string[] | undefined {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const version = db.pragma("user_version", { simple: true }) as number;
  // empty and never versioned: a new file, the bot's to use
  if (tables.length === 0 && version === 0) return undefined;
  return version > 0 && tables.includes(FIRST_TABLE) ? undefined : tables;
}

/** Throws a sentence when the file is another program's database (see foreignTables), named by mistake in DATABASE_PATH. */
function assertOurs(db: Db): void {
  const tables = foreignTables(db);
  if (!tables) return;
  const named =
    tables.length === 0
      ? "no tables, but a schema version of its own"
      : `its tables: ${tables.slice(0, 3).join(", ")}${tables.length > 3 ? ", ..." : ""}`;
  throw new Error(
    `the file is another program's database (${named}), not one this bot wrote. Check that DATABASE_PATH names the bot's own database, or a new file; nothing was changed.`,
  );
}

/**
 * Throws a sentence when the open database cannot be written. SQLite opens a file it may not write
 * (mode 444, or its -wal and -shm beside it) read-only without a word, and reading succeeds: the bot
 * then ran, said it was ready, and lost every tip schedule, vote and question it was given. Writing the
 * schema version it already has changes nothing and fails at once where writing would.
 */
export function assertWritable(db: Db, path: string, version: number): void {
  try {
    db.pragma(`user_version = ${version}`);
  } catch (error) {
    if (!String((error as { code?: string }).code).startsWith("SQLITE_READONLY")) throw error;
    throw new Error(
      `the database can be read but not written: check that the bot's user may write ${path} and the ${path}-wal and ${path}-shm files beside it.`,
    );
  }
}

/** Applies the migrations the file has not seen; returns the version it ends at. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) throw newerThanKnown(current, migrations.length);
  for (let v = current; v < migrations.length; v++) {
    // Read the version again inside the write lock: another process opening the same file at the same
    // moment (a restart overlapping the old process) may have applied this migration already.
    db.transaction(() => {
      if ((db.pragma("user_version", { simple: true }) as number) > v) return;
      db.exec(migrations[v]?.sqlite ?? "");
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return migrations.length;
}

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

/**
 * Versioned schema migrations, applied in order inside one transaction each. `PRAGMA user_version`
 * records how many have run. Never edit a published migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: daily tips. A slot (platform, channel, day) is claimed before the post and completed after it.
  `CREATE TABLE tip_schedules (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     time TEXT NOT NULL,
     time_zone TEXT NOT NULL,
     weekdays_only INTEGER NOT NULL DEFAULT 0,
     enabled INTEGER NOT NULL DEFAULT 1,
     origin TEXT NOT NULL,
     enabled_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     failing_since INTEGER,
     last_error TEXT,
     PRIMARY KEY (platform, channel_id)
   );
   CREATE TABLE tip_posts (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     day TEXT NOT NULL,
     due_at INTEGER NOT NULL,
     tip_id TEXT,
     cycle INTEGER,
     status TEXT NOT NULL,
     claim_token TEXT,
     claimed_at INTEGER,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER,
     message_id TEXT,
     posted_at INTEGER,
     error TEXT,
     PRIMARY KEY (platform, channel_id, day)
   );
   CREATE TABLE tip_rotation (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     cycle INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (platform, channel_id)
   );`,
  // 2: the feedback loop: votes (voter only as a salted hash) and redacted unanswered questions.
  `CREATE TABLE feedback (
     entry_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     platform TEXT NOT NULL,
     voter_hash TEXT NOT NULL,
     voted_at INTEGER NOT NULL,
     PRIMARY KEY (entry_id, platform, voter_hash)
   );
   CREATE TABLE unanswered (
     question TEXT NOT NULL PRIMARY KEY,
     count INTEGER NOT NULL DEFAULT 1,
     first_at INTEGER NOT NULL,
     last_at INTEGER NOT NULL
   );
   CREATE TABLE daily_stats (
     day TEXT NOT NULL PRIMARY KEY,
     asked INTEGER NOT NULL DEFAULT 0,
     answered INTEGER NOT NULL DEFAULT 0
   );`,
  // 3: settings the bot generates once and keeps, such as the salt for voters' hashes.
  `CREATE TABLE meta (
     key TEXT NOT NULL PRIMARY KEY,
     value TEXT NOT NULL
   );`,
  // 4: questions users showed an entry answers (a picked suggestion, a 👍 on an unsure answer),
  // redacted by the guard, for moderators to accept as phrasings or reject.
  `CREATE TABLE candidates (
     entry_id TEXT NOT NULL,
     question TEXT NOT NULL,
     count INTEGER NOT NULL DEFAULT 1,
     first_at INTEGER NOT NULL,
     last_at INTEGER NOT NULL,
     status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected')),
     PRIMARY KEY (entry_id, question)
   );`,
];

/** What to do about a damaged database, said where it is found. */
const DAMAGED =
  "the file is damaged. Stop the bot, restore the latest backup (README: Backups), or move the file aside to start with an empty database.";

/**
 * Opens (creating if needed) the database at `path`, checks that it is sound (`PRAGMA quick_check`)
 * and brings its schema up to date. Throws a sentence saying what is wrong and what to do.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || code === "ENOTDIR")
        throw new Error(`its folder cannot be created: part of ${dirname(path)} is a file, not a folder.`);
      throw error;
    }
  }
  let db: Db | undefined;
  try {
    db = new Database(path);
    // The wait for a lock first, so that even switching to WAL waits for another process opening it.
    db.pragma("busy_timeout = 5000");
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`${DAMAGED} (quick_check: ${String(check).slice(0, 200)})`);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB") throw new Error(`${DAMAGED} (${code})`);
    throw error;
  }
}

/** Applies the migrations the database has not seen; returns the version it ends at. */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this bot knows (${migrations.length}). Upgrade the bot.`,
    );
  }
  for (let v = current; v < migrations.length; v++) {
    // Read the version again inside the write lock: another process opening the same file at the same
    // moment (a restart overlapping the old process) may have applied this migration already.
    db.transaction(() => {
      if ((db.pragma("user_version", { simple: true }) as number) > v) return;
      db.exec(migrations[v] ?? "");
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return migrations.length;
}

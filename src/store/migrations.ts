/** One version of the schema, written for each database. */
export interface Migration {
  readonly sqlite: string;
  readonly postgres: string;
}

/**
 * A migration written once for both databases. `INSTANT` marks a column holding an instant
 * (milliseconds since 1970): PostgreSQL keeps it as BIGINT, where SQLite's INTEGER already holds 64 bits.
 */
function migration(sql: string): Migration {
  return { sqlite: sql.replaceAll("INSTANT", "INTEGER"), postgres: sql.replaceAll("INSTANT", "BIGINT") };
}

/**
 * Versioned schema migrations, applied in order at start: SQLite records how many have run in
 * `PRAGMA user_version`, PostgreSQL in the `schema_version` table. Never edit a published migration
 * (SQLite files in use are at these versions): add a new one. Each is written once for both
 * databases (see `migration`).
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: daily tips. A slot (platform, channel, day) is claimed before the post and completed after it.
  migration(`CREATE TABLE tip_schedules (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     time TEXT NOT NULL,
     time_zone TEXT NOT NULL,
     weekdays_only INTEGER NOT NULL DEFAULT 0,
     enabled INTEGER NOT NULL DEFAULT 1,
     origin TEXT NOT NULL,
     enabled_at INSTANT NOT NULL,
     updated_at INSTANT NOT NULL,
     failing_since INSTANT,
     last_error TEXT,
     PRIMARY KEY (platform, channel_id)
   );
   CREATE TABLE tip_posts (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     day TEXT NOT NULL,
     due_at INSTANT NOT NULL,
     tip_id TEXT,
     cycle INTEGER,
     status TEXT NOT NULL,
     claim_token TEXT,
     claimed_at INSTANT,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INSTANT,
     message_id TEXT,
     posted_at INSTANT,
     error TEXT,
     PRIMARY KEY (platform, channel_id, day)
   );
   CREATE TABLE tip_rotation (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     cycle INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (platform, channel_id)
   );`),
  // 2: the feedback loop: votes (voter only as a salted hash) and redacted unanswered questions.
  migration(`CREATE TABLE feedback (
     entry_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     platform TEXT NOT NULL,
     voter_hash TEXT NOT NULL,
     voted_at INSTANT NOT NULL,
     PRIMARY KEY (entry_id, platform, voter_hash)
   );
   CREATE TABLE unanswered (
     question TEXT NOT NULL PRIMARY KEY,
     count INTEGER NOT NULL DEFAULT 1,
     first_at INSTANT NOT NULL,
     last_at INSTANT NOT NULL
   );
   CREATE TABLE daily_stats (
     day TEXT NOT NULL PRIMARY KEY,
     asked INTEGER NOT NULL DEFAULT 0,
     answered INTEGER NOT NULL DEFAULT 0
   );`),
  // 3: settings the bot generates once and keeps, such as the salt for voters' hashes.
  migration(`CREATE TABLE meta (
     key TEXT NOT NULL PRIMARY KEY,
     value TEXT NOT NULL
   );`),
  // 4: questions users showed an entry answers (a picked suggestion, a 👍 on an unsure answer),
  // redacted by the guard, for moderators to accept as phrasings or reject.
  migration(`CREATE TABLE candidates (
     entry_id TEXT NOT NULL,
     question TEXT NOT NULL,
     count INTEGER NOT NULL DEFAULT 1,
     first_at INSTANT NOT NULL,
     last_at INSTANT NOT NULL,
     status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected')),
     PRIMARY KEY (entry_id, question)
   );`),
  // 5: where a platform that cannot post by channel id alone (Teams) posts a channel's tips later.
  migration(`CREATE TABLE channel_addresses (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     address TEXT NOT NULL,
     updated_at INSTANT NOT NULL,
     PRIMARY KEY (platform, channel_id)
   );`),
  // 6: Slack installed in many workspaces: each installation (sealed with AES-256-GCM, see
  // token-cipher.ts), and the team each vote, question and day's count came from, for `report --team`.
  migration(`CREATE TABLE slack_installations (
     id TEXT NOT NULL PRIMARY KEY,
     team_id TEXT,
     enterprise_id TEXT,
     sealed TEXT NOT NULL,
     installed_at INSTANT NOT NULL,
     updated_at INSTANT NOT NULL
   );
   ALTER TABLE feedback ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
   CREATE TABLE team_daily_stats (
     team_id TEXT NOT NULL,
     day TEXT NOT NULL,
     asked INTEGER NOT NULL DEFAULT 0,
     answered INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (team_id, day)
   );
   CREATE TABLE team_unanswered (
     team_id TEXT NOT NULL,
     question TEXT NOT NULL,
     count INTEGER NOT NULL DEFAULT 1,
     first_at INSTANT NOT NULL,
     last_at INSTANT NOT NULL,
     PRIMARY KEY (team_id, question)
   );`),
  // 7: the signatures of signed requests seen in the last minutes, shared by the replicas on one
  // database, so that a request replayed to another replica is refused too (see replays.ts).
  migration(`CREATE TABLE request_signatures (
     signature TEXT NOT NULL PRIMARY KEY,
     until_s INSTANT NOT NULL
   );
   CREATE INDEX request_signatures_until ON request_signatures (until_s);`),
  // 8: rate limits counted in fixed windows, shared by the replicas on one database (rate-counts.ts).
  migration(`CREATE TABLE rate_counts (
     key TEXT NOT NULL,
     window_start INSTANT NOT NULL,
     window_ms INSTANT NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (key, window_start)
   );`),
  // 9: the team each channel's address belongs to (Teams), so that the bot removed from a team forgets
  // all its channels and their tips. An address kept before this has no team ('') until the channel is
  // next heard from, which writes its address again.
  migration(`ALTER TABLE channel_addresses ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
   CREATE INDEX channel_addresses_team ON channel_addresses (platform, team_id);`),
];

/** The refusal of a database that a newer version of the bot has migrated. */
export function newerThanKnown(current: number, known: number): Error {
  return new Error(
    `The database is at schema version ${current}, newer than this bot knows (${known}). Upgrade the bot.`,
  );
}

/**
 * For a command that only reads the database: its schema must be this version's, neither newer (upgrade
 * the bot) nor older (the bot brings it up to date when it starts; the command does not migrate).
 */
export function assertThisVersion(current: number, known: number): void {
  if (current > known) throw newerThanKnown(current, known);
  if (current < known)
    throw new Error(
      "the database was written by an earlier version of the bot: start the bot once to bring it up to date, then run this again.",
    );
}

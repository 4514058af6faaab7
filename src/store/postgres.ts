import pg from "pg";
import { assertThisVersion, MIGRATIONS, type Migration, newerThanKnown } from "./migrations.js";
import { describeFailure, type PostgresTarget, targetOf } from "./postgres-target.js";
import type { SqlDriver } from "./sql.js";
import { sqlStorage } from "./sql-storage.js";
import type { Storage, StorageOptions } from "./storage.js";

/** How long to wait for a connection before saying the server cannot be reached. */
const CONNECT_TIMEOUT_MS = 10_000;

/** How long a statement may go unanswered (a silent network, a lock never released) before it fails. */
const QUERY_TIMEOUT_MS = 30_000;

/** The advisory lock that migrations run under, the same number in every replica ("smg"). */
const MIGRATION_LOCK = 0x736d67;

/** BIGINT (instants in milliseconds, counts) as a JavaScript number, as SQLite returns it. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 && format !== "binary"
      ? Number
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

const converted = new Map<string, string>();

/** The stores' `?` placeholders as PostgreSQL's $1, $2, ... (their SQL has no `?` inside a literal). */
function postgresText(sql: string): string {
  let text = converted.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    converted.set(sql, text);
  }
  return text;
}

/**
 * A pg Pool behind the driver; a transaction takes one connection from the pool for its length. With
 * `readOnly` (a command that only reads), all its statements run on one connection in one READ ONLY
 * transaction, begun at the first and rolled back at close(): the server enforces it, and, set per
 * transaction rather than per session, it cannot stay on a connection a pooler (PgBouncer) later gives
 * the bot. One transaction, not one per statement: a long `tips preview` makes a thousand reads.
 */
class PostgresDriver implements SqlDriver {
  readonly dialect = "postgres";
  private readOnlySession?: Promise<pg.PoolClient>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly lost: (message: string) => void,
    private readonly readOnly: boolean,
    private readonly client?: pg.PoolClient,
  ) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    // within the read-only transaction already
    if (this.client || this.readOnly) return fn(this);
    return inTransaction(this.pool, this.lost, (client) =>
      fn(new PostgresDriver(this.pool, this.lost, false, client)),
    );
  }

  async ping(): Promise<void> {
    await this.all("SELECT 1");
  }

  async close(): Promise<void> {
    const client = await this.readOnlySession?.catch(() => undefined);
    this.readOnlySession = undefined;
    if (client) await this.endReadOnly(client);
    await this.pool.end();
  }

  private async query(sql: string, params: readonly unknown[]): Promise<pg.QueryResult> {
    const text = postgresText(sql);
    if (this.client) return this.client.query(text, [...params]);
    if (!this.readOnly) return this.pool.query(text, [...params]);
    this.readOnlySession ??= this.beginReadOnly();
    const session = this.readOnlySession;
    const client = await session.catch((error: unknown) => {
      // could not connect or begin: the next statement tries again
      if (this.readOnlySession === session) this.readOnlySession = undefined;
      throw error;
    });
    try {
      return await client.query(text, [...params]);
    } catch (error) {
      // a refused statement aborts the transaction: the next statement begins another
      if (this.readOnlySession === session) this.readOnlySession = undefined;
      await this.endReadOnly(client);
      throw error;
    }
  }

  private async endReadOnly(client: pg.PoolClient): Promise<void> {
    const broken = await client.query("ROLLBACK").then(
      () => undefined,
      (error: Error) => error,
    );
    client.off("error", this.onSessionError);
    client.release(broken);
  }

  private async beginReadOnly(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    // pg emits a checked-out connection's failure as an event: unheard, it would end the process
    client.on("error", this.onSessionError);
    try {
      await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    } catch (error) {
      client.off("error", this.onSessionError);
      client.release(error as Error);
      throw error;
    }
    return client;
  }

  private readonly onSessionError = (error: Error) => this.lost(error.message);
}

/**
 * True for a statement the server refused, saying why in a five-character SQLSTATE code ("23505",
 * "40001", "57014"): the connection is sound. Not for a connection failure (class 08) or the server
 * ending the session ("57P01" when an administrator terminates it, "57P02" and "57P03" when it shuts
 * down or cannot take connections): the connection is gone, and a ROLLBACK on it is pointless.
 */
export function statementRefused(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  // Node's own socket codes ("EPIPE", "EBADF") have the same shape, and mean the connection is gone
  return (
    typeof code === "string" &&
    /^[0-9A-Z]{5}$/.test(code) &&
    !/^(?:08|57P)/.test(code) &&
    !/^E[A-Z]+$/.test(code)
  );
}

/**
 * Runs `fn` on one connection between BEGIN and COMMIT (ROLLBACK when it throws). A connection that
 * breaks meanwhile is reported to `lost` and the pool discards it; the caller gets the rejection.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  lost: (message: string) => void,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // pg emits a checked-out connection's failure as an event: unheard, it would end the process.
  const onError = (error: Error) => lost(error.message);
  client.on("error", onError);
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A statement the server refused (it says why, in a SQLSTATE code) leaves the connection sound: roll
    // back and reuse it. A timeout or a cut connection has no such code, and a ROLLBACK on it would wait
    // as long again (30 s more at shutdown, on a silent network); a session the server ended has one
    // that says so: let the pool discard either instead.
    if (!statementRefused(error)) broken = error as Error;
    else
      await client.query("ROLLBACK").catch((rollback: Error) => {
        broken = rollback;
      });
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

/** The schema's version as recorded; undefined before the first migration (no schema_version table). */
async function schemaVersion(db: pg.Pool | pg.PoolClient): Promise<number | undefined> {
  const table = await db.query("SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass('schema_version')");
  if (table.rows.length === 0) return undefined;
  return (await db.query<{ version: number }>("SELECT version FROM schema_version")).rows[0]?.version ?? 0;
}

/**
 * Brings the schema up to date in one transaction under an advisory lock, so that replicas starting
 * together apply each migration once: the second waits for the lock, then finds the work done. A
 * database already up to date is only read (the usual start), without the lock.
 */
async function migrate(pool: pg.Pool, lost: (message: string) => void, migrations: readonly Migration[]) {
  const known = migrations.length;
  const seen = (await schemaVersion(pool)) ?? 0;
  if (seen > known) throw newerThanKnown(seen, known);
  if (seen === known) return;
  await inTransaction(pool, lost, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    // Read again under the lock: another replica may have migrated meanwhile.
    const recorded = await schemaVersion(client);
    const current = recorded ?? 0;
    if (current > known) throw newerThanKnown(current, known);
    if (current === known) return;
    if (recorded === undefined) {
      await client.query("CREATE TABLE schema_version (version INTEGER NOT NULL)");
      await client.query("INSERT INTO schema_version (version) VALUES (0)");
    }
    // One round trip for all of them: a multi-statement text runs as one simple query.
    await client.query(
      migrations
        .slice(current)
        .map((m) => m.postgres)
        .join("\n"),
    );
    await client.query("UPDATE schema_version SET version = $1", [known]);
  });
}

const NO_TABLES =
  "the database has none of the bot's tables: check that DATABASE_URL names the bot's database (the bot makes its tables when it first starts)";

/**
 * For a command that only reads: the schema must be this bot's, at this version. Nothing is created, so
 * that a mistyped DATABASE_URL naming an empty database does not get the bot's tables.
 */
async function assertCurrent(pool: pg.Pool, known: number): Promise<void> {
  const seen = await schemaVersion(pool);
  if (seen === undefined) throw new Error(NO_TABLES);
  assertThisVersion(seen, known);
}

/**
 * Connects to the PostgreSQL database at `url` and migrates it; with `readOnly`, checks its schema
 * instead, and its statements run in one read-only transaction. Throws one sentence naming the host and the
 * database (never the password) when it cannot: unreachable, refused login, no such database.
 */
export async function openPostgresStorage(url: string, options: StorageOptions = {}): Promise<Storage> {
  const target: PostgresTarget = targetOf(url);
  const lost = options.onConnectionError ?? (() => undefined);
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: "socialmedia-guidance",
    types: TYPES,
  });
  // An idle connection that breaks (a server restart, a network blip) is dropped and replaced.
  pool.on("error", (error) => lost(error.message));
  try {
    if (options.readOnly) await assertCurrent(pool, MIGRATIONS.length);
    else {
      if (options.mustExist && (await schemaVersion(pool)) === undefined) throw new Error(NO_TABLES);
      await migrate(pool, lost, MIGRATIONS);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(describeFailure(error, target));
  }
  return sqlStorage(new PostgresDriver(pool, lost, options.readOnly ?? false), options);
}

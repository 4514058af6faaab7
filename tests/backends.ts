// The two storage backends the store tests run against: SQLite files, and PostgreSQL on the run's one
// server (started by global-setup.ts).
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach } from "vitest";
import { MIGRATIONS } from "../src/store/migrations.js";
import { openStorage } from "../src/store/open.js";
import type { Storage, StorageOptions } from "../src/store/storage.js";
import { tempDir } from "./helpers.js";

/** A backend the store tests run against: fresh empty databases, each opened as often as a test needs. */
export interface TestBackend {
  readonly name: "sqlite" | "postgres";
  /**
   * An empty database: a SQLite file's path, or a PostgreSQL URL (DATABASE_URL). On PostgreSQL it may
   * be one an earlier test of this file used, emptied, with the schema already in place.
   */
  fresh(): Promise<string>;
  /** A database with nothing in it, not even the schema: for the tests of migrations. */
  blank(): Promise<string>;
  /** The storage at `location`, migrated as the bot opens it; closed after the test. */
  open(location: string, options?: StorageOptions): Promise<Storage>;
  /** Raw SQL with `?` placeholders at `location`, for what the storage's API does not do (rows as an older bot left them). */
  sql(location: string, text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/**
 * SQLite and PostgreSQL, for `describe.each`. On PostgreSQL (the run's one server, see global-setup.ts)
 * this test file gets a database of its own, and each fresh() a schema in it. Call once per test file:
 * it closes the storages each test opened, and the file's connections at its end.
 */
export function storageBackends(): readonly TestBackend[] {
  const opened: Storage[] = [];
  const open = async (location: { url?: string; path: string }, options?: StorageOptions) => {
    const storage = await openStorage(location, options);
    opened.push(storage);
    return storage;
  };
  const postgres = postgresForThisFile();
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((s) => s.close()));
    await postgres.recycle();
  });
  afterAll(() => postgres.end());
  return [
    {
      name: "sqlite",
      fresh: async () => join(tempDir("smg-store-"), "bot.db"),
      blank: async () => join(tempDir("smg-store-"), "bot.db"),
      open: (path, options) => open({ path }, options),
      sql: async (path, text, params = []) => {
        const db = new Database(path);
        try {
          const statement = db.prepare(text);
          if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
          statement.run(...params);
          return [];
        } finally {
          db.close();
        }
      },
    },
    {
      name: "postgres",
      fresh: () => postgres.schema(true),
      blank: () => postgres.schema(false),
      open: (url, options) => open({ url, path: "" }, options),
      sql: async (url, text, params = []) => {
        const client = new pg.Client({ connectionString: url, types: BIGINT_AS_NUMBER });
        await client.connect();
        try {
          // Without parameters, several statements may go at once (a migration's text).
          if (params.length === 0) return (await client.query(text)).rows;
          let n = 0;
          const numbered = text.replace(/\?/g, () => `$${++n}`);
          return (await client.query(numbered, [...params])).rows;
        } finally {
          await client.end();
        }
      },
    },
  ];
}

const BIGINT_AS_NUMBER: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? Number
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** The test run's PostgreSQL server, as global-setup.ts started it: its URL without a database. */
export function testPostgresUrl(): string {
  const url = process.env.SMG_TEST_PG;
  if (!url)
    throw new Error(
      "SMG_TEST_PG is not set: run the tests with vitest, whose global setup starts PostgreSQL",
    );
  return url;
}

/**
 * This file's database, made on first use; each schema in it is a database of its own to the bot (its
 * URL sets search_path). Migrating a new schema is most of a test's time on PostgreSQL, so after each
 * test the schemas it used that are at the current version are emptied and handed out again.
 */
function postgresForThisFile(): {
  schema: (reuse: boolean) => Promise<string>;
  recycle: () => Promise<void>;
  end: () => Promise<void>;
} {
  let made: Promise<{ base: string; pool: pg.Pool }> | undefined;
  let count = 0;
  const used: string[] = [];
  const spare: string[] = [];
  const database = async () => {
    const name = `smg_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: `${testPostgresUrl()}/postgres` });
    await admin.connect();
    try {
      // Copying the small template's files is quicker than logging them page by page (the default).
      await admin.query(`CREATE DATABASE ${name} STRATEGY FILE_COPY`);
    } finally {
      await admin.end();
    }
    const base = `${testPostgresUrl()}/${name}`;
    return { base, pool: new pg.Pool({ connectionString: base, max: 2 }) };
  };
  return {
    schema: async (reuse) => {
      made ??= database();
      const { base, pool } = await made;
      let schema = reuse ? spare.pop() : undefined;
      if (!schema) {
        schema = `test_${++count}`;
        await pool.query(`CREATE SCHEMA ${schema}`);
      }
      used.push(schema);
      return `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
    recycle: async () => {
      if (!made) return;
      const { pool } = await made;
      for (const schema of used.splice(0)) {
        const tables = await pool
          .query<{ name: string; version: number | null }>(
            `SELECT c.relname AS name, (SELECT version FROM ${schema}.schema_version) AS version
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> 'schema_version'`,
            [schema],
          )
          .catch(() => undefined);
        if (!tables?.rows.length || tables.rows[0]?.version !== MIGRATIONS.length) continue;
        await pool.query(`TRUNCATE ${tables.rows.map((t) => `${schema}.${t.name}`).join(", ")}`);
        spare.push(schema);
      }
    },
    end: async () => {
      if (made) await (await made).pool.end();
    },
  };
}

import { statSync } from "node:fs";
import type { Statement } from "better-sqlite3";
import { type Db, openDatabase } from "./db.js";
import { holdInUse } from "./in-use.js";
import type { SqlDriver } from "./sql.js";
import { sqlStorage } from "./sql-storage.js";
import type { Storage, StorageOptions } from "./storage.js";

/**
 * The transaction open in this process, if any. better-sqlite3 runs on this one thread, so a statement
 * on another connection that waited for the file's lock (busy_timeout) would block the very thread the
 * open transaction needs to finish: instead, every statement of this process outside it waits here.
 */
let gate: Promise<void> | undefined;

/**
 * better-sqlite3 behind the async driver. Its calls are synchronous, so a statement outside a
 * transaction runs at once, when called. A transaction holds the file's write lock (BEGIN IMMEDIATE)
 * across its awaits, and meanwhile this process's other statements wait for it (`gate`): on the same
 * connection they would otherwise become part of it, and be rolled back with it.
 */
class SqliteDriver implements SqlDriver {
  readonly dialect = "sqlite";

  constructor(
    private readonly db: Db,
    /** Throws when the file opened was deleted or replaced since (see fileKept). */
    private readonly checkFile: () => void,
    private readonly statements = new Map<string, Statement<unknown[]>>(),
    private readonly inTransaction = false,
  ) {}

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.when(() => this.prepared(sql).all(...params) as T[]);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.when(() => {
      this.checkFile();
      return this.prepared(sql).run(...params).changes;
    });
  }

  ping(): Promise<void> {
    return this.when(() => {
      this.checkFile();
      this.prepared("SELECT 1").get();
    });
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    while (gate) await gate;
    let open = () => {};
    gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    try {
      this.checkFile();
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(new SqliteDriver(this.db, this.checkFile, this.statements, true));
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    } finally {
      gate = undefined;
      open();
    }
  }

  async close(): Promise<void> {
    while (gate) await gate;
    this.db.close();
  }

  /** Runs `statement` now, or after the transaction in progress; a throw becomes a rejection. */
  private when<T>(statement: () => T): Promise<T> {
    if (gate && !this.inTransaction) return gate.then(() => this.when(statement));
    try {
      return Promise.resolve(statement());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private prepared(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * A check that the file at `path` is still the one opened. Deleted or replaced while the bot runs (by
 * hand, or a restore with the bot still running), the open connection writes on into a file no path
 * leads to, and everything written is lost at exit: such writes fail instead, saying why, and so does
 * /readyz.
 */
function fileKept(path: string): () => void {
  if (path === ":memory:" || path === "") return () => {};
  const opened = statSync(path);
  return () => {
    let now: { readonly dev: number; readonly ino: number } | undefined;
    try {
      now = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") return;
    }
    if (now?.dev === opened.dev && now.ino === opened.ino) return;
    throw new Error(
      `the database file ${path} was ${now ? "replaced" : "deleted"} while the bot ran, so what it records now would be lost. Restart the bot to open the file at ${path}${now ? "" : " (or restore a backup there first: see the README)"}.`,
    );
  };
}

/**
 * Opens the SQLite file at `path` (created if needed, checked with quick_check, migrated): the
 * default storage. Throws a sentence saying what is wrong, as openDatabase does.
 */
export function openSqliteStorage(path: string, options: StorageOptions = {}): Storage {
  // held while the database is open, so that `restore` refuses to swap it (a reader changes nothing);
  // taken first, so that a restore in progress is waited for before the file is opened and its inode
  // noted (fileKept)
  // said once the database has opened: where it cannot (a path under a file), why is all there is to say
  const warnings: string[] = [];
  const release = options.readOnly ? () => {} : holdInUse(path, (message) => warnings.push(message));
  let db: Db;
  try {
    db = openDatabase(path, { readOnly: options.readOnly ?? false, mustExist: options.mustExist ?? false });
  } catch (error) {
    release();
    throw error;
  }
  for (const message of warnings) options.onWarning?.(message);
  const storage = sqlStorage(new SqliteDriver(db, fileKept(path)), options);
  return {
    ...storage,
    close: async () => {
      try {
        await storage.close();
      } finally {
        release();
      }
    },
  };
}

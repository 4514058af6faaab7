import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { SqlDriver } from "../src/store/sql.js";
import { sqlStorage } from "../src/store/sql-storage.js";
import { RECOVER_MS, watchWrites } from "../src/store/write-watch.js";
import { tempDir } from "./helpers.js";

// A database that answers reads but cannot take writes (a full disk) is not ready: /readyz's database
// check is the storage's ping.

/** A driver whose statements fail with `error` while it is set, as SQLite's do on a full disk. */
function fakeDriver() {
  const state = { error: undefined as (Error & { code?: string }) | undefined, writes: [] as string[] };
  const driver: SqlDriver = {
    dialect: "sqlite",
    all: async () => {
      if (state.error) throw state.error;
      return [];
    },
    run: async (sql) => {
      if (state.error) throw state.error;
      state.writes.push(sql);
      return 1;
    },
    transaction: (fn) => fn(driver),
    ping: async () => {},
    close: async () => {},
  };
  return { driver, state };
}

const full = () => Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });

/** A real SQLite file behind the SqlDriver port, whose size can be capped (max_page_count). */
function cappedSqlite() {
  const db = new Database(join(tempDir("smg-full-"), "bot.db"));
  db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  db.exec("CREATE TABLE votes (id INTEGER PRIMARY KEY, note TEXT NOT NULL)");
  const driver: SqlDriver = {
    dialect: "sqlite",
    all: async (sql, params = []) => db.prepare(sql).all(...params) as never[],
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
    transaction: async (fn) => {
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(driver);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    },
    ping: async () => void db.prepare("SELECT 1").get(),
    close: async () => void db.close(),
  };
  const cap = (pages?: number) => {
    const count = db.pragma("page_count", { simple: true }) as number;
    db.pragma(`max_page_count = ${pages ?? count}`);
  };
  return { driver, cap };
}

describe("writes watched for /readyz", () => {
  it("fails the storage's ping once a write fails for want of room, saying since when and why", async () => {
    const { driver, state } = fakeDriver();
    const storage = sqlStorage(driver, {});
    await storage.ping();
    state.error = full();
    await expect(storage.tips.disable("slack", "C1", 1)).rejects.toThrow(/full/);
    await expect(storage.ping()).rejects.toThrow(
      /^writes have been failing since \S+Z, the last at \S+Z \(database or disk is full\): check the disk/,
    );
  });

  it("is ready again only when writes have gone a while without failing and its own probe writes", async () => {
    const { driver, state } = fakeDriver();
    let clock = Date.parse("2026-11-29T10:00:00Z");
    const watched = watchWrites(driver, () => clock);
    state.error = full();
    await expect(watched.run("UPDATE x SET y = 1")).rejects.toThrow(/full/);
    await expect(watched.ping()).rejects.toThrow(
      "since 2026-11-29T10:00:00.000Z, the last at 2026-11-29T10:00:00.000Z (database or disk is full)",
    );
    // room again: a write that succeeds, or the probe, is not enough at once
    state.error = undefined;
    clock += 30_000;
    await watched.run("UPDATE x SET y = 1");
    await expect(watched.ping()).rejects.toThrow(/writes have been failing since/);
    expect(state.writes.some((sql) => sql.startsWith("INSERT INTO meta"))).toBe(true);
    // long enough without a failure, and the probe writes: ready, with no other traffic
    clock += RECOVER_MS;
    await watched.ping();
    await watched.ping();
  });

  it("counts a write through all() (INSERT … RETURNING), and not a write refused for its own sake", async () => {
    const { driver, state } = fakeDriver();
    const watched = watchWrites(driver);
    state.error = Object.assign(new Error("UNIQUE constraint failed"), { code: "SQLITE_CONSTRAINT_UNIQUE" });
    await expect(watched.run("INSERT INTO x VALUES (1)")).rejects.toThrow(/UNIQUE/);
    await watched.ping();
    state.error = Object.assign(new Error("could not extend file"), { code: "53100" });
    await expect(watched.all("INSERT INTO counts VALUES (1) RETURNING n")).rejects.toThrow(/extend/);
    await expect(watched.ping()).rejects.toThrow("(could not extend file)");
  });

  it("counts PostgreSQL's disk full and read-only transactions, and a failed transaction", async () => {
    for (const code of ["53100", "25006", "58030"]) {
      const { driver, state } = fakeDriver();
      const watched = watchWrites(driver);
      state.error = Object.assign(new Error(`refused (${code})`), { code });
      await expect(watched.transaction((tx) => tx.run("UPDATE x SET y = 1"))).rejects.toThrow(/refused/);
      await expect(watched.ping()).rejects.toThrow(`(refused (${code}))`);
    }
  });

  it("does not count a server too busy to connect, and is not ready while its probe cannot write", async () => {
    const { driver, state } = fakeDriver();
    let clock = 0;
    const watched = watchWrites(driver, () => clock);
    state.error = Object.assign(new Error("sorry, too many clients already"), { code: "53300" });
    await expect(watched.all("INSERT INTO counts VALUES (1) RETURNING n")).rejects.toThrow(/too many/);
    state.error = undefined;
    await watched.ping();
    // full, then room again, but the probe meets a lock another process holds: nothing is settled
    state.error = full();
    await expect(watched.run("UPDATE x SET y = 1")).rejects.toThrow(/full/);
    state.error = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    clock += RECOVER_MS;
    await expect(watched.ping()).rejects.toThrow(/database or disk is full/);
    state.error = undefined;
    // two checks at once as it recovers (an orchestrator and a load balancer): both ready
    const both = await Promise.allSettled([watched.ping(), watched.ping()]);
    expect(both.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
  });

  it("stays not ready on a real SQLite file that is full, though transactions that write nothing succeed", async () => {
    const { driver, cap } = cappedSqlite();
    let clock = 0;
    const watched = watchWrites(driver, () => clock);
    cap();
    const vote = () => watched.run("INSERT INTO votes (note) VALUES (?)", ["y".repeat(3000)]);
    await vote().catch(() => undefined);
    await expect(vote()).rejects.toMatchObject({ code: "SQLITE_FULL" });
    // a claim that finds nothing to do: BEGIN IMMEDIATE and COMMIT succeed on a full file
    await watched.transaction(async (tx) => tx.all("SELECT 1"));
    clock += RECOVER_MS;
    await expect(watched.ping()).rejects.toThrow(/database or disk is full/);
    cap(100_000);
    clock += RECOVER_MS;
    await watched.ping();
    await vote();
  });
});

import { describe, expect, it } from "vitest";
import type { SqlDriver } from "../src/store/sql.js";
import { sqlStorage } from "../src/store/sql-storage.js";
import { watchWrites } from "../src/store/write-watch.js";

// A database that answers reads but cannot take writes (a full disk) is not ready: /readyz's database
// check is the storage's ping.

/** A driver whose writes fail with `error` while it is set, as SQLite's do on a full disk. */
function fakeDriver() {
  const state = { error: undefined as (Error & { code?: string }) | undefined, writes: [] as string[] };
  const driver: SqlDriver = {
    dialect: "sqlite",
    all: async () => [],
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

describe("writes watched for /readyz", () => {
  it("fails ping once a write fails for want of room, saying since when and why, until a write succeeds", async () => {
    const { driver, state } = fakeDriver();
    const storage = sqlStorage(driver, {});
    await storage.ping();
    state.error = full();
    await expect(storage.tips.disable("slack", "C1", 1)).rejects.toThrow(/full/);
    await expect(storage.ping()).rejects.toThrow(
      /^writes have been failing since \d{4}-\d\d-\d\dT[\d:.]+Z \(database or disk is full\): check the disk/,
    );
    // room again: the next ping writes a probe of its own, and is ready with no other traffic
    state.error = undefined;
    await storage.ping();
    expect(state.writes.at(-1)).toMatch(/^INSERT INTO meta .*'write_probe'/);
    await storage.ping();
  });

  it("does not count a write refused for its own sake (a broken constraint)", async () => {
    const { driver, state } = fakeDriver();
    const watched = watchWrites(driver);
    state.error = Object.assign(new Error("UNIQUE constraint failed"), { code: "SQLITE_CONSTRAINT_UNIQUE" });
    await expect(watched.run("INSERT INTO x VALUES (1)")).rejects.toThrow(/UNIQUE/);
    await watched.ping();
    expect(state.writes).toEqual([]);
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
});

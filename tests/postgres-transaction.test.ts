import type pg from "pg";
import { describe, expect, it } from "vitest";
import { hasSqlState, inTransaction } from "../src/store/postgres.js";

// A transaction on one pooled connection: rolled back when the server refused a statement, and the
// connection discarded, without a ROLLBACK, when the connection itself failed (a timeout, a cut).

/** A pool of one connection that fails the statement after BEGIN with `failure`, recording what it was sent. */
function poolFailingWith(failure: Error) {
  const sent: string[] = [];
  let released: { readonly error?: Error | boolean } | undefined;
  const client = {
    on: () => client,
    off: () => client,
    query: async (sql: string) => {
      sent.push(sql);
      if (sql !== "BEGIN" && sql !== "ROLLBACK") throw failure;
      return { rows: [] };
    },
    release: (error?: Error | boolean) => {
      released = { error };
    },
  };
  const pool = { connect: async () => client } as unknown as pg.Pool;
  return { pool, sent, released: () => released };
}

describe("a PostgreSQL transaction that fails", () => {
  it("rolls back a statement the server refused, and keeps the connection", async () => {
    const refused = Object.assign(new Error("duplicate key"), { code: "23505" });
    const { pool, sent, released } = poolFailingWith(refused);
    await expect(
      inTransaction(
        pool,
        () => {},
        (c) => c.query("INSERT"),
      ),
    ).rejects.toBe(refused);
    expect(sent).toEqual(["BEGIN", "INSERT", "ROLLBACK"]);
    expect(released()).toEqual({ error: undefined });
  });

  it("discards a connection that timed out, without waiting for a ROLLBACK on it", async () => {
    const timeout = new Error("Query read timeout");
    const { pool, sent, released } = poolFailingWith(timeout);
    await expect(
      inTransaction(
        pool,
        () => {},
        (c) => c.query("UPDATE"),
      ),
    ).rejects.toBe(timeout);
    expect(sent).toEqual(["BEGIN", "UPDATE"]);
    expect(released()).toEqual({ error: timeout });
    expect(hasSqlState({ code: "57014" })).toBe(true);
    expect(hasSqlState({ code: "ECONNRESET" })).toBe(false);
  });
});

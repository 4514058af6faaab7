import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { inTransaction, statementRefused } from "../src/store/postgres.js";
import { storageBackends, type TestBackend } from "./backends.js";
import { until, waitFor, within } from "./helpers.js";
import { type TcpProxy, tcpProxy } from "./tcp-proxy.js";

// A transaction on one pooled connection, on the run's real PostgreSQL server: rolled back when the
// server refused a statement, the connection kept; discarded, without a ROLLBACK, when the connection
// itself failed (cut, or gone silent), and the pool still works afterwards.

const found = storageBackends().find((b) => b.name === "postgres");
if (!found) throw new Error("no PostgreSQL backend");
const postgres: TestBackend = found;

const opened: { end: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((o) => o.end()));
});

/** A pool of one connection to a fresh schema holding `t (id INTEGER PRIMARY KEY)`, through a proxy on 127.0.0.1. */
async function poolOfOne(): Promise<{ pool: pg.Pool; proxy: TcpProxy; url: string; lost: string[] }> {
  const url = await postgres.blank();
  await postgres.sql(url, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
  const direct = new URL(url);
  if (direct.hostname !== "127.0.0.1")
    throw new Error(`the test server is not on 127.0.0.1: ${direct.hostname}`);
  const proxy = await tcpProxy(Number(direct.port));
  const proxied = new URL(url);
  proxied.port = String(proxy.port);
  const pool = new pg.Pool({ connectionString: proxied.toString(), max: 1 });
  const lost: string[] = [];
  // what an idle connection's failure would report (the store logs it); inTransaction reports the rest
  pool.on("error", (error) => lost.push(error.message));
  opened.push({ end: () => pool.end() }, { end: () => proxy.close() });
  return { pool, proxy, url, lost };
}

/** The ids in `t`, read on a connection of its own (not through the proxy). */
async function ids(url: string): Promise<number[]> {
  return (await postgres.sql(url, "SELECT id FROM t ORDER BY id")).map((r) => Number(r.id));
}

describe("a PostgreSQL transaction that fails", () => {
  it("tells a statement the server refused from a session it ended or a connection that failed", () => {
    for (const code of ["23505", "40001", "57014", "42P01"])
      expect(statementRefused(Object.assign(new Error(code), { code }))).toBe(true);
    // terminated by an administrator, the server shutting down, a connection failure; no code at all
    for (const code of ["57P01", "57P02", "57P03", "08006", "ECONNRESET", "EPIPE", "EBADF", undefined])
      expect(statementRefused(Object.assign(new Error(String(code)), { code }))).toBe(false);
  });

  it("rolls back a statement the server refused, and keeps the connection for the next", async () => {
    const { pool, url, lost } = await poolOfOne();
    const pid = async (c: pg.Pool | pg.PoolClient) =>
      (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
    const before = await pid(pool);
    const refused = inTransaction(
      pool,
      (m) => lost.push(m),
      async (c) => {
        await c.query("INSERT INTO t VALUES (1)");
        await c.query("INSERT INTO t VALUES (1)");
      },
    );
    await expect(refused).rejects.toMatchObject({ code: "23505" });
    // the first insert went with the rollback, and the same connection is out of the failed transaction
    expect(await ids(url)).toEqual([]);
    expect(await pid(pool)).toBe(before);
    await inTransaction(
      pool,
      (m) => lost.push(m),
      (c) => c.query("INSERT INTO t VALUES (2)"),
    );
    expect(await ids(url)).toEqual([2]);
    expect(pool.totalCount).toBe(1);
    expect(lost).toEqual([]);
  });

  it("discards a connection cut mid-statement, reports it, and connects afresh for the next", async () => {
    const { pool, proxy, url, lost } = await poolOfOne();
    // another session holds the table, so that the transaction's statement waits on the server
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    opened.push({ end: () => holder.end() });
    await holder.query("BEGIN");
    await holder.query("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
    let waiting: number | undefined;
    const cut = inTransaction(
      pool,
      (m) => lost.push(m),
      async (c) => {
        waiting = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
        await c.query("INSERT INTO t VALUES (1)");
      },
    );
    cut.catch(() => undefined);
    await until(async () => {
      const rows = await postgres.sql(
        url,
        "SELECT wait_event_type AS w FROM pg_stat_activity WHERE pid = ?",
        [waiting ?? 0],
      );
      return rows[0]?.w === "Lock" ? true : undefined;
    });
    proxy.cut();
    const error = await cut.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(statementRefused(error)).toBe(false);
    expect(lost).toContain((error as Error).message);
    await waitFor(() => pool.totalCount === 0, { what: "the pool to discard the cut connection" });
    await holder.query("ROLLBACK");
    await inTransaction(
      pool,
      (m) => lost.push(m),
      (c) => c.query("INSERT INTO t VALUES (2)"),
    );
    expect(await ids(url)).toEqual([2]);
  });

  it("discards a connection gone silent without sending it a ROLLBACK to wait on, and the pool works on", async () => {
    const { pool, proxy, url, lost } = await poolOfOne();
    let silent: ReturnType<TcpProxy["freeze"]> | undefined;
    const failed = inTransaction(
      pool,
      (m) => lost.push(m),
      async (c) => {
        await c.query("INSERT INTO t VALUES (1)");
        silent = proxy.freeze();
        // the driver gives up on a statement the network never answers (the store's pool after 30 s)
        await c.query({ text: "INSERT INTO t VALUES (3)", query_timeout: 100 } as pg.QueryConfig);
      },
    );
    // A ROLLBACK on the silent connection would wait behind the unanswered statement for ever.
    const error = await within(
      failed.then(
        () => undefined,
        (e: unknown) => e,
      ),
      "the failed transaction to settle while its connection is still silent",
    );
    expect((error as Error).message).toBe("Query read timeout");
    await waitFor(() => silent?.closed(), { what: "the pool to close the silent connection" });
    expect(silent?.sent()).toContain("INSERT INTO t VALUES (3)");
    expect(silent?.sent()).not.toContain("ROLLBACK");
    expect(pool.totalCount).toBe(0);
    // the server saw the connection close: the open transaction's insert is gone
    await inTransaction(
      pool,
      (m) => lost.push(m),
      (c) => c.query("INSERT INTO t VALUES (2)"),
    );
    expect(await ids(url)).toEqual([2]);
  });
});

import { randomBytes, randomUUID } from "node:crypto";
import type { SqlDriver } from "./sql.js";

/**
 * Errors that say the database cannot take writes at all, rather than refusing one statement: a full
 * disk, an I/O error, a file or server that has gone read-only, damaged data. A broken constraint, a
 * conflict or a busy server is not one (the next write may well succeed).
 */
function cannotWrite(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string") return false;
  if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)/.test(code)) return true;
  // PostgreSQL's SQLSTATE: disk full, a read-only transaction (a standby, a database set read-only), an
  // I/O error, damaged data or index. Not the rest of class 53: "too many connections" (53300) is a
  // busy server for a moment, and holding every replica out of service for it made an outage.
  return ["53100", "25006", "58030", "XX001", "XX002"].includes(code);
}

/** How long writes must go without failing, the probe's included, before the database is ready again. */
export const RECOVER_MS = 2 * 60_000;

/** A probe's row: about a page of random data (which PostgreSQL cannot compress), so that it needs room. */
const PROBE_BYTES = 3072;

/** A run of failing writes: since when, and the latest failure. */
interface Failing {
  readonly since: number;
  last: { at: number; reason: string };
}

/**
 * The driver, watching its writes: once a statement fails because the database cannot take writes,
 * ping() (and so /readyz) fails too, saying since when and why. A database that answered SELECT 1 but
 * could not record a vote was reported ready. It is ready again only when writes have gone RECOVER_MS
 * without failing and ping()'s own probe (a row of about a page, written and removed in one
 * transaction) succeeds: a statement that succeeds says little (it may have written nothing, or fit in
 * space the file already had), and a replica taken out of service gets no traffic to write with.
 */
export function watchWrites(driver: SqlDriver, now: () => number = Date.now): SqlDriver {
  let failing: Failing | undefined;
  const failed = (error: unknown) => {
    if (!cannotWrite(error)) return;
    const last = { at: now(), reason: (error as Error).message.split("\n")[0] ?? "" };
    if (failing) failing.last = last;
    else failing = { since: last.at, last };
  };
  const watched = async <T>(statement: () => Promise<T>): Promise<T> => {
    try {
      return await statement();
    } catch (error) {
      failed(error);
      throw error;
    }
  };
  const probe = () =>
    driver.transaction(async (tx) => {
      const key = `write_probe:${randomUUID()}`;
      const value = randomBytes(PROBE_BYTES).toString("base64");
      await tx.run("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value]);
      await tx.run("DELETE FROM meta WHERE key = ?", [key]);
    });
  return {
    dialect: driver.dialect,
    // all() writes too (INSERT … RETURNING: the rate counts)
    all: (sql, params) => watched(() => driver.all(sql, params)),
    run: (sql, params) => watched(() => driver.run(sql, params)),
    transaction: (fn) => watched(() => driver.transaction(fn)),
    async ping() {
      await driver.ping();
      if (!failing) return;
      let probed = false;
      try {
        await watched(probe);
        probed = true;
      } catch {
        // not ready: a probe that could not write (a lock held elsewhere, say) settles nothing
      }
      // read after the probe: another ping may have ended the run meanwhile
      const run = failing;
      if (!run) return;
      if (probed && now() - run.last.at >= RECOVER_MS) {
        failing = undefined;
        return;
      }
      throw new Error(
        `writes have been failing since ${new Date(run.since).toISOString()}, the last at ${new Date(run.last.at).toISOString()} (${run.last.reason}): check the disk or the database server`,
      );
    },
    close: () => driver.close(),
  };
}

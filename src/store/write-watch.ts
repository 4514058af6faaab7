import type { SqlDriver } from "./sql.js";

/**
 * Errors that say the database cannot take writes at all, rather than refusing one statement: a full
 * disk, an I/O error, a file or server that has gone read-only, a server out of resources. A broken
 * constraint or a conflict is not one (the next write may well succeed).
 */
function cannotWrite(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string") return false;
  if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)/.test(code)) return true;
  // PostgreSQL's SQLSTATE: class 53 (disk full, out of memory), 58 (system error), XX (internal),
  // 25006 (read-only transaction: a standby, or a database set read-only)
  return /^(53|58|XX)[0-9A-Z]{3}$/.test(code) || code === "25006";
}

/** Why writes fail, and since when. */
interface Failing {
  readonly since: number;
  readonly reason: string;
}

/**
 * The driver, watching its writes: once one fails because the database cannot take writes, ping()
 * (and so /readyz) fails too, saying why, until a write succeeds. While failing, ping() tries a small
 * write of its own, so that a replica taken out of service (no traffic, no writes) comes back once the
 * disk has room again. A database that answers SELECT 1 but cannot record a vote was reported ready.
 */
export function watchWrites(driver: SqlDriver, now: () => number = Date.now): SqlDriver {
  let failing: Failing | undefined;
  const watched = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      const result = await write();
      failing = undefined;
      return result;
    } catch (error) {
      if (cannotWrite(error))
        failing ??= { since: now(), reason: (error as Error).message.split("\n")[0] ?? "" };
      throw error;
    }
  };
  const probe = () =>
    driver.run(
      "INSERT INTO meta (key, value) VALUES ('write_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [String(now())],
    );
  return {
    dialect: driver.dialect,
    all: (sql, params) => driver.all(sql, params),
    run: (sql, params) => watched(() => driver.run(sql, params)),
    transaction: (fn) => watched(() => driver.transaction(fn)),
    async ping() {
      await driver.ping();
      const was = failing;
      if (!was) return;
      try {
        await watched(probe);
      } catch {
        throw new Error(
          `writes have been failing since ${new Date(was.since).toISOString()} (${was.reason}): check the disk or the database server`,
        );
      }
    },
    close: () => driver.close(),
  };
}

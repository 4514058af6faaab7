/**
 * What the stores' SQL needs of a database: rows, a count of changed rows, and transactions. The SQL is
 * written once, with `?` placeholders, in the subset both SQLite and PostgreSQL read the same way;
 * sqlite.ts and postgres.ts each implement this over their driver.
 */
export interface SqlDriver {
  readonly dialect: "sqlite" | "postgres";
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves with the number of rows it inserted, changed or deleted. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it throws. Inside,
   * use only `tx`, the transaction's own driver (a transaction on it joins this one): on SQLite, every
   * other statement of the process waits for the transaction to end.
   */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  /** Resolves when the database answers, and is still the one opened; rejects saying why not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The first row, or undefined. */
export async function one<T>(
  driver: SqlDriver,
  sql: string,
  params?: readonly unknown[],
): Promise<T | undefined> {
  return (await driver.all<T>(sql, params))[0];
}

/** "?, ?, ?" for a list of `n` values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => "?").join(", ");
}

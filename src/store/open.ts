import type { Storage, StorageOptions } from "./storage.js";

/** Where the data is: a PostgreSQL URL when one is set, else the SQLite file. */
export interface StorageLocation {
  /** postgres:// or postgresql://: selects PostgreSQL. */
  readonly url?: string;
  /** The SQLite file, used when there is no URL. */
  readonly path: string;
}

/**
 * Opens the storage: PostgreSQL when `url` is set, else SQLite at `path`; migrated either way. Only the
 * driver in use is loaded. Throws a sentence saying what is wrong (never a password).
 */
export async function openStorage(location: StorageLocation, options: StorageOptions = {}): Promise<Storage> {
  if (location.url) {
    const { openPostgresStorage } = await import("./postgres.js");
    return openPostgresStorage(location.url, options);
  }
  const { openSqliteStorage } = await import("./sqlite.js");
  return openSqliteStorage(location.path, options);
}

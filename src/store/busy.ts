/**
 * Whether SQLite refused a statement for another connection's lock (SQLITE_BUSY and its extended
 * codes), which waiting may cure, unlike any other error. Free of the driver, so that what records use
 * in the background can ask it without loading SQLite.
 */
export function lockedOut(error: unknown): boolean {
  return String((error as { code?: unknown } | undefined)?.code).startsWith("SQLITE_BUSY");
}

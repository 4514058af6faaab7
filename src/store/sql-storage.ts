import { AddressSql } from "./addresses.js";
import { FeedbackSql } from "./feedback.js";
import type { SqlDriver } from "./sql.js";
import type { Storage, StorageOptions } from "./storage.js";
import { TipSql } from "./tips.js";

/** The storage over a driver: the same SQL for SQLite and PostgreSQL. */
export function sqlStorage(driver: SqlDriver, options: StorageOptions): Storage {
  return {
    feedback: new FeedbackSql(driver, options.feedbackSalt),
    tips: new TipSql(driver),
    addresses: new AddressSql(driver),
    close: () => driver.close(),
  };
}

import { AddressSql } from "./addresses.js";
import { FeedbackSql } from "./feedback.js";
import { InstallationSql } from "./installations.js";
import { RateCountSql } from "./rate-counts.js";
import { ReplaySql } from "./replays.js";
import type { SqlDriver } from "./sql.js";
import type { Storage, StorageOptions } from "./storage.js";
import { TipSql } from "./tips.js";
import { watchWrites } from "./write-watch.js";

/** The storage over a driver: the same SQL for SQLite and PostgreSQL. */
export function sqlStorage(given: SqlDriver, options: StorageOptions): Storage {
  const driver = watchWrites(given);
  return {
    feedback: new FeedbackSql(driver, options.feedbackSalt),
    tips: new TipSql(driver),
    addresses: new AddressSql(driver),
    installations: (cipher) => new InstallationSql(driver, cipher),
    replays: new ReplaySql(driver),
    rateCounts: new RateCountSql(driver),
    ping: () => driver.ping(),
    close: () => driver.close(),
  };
}

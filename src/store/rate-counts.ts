import { one, type SqlDriver } from "./sql.js";

/**
 * Rate limits counted in the database, so that they hold across the replicas on it: each key's events
 * are counted in fixed windows (`windowMs` long, aligned to the epoch), and one statement adds an event
 * and reads the count. A fixed window lets a burst straddle two windows (up to twice the limit over
 * any stretch of one window's length); the in-memory limiter of a single process slides instead.
 */
export interface RateCounts {
  /** Counts an event for `key`; undefined when it is within `limit` for its window, else the seconds to wait. */
  take(key: string, limit: number, windowMs: number, now: number): Promise<number | undefined>;
  /** Takes back the event counted for `key` at `at` (in its window), when what it counted did not happen. */
  giveBack(key: string, windowMs: number, at: number): Promise<void>;
}

/** Counts in the `rate_counts` table; windows that have ended are dropped now and then. */
export class RateCountSql implements RateCounts {
  private lastSweep = 0;

  constructor(private readonly db: SqlDriver) {}

  async take(key: string, limit: number, windowMs: number, now: number): Promise<number | undefined> {
    const start = now - (now % windowMs);
    const row = await one<{ count: number }>(
      this.db,
      `INSERT INTO rate_counts (key, window_start, window_ms, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counts.count + 1
       RETURNING count`,
      [key, start, windowMs],
    );
    await this.sweep(now);
    if ((row?.count ?? 0) <= limit) return undefined;
    return Math.max(1, Math.ceil((start + windowMs - now) / 1000));
  }

  async giveBack(key: string, windowMs: number, at: number): Promise<void> {
    await this.db.run(
      "UPDATE rate_counts SET count = count - 1 WHERE key = ? AND window_start = ? AND count > 0",
      [key, at - (at % windowMs)],
    );
  }

  /** At most once a minute: the rows of windows that have ended go. */
  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    await this.db.run("DELETE FROM rate_counts WHERE window_start + window_ms < ?", [now]);
  }
}

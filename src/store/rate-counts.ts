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
  /**
   * Counts an event for `key` at `now` against those of the `windowMs` before it, a window that slides
   * (each moment its own row): undefined when within `limit`, else the seconds to wait. For a limit
   * that must hold exactly (one share of an answer in ten minutes: fixed windows let two presses a
   * second apart through when they fell either side of a window's edge). Of two replicas counting at
   * nearly the same moment, the later sees the earlier.
   */
  takeSliding(key: string, limit: number, windowMs: number, now: number): Promise<number | undefined>;
  /** Takes back the event takeSliding counted for `key` at `at`. */
  giveBackSliding(key: string, at: number): Promise<void>;
}

/** Counts in the `rate_counts` table; windows that have ended are dropped now and then. */
export class RateCountSql implements RateCounts {
  private lastSweep = 0;

  constructor(private readonly db: SqlDriver) {}

  async take(key: string, limit: number, windowMs: number, now: number): Promise<number | undefined> {
    const start = now - (now % windowMs);
    const count = await this.add(key, start, windowMs);
    await this.sweep(now);
    if (count <= limit) return undefined;
    return Math.max(1, Math.ceil((start + windowMs - now) / 1000));
  }

  async giveBack(key: string, windowMs: number, at: number): Promise<void> {
    await this.giveBackSliding(key, at - (at % windowMs));
  }

  async takeSliding(key: string, limit: number, windowMs: number, now: number): Promise<number | undefined> {
    const count = await this.add(key, now, windowMs);
    // PostgreSQL gives a SUM of integers, and a BIGINT, as text
    const earlier = await one<{ n: number | string | null; first: number | string | null }>(
      this.db,
      `SELECT SUM(count) AS n, MIN(window_start) AS first FROM rate_counts
       WHERE key = ? AND window_start > ? AND window_start < ? AND count > 0`,
      [key, now - windowMs, now],
    );
    await this.sweep(now);
    if (Number(earlier?.n ?? 0) + count <= limit) return undefined;
    const first = earlier?.first === null || earlier?.first === undefined ? now : Number(earlier.first);
    return Math.max(1, Math.ceil((first + windowMs - now) / 1000));
  }

  async giveBackSliding(key: string, at: number): Promise<void> {
    await this.db.run(
      "UPDATE rate_counts SET count = count - 1 WHERE key = ? AND window_start = ? AND count > 0",
      [key, at],
    );
  }

  /** Adds an event to `key`'s row starting at `start` (made if new); its count now. */
  private async add(key: string, start: number, windowMs: number): Promise<number> {
    const row = await one<{ count: number }>(
      this.db,
      `INSERT INTO rate_counts (key, window_start, window_ms, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counts.count + 1
       RETURNING count`,
      [key, start, windowMs],
    );
    return Number(row?.count ?? 0);
  }

  /** At most once a minute: the rows of windows that have ended go. */
  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    await this.db.run("DELETE FROM rate_counts WHERE window_start + window_ms < ?", [now]);
  }
}

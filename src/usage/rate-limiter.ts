/**
 * A sliding-window limit per key: at most `limit` events in any `windowMs`. Keys are kept in the order
 * they were last used, so forgetting idle keys reads only the oldest few: the cost of a call does not
 * grow with the number of users.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an event for `key` at `now`; undefined when allowed, else the seconds to wait. */
  take(key: string, now = this.now()): number | undefined {
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.events.delete(key);
    this.forgetIdle(now);
    // Re-inserted at the end, so the map stays ordered by last use.
    this.events.set(key, recent);
    if (recent.length >= this.limit)
      return Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
    recent.push(now);
    return undefined;
  }

  /**
   * Takes back the event counted for `key` at `at`, when what it counted did not happen after all (a
   * share the platform refused to post). An event already out of the window, or forgotten, is left be.
   */
  giveBack(key: string, at: number): void {
    const times = this.events.get(key);
    const index = times?.lastIndexOf(at) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
  }

  /** How many keys are remembered (for tests and the report). */
  get size(): number {
    return this.events.size;
  }

  /** Drops, from the least recently used end, the keys with no event left in the window. */
  private forgetIdle(now: number): void {
    for (const [key, times] of this.events) {
      if (times.length > 0 && now - (times[times.length - 1] ?? 0) < this.windowMs) return;
      this.events.delete(key);
    }
  }
}

import { within } from "../inflight.js";
import { COUNT_WAIT_MS } from "../usage/rate-limits.js";
import type { SqlDriver } from "./sql.js";

/**
 * The signed requests seen lately, shared by every replica on one database, so that a request replayed
 * to another replica behind the same URL is refused as well: `first` records a signature until its
 * window ends and says whether it is new.
 */
export interface ReplayMemory {
  /** True the first time `signature` is seen (it is kept until `until`, in seconds); false for a replay. */
  first(signature: string, until: number, nowSeconds: number): Promise<boolean>;
}

/**
 * The same in this process's memory, for a single replica. Keys are dropped once their time has passed,
 * oldest first: each instance should be given one lifetime, so that they pass in the order they came.
 */
export class ReplaysInMemory implements ReplayMemory {
  /** Key -> the second after which it is forgotten. */
  private readonly seen = new Map<string, number>();

  async first(key: string, until: number, nowSeconds: number): Promise<boolean> {
    for (const [old, end] of this.seen) {
      if (end >= nowSeconds) break;
      this.seen.delete(old);
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, until);
    return true;
  }
}

/**
 * The database's memory, or this process's for a request the database cannot answer: a locked or
 * missing file (a moderator's sqlite3 shell holding it) refused every Slack request and dropped every
 * event, though answering needs no database. `failed` hears of each failure (to log it).
 */
export class ReplaysOrMemory implements ReplayMemory {
  private readonly memory = new ReplaysInMemory();

  constructor(
    private readonly db: ReplayMemory,
    private readonly failed: (error: Error) => void,
  ) {}

  async first(key: string, until: number, nowSeconds: number): Promise<boolean> {
    try {
      // a database gone silent (frozen, a partition) held every Slack acknowledgement for the driver's
      // 10 to 30 s, past Slack's 3 s (exploratory test): it gets as long as a rate count does
      return await within(this.db.first(key, until, nowSeconds), COUNT_WAIT_MS);
    } catch (error) {
      this.failed(error as Error);
      return this.memory.first(key, until, nowSeconds);
    }
  }
}

/**
 * Signatures in the `request_signatures` table. Those whose window has passed are dropped now and then
 * (not on every request: that would double the work of each); one still in the table after its
 * window refuses nothing, since a stale timestamp is refused before this is asked.
 */
export class ReplaySql implements ReplayMemory {
  private lastSweep = 0;

  constructor(private readonly db: SqlDriver) {}

  async first(signature: string, until: number, nowSeconds: number): Promise<boolean> {
    if (nowSeconds - this.lastSweep >= 30) {
      this.lastSweep = nowSeconds;
      await this.db.run("DELETE FROM request_signatures WHERE until_s < ?", [nowSeconds]);
    }
    const added = await this.db.run(
      "INSERT INTO request_signatures (signature, until_s) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING",
      [signature, until],
    );
    return added === 1;
  }
}

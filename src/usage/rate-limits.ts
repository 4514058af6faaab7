import { within } from "../inflight.js";
import type { Logger } from "../log.js";
import type { Platform } from "../ports.js";
import type { RateCounts } from "../store/rate-counts.js";
import { RateLimiter } from "./rate-limiter.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/**
 * How long a count in the database may take before the asker is let through uncounted: a database
 * gone silent (a partition) held every reply for the driver's 10 to 30 s, past Discord's 3 s to answer
 * (replica exploratory test). A count that lands later only counts the asker once too often.
 */
export const COUNT_WAIT_MS = 1_000;

/** How many questions a person and how many shared answers a channel may have, and where they are counted. */
export interface RateLimitsOptions {
  readonly questionsPerMinute: number;
  readonly sharesPerHour: number;
  /**
   * Where the limits are counted when several replicas share a database (PostgreSQL), so that they
   * hold across them; without it, in this process's memory.
   */
  readonly shared?: RateCounts;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** A share counted against its channel's limit: over it, the seconds to wait; within it, a way to give it back. */
export type ShareCount = { readonly wait: number } | { readonly giveBack: () => Promise<void> };

/** The per-user limit on questions and the per-channel limit on shared answers, the same on every platform. */
export class RateLimits {
  private readonly questions: RateLimiter;
  private readonly shares: RateLimiter;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitsOptions) {
    this.now = options.now ?? Date.now;
    this.questions = new RateLimiter(options.questionsPerMinute, MINUTE_MS, this.now);
    this.shares = new RateLimiter(options.sharesPerHour, HOUR_MS, this.now);
  }

  /** Undefined when this person may ask now, else the seconds to wait. */
  async checkQuestion(platform: Platform, userId: string): Promise<number | undefined> {
    const key = `question:${platform}:${userId}`;
    const shared = this.options.shared;
    return shared
      ? this.takeShared(shared, key, this.options.questionsPerMinute, MINUTE_MS)
      : this.questions.take(key);
  }

  /**
   * Counts a share into this channel: the seconds to wait when it is over its limit, else a way to give
   * the count back, for a share that is then never posted.
   */
  async takeShare(platform: Platform, channelId: string): Promise<ShareCount> {
    const key = `share:${platform}:${channelId}`;
    const shared = this.options.shared;
    const at = this.now();
    const giveBack = async () => {
      if (!shared) return this.shares.giveBack(key, at);
      try {
        await shared.giveBack(key, HOUR_MS, at);
      } catch (error) {
        this.options.logger.error({ err: (error as Error).message }, "could not give back a rate count");
      }
    };
    if (!shared) {
      const wait = this.shares.take(key, at);
      return wait === undefined ? { giveBack } : { wait };
    }
    let counted = true;
    const wait = await this.takeShared(shared, key, this.options.sharesPerHour, HOUR_MS, at, () => {
      counted = false;
    });
    // a share the database could not count is let through, and has nothing to give back
    if (wait === undefined) return { giveBack: counted ? giveBack : async () => undefined };
    // The database counts a refused share too; it is given back, so that a share given back later
    // (never posted) frees a place as it does in memory, where a refusal is not counted.
    await giveBack();
    return { wait };
  }

  /**
   * A limit counted in the database; when the database cannot count, the asker is let through, it is
   * logged, and `uncounted` is told.
   */
  private async takeShared(
    shared: RateCounts,
    key: string,
    limit: number,
    windowMs: number,
    at = this.now(),
    uncounted?: () => void,
  ) {
    try {
      return await within(shared.take(key, limit, windowMs, at), COUNT_WAIT_MS);
    } catch (error) {
      this.options.logger.error({ err: (error as Error).message }, "could not count a rate limit");
      uncounted?.();
      return undefined;
    }
  }
}

/** The sentence refusing a question from someone over their limit, who may ask again in `wait` seconds. */
export function questionRefusal(wait: number): string {
  return `You are asking questions very quickly. Please wait ${waitText(wait)} and try again.`;
}

/**
 * Counts a share into a channel against its limit: refused with the sentence saying when it may be tried
 * again, or allowed with a way to give the count back should the share never be posted. Without limits
 * or a channel there is nothing to count.
 */
export async function countShare(
  limits: RateLimits | undefined,
  platform: Platform,
  channelId: string | undefined,
): Promise<{ readonly refusal: string } | { readonly giveBack: () => Promise<void> }> {
  const counted = channelId && limits ? await limits.takeShare(platform, channelId) : undefined;
  if (!counted) return { giveBack: async () => undefined };
  return "wait" in counted
    ? {
        refusal: `Many answers have been shared in this channel recently. Please try again in ${waitText(counted.wait)}.`,
      }
    : counted;
}

/** Seconds as people say them: "40 seconds", "3 minutes". */
export function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

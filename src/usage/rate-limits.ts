import { within } from "../inflight.js";
import type { Logger } from "../log.js";
import type { Platform } from "../ports.js";
import type { RateCounts } from "../store/rate-counts.js";
import { RateLimiter } from "./rate-limiter.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/**
 * How long an answer shared into a channel keeps the same answer from being shared there again: a share
 * button pressed twice (or by two people reading the same reply) posted the answer twice.
 */
export const SAME_SHARE_MS = 10 * MINUTE_MS;
/**
 * How long a count in the database may take before it is made in this process's memory instead: a
 * database gone silent (a partition) held every reply for the driver's 10 to 30 s, past Discord's 3 s to
 * answer (replica exploratory test). A question's count that lands later counts the asker once too
 * often; a share's is given back when the share is (see takeGivable).
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
  private readonly sameShares: RateLimiter;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitsOptions) {
    this.now = options.now ?? Date.now;
    this.questions = new RateLimiter(options.questionsPerMinute, MINUTE_MS, this.now);
    this.shares = new RateLimiter(options.sharesPerHour, HOUR_MS, this.now);
    this.sameShares = new RateLimiter(1, SAME_SHARE_MS, this.now);
  }

  /** Undefined when this person may ask now, else the seconds to wait. */
  async checkQuestion(platform: Platform, userId: string): Promise<number | undefined> {
    const key = `question:${platform}:${userId}`;
    const shared = this.options.shared;
    if (!shared) return this.questions.take(key);
    const counted = await this.inTime(
      shared.take(key, this.options.questionsPerMinute, MINUTE_MS, this.now()),
    );
    // what the database could not count, this process's memory does
    return counted ? counted.wait : this.questions.take(key);
  }

  /**
   * Counts a share into this channel: the seconds to wait when it is over its limit, else a way to give
   * the count back, for a share that is then never posted.
   */
  takeShare(platform: Platform, channelId: string): Promise<ShareCount> {
    return this.takeGivable(
      `share:${platform}:${channelId}`,
      this.shares,
      this.options.sharesPerHour,
      HOUR_MS,
    );
  }

  /** Counts this answer shared into this channel, which is allowed once in SAME_SHARE_MS, as takeShare counts. */
  takeSameShare(platform: Platform, channelId: string, entryId: string): Promise<ShareCount> {
    const key = `shared:${platform}:${channelId}:${entryId}`;
    return this.takeGivable(key, this.sameShares, 1, SAME_SHARE_MS, true);
  }

  /**
   * An event counted in the database when there is one (in a window that slides where `sliding`, else
   * in fixed ones), else in `memory`, with a way to give it back.
   */
  private async takeGivable(
    key: string,
    memory: RateLimiter,
    limit: number,
    windowMs: number,
    sliding = false,
  ): Promise<ShareCount> {
    const shared = this.options.shared;
    const at = this.now();
    const giveBack = async () => {
      if (!shared) return memory.giveBack(key, at);
      try {
        await (sliding ? shared.giveBackSliding(key, at) : shared.giveBack(key, windowMs, at));
      } catch (error) {
        this.options.logger.error({ err: (error as Error).message }, "could not give back a rate count");
      }
    };
    if (!shared) {
      const wait = memory.take(key, at);
      return wait === undefined ? { giveBack } : { wait };
    }
    const count = sliding
      ? shared.takeSliding(key, limit, windowMs, at)
      : shared.take(key, limit, windowMs, at);
    const counted = await this.inTime(count);
    // An event the database could not count is counted in this process's memory: a share pressed
    // again while the database is down was posted again each time (exploratory test).
    // The database's count may still land after the wait (a slow database, not a dead one): it is then
    // given back as well, once it has, where a refused or unposted event gives back its memory count.
    if (!counted) {
      const landed = () => void count.then(giveBack, () => undefined);
      const inMemory = memory.take(key, at);
      if (inMemory !== undefined) {
        landed();
        return { wait: inMemory };
      }
      return {
        giveBack: async () => {
          memory.giveBack(key, at);
          landed();
        },
      };
    }
    if (counted.wait === undefined) return { giveBack };
    // The database counts a refused event too; it is given back, so that one given back later (a share
    // never posted) frees a place as it does in memory, where a refusal is not counted.
    await giveBack();
    return { wait: counted.wait };
  }

  /**
   * The database's count (its wait, undefined within the limit), or undefined when the database could
   * not count within COUNT_WAIT_MS: that is logged, and the caller counts in memory instead.
   */
  private async inTime(
    count: Promise<number | undefined>,
  ): Promise<{ wait: number | undefined } | undefined> {
    try {
      return { wait: await within(count, COUNT_WAIT_MS) };
    } catch (error) {
      this.options.logger.error({ err: (error as Error).message }, "could not count a rate limit");
      return undefined;
    }
  }
}

/** The sentence refusing a question from someone over their limit, who may ask again in `wait` seconds. */
export function questionRefusal(wait: number): string {
  return `You are asking questions very quickly. Please wait ${waitText(wait)} and try again.`;
}

/**
 * Counts a share of an answer into a channel against its limits: refused with the sentence saying why
 * when the channel has had many shares lately or this answer was shared there minutes ago, else allowed
 * with a way to give the counts back should the share never be posted. Without limits or a channel there
 * is nothing to count; without `entryId`, repeats of one answer are not.
 */
export async function countShare(
  limits: RateLimits | undefined,
  platform: Platform,
  channelId: string | undefined,
  entryId: string | undefined,
): Promise<{ readonly refusal: string } | { readonly giveBack: () => Promise<void> }> {
  if (!channelId || !limits) return { giveBack: async () => undefined };
  // the same answer first: pressed twice at the channel's limit, it is said to be there already, and a
  // repeat never holds a place of the channel's for a moment
  const same = entryId ? await limits.takeSameShare(platform, channelId, entryId) : undefined;
  if (same && "wait" in same)
    return {
      refusal: `This answer was shared in this channel less than ${waitText(SAME_SHARE_MS / 1000)} ago, so it is not posted again.`,
    };
  const counted = await limits.takeShare(platform, channelId);
  if ("wait" in counted) {
    await same?.giveBack();
    return {
      refusal: `Many answers have been shared in this channel recently. Please try again in ${waitText(counted.wait)}.`,
    };
  }
  return {
    giveBack: async () => {
      await Promise.all([counted.giveBack(), same?.giveBack()]);
    },
  };
}

/** Seconds as people say them: "40 seconds", "3 minutes". */
export function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

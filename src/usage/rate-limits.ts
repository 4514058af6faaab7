import type { Logger } from "../log.js";
import type { Platform } from "../ports.js";
import type { RateCounts } from "../store/rate-counts.js";
import { RateLimiter } from "./rate-limiter.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

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

  /** Undefined when this channel may get another shared answer now, else the seconds to wait. */
  async checkShare(platform: Platform, channelId: string): Promise<number | undefined> {
    const key = `share:${platform}:${channelId}`;
    const shared = this.options.shared;
    return shared ? this.takeShared(shared, key, this.options.sharesPerHour, HOUR_MS) : this.shares.take(key);
  }

  /** A limit counted in the database; when the database cannot count, the asker is let through and it is logged. */
  private async takeShared(shared: RateCounts, key: string, limit: number, windowMs: number) {
    try {
      return await shared.take(key, limit, windowMs, this.now());
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

/** Undefined when the channel may get another shared answer, else the sentence saying when it may. */
export async function shareRefusal(
  limits: RateLimits | undefined,
  platform: Platform,
  channelId: string | undefined,
): Promise<string | undefined> {
  const wait = channelId ? await limits?.checkShare(platform, channelId) : undefined;
  return wait === undefined
    ? undefined
    : `Many answers have been shared in this channel recently. Please try again in ${waitText(wait)}.`;
}

/** Seconds as people say them: "40 seconds", "3 minutes". */
export function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

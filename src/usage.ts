import type { Guide } from "./guide.js";
import type { Logger } from "./log.js";
import type { FeedbackVote, Platform, RecordFeedback } from "./ports.js";
import type { RateCounts } from "./store/rate-counts.js";
import type { FeedbackStorage } from "./store/storage.js";
import { workspaceOf } from "./store/workspace.js";
import type { Reply } from "./types.js";

/** An answer below this confidence that still earns a 👍 teaches the bot a new phrasing. */
const UNSURE_CONFIDENCE = 0.75;
/** How long after a reply a pick or a vote still refers to it. */
const RECENT_MS = 15 * 60_000;
/** The most askers whose last reply is remembered (the oldest are forgotten first). */
const RECENT_LIMIT = 10_000;

/** The last reply a person got: what they asked (never a flagged question) and what was offered. */
interface RecentReply {
  readonly question: string;
  readonly offered: Set<string>;
  readonly answered?: string;
  readonly confidence: number;
  readonly at: number;
}

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

  /** Counts an event for `key`; undefined when allowed, else the seconds to wait. */
  take(key: string): number | undefined {
    const now = this.now();
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

export interface UsageOptions {
  readonly questionsPerMinute: number;
  readonly sharesPerHour: number;
  readonly logQuestions: boolean;
  /** Learn candidate phrasings from picked suggestions and 👍 on unsure answers (LEARN_FROM_USE). */
  readonly learn?: boolean;
  readonly feedback?: FeedbackStorage;
  /**
   * Where the limits are counted when several replicas share a database (PostgreSQL), so that they
   * hold across them; without it, in this process's memory.
   */
  readonly sharedLimits?: RateCounts;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * What happens around each question, the same on every platform: per-user and per-channel limits,
 * the day's counts and unanswered questions for the report, votes, and what the log may say.
 */
export class Usage {
  private readonly questions: RateLimiter;
  private readonly shares: RateLimiter;
  private readonly now: () => number;
  private readonly recent = new Map<string, RecentReply>();
  /** Writes in flight, which the asker does not wait for; flush() does. */
  private readonly writes = new Set<Promise<void>>();

  constructor(private readonly options: UsageOptions) {
    this.now = options.now ?? Date.now;
    this.questions = new RateLimiter(options.questionsPerMinute, 60_000, this.now);
    this.shares = new RateLimiter(options.sharesPerHour, 3_600_000, this.now);
  }

  /** Undefined when this person may ask now, else the seconds to wait. */
  async checkQuestion(platform: Platform, userId: string): Promise<number | undefined> {
    const key = `question:${platform}:${userId}`;
    const shared = this.options.sharedLimits;
    return shared
      ? this.takeShared(shared, key, this.options.questionsPerMinute, 60_000)
      : this.questions.take(key);
  }

  /** Undefined when this channel may get another shared answer now, else the seconds to wait. */
  async checkShare(platform: Platform, channelId: string): Promise<number | undefined> {
    const key = `share:${platform}:${channelId}`;
    const shared = this.options.sharedLimits;
    return shared
      ? this.takeShared(shared, key, this.options.sharesPerHour, 3_600_000)
      : this.shares.take(key);
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

  /**
   * Records an answered or unanswered question (for its Slack workspace too, with `team`) in the
   * background; a storage failure is logged, never thrown.
   */
  recordQuestion(reply: Reply, team?: string): void {
    const feedback = this.options.feedback;
    if (feedback)
      this.inBackground(
        () => feedback.recordQuestion(reply, this.now(), team),
        "could not record the question's outcome",
      );
  }

  /** Stores a vote (one per person and entry); a 👍 on an unsure answer proposes the question as a phrasing. */
  recordVote = async (vote: FeedbackVote): Promise<"recorded" | "duplicate"> => {
    if (!this.options.feedback) return "recorded";
    const result = await this.options.feedback.recordVote(vote, this.now());
    const last = this.lastReply(vote.platform, vote.userId);
    if (vote.vote === "up" && last?.answered === vote.entryId && last.confidence < UNSURE_CONFIDENCE)
      this.propose(vote.entryId, last.question);
    return result;
  };

  /**
   * Remembers a person's last reply, so that a suggestion they pick or a 👍 they give can teach the bot
   * the phrasing they used. A question the guard flagged is never remembered.
   */
  remember(platform: Platform, userId: string, reply: Reply): void {
    if (!this.options.learn || reply.flags.length > 0 || !reply.question) return;
    const key = `${platform}:${userId}`;
    this.recent.delete(key);
    if (this.recent.size >= RECENT_LIMIT) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    this.recent.set(key, {
      question: reply.question,
      offered: new Set(reply.suggestions.map((s) => s.id)),
      ...(reply.kind === "answer" ? { answered: reply.entry.id } : {}),
      confidence: reply.confidence,
      at: this.now(),
    });
  }

  /** A person opened an entry: if it was one the bot suggested for their last question, learn from it. */
  picked(platform: Platform, userId: string, entryId: string): void {
    const last = this.lastReply(platform, userId);
    if (!last?.offered.has(entryId)) return;
    last.offered.delete(entryId);
    this.propose(entryId, last.question);
  }

  private lastReply(platform: Platform, userId: string): RecentReply | undefined {
    const last = this.recent.get(`${platform}:${userId}`);
    return last && this.now() - last.at <= RECENT_MS ? last : undefined;
  }

  private propose(entryId: string, question: string): void {
    const feedback = this.options.feedback;
    if (feedback)
      this.inBackground(
        () => feedback.recordCandidate(entryId, question, this.now()),
        "could not record a candidate phrasing",
      );
  }

  /**
   * Runs a write without keeping the person waiting for it: the database may be slow or unreachable
   * (PostgreSQL), and the reply does not depend on it. A failure is logged with `failure`, never thrown.
   */
  private inBackground(write: () => Promise<void>, failure: string): void {
    const logged = (error: unknown) => {
      this.options.logger.error({ err: (error as Error).message }, failure);
    };
    let pending: Promise<void>;
    try {
      pending = write().catch(logged);
    } catch (error) {
      logged(error);
      return;
    }
    this.writes.add(pending);
    void pending.finally(() => this.writes.delete(pending));
  }

  /** Waits for the writes in flight (before the storage is closed at shutdown). */
  async flush(): Promise<void> {
    await Promise.all(this.writes);
  }

  /** The log fields of a reply: never the question unless LOG_QUESTIONS is on, and never a flagged one. */
  logFields(reply: Reply): Record<string, unknown> {
    return replyLogFields(reply, this.options.logQuestions);
  }
}

/** A reply as the log records it; the question only when allowed and never when flagged. */
export function replyLogFields(reply: Reply, logQuestions = false): Record<string, unknown> {
  return {
    kind: reply.kind,
    entry: reply.kind === "answer" ? reply.entry.id : undefined,
    confidence: reply.confidence,
    flagged: reply.flags.length > 0 || undefined,
    question: logQuestions && reply.flags.length === 0 ? reply.question : undefined,
  };
}

/** A question asked on a platform, by whom and where. */
export interface AskRequest {
  readonly platform: Platform;
  readonly text: string;
  readonly userId?: string;
  readonly channelId?: string;
}

/** The reply, or a sentence refusing because the asker is over their rate limit. */
export type Asked = { readonly reply: Reply } | { readonly refusal: string };

/**
 * Every adapter's way to answer: within the asker's rate limit, with the reply logged (no question
 * text unless allowed) and counted for the report.
 */
export async function askWithin(
  guide: Guide,
  usage: Usage | undefined,
  request: AskRequest,
  logger: Logger,
): Promise<Asked> {
  const ids = { user: request.userId, channel: request.channelId };
  // A Slack user id counts within its workspace where the bot serves many (see workspace.ts).
  const team = workspaceOf(request.channelId);
  const asker = team && request.userId ? `${team}:${request.userId}` : request.userId;
  const wait = asker ? await usage?.checkQuestion(request.platform, asker) : undefined;
  if (wait !== undefined) {
    logger.warn(ids, "rate limited");
    return { refusal: `You are asking questions very quickly. Please wait ${waitText(wait)} and try again.` };
  }
  const reply = guide.ask(request.text);
  logger.info({ ...ids, ...(usage?.logFields(reply) ?? replyLogFields(reply)) }, "answered");
  usage?.recordQuestion(reply, team);
  if (request.userId) usage?.remember(request.platform, request.userId, reply);
  return { reply };
}

/** Undefined when the channel may get another shared answer, else the sentence saying when it may. */
export async function shareRefusal(
  usage: Usage | undefined,
  platform: Platform,
  channelId: string | undefined,
): Promise<string | undefined> {
  const wait = channelId ? await usage?.checkShare(platform, channelId) : undefined;
  return wait === undefined
    ? undefined
    : `Many answers have been shared in this channel recently. Please try again in ${waitText(wait)}.`;
}

/** Seconds as people say them: "40 seconds", "3 minutes". */
export function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Stores a 👍/👎 when there is a store and the entry exists, and says what to tell the voter. A store
 * failure is logged and the vote still acknowledged: feedback must never cost the user an error.
 */
export async function acknowledgeVote(
  record: RecordFeedback | undefined,
  vote: FeedbackVote,
  entryExists: boolean,
  logger: Logger,
): Promise<string> {
  logger.info({ entry: vote.entryId, vote: vote.vote }, "feedback");
  if (!record || !entryExists) return "Thanks for the feedback.";
  try {
    return (await record(vote)) === "duplicate"
      ? "You have already voted on this answer. Thanks!"
      : "Thanks, your vote is recorded.";
  } catch (error) {
    logger.error({ entry: vote.entryId, err: (error as Error).message }, "feedback not stored");
    return "Thanks for the feedback.";
  }
}

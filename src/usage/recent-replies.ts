import type { Platform } from "../ports.js";
import type { Reply } from "../types.js";

/** How long after a reply a pick or a vote still refers to it. */
const RECENT_MS = 15 * 60_000;
/** The most askers whose last reply is remembered (the oldest are forgotten first). */
const RECENT_LIMIT = 10_000;

/** The last reply a person got: what they asked (never a flagged question) and what was offered. */
export interface RecentReply {
  readonly question: string;
  readonly offered: Set<string>;
  /**
   * The entries its question was proposed as a phrasing of (a pick, a 👍), each with the write that
   * recorded it: a 👎 just after takes the proposal back, once that write is done.
   */
  readonly proposed: Map<string, Promise<void>>;
  readonly answered?: string;
  /**
   * The question is one of the answered entry's own phrasings (or its title) as normalise reads them:
   * typed word for word it is answered with that entry even when the confidence is low, and a 👍 on it
   * would propose to the moderators a phrasing the entry already has.
   */
  readonly ownPhrasing: boolean;
  readonly confidence: number;
  readonly at: number;
}

/** Each person's last reply, for a while, in this process's memory. */
export class RecentReplies {
  private readonly recent = new Map<string, RecentReply>();

  constructor(private readonly now: () => number) {}

  /** Remembers a person's last reply; a question the guard flagged is never remembered. */
  remember(platform: Platform, userId: string, reply: Reply): void {
    if (reply.flags.length > 0 || !reply.question) return;
    const key = `${platform}:${userId}`;
    this.recent.delete(key);
    if (this.recent.size >= RECENT_LIMIT) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    this.recent.set(key, {
      question: reply.question,
      offered: new Set(reply.suggestions.map((s) => s.id)),
      proposed: new Map(),
      ...(reply.kind === "answer" ? { answered: reply.entry.id } : {}),
      ownPhrasing: reply.kind === "answer" && reply.verbatim === true,
      confidence: reply.confidence,
      at: this.now(),
    });
  }

  /** A person's last reply, while a pick or a vote may still refer to it. */
  last(platform: Platform, userId: string): RecentReply | undefined {
    const last = this.recent.get(`${platform}:${userId}`);
    return last && this.now() - last.at <= RECENT_MS ? last : undefined;
  }
}

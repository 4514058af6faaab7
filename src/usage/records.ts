import { NoAnswerInTime, within } from "../inflight.js";
import type { Logger } from "../log.js";
import type { FeedbackVote, Platform, RecordFeedback } from "../ports.js";
import { lockedOut } from "../store/busy.js";
import type { FeedbackStorage } from "../store/storage.js";
import type { Reply } from "../types.js";
import { RecentReplies, type RecentReply } from "./recent-replies.js";

/** An answer below this confidence that still earns a 👍 teaches the bot a new phrasing. */
const UNSURE_CONFIDENCE = 0.75;

/** Where use is recorded, and whether the bot learns from it. */
export interface UsageRecordsOptions {
  /** Learn candidate phrasings from picked suggestions and 👍 on unsure answers (LEARN_FROM_USE). */
  readonly learn?: boolean;
  /** Where questions, votes and candidate phrasings are stored; without it, nothing is. */
  readonly feedback?: FeedbackStorage;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * What the bot keeps of its use, the same on every platform: the day's counts and unanswered questions
 * for the report, votes, and candidate phrasings learnt from picks and 👍. Writes run in the background
 * and `flush()` waits for them.
 */
export class UsageRecords {
  private readonly now: () => number;
  private readonly recent: RecentReplies;
  /** Writes in flight, which the asker does not wait for; flush() does. */
  private readonly writes = new Set<Promise<void>>();
  /** Writes waiting to try again for a locked database, each woken by flush. */
  private readonly waiting = new Set<() => void>();

  constructor(private readonly options: UsageRecordsOptions) {
    this.now = options.now ?? Date.now;
    this.recent = new RecentReplies(this.now);
  }

  /**
   * Records an answered or unanswered question (for its Slack workspace too, with `team`) in the
   * background; a storage failure is logged, never thrown.
   */
  recordQuestion(reply: Reply, team?: string): void {
    const feedback = this.options.feedback;
    // the time it was asked, whenever the write gets through (see untilNotBusy)
    const at = this.now();
    if (feedback)
      this.inBackground(
        () => feedback.recordQuestion(reply, at, team),
        "could not record the question's outcome",
      );
  }

  /**
   * Stores a vote (one per person and entry); a 👍 on an unsure answer proposes the question as a
   * phrasing, and a 👎 on an entry its question was just proposed for (a pick) takes that back: the
   * entry the asker opened did not answer them.
   */
  recordVote = async (vote: FeedbackVote): Promise<"recorded" | "duplicate"> => {
    const feedback = this.options.feedback;
    if (!feedback) return "recorded";
    const result = await feedback.recordVote(vote, this.now());
    const last = this.recent.last(vote.platform, vote.userId);
    if (
      vote.vote === "up" &&
      last?.answered === vote.entryId &&
      last.confidence < UNSURE_CONFIDENCE &&
      !last.ownPhrasing
    )
      this.propose(last, vote.entryId);
    const proposal = vote.vote === "down" ? last?.proposed.get(vote.entryId) : undefined;
    if (last && proposal) {
      last.proposed.delete(vote.entryId);
      const question = last.question;
      // after the proposal's own write: on PostgreSQL the two may take different connections
      this.inBackground(
        () => proposal.then(() => feedback.withdrawCandidate(vote.entryId, question)),
        "could not take back a candidate phrasing",
      );
    }
    return result;
  };

  /**
   * Remembers a person's last reply, so that a suggestion they pick or a 👍 they give can teach the bot
   * the phrasing they used. A question the guard flagged is never remembered.
   */
  remember(platform: Platform, userId: string, reply: Reply): void {
    if (this.options.learn) this.recent.remember(platform, userId, reply);
  }

  /** A person opened an entry: if it was one the bot suggested for their last question, learn from it. */
  picked(platform: Platform, userId: string, entryId: string): void {
    const last = this.recent.last(platform, userId);
    if (!last?.offered.has(entryId)) return;
    last.offered.delete(entryId);
    this.propose(last, entryId);
  }

  /**
   * Waits for the writes in flight (before the storage is closed at shutdown). One waiting to try again
   * for a locked SQLite file (see BUSY_RETRY_MS) tries once more at once, and is given up if that fails.
   */
  async flush(): Promise<void> {
    for (const wake of [...this.waiting]) wake();
    await Promise.all(this.writes);
  }

  /** Proposes the reply's question as a phrasing of the entry, remembering it for a 👎 to take back. */
  private propose(reply: RecentReply, entryId: string): void {
    const feedback = this.options.feedback;
    if (!feedback) return;
    const question = reply.question;
    const at = this.now();
    reply.proposed.set(
      entryId,
      this.inBackground(
        () => feedback.recordCandidate(entryId, question, at),
        "could not record a candidate phrasing",
      ),
    );
  }

  /**
   * Runs a write without keeping the person waiting for it: the database may be slow or unreachable
   * (PostgreSQL), and the reply does not depend on it. A failure is logged with `failure`, never thrown.
   */
  private inBackground(write: () => Promise<void>, failure: string): Promise<void> {
    const logged = (error: unknown) => {
      this.options.logger.error({ err: (error as Error).message }, failure);
    };
    const pending = this.untilNotBusy(write).catch(logged);
    this.writes.add(pending);
    void pending.finally(() => this.writes.delete(pending));
    return pending;
  }

  /**
   * Runs `write`, and again after each of BUSY_RETRY_MS while SQLite refuses it for another process's
   * lock (a moderator's SQLite shell, a backup tool): a write waits for the lock only WRITE_WAIT_MS, on
   * the bot's one thread, and the question, vote or candidate was dropped at the first refusal.
   */
  private async untilNotBusy(write: () => Promise<void>): Promise<void> {
    for (const wait of BUSY_RETRY_MS) {
      try {
        return await write();
      } catch (error) {
        if (!lockedOut(error)) throw error;
        // said once while the lock lasts, not for every question asked meanwhile
        if (this.waiting.size === 0 && wait === BUSY_RETRY_MS[0])
          this.options.logger.warn(
            "the database file is locked by another process (a SQLite shell, a backup tool): what the bot records waits and tries again",
          );
      }
      // woken by flush (shutdown): one try more, then no more waiting
      if (await this.pause(wait)) break;
    }
    return write();
  }

  /** Resolves after `ms`, false; or true, at once, when flush wakes it. */
  private pause(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve(woken);
      };
      const wake = () => done(true);
      // a wait never keeps the process alive by itself
      const timer = setTimeout(() => done(false), ms).unref();
      this.waiting.add(wake);
    });
  }
}

/**
 * How long a background write waits before each new try while the SQLite file is locked by another
 * process, in milliseconds: about 45 s in all, before it is given up and logged.
 */
const BUSY_RETRY_MS: readonly number[] = [500, 2_000, 8_000, 15_000, 20_000];

/**
 * How long a vote waits for the database. A press is answered within Discord's three seconds; a silent
 * database would have held the answer for its 30 s statement time-out, and the voter saw the press
 * fail. A vote saved after this is counted all the same: pressed again, it says so.
 */
export const VOTE_WAIT_MS = 2_000;

/** What a voter reads when the vote could not be stored (the database lost, or refusing it). */
export const VOTE_NOT_SAVED = "Thanks. Your vote could not be saved just now: please vote again in a minute.";
/** ... and when the database has not answered in time: the vote may yet be saved (voted again, it says so). */
export const VOTE_LATE =
  "Thanks. Saving your vote is taking longer than it should: if it has not counted, vote again in a minute.";

/**
 * Stores a 👍/👎 when there is a store and the entry exists, and says what to tell the voter. A store
 * failure is logged and the voter thanked and told it was not saved: feedback must never cost the user
 * an error, nor let them think a lost vote counted.
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
    return (await within(Promise.resolve(record(vote)), VOTE_WAIT_MS)) === "duplicate"
      ? "You have already voted on this answer. Thanks!"
      : "Thanks, your vote is recorded.";
  } catch (error) {
    logger.error({ entry: vote.entryId, err: (error as Error).message }, "feedback not stored");
    // said plainly: thanked alone, the voter would take the vote as counted, and it was lost
    return error instanceof NoAnswerInTime ? VOTE_LATE : VOTE_NOT_SAVED;
  }
}

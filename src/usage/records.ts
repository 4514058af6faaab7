import { NoAnswerInTime, within } from "../inflight.js";
import type { Logger } from "../log.js";
import type { FeedbackVote, Platform, RecordFeedback } from "../ports.js";
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
    if (feedback)
      this.inBackground(
        () => feedback.recordQuestion(reply, this.now(), team),
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

  /** Waits for the writes in flight (before the storage is closed at shutdown). */
  async flush(): Promise<void> {
    await Promise.all(this.writes);
  }

  /** Proposes the reply's question as a phrasing of the entry, remembering it for a 👎 to take back. */
  private propose(reply: RecentReply, entryId: string): void {
    const feedback = this.options.feedback;
    if (!feedback) return;
    const question = reply.question;
    reply.proposed.set(
      entryId,
      this.inBackground(
        () => feedback.recordCandidate(entryId, question, this.now()),
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
    let pending: Promise<void>;
    try {
      pending = write().catch(logged);
    } catch (error) {
      logged(error);
      return Promise.resolve();
    }
    this.writes.add(pending);
    void pending.finally(() => this.writes.delete(pending));
    return pending;
  }
}

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

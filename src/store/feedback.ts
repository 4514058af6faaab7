import { createHash, randomBytes } from "node:crypto";
import { redact } from "../guard/identifiers.js";
import type { FeedbackVote } from "../ports.js";
import type { Reply } from "../types.js";
import type { Db } from "./db.js";

/** How much of an unanswered question is kept (after redaction). */
const MAX_STORED_QUESTION = 200;

/** The moderators' to-do list. */
export interface Report {
  readonly disliked: readonly { entryId: string; down: number; up: number }[];
  readonly unanswered: readonly { question: string; count: number; lastAt: number }[];
  readonly days: readonly { day: string; asked: number; answered: number }[];
  /** Questions users showed an entry answers, waiting for a moderator (`socialmedia-guidance learn`). */
  readonly candidates: readonly Candidate[];
}

/** A question that users showed an entry answers, proposed as a new phrasing of it. */
export interface Candidate {
  readonly entryId: string;
  readonly question: string;
  readonly count: number;
  readonly lastAt: number;
}

/**
 * Votes and unanswered questions, kept so that moderators can improve the corpus without reading
 * anyone's private questions: a voter is stored only as a salted hash (one vote per person and entry),
 * an unanswered question only after the guard's redaction, and a flagged question never.
 */
export class FeedbackStore {
  private readonly salt: string;

  constructor(
    private readonly db: Db,
    salt?: string,
  ) {
    this.salt = salt ?? this.storedSalt();
  }

  private storedSalt(): string {
    const existing = this.db.prepare("SELECT value FROM meta WHERE key = 'voter_salt'").get() as
      | { value: string }
      | undefined;
    if (existing) return existing.value;
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES ('voter_salt', ?) ON CONFLICT (key) DO NOTHING")
      .run(randomBytes(32).toString("hex"));
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'voter_salt'").get() as { value: string })
      .value;
  }

  /** The voter as stored: a salted SHA-256 of platform and user id. */
  voterHash(platform: string, userId: string): string {
    return createHash("sha256").update(`${this.salt}:${platform}:${userId}`).digest("hex");
  }

  /** One vote per person and entry: the same vote again is a duplicate; a changed mind replaces it. */
  recordVote(vote: FeedbackVote, now: number): "recorded" | "duplicate" {
    const hash = this.voterHash(vote.platform, vote.userId);
    return this.db
      .transaction((): "recorded" | "duplicate" => {
        const existing = this.db
          .prepare("SELECT vote FROM feedback WHERE entry_id = ? AND platform = ? AND voter_hash = ?")
          .get(vote.entryId, vote.platform, hash) as { vote: string } | undefined;
        if (existing?.vote === vote.vote) return "duplicate";
        this.db
          .prepare(
            `INSERT INTO feedback (entry_id, vote, platform, voter_hash, voted_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (entry_id, platform, voter_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
          )
          .run(vote.entryId, vote.vote, vote.platform, hash, now);
        return "recorded";
      })
      .immediate();
  }

  /** Counts a question for the day's answer rate; keeps an unanswered one redacted, a flagged one not at all. */
  recordQuestion(reply: Reply, now: number): void {
    const day = new Date(now).toISOString().slice(0, 10);
    const answered = reply.kind === "answer" ? 1 : 0;
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO daily_stats (day, asked, answered) VALUES (?, 1, ?)
             ON CONFLICT (day) DO UPDATE SET asked = asked + 1, answered = answered + excluded.answered`,
          )
          .run(day, answered);
        if (reply.kind === "answer" || reply.flags.length > 0) return;
        const question = storable(reply.question);
        if (!question) return;
        this.db
          .prepare(
            `INSERT INTO unanswered (question, count, first_at, last_at) VALUES (?, 1, ?, ?)
             ON CONFLICT (question) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
          )
          .run(question, now, now);
      })
      .immediate();
  }

  /**
   * Proposes a question as a phrasing of an entry, after the guard's redaction; the same question
   * again counts once more. A question the guard flagged is never passed here (see Usage).
   */
  recordCandidate(entryId: string, question: string, now: number): void {
    const text = storable(question);
    if (!text) return;
    this.db
      .prepare(
        `INSERT INTO candidates (entry_id, question, count, first_at, last_at) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (entry_id, question) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
      )
      .run(entryId, text, now, now);
  }

  /** The candidates no moderator has decided on, most often proposed first. */
  candidates(limit = 50): Candidate[] {
    return this.db
      .prepare(
        `SELECT entry_id AS entryId, question, count, last_at AS lastAt FROM candidates WHERE status = 'new'
         ORDER BY count DESC, last_at DESC LIMIT ?`,
      )
      .all(limit) as Candidate[];
  }

  /** Records a moderator's decision, so the candidate is not offered again. */
  decideCandidate(entryId: string, question: string, decision: "accepted" | "rejected"): void {
    this.db
      .prepare("UPDATE candidates SET status = ? WHERE entry_id = ? AND question = ?")
      .run(decision, entryId, question);
  }

  /**
   * The moderators' report. Stored questions are redacted again with the current guard as they are
   * read, so that a guard that has learnt to find more also cleans what older versions stored.
   */
  report(limit = 10, days = 14): Report {
    const again = <T extends { question: string }>(rows: T[]): T[] =>
      rows.map((r) => ({ ...r, question: redact(r.question) }));
    return {
      disliked: this.db
        .prepare(
          `SELECT entry_id AS entryId, SUM(vote = 'down') AS down, SUM(vote = 'up') AS up FROM feedback
           GROUP BY entry_id HAVING down > 0 ORDER BY down DESC, up ASC, entry_id LIMIT ?`,
        )
        .all(limit) as Report["disliked"],
      unanswered: again(
        this.db
          .prepare(
            "SELECT question, count, last_at AS lastAt FROM unanswered ORDER BY count DESC, last_at DESC LIMIT ?",
          )
          .all(limit) as { question: string; count: number; lastAt: number }[],
      ),
      days: this.db
        .prepare("SELECT day, asked, answered FROM daily_stats ORDER BY day DESC LIMIT ?")
        .all(days) as Report["days"],
      candidates: again(this.candidates(limit)),
    };
  }
}

/** A question as it may be stored: redacted by the current guard, one line, lower case, cut short. */
function storable(question: string): string {
  return redact(question).toLowerCase().replace(/\s+/g, " ").trim().slice(0, MAX_STORED_QUESTION);
}

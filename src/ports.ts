/** What the adapters may be given beyond the guide: the store-backed services, when they exist. */

/** Where a question came from; the console chat counts too (its questions are recorded like the others). */
export type Platform = "slack" | "discord" | "console";

/** A 👍 or 👎 on an answer. */
export interface FeedbackVote {
  readonly entryId: string;
  readonly vote: "up" | "down";
  readonly platform: Platform;
  readonly userId: string;
  readonly channelId?: string;
}

/** Stores a vote; "duplicate" when this person already voted the same way on this entry. */
export type RecordFeedback = (
  vote: FeedbackVote,
) => Promise<"recorded" | "duplicate"> | "recorded" | "duplicate";

/** The `tips on|off|status` subcommands for one channel; answers in plain text. */
export interface TipCommands {
  run(request: {
    readonly platform: Platform;
    readonly channelId: string;
    readonly args: string;
  }): Promise<string> | string;
}

/** Posts a scheduled tip into a channel; returns the platform's message id. */
export interface TipPoster {
  post(channelId: string, tip: import("./types.js").Tip): Promise<{ readonly messageId?: string }>;
}

/** A failed post, as a poster reports it: a short code for logs and status, and any wait Slack or Discord asked for. */
export class PostFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "PostFailure";
  }
}

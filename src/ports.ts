// What the adapters may be given beyond the guide: the store-backed services, when they exist.

/** The platforms with channels: where answers are shared and daily tips are posted. */
export const CHANNEL_PLATFORMS = ["slack", "discord", "teams", "mattermost"] as const;

/** Where a question came from; the console chat counts too (its questions are recorded like the others). */
export type Platform = (typeof CHANNEL_PLATFORMS)[number] | "console";

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

/** A channel on a platform. */
export interface ChannelRef {
  readonly platform: Platform;
  readonly channelId: string;
}

/** What `tips on` may set; anything left out takes the installation's default. */
export interface TipSettings {
  /** "HH:MM", 24-hour. */
  readonly time?: string;
  /** An IANA time zone ("Europe/London"). */
  readonly timeZone?: string;
  readonly weekdaysOnly?: boolean;
}

/** A channel's daily tip: turned on, off, or described. Each answers in a sentence for the user. */
export interface TipCommands {
  on(channel: ChannelRef, settings: TipSettings): Promise<string> | string;
  off(channel: ChannelRef): Promise<string> | string;
  status(channel: ChannelRef): Promise<string> | string;
}

/** Posts a scheduled tip into a channel; returns the platform's message id. */
export interface TipPoster {
  post(channelId: string, tip: import("./types.js").Tip): Promise<{ readonly messageId?: string }>;
  /**
   * Posts a short notice into the channel, as tips are posted: `tips on` says there that tips are on,
   * and learns whether the bot may post there at all. Absent where the command itself proves it can
   * (Teams: the bot was addressed in the channel, and answers there).
   */
  announce?(channelId: string, text: string): Promise<{ readonly messageId?: string }>;
  /**
   * How the tips command is written on this platform, for the sentences that say what to type
   * ("Turn them off with `/socialmedia-guidance tips off`."): "`tips off`" where absent.
   */
  command?(what: TipsSubcommand): string;
  /**
   * The tips command's settings are fields of a form (Discord's options), not words typed after it: no
   * misspelt "weekdays" can be read as a time zone, and a sentence saying to add it would not fit.
   */
  readonly settingsInFields?: boolean;
  /** Who may turn a channel's tip on here ("the team's owners"), for the sentence saying who can. */
  readonly whoMayChange?: string;
  /**
   * Why a tip cannot be posted into the channel yet, where the platform can tell without posting
   * (Teams: no address is known for it); undefined when it can, or cannot tell.
   */
  unready?(channelId: string): Promise<string | undefined>;
}

/** The tips subcommands a sentence may tell someone to type. */
export type TipsSubcommand = "on" | "off" | "status";

/** The tips command as typed after the bot's command or a mention of it: "`tips on [HH:MM] [time zone]`". */
export const tipsTyped = (what: TipsSubcommand, prefix = ""): string =>
  `\`${prefix}tips ${what}${what === "on" ? " [HH:MM] [time zone]" : ""}\``;

/**
 * A failed post, as a poster reports it: a short code for logs and status, and any wait Slack or Discord
 * asked for. The message is a sentence a channel admin can act on. `permanent` when trying again the
 * same day cannot help (the bot is not in the channel, may not post there, or the channel is gone).
 */
export class PostFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly permanent = false,
    /**
     * What went wrong in the words of the library or the database, for the log only: `tips status`
     * shows the message to anyone in the channel, and such words can name hosts, paths or tables.
     */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "PostFailure";
  }

  /**
   * A failure as an adapter describes its platform's errors (its code, sentence, wait and whether it is
   * permanent), the error's own words kept for the log.
   */
  static described(
    failure: { code: string; message: string; retryAfter?: number; permanent?: boolean },
    error: unknown,
  ): PostFailure {
    const { code, message, retryAfter, permanent } = failure;
    return new PostFailure(code, message, retryAfter, permanent, (error as Error)?.message);
  }

  /** Any error a poster threw, as a PostFailure: one it did not describe is a passing "error". */
  static of(error: unknown): PostFailure {
    return error instanceof PostFailure
      ? error
      : new PostFailure(
          "error",
          "Something went wrong while posting.",
          undefined,
          false,
          (error as Error)?.message ?? String(error),
        );
  }
}

/**
 * Where a platform that cannot post to a channel by its id alone (Teams: a service URL and a
 * conversation reference) keeps what it learnt when it was installed or first addressed there, so
 * that scheduled tips can be posted later, from any replica. The address is the adapter's own JSON.
 */
export interface ChannelAddresses {
  /** Keeps the channel's address, and the team the channel belongs to (Teams) when there is one. */
  remember(platform: Platform, channelId: string, address: string, teamId?: string): Promise<void>;
  lookup(platform: Platform, channelId: string): Promise<string | undefined>;
  forget(platform: Platform, channelId: string): Promise<void>;
  /**
   * Forgets every channel of a team (the bot was removed from it): their addresses and, with them, their
   * daily tips, so that no tip is posted into a team the bot has left. A Teams team's id is also its
   * General channel's, which is forgotten too. Resolves with how many addresses were forgotten.
   */
  forgetTeam(platform: Platform, teamId: string): Promise<number>;
}

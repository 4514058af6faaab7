import { type Request, readRequest } from "../commands.js";
import type { Guide } from "../guide.js";
import type { Logger } from "../log.js";
import { mayHaveGoneThrough } from "../net.js";
import type { Platform, TipCommands } from "../ports.js";
import { visibleText } from "../search/normalise.js";
import type { SmallTalk } from "../small-talk.js";
import { askWithin, type UsageParts } from "../usage/ask.js";
import { countShare } from "../usage/rate-limits.js";
import { acknowledgeVote } from "../usage/records.js";
import type { Outcome, PendingShare, Visibility } from "./card.js";
import {
  aboutCard,
  errorCard,
  type HelpStyle,
  helpCard,
  noticeCard,
  replyCard,
  tipCard,
  topicsCard,
} from "./cards.js";

/** Who is asking, where, and what this place allows. */
export interface Requester {
  readonly platform: Platform;
  readonly userId?: string;
  readonly channelId?: string;
  /** Who sees an ordinary reply here: a slash command's is private, a mention's public. */
  readonly visibility: Visibility;
  /** An answer shown privately here may be shared into the channel. */
  readonly canShare: boolean;
  /**
   * Where daily tips are set up when not here (a mention, a direct message, the console): the sentence
   * that says so. Undefined where this request can change them.
   */
  readonly tipsElsewhere?: string;
  /** Undefined when this person may change the channel's daily tip, else the sentence refusing. */
  readonly tipsPermission?: () => Promise<string | undefined> | string | undefined;
  /** How help names the commands where this request was typed, when not as the platform's help does. */
  readonly help?: HelpStyle;
}

/** What a conversation is built from; the rate limits, records of use and log policy are each optional. */
export interface ConversationDeps extends UsageParts {
  readonly guide: Guide;
  readonly logger: Logger;
  readonly tips?: TipCommands;
  /** How help names the commands on this platform. */
  readonly help: HelpStyle;
}

const GONE = "That answer is no longer available.";
/** What the bot says back to what is said to it. */
const SMALL_TALK_REPLIES: Readonly<Record<SmallTalk, string>> = {
  hello: "Hello. Ask me anything about using social media professionally as a clinician, or type help.",
  thanks: "You're welcome. Ask again any time.",
  ok: "Ask again any time.",
  bye: "Goodbye. Ask again any time.",
  "follow-up":
    "I read each message on its own, so I can't tell what that refers to. Ask the whole question in one message (for example: can a nurse in Australia accept a patient's friend request?), or pick one of the entries my last reply offered.",
};
const NO_TIPS = "There are no tips in the knowledge base yet.";

/**
 * The one place that decides what the bot does with anything a user asks or presses, on every platform:
 * adapters turn platform input into a `Request` and draw the `Card` that comes back.
 */
export class Conversation {
  private readonly log: Logger;

  constructor(private readonly deps: ConversationDeps) {
    this.log = deps.logger;
  }

  async handle(request: Request, who: Requester): Promise<Outcome> {
    const { guide, limits, records } = this.deps;
    const reply = (card: Outcome["card"], visibility: Visibility = who.visibility): Outcome => ({
      card,
      visibility,
    });
    const privately = (card: Outcome["card"]) => reply(card, "private");
    switch (request.kind) {
      case "help":
        // where tips cannot be turned on, help on them says where they can (the help card does not
        // list the tips command there)
        if (request.about === "tips" && who.tipsElsewhere) return reply(noticeCard(who.tipsElsewhere));
        return reply(helpCard(guide, who.help ?? this.deps.help));
      case "small-talk":
        return reply(noticeCard(SMALL_TALK_REPLIES[request.said]));
      case "about":
        return reply(aboutCard(guide, who.help ?? this.deps.help));
      case "topics":
        return reply(topicsCard(guide.topics()));
      case "tip": {
        const tip = guide.randomTip();
        return reply(tip ? tipCard(guide, tip) : errorCard(NO_TIPS));
      }
      case "tips":
        return privately(await this.tips(request.change, who));
      case "ask": {
        // a platform's own question field (Discord's) brings these here without readRequest
        if (!visibleText(request.question).trim()) return reply(helpCard(guide, who.help ?? this.deps.help));
        // "hi", "thanks", "why?", "what can you do?" typed as the question: said to the bot, not asked
        const read = readRequest(request.question);
        // "tips off" too, where tips have a command of their own: said so, not searched for
        if (read.kind !== "ask" && (read.kind !== "tips" || who.tipsElsewhere)) return this.handle(read, who);
        const asked = await askWithin(
          guide,
          this.deps,
          { platform: who.platform, text: request.question, userId: who.userId, channelId: who.channelId },
          this.log,
        );
        if ("refusal" in asked) return privately(errorCard(asked.refusal));
        const card = replyCard(asked.reply, { shareable: who.canShare && who.visibility === "private" });
        // A reply to a question the guard flagged goes to the asker alone.
        return asked.reply.flags.length > 0 ? privately(card) : reply(card);
      }
      case "open": {
        const shown = guide.show(request.entryId);
        if (!shown) return privately(errorCard(GONE));
        if (who.userId) records?.picked(who.platform, who.userId, request.entryId);
        return privately(replyCard(shown, { shareable: who.canShare }));
      }
      case "share": {
        const shown = guide.show(request.entryId);
        if (!shown) return privately(errorCard(GONE));
        const counted = await countShare(
          limits,
          who.platform,
          who.channelId,
          request.inserted ? undefined : request.entryId,
        );
        if ("refusal" in counted) return privately(errorCard(counted.refusal));
        const ids = { entry: request.entryId, user: who.userId, channel: who.channelId };
        return {
          ...reply(replyCard(shown, who.userId ? { sharedBy: who.userId } : {}), "public"),
          share: this.pendingShare(ids, counted.giveBack),
        };
      }
      case "vote": {
        const note = await acknowledgeVote(
          records?.recordVote,
          {
            entryId: request.entryId,
            vote: request.vote,
            platform: who.platform,
            userId: who.userId ?? "unknown",
            ...(who.channelId ? { channelId: who.channelId } : {}),
          },
          guide.entry(request.entryId) !== undefined,
          this.log,
        );
        return privately(noticeCard(note));
      }
    }
  }

  /**
   * A share counted against the channel's limit before it is posted, so that shares pressed at once
   * cannot all pass the limit; the count is given back when the platform does not post it. Settled
   * once: a second word on it is ignored.
   */
  private pendingShare(ids: Record<string, string | undefined>, giveBack: () => Promise<void>): PendingShare {
    let settled = false;
    const first = () => {
      if (settled) return false;
      settled = true;
      return true;
    };
    return {
      posted: async () => {
        if (first()) this.log.info(ids, "shared");
      },
      notPosted: async (error) => {
        if (!first()) return;
        const err = (error as Error)?.message;
        // a post that ran out of time may be in the channel: it counts, so that pressed again it is
        // not posted twice (as a daily tip that timed out is not sent again)
        if (mayHaveGoneThrough(error))
          return this.log.warn({ ...ids, err }, "share may have been posted; it counts");
        await giveBack();
        this.log.warn({ ...ids, err }, "share not posted; it does not count");
      },
    };
  }

  private async tips(change: Extract<Request, { kind: "tips" }>["change"], who: Requester) {
    if (who.tipsElsewhere) return noticeCard(who.tipsElsewhere);
    const tips = this.deps.tips;
    if (!tips || !who.channelId) return errorCard("Daily tips are not available in this installation yet.");
    if (change.action === "unclear")
      return errorCard(
        "I did not understand all of that. Use tips on [HH:MM] [time zone] [weekdays], tips off or tips status.",
      );
    const channel = { platform: who.platform, channelId: who.channelId };
    try {
      if (change.action === "status") return noticeCard(await tips.status(channel));
      const refusal = await who.tipsPermission?.();
      if (refusal) return errorCard(refusal);
      if (change.action === "off") return noticeCard(await tips.off(channel));
      const { action: _on, ...settings } = change;
      return noticeCard(await tips.on(channel, settings));
    } catch (error) {
      this.log.error({ channel: who.channelId, err: (error as Error).message }, "tips command failed");
      // status changes nothing: saying it "could not change" the tip misled an admin who only asked
      const what = change.action === "status" ? "look up" : "change";
      return errorCard(`I could not ${what} the daily tip just now. Please try again in a moment.`);
    }
  }
}

/**
 * Posts an outcome with `post`, the adapter's own call to its platform, and settles a share by how that
 * went: every adapter posts a share through here, so only a share that was posted counts against the
 * channel's limit. An error from `post` is thrown on, for the adapter to report as any failed post.
 */
export async function posting<T>(outcome: Outcome, post: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await post();
  } catch (error) {
    await outcome.share?.notPosted(error);
    throw error;
  }
  await outcome.share?.posted();
  return result;
}

import type { App } from "@microsoft/teams.apps";
import { type Guide, PostFailure, type TipPoster, tipCard, tipsTyped } from "../../src/index.js";
import type { AddressBook } from "./addresses.js";
import { describeTeamsError } from "./errors.js";
import { TEAMS_WHO_MAY_CHANGE } from "./owner.js";
import { renderCard } from "./render.js";

/** Why a channel cannot get its tip yet: Teams posts need the address the bot learns in the channel. */
export const NO_ADDRESS =
  "The bot does not know this channel yet: it learns it when it is added to the team or mentioned in the channel.";

/**
 * Posts scheduled tips ("Tip of the day") as a new message in a team's channel, through the Bot
 * Connector at the address kept for the channel. The TipScheduler claims each slot before calling it
 * and retries a PostFailure; a 429's wait comes with it. No `announce`: `tips on` reaches the bot in
 * the channel itself, which is what teaches it the channel's address, and its answer shows there.
 */
export function teamsTipPoster(app: App, addresses: AddressBook, guide: Guide): TipPoster {
  return {
    // said in the channel, where the bot answers only when mentioned
    command: (what) => `a mention of me saying ${tipsTyped(what)}`,
    whoMayChange: TEAMS_WHO_MAY_CHANGE,
    // a store that cannot be read says nothing here: the post itself reports it
    unready: async (channelId) =>
      (await addresses.lookup(channelId).catch(() => null)) === undefined ? NO_ADDRESS : undefined,
    async post(channelId, tip) {
      const address = await addresses.lookup(channelId).catch((error: unknown) => {
        throw new PostFailure(
          "store_error",
          "The channel's address could not be read from the bot's database.",
          undefined,
          false,
          (error as Error).message,
        );
      });
      if (!address) throw new PostFailure("no_address", NO_ADDRESS, undefined, true);
      try {
        const sent = await app.api
          .clone({ serviceUrl: address.serviceUrl })
          .conversations.activities(address.conversationId)
          .create({
            ...renderCard(tipCard(guide, tip, "Tip of the day")),
            ...(address.tenantId ? { channelData: { tenant: { id: address.tenantId } } } : {}),
          });
        return { messageId: sent.id };
      } catch (error) {
        const failure = describeTeamsError(error);
        // 403: the bot was removed from the team or may not post; 404: the conversation is gone. The
        // code goes in brackets after the sentence where the failure is stored (failure.ts): not twice.
        const forGood = failure.code === "http_403" || failure.code === "http_404";
        throw new PostFailure(
          failure.code,
          failure.code === "http_403"
            ? "Teams refused the post: the app may have been removed from the team. Add it to the team again, then mention me in this channel."
            : failure.code === "http_404"
              ? "Teams no longer knows this channel: it may have been deleted."
              : "Teams did not take the post.",
          failure.retryAfter,
          forGood,
          (error as Error)?.message,
        );
      }
    },
  };
}

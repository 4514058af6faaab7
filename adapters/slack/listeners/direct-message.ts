import type { App } from "@slack/bolt";
import { readRequest } from "../../../src/index.js";
import { renderCard } from "../render.js";
import { failed, type SlackContext } from "./context.js";
import { TIPS_BY_COMMAND, withoutMentions } from "./mention.js";

/** A direct message to the bot: the same commands, answered in the conversation. */
export function register(app: App, ctx: SlackContext): void {
  app.message(async ({ message, say, context }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined || !("text" in message)) return;
    const { card } = await ctx.conversation.handle(readRequest(withoutMentions(message.text ?? "")), {
      platform: "slack",
      ...(message.user ? { userId: message.user } : {}),
      channelId: ctx.channelKey(context.teamId, message.channel),
      visibility: "public",
      canShare: false,
      tipsElsewhere: TIPS_BY_COMMAND,
    });
    try {
      await say(renderCard(card));
    } catch (error) {
      failed(ctx, "reply to direct message", error, { user: message.user, channel: message.channel });
    }
  });
}

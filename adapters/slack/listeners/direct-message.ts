import type { App } from "@slack/bolt";
import { readRequest } from "../../../src/index.js";
import { renderCard, SLACK_DM_HELP } from "../render.js";
import { failed, type SlackContext } from "./context.js";
import { TIPS_BY_COMMAND, typedText } from "./mention.js";

/**
 * The subtypes of a person's new message: a plain one, and one with a file attached (a screenshot sent
 * with the question), whose text is answered and whose file is not read. Edits, deletions, joins and
 * the like are not new questions.
 */
const NEW_MESSAGE = new Set<string | undefined>([undefined, "file_share"]);

/** A direct message to the bot: the same commands, answered in the conversation. */
export function register(app: App, ctx: SlackContext): void {
  app.message(async ({ message, say, context }) => {
    if (message.channel_type !== "im" || !NEW_MESSAGE.has(message.subtype) || !("text" in message)) return;
    // another app's message, a file it shared included: answering could start two bots talking
    if ("bot_id" in message && message.bot_id) return;
    const { card } = await ctx.conversation.handle(readRequest(typedText(message.text ?? "")), {
      platform: "slack",
      ...(message.user ? { userId: message.user } : {}),
      channelId: ctx.channelKey(context.teamId, message.channel),
      visibility: "public",
      canShare: false,
      tipsElsewhere: TIPS_BY_COMMAND,
      help: SLACK_DM_HELP,
    });
    try {
      await say(renderCard(card));
    } catch (error) {
      failed(ctx, "reply to direct message", error, { user: message.user, channel: message.channel });
    }
  });
}

import type { App } from "@slack/bolt";
import { readRequest } from "../../../src/index.js";
import { writtenAs } from "../command.js";
import { renderCard, type SlackMessage } from "../render.js";
import { failed, type SlackContext, tipsPermission } from "./context.js";
import { typedText } from "./mention.js";

const ANY_COMMAND = /^\//;

/**
 * `/socialmedia-guidance …`: every command of the table, answered privately. Slack sends an app only the
 * commands set up for it, so a command under another name (a workspace whose `/socialmedia-guidance`
 * was taken, or that added a short alias) is this one too: left unanswered, Slack told its user only
 * that the command failed, 3 s later. What the reply says to type names the command as it was typed.
 */
export function register(app: App, ctx: SlackContext): void {
  app.command(ANY_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ids = { user: command.user_id, channel: command.channel_id };
    const channelId = ctx.channelKey(command.team_id, command.channel_id);
    ctx.typedNames.remember(channelId, command.command);
    const { card } = await ctx.conversation.handle(readRequest(typedText(command.text)), {
      platform: "slack",
      userId: command.user_id,
      channelId,
      visibility: "private",
      canShare: true,
      tipsPermission: () => tipsPermission(client, command.user_id, command.channel_id, ctx.log),
    });
    try {
      await respond({ response_type: "ephemeral", ...underName(renderCard(card), command.command) });
    } catch (error) {
      failed(ctx, "reply to slash command", error, ids);
    }
  });
}

/** The reply with the command written as the workspace named it ("/smg tips on"), where that differs. */
export function underName(message: SlackMessage, name: string): SlackMessage {
  // Slack's command names are letters, digits, "-" and "_": nothing a JSON string needs escaped
  return JSON.parse(writtenAs(JSON.stringify(message), name)) as SlackMessage;
}

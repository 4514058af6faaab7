import type { App } from "@slack/bolt";
import { readRequest } from "../../../src/index.js";
import { SLASH_COMMAND } from "../command.js";
import { renderCard } from "../render.js";
import { failed, type SlackContext, tipsPermission } from "./context.js";

/** `/socialmedia-guidance …`: every command of the table, answered privately. */
export function register(app: App, ctx: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ids = { user: command.user_id, channel: command.channel_id };
    const { card } = await ctx.conversation.handle(readRequest(String(command.text ?? "")), {
      platform: "slack",
      userId: command.user_id,
      channelId: ctx.channelKey(command.team_id, command.channel_id),
      visibility: "private",
      canShare: true,
      tipsPermission: () => tipsPermission(client, command.user_id, command.channel_id, ctx.log),
    });
    try {
      await respond({ response_type: "ephemeral", ...renderCard(card) });
    } catch (error) {
      failed(ctx, "reply to slash command", error, ids);
    }
  });
}

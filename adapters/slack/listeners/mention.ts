import type { App } from "@slack/bolt";
import { readRequest } from "../../../src/index.js";
import { SLASH_COMMAND } from "../command.js";
import { renderCard, SLACK_MENTION_HELP } from "../render.js";
import { failed, type SlackContext } from "./context.js";

/** Daily tips are changed with the slash command, where the bot can check who is asking. */
export const TIPS_BY_COMMAND = `Daily tips are set up with the slash command in the channel: \`${SLASH_COMMAND} tips on [HH:MM] [time zone]\`, \`tips off\` or \`tips status\`.`;

/**
 * A message's or command's text as the person typed it. Slack sends it in its own markup: the people and
 * user groups it mentions as tokens ("<@U123|bob>", "<!subteam^S1|@nurses>", with should_escape), taken
 * out here (a workspace's members are no patients' handles, and their names are not kept); @here and the
 * like as "<!here>", taken out; a channel as "<#C1|ward-7>", read as "#ward-7"; a link as
 * "<https://…|what was typed>", read as what was typed; a date as "<!date^…|its text>", read as its text;
 * and "&", "<", ">" as "&amp;", "&lt;", "&gt;" (Slack's formatting reference), which the engine would
 * otherwise read as the words "amp", "lt" and "gt". Empty when the text is not a string.
 */
export function typedText(text: unknown): string {
  if (typeof text !== "string") return "";
  // Each token stops at the next "<": an unclosed "<@A|" is never read to the end of the text, and
  // 40,000 characters of them held the whole bot for seconds once (security review).
  return text
    .replace(/<(?:@|!subteam\^)[A-Z0-9]+(?:\|[^<>]*)?>/gi, " ")
    .replace(/<#[A-Z0-9]+(?:\|([^<>]*))?>/gi, (_, name?: string) => (name ? `#${name}` : " "))
    .replace(/<!([^<>|]*)(?:\|([^<>]*))?>/g, (_, what: string, label?: string) =>
      what.startsWith("date^") && label ? label : " ",
    )
    .replace(/<([^<>|]+)(?:\|([^<>]*))?>/g, (_, url: string, label?: string) => label || url)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * `@bot …` in a channel: answered in a thread, or privately (in the mention's thread, when it is in one)
 * when the reply is for the asker alone.
 */
export function register(app: App, ctx: SlackContext): void {
  app.event("app_mention", async ({ event, client, context }) => {
    const ids = { user: event.user, channel: event.channel };
    const { card, visibility } = await ctx.conversation.handle(readRequest(typedText(event.text ?? "")), {
      platform: "slack",
      ...(event.user ? { userId: event.user } : {}),
      channelId: ctx.channelKey(context.teamId, event.channel),
      visibility: "public",
      canShare: false,
      tipsElsewhere: TIPS_BY_COMMAND,
      help: SLACK_MENTION_HELP,
    });
    const message = renderCard(card);
    try {
      if (visibility === "private" && event.user) {
        // In a thread, the private reply stays in it; Slack shows an ephemeral message in a thread only
        // when the thread exists, so a mention that starts none is answered in the channel.
        await client.chat.postEphemeral({
          channel: event.channel,
          user: event.user,
          ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
          ...message,
        });
      } else {
        await client.chat.postMessage({
          channel: event.channel,
          thread_ts: event.thread_ts ?? event.ts,
          ...message,
        });
      }
    } catch (error) {
      failed(ctx, "reply to mention", error, ids);
    }
  });
}

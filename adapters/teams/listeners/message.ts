import type { IMessageActivity } from "@microsoft/teams.api";
import type { App, IActivityContext } from "@microsoft/teams.apps";
import { errorCard, OLD_BUTTON, readRequest } from "../../../src/index.js";
import { decodeAction, isOurs } from "../actions.js";
import { addressOf, placeOf } from "../place.js";
import { afterAck, deliver, requesterOf, type TeamsContext } from "./context.js";

/**
 * The text of a message without its mentions (`<at>…</at>`) and its markup, with Teams' HTML entities
 * read; empty when the text is not a string (a malformed activity is answered as a message with no
 * question). A message formatted or pasted as rich text comes as HTML ("<p>tips on 08:30</p>", a
 * "<span style=…>"): read with its tags, it was answered as a question about "p" and "span", and an
 * owner's `tips on` was not understood. Teams escapes a "<" that was typed, so every tag is markup.
 */
export function withoutMentions(text: unknown): string {
  if (typeof text !== "string") return "";
  return (
    text
      // a mention's name holds no "<" (Teams escapes it): an unclosed <at> is not read to the text's end
      .replace(/<at\b[^<>]*>[^<]*<\/at>/gi, " ")
      .replace(/<[^<>]*>/g, " ")
      .replace(/&nbsp;|&#160;/gi, " ")
      .replace(/&lt;/gi, "<")
      .replace(/&gt;/gi, ">")
      .replace(/&quot;/gi, '"')
      .replace(/&#39;|&apos;/gi, "'")
      .replace(/&amp;/gi, "&")
      .trim()
  );
}

/** Whether the message mentions the bot itself (Teams marks each mention with an entity). */
function mentionsBot(activity: IMessageActivity): boolean {
  return (activity.entities ?? []).some(
    (e) => e.type === "mention" && "mentioned" in e && e.mentioned?.id === activity.recipient.id,
  );
}

/**
 * A message to the bot: in a 1:1 chat anything typed, in a channel or group chat only when it mentions
 * the bot; or the press of one of our card's buttons (Action.Submit sends its data as the message's
 * value). Answered in the same conversation: in a channel, in the thread.
 */
export async function onMessage(ctx: IActivityContext<IMessageActivity>, t: TeamsContext): Promise<void> {
  const { activity } = ctx;
  const place = placeOf(activity);
  const pressed = decodeAction(activity.value);
  // one of our buttons this version cannot read (an older card's) is answered, where it got silence;
  // another app's card, or a message in a channel that is not for the bot, is left alone
  if (activity.value !== undefined && !pressed) {
    if (isOurs(activity.value))
      await deliver(ctx, t, { card: errorCard(OLD_BUTTON), visibility: "private" }, "old button");
    return;
  }
  if (!pressed && place.kind !== "personal" && !mentionsBot(activity)) return;
  const address = addressOf(activity);
  if (address) await t.addresses.remember(place.channelId, address, place.teamId);
  const request = pressed ?? readRequest(withoutMentions(activity.text ?? ""));
  const outcome = await t.conversation.handle(request, requesterOf(ctx, place, t));
  await deliver(ctx, t, outcome, pressed ? `${pressed.kind} button` : "reply");
}

/** Messages: acknowledged at once, answered after. */
export function register(app: App, t: TeamsContext): void {
  app.on("message", (ctx) => {
    afterAck(t, "message", () => onMessage(ctx, t));
  });
}

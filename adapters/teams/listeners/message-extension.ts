import type { MessagingExtensionQuery, MessagingExtensionResponse } from "@microsoft/teams.api";
import type { App, IActivityContext } from "@microsoft/teams.apps";
import { posting, type Requester } from "../../../src/index.js";
import { decodeAction } from "../actions.js";
import { placeOf } from "../place.js";
import { ADAPTIVE_CARD, adaptiveCard, LIMITS, plainText, resultPreview } from "../render.js";
import { afterAck, deliver, requesterOf, type TeamsContext } from "./context.js";

/** The search command's id and its one parameter, as manifest/manifest.json declares them. */
export const SEARCH_COMMAND = "searchGuidance";
const QUERY_PARAMETER = "query";
/** Results Teams asks for at once by default, and the most the bot gives in all. */
const PAGE = 25;
const MOST = 50;

/**
 * The search command: entries that fit what the user has typed so far, each shown by its title and
 * the question of it closest to the typing. The typing is never logged nor repeated.
 */
export function search(
  query: MessagingExtensionQuery | undefined,
  t: TeamsContext,
): MessagingExtensionResponse {
  const typed = query?.parameters?.find((p) => p.name === QUERY_PARAMETER)?.value;
  const skip = Math.max(0, Math.min(MOST, Number(query?.queryOptions?.skip) || 0));
  const count = Math.max(1, Math.min(PAGE, Number(query?.queryOptions?.count) || PAGE));
  // one result an entry: the guide offers each entry once, by the question closest to the typing
  const found = t.guide
    .complete(typeof typed === "string" ? typed : "", Math.min(MOST, skip + count))
    .slice(skip, skip + count);
  t.log.debug({ results: found.length }, "message extension search");
  return {
    composeExtension: {
      type: "result",
      attachmentLayout: "list",
      attachments: found.map((c) =>
        resultPreview(
          { entryId: c.entryId, title: t.guide.entry(c.entryId)?.title ?? c.question },
          c.question,
        ),
      ),
    },
  };
}

/**
 * A result picked: the entry's answer card, to insert into the message being written. It counts as a
 * share into that conversation, so the share limit of the other platforms applies.
 */
export async function pick(
  ctx: IActivityContext,
  value: unknown,
  t: TeamsContext,
): Promise<MessagingExtensionResponse> {
  const request = decodeAction(value);
  const who: Requester = { ...requesterOf(ctx, placeOf(ctx.activity), t), visibility: "private" };
  // Anything but one of our results reads as an entry that is gone, in the core's own words.
  // put into the message being written, not posted by the bot (see the share request's `inserted`)
  const share =
    request?.kind === "share"
      ? { ...request, inserted: true }
      : ({ kind: "share", entryId: "", inserted: true } as const);
  const outcome = await t.conversation.handle(share, who);
  const { card } = outcome;
  if (card.kind === "error") return { composeExtension: { type: "message", text: plainText(card.body) } };
  const content = adaptiveCard(card);
  const preview = resultPreview(
    { entryId: share.entryId, title: card.title ?? "" },
    Array.from(card.body).slice(0, LIMITS.summary).join(""),
  );
  // Teams inserts the card into the message being written and never says whether it is sent: handing
  // it over is the share.
  return posting(outcome, async () => ({
    composeExtension: {
      type: "result" as const,
      attachmentLayout: "list" as const,
      attachments: [{ contentType: ADAPTIVE_CARD, content, preview }],
    },
  }));
}

/** The search command, a picked result, and the buttons of an answer inserted by it. */
export function register(app: App, t: TeamsContext): void {
  app.on("message.ext.query", (ctx) => search(ctx.activity.value, t));
  app.on("message.ext.select-item", (ctx) => pick(ctx, ctx.activity.value, t));
  // Buttons on a card the message extension inserted come as an invoke, not as a message.
  app.on("message.ext.card-button-clicked", (ctx) => {
    const pressed = decodeAction(ctx.activity.value);
    if (!pressed) return;
    afterAck(t, "inserted card's button", async () => {
      const outcome = await t.conversation.handle(pressed, requesterOf(ctx, placeOf(ctx.activity), t));
      await deliver(ctx, t, outcome, `${pressed.kind} button`);
    });
  });
}

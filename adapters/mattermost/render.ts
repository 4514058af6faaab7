import type { Card, CardLink, CardOffer, CardSource, HelpStyle } from "../../src/index.js";
import type { Press, SealedContext } from "./seal.js";

/** The slash command an admin registers (README, "Mattermost"). */
export const SLASH_COMMAND = "/socialmedia-guidance";

/** Mattermost's limits, with room to spare: a post holds 16,383 characters. */
export const LIMITS = { message: 16_000, buttonName: 80, buttonsPerOffer: 10 } as const;

/** A button of an interactive message attachment, as Mattermost takes it. */
export interface MattermostButton {
  readonly id: string;
  readonly type: "button";
  readonly name: string;
  readonly style: "primary" | "default" | "good" | "danger";
  readonly integration: { readonly url: string; readonly context: SealedContext };
}

/** A message attachment: here, only a row of buttons with an optional heading. */
export interface MattermostAttachment {
  readonly fallback: string;
  readonly pretext?: string;
  readonly actions: readonly MattermostButton[];
}

/** A message as Mattermost takes it in a command's response and in a post's text and props. */
export interface MattermostMessage {
  readonly text: string;
  readonly attachments: readonly MattermostAttachment[];
}

/** Where buttons send their presses: the actions URL, and the signed context of each button. */
export interface ButtonTarget {
  readonly url: string;
  readonly context: (press: Press) => SealedContext;
}

/** How help names the commands in Mattermost. */
export const MATTERMOST_HELP: HelpStyle = {
  commandLine: (c) => `\`${SLASH_COMMAND} ${c.name === "ask" ? "<question>" : c.usage}\``,
  example: (q) => `\`${SLASH_COMMAND} ${q}\``,
  note: "Answers are private to you unless you share them.",
};

/** The mentions that notify a whole channel or team (Mattermost reads them past a trailing . - _ or :). */
const EVERYONE = /^(?:channel|here|all)[.\-_:]*$/i;

/**
 * Draws a card as Markdown and, when `target` is given, attachments of buttons for its offers, share
 * and votes. Without a target (a reply that cannot carry buttons), the offers are listed in the text.
 * Every text taken from the card has its @-mentions made inert; `sharer` is the username shown as
 * having shared an answer.
 */
export function renderCard(card: Card, target?: ButtonTarget, sharer?: string): MattermostMessage {
  const head: string[] = [];
  const name = sharer?.replace(/[^a-z0-9._-]/gi, "");
  // Mattermost reserves the names that notify everyone; one in a forged press would ping the channel
  if (card.sharedBy && name && !EVERYONE.test(name)) head.push(`_Shared by @${name}_`);
  for (const note of card.notes) head.push(`_${inert(note)}_`);
  if (card.warning) head.push(`:warning: **${inert(card.warning)}**`);
  if (card.title) head.push(`#### ${inert(card.title)}`);
  const tail: string[] = [];
  for (const list of card.lists) tail.push(listText(list.heading, list.items));
  if (card.sources.length > 0)
    tail.push(`**${card.sourcesHeading}:** ${card.sources.map(formatSource).join("; ")}`);
  if (!target) for (const offer of card.offers) tail.push(offerText(offer));
  if (card.footer) tail.push(`_${inert(card.footer)}_`);
  const body = card.kind === "error" ? `:warning: ${inert(card.body)}` : inert(card.body);
  const fitted = card.body.trim() ? fitBody(body, [...head, ...tail]) : [];
  // Only a card whose other parts alone are too long (none the knowledge base makes) is cut as a whole.
  const text = clip([...head, ...fitted, ...tail].join(PARAGRAPH), LIMITS.message);
  return { text, attachments: target ? attachments(card, target) : [] };
}

const PARAGRAPH = "\n\n";
const SHORTENED = "_(Answer shortened to fit in one Mattermost message.)_";

/**
 * The answer's text as it fits in one post with the rest of the card: shortened, with a note saying so,
 * when too long, so that the sources and the disclaimer after it are kept, as on the other platforms.
 */
function fitBody(body: string, rest: readonly string[]): string[] {
  const length = (parts: readonly string[]) => Array.from(parts.join(PARAGRAPH)).length;
  if (length([...rest, body]) <= LIMITS.message) return [body];
  const room = LIMITS.message - length([...rest, SHORTENED]) - PARAGRAPH.length;
  return room > 1 ? [clip(body, room), SHORTENED] : [SHORTENED];
}

/**
 * Makes @-mentions inert (`@channel`, `@here`, `@all`, `@username`) with a zero-width space after the
 * @, so that nothing the bot repeats can notify anyone. An @ inside a word (an email address) or a link
 * is left alone.
 */
export function escapeMentions(text: string): string {
  return text
    .split(/(https?:\/\/[^\s)>\]]+)/g)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<!\w)@(?=[\w.-])/g, "@\u200b")))
    .join("");
}

/** "Title (Publisher, 2024)", a Markdown link to the publisher's page where there is one. */
export function formatSource(s: CardSource): string {
  const label = inert(s.label).replace(/[[\]]/g, "\\$&");
  return s.url ? `[${label}](${s.url.replace(/[()\s]/g, (c) => URL_ESCAPES[c] ?? "%20")})` : label;
}

/** What would end a Markdown link's target early; encodeURIComponent leaves brackets alone. */
const URL_ESCAPES: Readonly<Record<string, string>> = { "(": "%28", ")": "%29" };

const inert = escapeMentions;

function listText(heading: string | undefined, items: Card["lists"][number]["items"]): string {
  const rows = items.map((i) => `- ${i.text ? `**${inert(i.title)}**: ${inert(i.text)}` : inert(i.title)}`);
  return [...(heading ? [`**${inert(heading)}**`] : []), ...rows].join("\n");
}

function offerText(offer: CardOffer): string {
  return listText(
    offer.heading || undefined,
    offer.links.map((l) => ({ title: l.title })),
  );
}

function attachments(card: Card, target: ButtonTarget): MattermostAttachment[] {
  const out: MattermostAttachment[] = [];
  let opened = 0;
  for (const offer of card.offers) {
    const links = offer.links.slice(0, LIMITS.buttonsPerOffer);
    const style =
      offer.emphasis === "urgent" ? "danger" : offer.emphasis === "primary" ? "primary" : "default";
    out.push({
      fallback: [offer.heading, ...links.map((l) => l.title)].filter(Boolean).join(" "),
      ...(offer.heading ? { pretext: `**${inert(offer.heading)}**` } : {}),
      actions: links.map((l, i) => openButton(l, `open${opened + i}`, style, target)),
    });
    opened += links.length;
  }
  const controls: MattermostButton[] = [];
  const entryId = card.entryId;
  if (entryId && card.shareable)
    controls.push(button("share", "Share in channel", "good", target, { kind: "share", entryId }));
  if (entryId && card.votable)
    controls.push(
      button("voteup", "👍 Helpful", "default", target, { kind: "vote", entryId, vote: "up" }),
      button("votedown", "👎 Not helpful", "default", target, { kind: "vote", entryId, vote: "down" }),
    );
  if (controls.length > 0) out.push({ fallback: controls.map((c) => c.name).join(", "), actions: controls });
  return out;
}

function openButton(link: CardLink, id: string, style: MattermostButton["style"], target: ButtonTarget) {
  return button(id, link.title, style, target, { kind: "open", entryId: link.entryId });
}

/** A button; its id is letters and digits only, as Mattermost's action URLs need. */
function button(
  id: string,
  name: string,
  style: MattermostButton["style"],
  target: ButtonTarget,
  press: Press,
): MattermostButton {
  return {
    id,
    type: "button",
    name: clip(name, LIMITS.buttonName),
    style,
    integration: { url: target.url, context: target.context(press) },
  };
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

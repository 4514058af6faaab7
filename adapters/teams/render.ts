import type { IActionSet, IAdaptiveCard, ISubmitAction, ITextBlock } from "@microsoft/teams.cards";
import type { Card, CardLink, CardSource, HelpStyle } from "../../src/index.js";
import { ACTIONS } from "./actions.js";

/** Teams' limits as they matter here: a message is at most about 28 KB, card JSON included. */
export const LIMITS = {
  cardBytes: 24_000,
  body: 10_000,
  buttonTitle: 60,
  buttonsPerSet: 5,
  fallbackText: 1_000,
  summary: 200,
} as const;

/** The content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
const THUMBNAIL_CARD = "application/vnd.microsoft.card.thumbnail";
const SHORTENED = "(Shortened to fit in one Teams message.)";

type Element = IAdaptiveCard["body"][number];

/** An attachment of a message or a message-extension result. */
export interface TeamsAttachment {
  readonly contentType: string;
  readonly content: unknown;
  readonly preview?: TeamsAttachment;
}

/** A message as the Bot Connector takes it: a plain line, or an Adaptive Card with a plain summary. */
export interface TeamsMessage {
  readonly type: "message";
  readonly text?: string;
  readonly summary?: string;
  readonly attachments?: TeamsAttachment[];
}

/** Draws a card of the conversation: a plain message for a notice or an error, else an Adaptive Card. */
export function renderCard(card: Card): TeamsMessage {
  if (card.kind === "notice") return { type: "message", text: plainText(card.body) };
  if (card.kind === "error") return { type: "message", text: `⚠️ ${plainText(card.body)}` };
  return {
    type: "message",
    summary: plainText(clip(card.summary, LIMITS.summary)),
    attachments: [{ contentType: ADAPTIVE_CARD, content: adaptiveCard(card) }],
  };
}

/** The card as an Adaptive Card; its lists, then its text, give way first to Teams' size limit. */
export function adaptiveCard(card: Card): IAdaptiveCard {
  // A shared answer's sender is the person who inserted it, as Teams already shows; naming them again
  // would take a mention, and the bot never mentions anyone.
  const head: Element[] = [
    ...card.notes.map((n) => text(n, { isSubtle: true, size: "Small" })),
    ...(card.warning ? [text(`⚠️ ${card.warning}`, { color: "Attention", weight: "Bolder" })] : []),
    ...(card.title ? [text(card.title, { size: "Large", weight: "Bolder", style: "heading" })] : []),
  ];
  const lists = card.lists.map((l) =>
    text([...(l.heading ? [`**${l.heading}**`] : []), ...l.items.map((i) => `- ${listItem(i)}`)].join("\n")),
  );
  const tail: Element[] = [...sourceBlocks(card.sources, card.sourcesHeading), ...offerBlocks(card)];
  if (card.entryId && card.votable) tail.push(voteButtons(card.entryId));
  // A private answer's "Share in channel" has no Teams counterpart: the message extension inserts an
  // answer into a conversation instead, so `shareable` draws nothing here.
  if (card.footer) tail.push(text(card.footer, { isSubtle: true, size: "Small" }));
  const body = card.body.trim() ? markdown(card.body) : "";
  const build = (bodyText: string, kept: readonly Element[], shortened: boolean): IAdaptiveCard => ({
    type: "AdaptiveCard",
    version: "1.5",
    msteams: { width: "full" },
    fallbackText: clip(inert(card.summary), LIMITS.fallbackText),
    body: [
      ...head,
      ...(bodyText ? [text(bodyText)] : []),
      ...kept,
      ...(shortened ? [text(SHORTENED, { isSubtle: true, size: "Small" })] : []),
      ...tail,
    ],
  });
  let kept = lists;
  let room = Math.min(body.length, LIMITS.body);
  let built = build(clip(body, room), kept, body.length > room);
  while (size(built) > LIMITS.cardBytes && kept.length > 0) {
    kept = kept.slice(0, -1);
    built = build(clip(body, room), kept, true);
  }
  while (size(built) > LIMITS.cardBytes && room > 0) {
    room = Math.max(0, room - Math.max(100, size(built) - LIMITS.cardBytes));
    built = build(clip(body, room), kept, true);
  }
  return built;
}

/** How help names the commands in Teams: typed to the bot, after a mention in a channel or group chat. */
export const TEAMS_HELP: HelpStyle = {
  commandLine: (c) =>
    c.name === "ask" ? "<question>" : c.name === "tips" ? `${c.usage} (team owners, in a channel)` : c.usage,
  note: "In a channel or group chat, mention me first. To put an answer into any conversation, search for it from the message box (Apps, then socialmedia-guidance).",
};

/** A message-extension result: the entry's title and one of its questions, and the entry to insert when picked. */
export function resultPreview(link: CardLink, question: string): TeamsAttachment {
  const preview = {
    contentType: THUMBNAIL_CARD,
    content: {
      title: inert(link.title),
      text: inert(question),
      tap: { type: "invoke", value: ACTIONS.pick(link.entryId) },
    },
  };
  return { ...preview, preview };
}

/** "Title (Publisher, 2024)" as a Markdown link to the publisher's page where there is one. */
export function formatSource(s: CardSource): string {
  const label = inert(s.label).replace(/\[/g, "(").replace(/\]/g, ")");
  return s.url ? `[${label}](${s.url.replace(/\(/g, "%28").replace(/\)/g, "%29")})` : label;
}

/** Text for a plain message: `&`, `<` and `>` escaped, so that nothing in it can become a mention or a tag. */
export function plainText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Text for an Adaptive Card: an `<at>` tag can never become a mention (the bot sends no mention
 * entities, and its `<` is swapped for a look-alike so that no client reads it as a tag).
 */
export function inert(value: string): string {
  return value.replace(/<(\/?\s*at)(?=[\s>/]|$)/gi, "＜$1");
}

/** The knowledge base's Markdown as Adaptive Cards read it: no headings, so they become bold lines. */
function markdown(value: string): string {
  return value.trim().replace(/^#{1,6}\s+(.+)$/gm, "**$1**");
}

function listItem(item: { readonly title: string; readonly text?: string }): string {
  return item.text ? `**${item.title}**: ${item.text}` : item.title;
}

function sourceBlocks(sources: readonly CardSource[], heading: string): Element[] {
  if (sources.length === 0) return [];
  return [
    text([`**${heading}:**`, ...sources.map((s) => `- ${formatSource(s)}`)].join("\n"), { size: "Small" }),
  ];
}

/** Each offer's heading, then its entries as buttons that open them, a few to a row. */
function offerBlocks(card: Card): Element[] {
  const out: Element[] = [];
  for (const offer of card.offers) {
    if (offer.heading) out.push(text(offer.heading, { weight: "Bolder" }));
    for (let i = 0; i < offer.links.length; i += LIMITS.buttonsPerSet) {
      const links = offer.links.slice(i, i + LIMITS.buttonsPerSet);
      // the safety net's link drawn as a warning, as on the other platforms
      const style = offer.emphasis === "urgent" ? "destructive" : undefined;
      out.push(actionSet(links.map((l) => submit(l.title, ACTIONS.open(l.entryId), style))));
    }
  }
  return out;
}

function voteButtons(entryId: string): IActionSet {
  return actionSet([
    submit("👍 Helpful", ACTIONS.vote("up", entryId)),
    submit("👎 Not helpful", ACTIONS.vote("down", entryId)),
  ]);
}

function actionSet(actions: ISubmitAction[]): IActionSet {
  return { type: "ActionSet", actions };
}

function submit(title: string, data: object, style?: ISubmitAction["style"]): ISubmitAction {
  return {
    type: "Action.Submit",
    title: clipWords(inert(title), LIMITS.buttonTitle),
    data: { ...data },
    ...(style ? { style } : {}),
  };
}

function text(value: string, style: Partial<Omit<ITextBlock, "type" | "text">> = {}): ITextBlock {
  return { type: "TextBlock", text: inert(value), wrap: true, ...style };
}

function size(card: IAdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card));
}

/** `value` cut to `max` characters at a word boundary, ellipsis included: a button's label cut mid-word reads badly. */
function clipWords(value: string, max: number): string {
  if (Array.from(value).length <= max) return value;
  const cut = clip(value, max).slice(0, -1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–—-]+$/u, "")}…`;
}

function clip(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

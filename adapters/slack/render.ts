import type { types } from "@slack/bolt";
import type { Card, CardLink, CardSource, HelpStyle } from "../../src/index.js";
import { SLASH_COMMAND } from "./command.js";
import { escapeMrkdwn, splitText, toMrkdwn } from "./mrkdwn.js";

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Slack's own limits (Block Kit reference). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3_000,
  headerText: 150,
  buttonText: 75,
  buttonsPerActions: 25,
  contextElements: 10,
  fallbackText: 3_000,
} as const;

/** The action ids our buttons carry; `value` holds the entry id. */
export const ACTIONS = {
  open: "smg_open",
  share: "smg_share",
  voteUp: "smg_vote_up",
  voteDown: "smg_vote_down",
} as const;

/** A message as Slack takes it: blocks, and the plain text shown in notifications and old clients. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Draws a card of the conversation as Block Kit; the answer's text gives way first to Slack's limits. */
export function renderCard(card: Card): SlackMessage {
  const head: KnownBlock[] = [];
  if (card.sharedBy) head.push(context(`Shared by <@${card.sharedBy.replace(/[^A-Z0-9]/gi, "")}>`));
  for (const note of card.notes) head.push(context(escapeMrkdwn(note)));
  if (card.warning) head.push(section(`:warning: ${escapeMrkdwn(card.warning)}`));
  if (card.title) head.push(header(card.title));
  const tail: KnownBlock[] = [];
  for (const list of card.lists) {
    // bold as Markdown (**), which toMrkdwn makes Slack's *bold*: a single * it reads as italics
    const items = list.items.map((i) => `• ${i.text ? `**${i.title}**: ${i.text}` : i.title}`);
    tail.push(...sections(toMrkdwn([list.heading ? `**${list.heading}**` : "", ...items].join("\n"))));
  }
  if (card.sources.length > 0) tail.push(sourcesContext(card.sourcesHeading, card.sources));
  let opened = 0;
  for (const offer of card.offers) {
    if (offer.heading) tail.push(section(`*${escapeMrkdwn(offer.heading)}*`));
    tail.push(...openButtons(offer.links, opened, offer.emphasis === "urgent" ? "danger" : undefined));
    opened += offer.links.length;
  }
  const controls: Button[] = [];
  if (card.entryId && card.shareable)
    controls.push(button("Share in channel", ACTIONS.share, card.entryId, "primary"));
  if (card.entryId && card.votable)
    controls.push(
      button("👍 Helpful", ACTIONS.voteUp, card.entryId),
      button("👎 Not helpful", ACTIONS.voteDown, card.entryId),
    );
  if (controls.length > 0) tail.push({ type: "actions", block_id: "smg_controls", elements: controls });
  if (card.footer) tail.push(context(escapeMrkdwn(card.footer)));
  const text = card.kind === "error" ? `:warning: ${toMrkdwn(card.body)}` : toMrkdwn(card.body);
  const body = card.body.trim() ? sections(text) : [];
  const room = LIMITS.blocks - head.length - tail.length;
  const fitted =
    body.length > room
      ? [...body.slice(0, Math.max(0, room - 1)), context("(Answer shortened to fit in one Slack message.)")]
      : body;
  // The fallback text is mrkdwn too: escaped, so that nothing in it can mention or link.
  return withinLimits({ text: escapeMrkdwn(card.summary), blocks: [...head, ...fitted, ...tail] });
}

/** How help names the commands in Slack. */
export const SLACK_HELP: HelpStyle = {
  commandLine: (c) => `\`${SLASH_COMMAND} ${c.name === "ask" ? "<question>" : c.usage}\``,
  example: (q) => `\`${SLASH_COMMAND} ${q}\``,
  note: "Mention me in a channel or message me directly to ask there.",
};

/**
 * Help in a direct message to the bot: questions and commands are typed as they are; daily tips are
 * set up with the slash command in a channel. It named the slash command for everything.
 */
export const SLACK_DM_HELP: HelpStyle = {
  commandLine: (c) =>
    c.name === "tips"
      ? `\`${SLASH_COMMAND} ${c.usage}\` (in a channel)`
      : `\`${c.name === "ask" ? "<question>" : c.usage}\``,
  example: (q) => `\`${q}\``,
  note: `Type a question or a command here. In a channel, use \`${SLASH_COMMAND}\` or mention me.`,
};

/** Help after a mention in a channel: the mention, then the question or the command. */
export const SLACK_MENTION_HELP: HelpStyle = {
  commandLine: (c) =>
    c.name === "tips"
      ? `\`${SLASH_COMMAND} ${c.usage}\``
      : `\`@socialmedia-guidance ${c.name === "ask" ? "<question>" : c.usage}\``,
  example: (q) => `\`@socialmedia-guidance ${q}\``,
  note: `\`${SLASH_COMMAND}\` answers you privately; a mention answers in a thread. You can also message me directly.`,
};

/** "Title (Publisher, 2024)" for a source, linked to the publisher's page where there is one. */
export function formatSource(s: CardSource): string {
  const label = escapeMrkdwn(s.label);
  return s.url ? `<${s.url}|${label.replace(/\|/g, "/")}>` : label;
}

function header(text: string): KnownBlock {
  return { type: "header", text: { type: "plain_text", text: clip(text, LIMITS.headerText), emoji: true } };
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: clip(text, LIMITS.sectionText) } };
}

function sections(text: string): KnownBlock[] {
  return splitText(text, LIMITS.sectionText).map(section);
}

function context(text: string): KnownBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(text, LIMITS.sectionText) }] };
}

/**
 * The sources as one context block. A source is never cut, which could leave half a <url|label> link:
 * sources that do not fit in one element's text go on in the next (up to Slack's ten), and any left over
 * after that are counted at the end ("and 3 more") rather than shown.
 */
function sourcesContext(heading: string, sources: readonly CardSource[]): KnownBlock {
  // room kept in every element for the count of sources left off
  const room = LIMITS.sectionText - 20;
  const texts = [`*${heading}:*`];
  let shown = 0;
  for (const source of sources.map(formatSource)) {
    const last = texts.length - 1;
    const joined = `${texts[last]}${shown > 0 ? "; " : " "}${source}`;
    if (Array.from(joined).length <= room) texts[last] = joined;
    else if (texts.length < LIMITS.contextElements && Array.from(source).length <= room) texts.push(source);
    else break;
    shown++;
  }
  const left = sources.length - shown;
  if (left > 0) texts[texts.length - 1] += shown > 0 ? `; and ${left} more` : ` ${left} not shown`;
  return { type: "context", elements: texts.map((text) => ({ type: "mrkdwn", text })) };
}

function button(text: string, actionId: string, value: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    text: { type: "plain_text", text: clip(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** Buttons that open entries; action ids are numbered across the card, as Slack wants them unique. */
function openButtons(links: readonly CardLink[], from: number, style?: "danger"): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < links.length; i += LIMITS.buttonsPerActions) {
    const chunk = links.slice(i, i + LIMITS.buttonsPerActions);
    out.push({
      type: "actions",
      elements: chunk.map((l, j) => button(l.title, `${ACTIONS.open}_${from + i + j}`, l.entryId, style)),
    });
  }
  return out;
}

/** Keeps a message inside Slack's limits: at most 50 blocks and a bounded fallback text. */
function withinLimits(message: SlackMessage): SlackMessage {
  let blocks = message.blocks;
  if (blocks.length > LIMITS.blocks) {
    blocks = [
      ...blocks.slice(0, LIMITS.blocks - 2),
      context("(Shortened to fit in one Slack message.)"),
      ...blocks.slice(-1),
    ];
  }
  return { text: clip(message.text, LIMITS.fallbackText), blocks };
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

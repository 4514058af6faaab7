import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import {
  type Card,
  type CardLink,
  type CardList,
  type CardOffer,
  type CardSource,
  type HelpStyle,
  NOT_SURE,
} from "../../src/index.js";
import { BUTTONS } from "./buttons.js";
import { COMMAND, TIPS_COMMAND } from "./definitions.js";

/** Discord's message limits (API reference: embeds and message components). */
export const LIMITS = {
  title: 256,
  description: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  embedTotal: 6_000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

const COLOUR = 0x1d4f73;
/** Characters of the embed total kept for the description when fields are many. */
const MIN_DESCRIPTION_ROOM = 1_000;
/** Said at the end of the fields when some were left out. */
const MORE = "\n…and more";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A message body as discord.js's reply() and send() take it. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: Row[];
  /** Text that came from users is never allowed to ping anyone. */
  readonly allowedMentions: { parse: [] };
}

/**
 * An embed's title where the card has none: a heading that does not repeat the body ("Which did you
 * mean?" stood over "... Which did you mean?") nor contradict it ("No guidance on that" over "I'm not
 * sure which of my answers fits that. Did you mean:").
 */
function defaultTitle(card: Card): string {
  if (card.kind === "clarify") {
    // its choices are the primary offers (the safety net's link, if any, is another kind)
    const choices = card.offers.find((o) => o.emphasis === "primary")?.links.length ?? 2;
    return choices > 2 ? "Several answers could fit" : "Two answers could fit";
  }
  // an unsure decline offers entries; one declined as another subject says so, and may offer some too
  return card.body === NOT_SURE ? "Not sure which answer fits" : "No guidance on that";
}

/** How each kind of offer's buttons are drawn, and what the "Buttons below" field calls their colour. */
type OfferStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger;
const OFFER_STYLES: Record<CardOffer["emphasis"], OfferStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  urgent: ButtonStyle.Danger,
};
const COLOUR_NAMES = { primary: "blue", urgent: "red" } as const;

/** Draws a card of the conversation: an embed with buttons, or a plain line for a notice or an error. */
export function renderCard(card: Card): DiscordMessage {
  if (card.kind === "notice")
    return { content: clip(card.body, 2_000), embeds: [], components: [], allowedMentions: { parse: [] } };
  if (card.kind === "error") return renderError(card.body);
  const notes: string[] = [];
  if (card.sharedBy) notes.push(`Shared by <@${card.sharedBy.replace(/\D/g, "")}>`);
  notes.push(...card.notes.map((n) => `_${n}_`));
  if (card.warning) notes.push(`⚠️ ${card.warning}`);
  const items = (l: CardList) => l.items.map((i) => `• ${i.text ? `**${i.title}**: ${i.text}` : i.title}`);
  const lists = card.lists.map((l) => [...(l.heading ? [`**${l.heading}**`] : []), ...items(l)].join("\n"));
  // Buttons carry the offers; a decline or an ask-back says above them what they are (an ask-back's
  // choices have no heading, its safety net's link has one).
  const offers =
    card.kind === "no-answer" || card.kind === "clarify"
      ? card.offers.filter((o) => o.heading).map((o) => `**${o.heading}**`)
      : [];
  let description = [...notes, card.body, ...lists, ...offers].filter(Boolean).join("\n\n");
  // Lists too long for the description (every topic's entries) go into fields of their own, whole,
  // rather than be cut off partway.
  let listFields: APIEmbedField[] = [];
  if (description.length > LIMITS.description) {
    description = [...notes, card.body, ...offers].filter(Boolean).join("\n\n");
    listFields = card.lists.flatMap((l) => linesAsFields(l.heading ?? "\u200b", items(l)));
  }
  const embed = fitEmbed({
    title: card.title ?? defaultTitle(card),
    ...(description ? { description } : {}),
    color: COLOUR,
    fields: [...listFields, ...sourceFields(card.sources, card.sourcesHeading), ...buttonsField(card)],
    ...(card.footer ? { footer: { text: card.footer } } : {}),
  });
  const rows: Row[] = [];
  let opened = 0;
  for (const offer of card.offers) {
    rows.push(...linkRows(offer.links, OFFER_STYLES[offer.emphasis], opened));
    opened += offer.links.length;
  }
  const controls: APIButtonComponent[] = [];
  if (card.entryId && card.shareable)
    controls.push(button("Share in channel", BUTTONS.share(card.entryId), ButtonStyle.Success));
  if (card.entryId && card.votable)
    controls.push(
      button("Helpful", BUTTONS.vote("up", card.entryId), ButtonStyle.Secondary, "👍"),
      button("Not helpful", BUTTONS.vote("down", card.entryId), ButtonStyle.Secondary, "👎"),
    );
  const components = rows.slice(0, controls.length ? LIMITS.rows - 1 : LIMITS.rows);
  if (controls.length) components.push({ type: ComponentType.ActionRow, components: controls });
  return message([embed], components);
}

/**
 * Under an answer, what its buttons are: a heading cannot stand between two rows of buttons, so the
 * last field names each kind by its colour ("Or did you mean: blue · Related: grey, above 👍 👎"). A
 * decline names its one kind above them, in its text; a tip's one button says what it does.
 */
function buttonsField(card: Card): APIEmbedField[] {
  if (card.kind !== "answer") return [];
  // the vote buttons are grey too, in a row of their own after the offers
  const kinds = card.offers
    .filter((o) => o.heading && o.links.length > 0)
    .map(
      (o) =>
        `**${o.heading.replace(/:$/, "")}**: ${o.emphasis === "secondary" ? `grey${card.votable ? ", above 👍 👎" : ""}` : COLOUR_NAMES[o.emphasis]}`,
    );
  return kinds.length > 0 ? [{ name: "Buttons below", value: kinds.join(" · ") }] : [];
}

/** How help names the commands in Discord. */
export const DISCORD_HELP: HelpStyle = {
  commandLine: (c) =>
    c.name === "tips"
      ? `\`/${TIPS_COMMAND} on|off|status\` (server managers)`
      : `\`/${COMMAND} ${c.name === "ask" ? "ask question:<text>" : c.name}\``,
  note: "Answers are private unless you share them.",
  // the bot reads no messages (the Guilds intent alone): a question typed in the channel reaches no one
  askedWith: "Answer a question typed into the command's question field.",
};

/** A problem, in plain words. */
export function renderError(text: string): DiscordMessage {
  return { content: clip(`⚠️ ${text}`, 2_000), embeds: [], components: [], allowedMentions: { parse: [] } };
}

/** "Title (Publisher, 2024)", a masked link to the publisher's page where there is one. */
export function formatSource(s: CardSource): string {
  const label = s.label.replace(/[[\]]/g, "\\$&");
  return s.url ? `[${label}](${s.url})` : label;
}

function message(embeds: APIEmbed[], components: Row[] = []): DiscordMessage {
  return { embeds, components, allowedMentions: { parse: [] } };
}

function sourceFields(sources: readonly CardSource[], name: string): APIEmbedField[] {
  return linesAsFields(
    name,
    sources.map((s) => `• ${clip(formatSource(s), LIMITS.fieldValue - 2)}`),
  );
}

/** Lines under one name, in as many fields as their length needs ("Sources", "Sources (continued)"). */
function linesAsFields(name: string, lines: readonly string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current = "";
  for (const line of lines) {
    if (current && current.length + 1 + line.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length ? `${name} (continued)` : name, value: current });
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) fields.push({ name: fields.length ? `${name} (continued)` : name, value: current });
  return fields.slice(0, LIMITS.fields);
}

function linkRows(links: readonly CardLink[], style: OfferStyle, offset = 0): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < links.length && rows.length < LIMITS.rows - 1; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: links
        .slice(i, i + LIMITS.buttonsPerRow)
        .map((l, j) => button(l.title, BUTTONS.open(offset + i + j, l.entryId), style)),
    });
  }
  return rows;
}

function button(
  label: string,
  customId: string,
  style: OfferStyle | ButtonStyle.Success,
  emoji?: string,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style,
    label: clip(label, LIMITS.buttonLabel),
    custom_id: customId,
    ...(emoji ? { emoji: { name: emoji } } : {}),
  };
}

/** Trims an embed to Discord's limits: each part, then the description, until the total fits. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const fields = (embed.fields ?? [])
    .slice(0, LIMITS.fields)
    .map((f) => ({ ...f, name: clip(f.name, LIMITS.fieldName), value: clip(f.value, LIMITS.fieldValue) }));
  const out: APIEmbed = {
    ...embed,
    ...(embed.title ? { title: clip(embed.title, LIMITS.title) } : {}),
    ...(embed.footer ? { footer: { ...embed.footer, text: clip(embed.footer.text, LIMITS.footer) } } : {}),
    ...(fields.length ? { fields } : {}),
  };
  const size = (fs: readonly APIEmbedField[]) =>
    (out.title?.length ?? 0) +
    (out.footer?.text.length ?? 0) +
    fs.reduce((n, f) => n + f.name.length + f.value.length, 0);
  // Fields give way until the description, if there is one, keeps room to say something.
  // ...and the last keeps room for the marker that says some were left out
  const room = (out.description ? MIN_DESCRIPTION_ROOM : 0) + MORE.length;
  let dropped = 0;
  while (fields.length > 1 && size(fields) > LIMITS.embedTotal - room) {
    fields.pop();
    dropped++;
  }
  if (dropped > 0) {
    const last = fields.at(-1);
    if (last) last.value = clip(`${last.value}${MORE}`, LIMITS.fieldValue);
    out.fields = fields;
  }
  const fixed = size(fields);
  if (out.description !== undefined) {
    const room = Math.min(LIMITS.description, LIMITS.embedTotal - fixed);
    if (out.description.length > room) {
      out.description = `${clip(out.description, Math.max(0, room - 14))}\n*(shortened)*`;
    }
  }
  return out;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

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
  COMMANDS,
  DISCLAIMER,
  type EntryLink,
  EXAMPLE_QUESTIONS,
  type Guide,
  MAX_QUESTION_CHARS,
  type Reply,
  type Source,
  sourceLabel,
  type Tip,
  type TopicListing,
} from "../../src/index.js";
import { COMMAND, TIPS_COMMAND } from "./commands.js";

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

/** Button custom ids: `smg:open:<n>:<entry>`, `smg:share:<entry>`, `smg:vote:<up|down>:<entry>`. */
export const CUSTOM_ID = {
  open: (n: number, entryId: string) => `smg:open:${n}:${entryId}`.slice(0, LIMITS.customId),
  share: (entryId: string) => `smg:share:${entryId}`.slice(0, LIMITS.customId),
  vote: (vote: "up" | "down", entryId: string) => `smg:vote:${vote}:${entryId}`.slice(0, LIMITS.customId),
} as const;

const COLOUR = 0x1d4f73;
/** Characters of the embed total kept for the description when fields are many. */
const MIN_DESCRIPTION_ROOM = 1_000;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A message body as discord.js's reply() and send() take it. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: Row[];
  /** Text that came from users is never allowed to ping anyone. */
  readonly allowedMentions: { parse: [] };
}

export interface AnswerOptions {
  readonly shareable?: boolean;
  /** The Discord user id of whoever shared it. */
  readonly sharedBy?: string;
}

/** Renders a core reply as an embed with buttons. */
export function renderReply(reply: Reply, options: AnswerOptions = {}): DiscordMessage {
  const notes: string[] = [];
  if (options.sharedBy) notes.push(`Shared by <@${options.sharedBy}>`);
  if (reply.truncated) notes.push(`_Your question was cut to its first ${MAX_QUESTION_CHARS} characters._`);
  if (reply.notice) notes.push(`⚠️ ${reply.notice}`);
  if (reply.kind === "no-answer") {
    const body =
      reply.suggestions.length > 0
        ? "I have no guidance on that. Did you mean one of these?"
        : [
            "I have no guidance on that. I can help with:",
            ...reply.topics.map((t) => `• **${t.title}**: ${t.description}`),
          ].join("\n");
    const embed = fitEmbed({
      title: "No guidance on that",
      description: [...notes, body].join("\n\n"),
      color: COLOUR,
      footer: { text: reply.disclaimer },
    });
    return message([embed], linkRows(reply.suggestions, ButtonStyle.Primary));
  }
  const { entry } = reply;
  const fields = sourceFields(reply.sources);
  const embed = fitEmbed({
    title: entry.title,
    description: [...notes, entry.answer.trim()].join("\n\n"),
    color: COLOUR,
    fields,
    footer: { text: reply.disclaimer },
  });
  const related = reply.related;
  const suggestions = reply.suggestions.filter((s) => !related.some((r) => r.id === s.id));
  const controls: APIButtonComponent[] = [];
  if (options.shareable)
    controls.push(button("Share in channel", CUSTOM_ID.share(entry.id), ButtonStyle.Success));
  controls.push(
    button("Helpful", CUSTOM_ID.vote("up", entry.id), ButtonStyle.Secondary, "👍"),
    button("Not helpful", CUSTOM_ID.vote("down", entry.id), ButtonStyle.Secondary, "👎"),
  );
  const rows = [
    ...linkRows(related, ButtonStyle.Secondary, 0),
    ...linkRows(suggestions, ButtonStyle.Primary, related.length),
  ].slice(0, LIMITS.rows - 1);
  return message([embed], [...rows, { type: ComponentType.ActionRow, components: controls }]);
}

/** How to use the commands. */
export function renderHelp(guide: Guide): DiscordMessage {
  const usage = COMMANDS.map((c) =>
    c.name === "tips"
      ? `• \`/${TIPS_COMMAND} on|off|status\` ${c.description} (server managers)`
      : `• \`/${COMMAND} ${c.name === "ask" ? "ask question:<text>" : c.name}\` ${c.description}`,
  );
  const examples = EXAMPLE_QUESTIONS.map((q) => `• ${q}`);
  return message([
    fitEmbed({
      title: "How to use socialmedia-guidance",
      description: `${usage.join("\n")}\n\n**For example:**\n${examples.join("\n")}`,
      color: COLOUR,
      footer: {
        text: `${guide.knowledge.entries.length} sourced answers in ${guide.knowledge.topics.length} topics. Answers are private unless you share them.`,
      },
    }),
  ]);
}

/** The topics, one field each. */
export function renderTopics(listings: readonly TopicListing[]): DiscordMessage {
  const fields = listings.slice(0, LIMITS.fields).map((l) => ({
    name: clip(l.topic.title, LIMITS.fieldName),
    value: clip(l.entries.map((e) => `• ${e.title}`).join("\n") || l.topic.description, LIMITS.fieldValue),
  }));
  return message([
    fitEmbed({
      title: "Topics",
      description: "Ask in your own words to read any of these.",
      color: COLOUR,
      fields,
    }),
  ]);
}

/** One tip, with a Learn more button that opens its entry. */
export function renderTip(guide: Guide, tip: Tip, heading = "Tip"): DiscordMessage {
  const more = guide.entry(tip.entry);
  const embed = fitEmbed({
    title: heading,
    description: tip.text,
    color: COLOUR,
    fields: sourceFields(guide.sourcesOf(tip), "Source"),
    footer: { text: DISCLAIMER },
  });
  const rows: Row[] = more
    ? [
        {
          type: ComponentType.ActionRow,
          components: [button(`Learn more: ${more.title}`, CUSTOM_ID.open(0, more.id), ButtonStyle.Primary)],
        },
      ]
    : [];
  return message([embed], rows);
}

/** A problem, in plain words. */
export function renderError(text: string): DiscordMessage {
  return { content: clip(`⚠️ ${text}`, 2_000), embeds: [], components: [], allowedMentions: { parse: [] } };
}

/** "Title (Publisher, 2024)", a masked link to the publisher's page where there is one. */
export function formatSource(s: Source): string {
  const label = sourceLabel(s).replace(/[[\]]/g, "\\$&");
  return s.url ? `[${label}](${s.url})` : label;
}

function message(embeds: APIEmbed[], components: Row[] = []): DiscordMessage {
  return { embeds, components, allowedMentions: { parse: [] } };
}

function sourceFields(sources: readonly Source[], name = "Sources"): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current = "";
  for (const line of sources.map((s) => `• ${clip(formatSource(s), LIMITS.fieldValue - 2)}`)) {
    if (current && current.length + 1 + line.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length ? `${name} (continued)` : name, value: current });
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) fields.push({ name: fields.length ? `${name} (continued)` : name, value: current });
  return fields.slice(0, LIMITS.fields);
}

function linkRows(
  links: readonly EntryLink[],
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  offset = 0,
): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < links.length && rows.length < LIMITS.rows - 1; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: links
        .slice(i, i + LIMITS.buttonsPerRow)
        .map((l, j) => button(l.title, CUSTOM_ID.open(offset + i + j, l.id), style)),
    });
  }
  return rows;
}

function button(
  label: string,
  customId: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
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
  // Fields give way until the description keeps room to say something.
  let dropped = 0;
  while (fields.length > 1 && size(fields) > LIMITS.embedTotal - MIN_DESCRIPTION_ROOM) {
    fields.pop();
    dropped++;
  }
  if (dropped > 0) {
    const last = fields.at(-1);
    if (last) last.value = clip(`${last.value}\n…and more`, LIMITS.fieldValue);
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

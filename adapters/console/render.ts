import { stripVTControlCharacters } from "node:util";
import { Marked, type MarkedExtension } from "marked";
import { markedTerminal } from "marked-terminal";
import wrapAnsi from "wrap-ansi";
import {
  type Card,
  type CardLink,
  type CardSource,
  type Guide,
  type HelpStyle,
  tipCard,
} from "../../src/presentation.js";

/** A source as a reader sees it: "Title (Publisher, 2024) https://publisher/page". */
export function formatSource(s: CardSource): string {
  return s.url ? `${s.label} ${s.url}` : s.label;
}

/** The entries a card lists (the topics) and offers, in the order the console numbers them. */
export function choicesOf(card: Card): readonly CardLink[] {
  const listed = card.lists.flatMap((l) =>
    l.items.flatMap((i) => (i.entryId ? [{ entryId: i.entryId, title: i.title }] : [])),
  );
  return [...listed, ...card.offers.flatMap((o) => o.links)];
}

/** The terminal's width, or 80 columns when output is not a terminal. */
export function terminalWidth(stream: { columns?: number } = process.stdout): number {
  return Math.max(40, Math.min(120, stream.columns ?? 80));
}

const markdown = new Map<number, Marked>();

/**
 * Markdown as a terminal shows it (marked-terminal): wrapped at word boundaries to `width`, headings
 * and emphasis styled where the terminal has colour, links written out.
 */
export function terminalMarkdown(text: string, width: number): string {
  let renderer = markdown.get(width);
  if (!renderer) {
    renderer = new Marked(markedTerminal({ width, reflowText: true, tab: 2 }) as MarkedExtension);
    markdown.set(width, renderer);
  }
  const rendered = (renderer.parse(text, { async: false }) as string).trimEnd();
  // marked-terminal leaves the emphasis inside list items as written; show it as plain words there.
  return wrapLines(rendered.replace(/\*\*([^*\n]+)\*\*/g, "$1"), width);
}

/**
 * Lines longer than `width` wrapped at word boundaries (wrap-ansi), a list item's continuation under
 * its own text; marked-terminal reflows paragraphs but not list items, and sources are written as lines.
 */
function wrapLines(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      if (stripVTControlCharacters(line).length <= width) return line;
      const indent = /^\s*(?:\d+\.|[*•-])?\s*/.exec(line)?.[0] ?? "";
      const body = wrapAnsi(line.slice(indent.length), Math.max(20, width - indent.length), { hard: false });
      return body
        .split("\n")
        .map((part, i) => (i === 0 ? indent : " ".repeat(indent.length)) + part)
        .join("\n");
    })
    .join("\n");
}

/**
 * A card as text for a terminal, `width` columns wide; offered entries, and the entries the topics list,
 * are numbered so that typing the number opens one. Printed by a one-shot command (`picks: false`),
 * which reads nothing after, they are listed by title alone.
 */
export function renderCard(
  card: Card,
  width = 80,
  { picks = true }: { readonly picks?: boolean } = {},
): string {
  const lines: string[] = [];
  for (const note of card.notes) lines.push(`(${note})`, "");
  if (card.warning) lines.push(terminalMarkdown(`! ${card.warning}`, width), "");
  if (card.title) lines.push(`## ${card.title}`, "");
  if (card.body.trim()) lines.push(terminalMarkdown(card.body.trim(), width), "");
  // numbered as choicesOf lists them: the entries a list names (the topics), then the offers
  let n = 0;
  for (const list of card.lists) {
    if (list.heading) lines.push(list.heading);
    lines.push(
      ...list.items.map((i) => {
        const mark = picks && i.entryId ? `[${++n}]` : "-";
        return i.text ? `  ${mark} ${i.title}: ${i.text}` : `  ${mark} ${i.title}`;
      }),
      "",
    );
  }
  if (card.sources.length > 0)
    lines.push(`${card.sourcesHeading}:`, ...card.sources.map((s) => `  - ${formatSource(s)}`), "");
  for (const offer of card.offers) {
    if (!picks) {
      // no heading: the choices the card's text just asked about ("Which did you mean?")
      if (offer.heading) lines.push(offer.heading);
      lines.push(...offer.links.map((l) => `  - ${l.title}`), "");
      continue;
    }
    lines.push(offer.heading ? `${offer.heading} (type its number)` : "Type its number:");
    // bracketed, unlike an answer's own numbered steps ("1. Take the post down") just above them
    lines.push(...offer.links.map((l) => `  [${++n}] ${l.title}`), "");
  }
  if (card.footer) lines.push(terminalMarkdown(`_${card.footer}_`, width));
  return wrapLines(lines.join("\n").trimEnd(), width);
}

/** How help names the commands in the console chat. */
export const CONSOLE_HELP: HelpStyle = {
  commandLine: (c) => c.usage,
  omit: (c) => Boolean(c.channelOnly),
  extra: [
    {
      title: "1, 2, ...",
      text: "Open one of the numbered entries offered with the last reply, or listed by topics.",
    },
    { title: "+ or -", text: "Rate the last answer: useful, or not." },
    { title: "quit", text: "Leave the chat." },
  ],
  note: 'Type "topics" to see them.',
};

/** Every tip, grouped under its topic, for `tips list`. */
export function renderTips(guide: Guide): string {
  return guide
    .topics()
    .map((l) => {
      const tips = guide.tips().filter((t) => t.topic === l.topic.id);
      return [l.topic.title, ...tips.map((t) => tipLines(guide, t.id).replace(/^/gm, "  "))].join("\n");
    })
    .join("\n\n");
}

/** One tip in a listing: its text, its sources and the entry to read next, with that entry's id. */
function tipLines(guide: Guide, tipId: string): string {
  const tip = guide.tips().find((t) => t.id === tipId);
  if (!tip) return "";
  const card = tipCard(guide, tip);
  const more = card.offers[0]?.links[0];
  return [
    `Tip: ${tip.text}`,
    `  Source: ${card.sources.map(formatSource).join("; ")}`,
    `  Learn more: ${more?.title ?? tip.entry} [${tip.entry}]`,
  ].join("\n");
}

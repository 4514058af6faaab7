import {
  type Card,
  type CardLink,
  type CardSource,
  type Guide,
  type HelpStyle,
  tipCard,
} from "../../src/index.js";

/** A source as a reader sees it: "Title (Publisher, 2024) https://publisher/page". */
export function formatSource(s: CardSource): string {
  return s.url ? `${s.label} ${s.url}` : s.label;
}

/** The entries a card offers, in the order the console numbers them. */
export function choicesOf(card: Card): readonly CardLink[] {
  return card.offers.flatMap((o) => o.links);
}

/** A card as plain text for a terminal; offered entries are numbered so that typing the number opens one. */
export function renderCard(card: Card): string {
  const lines: string[] = [];
  for (const note of card.notes) lines.push(`(${note})`, "");
  if (card.warning) lines.push(`! ${card.warning}`, "");
  if (card.title) lines.push(`## ${card.title}`, "");
  if (card.body.trim()) lines.push(card.body.trim(), "");
  for (const list of card.lists) {
    if (list.heading) lines.push(list.heading);
    lines.push(...list.items.map((i) => (i.text ? `  - ${i.title}: ${i.text}` : `  - ${i.title}`)), "");
  }
  if (card.sources.length > 0)
    lines.push(`${card.sourcesHeading}:`, ...card.sources.map((s) => `  - ${formatSource(s)}`), "");
  let n = 0;
  for (const offer of card.offers) {
    lines.push(offer.heading ? `${offer.heading} (type its number)` : "Type its number:");
    lines.push(...offer.links.map((l) => `  ${++n}. ${l.title}`), "");
  }
  if (card.footer) lines.push(`_${card.footer}_`);
  return lines.join("\n").trimEnd();
}

/** How help names the commands in the console chat. */
export const CONSOLE_HELP: HelpStyle = {
  commandLine: (c) => c.usage,
  omit: (c) => Boolean(c.channelOnly),
  extra: [
    { title: "1, 2, ...", text: "Open one of the numbered entries offered with the last reply." },
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

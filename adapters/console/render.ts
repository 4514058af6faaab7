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

/** A source as a reader sees it: "Title (Publisher, 2024) https://publisher/page". */
export function formatSource(s: Source): string {
  return s.url ? `${sourceLabel(s)} ${s.url}` : sourceLabel(s);
}

/** The entries a reply offers, in the order the console numbers them: suggestions, then related. */
export function choicesOf(reply: Reply): readonly EntryLink[] {
  return reply.kind === "answer" ? [...reply.suggestions, ...reply.related] : reply.suggestions;
}

/** A reply as plain text for a terminal; offered entries are numbered so that typing the number opens one. */
export function renderReply(reply: Reply): string {
  const lines: string[] = [];
  if (reply.truncated)
    lines.push(`(Your question was cut to its first ${MAX_QUESTION_CHARS} characters.)`, "");
  if (reply.notice) lines.push(`! ${reply.notice}`, "");
  const numbered = (items: readonly EntryLink[], from: number) =>
    items.map((s, i) => `  ${from + i}. ${s.title}`);
  if (reply.kind === "answer") {
    lines.push(`## ${reply.entry.title}`, "", reply.entry.answer.trim(), "");
    lines.push("Sources:", ...reply.sources.map((s) => `  - ${formatSource(s)}`));
    if (reply.suggestions.length) lines.push("", "Or did you mean:", ...numbered(reply.suggestions, 1));
    if (reply.related.length)
      lines.push("", "Related:", ...numbered(reply.related, reply.suggestions.length + 1));
    lines.push("", `_${reply.disclaimer}_`);
    return lines.join("\n");
  }
  if (reply.clarify) {
    lines.push("Your question could be about either of these. Which did you mean? Type its number:");
    lines.push(...numbered(reply.suggestions, 1));
  } else if (reply.suggestions.length) {
    lines.push(
      "I have no guidance on that.",
      "",
      "Did you mean (type its number):",
      ...numbered(reply.suggestions, 1),
    );
  } else {
    lines.push(
      "I have no guidance on that.",
      "",
      "I can help with:",
      ...reply.topics.map((t) => `  - ${t.title}: ${t.description}`),
    );
  }
  lines.push("", `_${reply.disclaimer}_`);
  return lines.join("\n");
}

/** A tip as a terminal shows it: the text, its sources, and the entry to read next. */
export function renderTip(guide: Guide, tip: Tip): string {
  const sources = guide.sourcesOf(tip).map(formatSource).join("; ");
  const more = guide.entry(tip.entry);
  return [
    `Tip: ${tip.text}`,
    `  Source: ${sources}`,
    `  Learn more: ${more?.title ?? tip.entry} [${tip.entry}]`,
  ].join("\n");
}

/** A tip shown on its own, with the standard disclaimer. */
export function renderTipAlone(guide: Guide, tip: Tip): string {
  return `${renderTip(guide, tip)}\n\n_${DISCLAIMER}_`;
}

/** Every tip, grouped under its topic. */
export function renderTips(guide: Guide): string {
  return guide
    .topics()
    .map((l) => {
      const tips = guide.tips().filter((t) => t.topic === l.topic.id);
      return [l.topic.title, ...tips.map((t) => renderTip(guide, t).replace(/^/gm, "  "))].join("\n");
    })
    .join("\n\n");
}

/** The topic list with each topic's entries. */
export function renderTopics(listings: readonly TopicListing[]): string {
  return listings
    .map((l) => [`${l.topic.title}`, ...l.entries.map((e) => `  - ${e.title}`)].join("\n"))
    .join("\n\n");
}

/** How to use the bot, from the command table. */
export function renderHelp(guide: Guide, extra: readonly string[] = []): string {
  return [
    "Ask me how to use social media professionally as a doctor. Type a question, or:",
    ...COMMANDS.filter((c) => !c.channelOnly).map((c) => `  ${c.usage.padEnd(16)} ${c.description}`),
    ...extra,
    "",
    "For example:",
    ...EXAMPLE_QUESTIONS.map((q) => `  ${q}`),
    "",
    `I hold ${guide.knowledge.entries.length} sourced answers in ${guide.knowledge.topics.length} topics (type "topics" to see them).`,
  ].join("\n");
}

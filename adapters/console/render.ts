import {
  COMMANDS,
  DISCLAIMER,
  EXAMPLE_QUESTIONS,
  type Guide,
  MAX_QUESTION_CHARS,
  type Reply,
  type Source,
  type Tip,
  type TopicListing,
} from "../../src/index.js";

/** A source as a reader sees it: "Title (Publisher, 2024)". */
export function formatSource(s: Source): string {
  return `${s.title} (${[s.publisher, s.year].filter(Boolean).join(", ")})`;
}

/** A reply as plain text for a terminal. */
export function renderReply(reply: Reply): string {
  const lines: string[] = [];
  if (reply.truncated)
    lines.push(`(Your question was cut to its first ${MAX_QUESTION_CHARS} characters.)`, "");
  if (reply.notice) lines.push(`! ${reply.notice}`, "");
  if (reply.kind === "answer") {
    lines.push(`## ${reply.entry.title}`, "", reply.entry.answer.trim(), "");
    lines.push("Sources:", ...reply.sources.map((s) => `  - ${formatSource(s)}`));
    if (reply.related.length) lines.push("", `Related: ${reply.related.map((r) => r.title).join("; ")}`);
    if (reply.suggestions.length) {
      lines.push(`Or did you mean: ${reply.suggestions.map((s) => s.title).join("; ")}?`);
    }
    lines.push("", `_${reply.disclaimer}_`);
    return lines.join("\n");
  }
  lines.push("I have no guidance on that.");
  if (reply.suggestions.length) {
    lines.push("", "Did you mean:", ...reply.suggestions.map((s) => `  - ${s.title}`));
  } else {
    lines.push("", "I can help with:", ...reply.topics.map((t) => `  - ${t.title}: ${t.description}`));
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

import type { Problem } from "./validate.js";

/**
 * Thrown when the corpus cannot be used; lists every problem found. `linksChecked` false: a file could
 * not be read, or an item did not fit its form, so what refers to what (topics, sources, related
 * entries) was not checked yet, and saying so spares a moderator wondering why the next run finds more.
 */
export class KnowledgeError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    linksChecked = true,
  ) {
    const later = linksChecked
      ? ""
      : "\nWhat entries refer to (topics, sources, related entries) is checked once these are fixed.";
    super(
      `The knowledge base has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.map(formatProblem).join("\n")}${later}`,
    );
    this.name = "KnowledgeError";
  }
}

/** What an item of each file is called, so that a tip or a synonym group is not sent to entries/. */
const ITEM: Record<string, string> = {
  "tips.yaml": "tip",
  "synonyms.yaml": "synonym group",
  "off-topic.yaml": "group",
  "sources.yaml": "source",
  "topics.yaml": "topic",
};

/** "file: entry: field: message", leaving out the parts that do not apply. */
export function formatProblem(p: Problem): string {
  const file = /([^/\\]+?)(?::\d+)*$/.exec(p.file)?.[1] ?? "";
  const item = p.entry && `${ITEM[file] ?? "entry"} "${p.entry}"`;
  return `  - ${[p.file, item, p.field && `field "${p.field}"`, p.message].filter(Boolean).join(": ")}`;
}

import type { Problem } from "./validate.js";

/** Thrown when the corpus cannot be used; lists every problem found. */
export class KnowledgeError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeError";
  }
}

/** "file: entry: field: message", leaving out the parts that do not apply. */
export function formatProblem(p: Problem): string {
  return `  - ${[p.file, p.entry && `entry "${p.entry}"`, p.field && `field "${p.field}"`, p.message]
    .filter(Boolean)
    .join(": ")}`;
}

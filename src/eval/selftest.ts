import { createGuide, type Guide } from "../guide.js";
import type { Knowledge } from "../types.js";

/** One entry's phrasings in the self-test: how many were left out, and how many still found it. */
export interface EntryRecall {
  readonly id: string;
  readonly heldOut: number;
  readonly found: number;
}

/** Where one entry's left-out phrasings went instead, and how often. */
export interface Confusion {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

/** How well the knowledge tells its own entries apart (see selfTest). */
export interface SelfTest {
  readonly folds: number;
  /** Phrasings left out and asked. */
  readonly phrasings: number;
  /** Those whose own entry ranked first. */
  readonly found: number;
  /** Every entry with a phrasing left out, the least found first. */
  readonly entries: readonly EntryRecall[];
  /** Entry pairs, the commonest first. */
  readonly confusions: readonly Confusion[];
}

/**
 * Asks the knowledge its own questions: each entry's phrasings are left out a fold at a time (every
 * entry keeps its first question), the rest is indexed as the bot would index it, and each left-out
 * phrasing is asked. A phrasing that ranks another entry first shows that the two share the words
 * that should tell them apart. No labelled set is read, so nothing here can be tuned to one.
 */
export function selfTest(
  knowledge: Knowledge,
  folds = 5,
  build: (k: Knowledge) => Pick<Guide, "explain"> = createGuide,
): SelfTest {
  const heldOut = new Map<string, number>();
  const found = new Map<string, number>();
  const confused = new Map<string, Confusion>();
  for (let fold = 0; fold < folds; fold++) {
    const asked: { id: string; question: string }[] = [];
    const entries = knowledge.entries.map((entry) => ({
      ...entry,
      questions: entry.questions.filter((question, i) => {
        const out = i > 0 && i % folds === fold;
        if (out) asked.push({ id: entry.id, question });
        return !out;
      }),
    }));
    if (asked.length === 0) continue;
    const guide = build({ ...knowledge, entries });
    for (const { id, question } of asked) {
      heldOut.set(id, (heldOut.get(id) ?? 0) + 1);
      const first = guide.explain(question).hits[0]?.entry.id;
      if (first === id) {
        found.set(id, (found.get(id) ?? 0) + 1);
        continue;
      }
      const to = first ?? "(nothing)";
      const key = `${id}\u0000${to}`;
      confused.set(key, { from: id, to, count: (confused.get(key)?.count ?? 0) + 1 });
    }
  }
  const entries = [...heldOut].map(([id, n]) => ({ id, heldOut: n, found: found.get(id) ?? 0 }));
  entries.sort((a, b) => a.found / a.heldOut - b.found / b.heldOut || b.heldOut - a.heldOut);
  return {
    folds,
    phrasings: entries.reduce((sum, e) => sum + e.heldOut, 0),
    found: entries.reduce((sum, e) => sum + e.found, 0),
    entries,
    confusions: [...confused.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from)),
  };
}

/** The self-test as a moderator reads it: the overall figure, the entries most lost, the commonest confusions. */
export function formatSelfTest(t: SelfTest, rows = 10): string {
  if (t.phrasings === 0) return "No entry has more than one question: there is nothing to leave out and ask.";
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  const held = new Map(t.entries.map((e) => [e.id, e.heldOut]));
  const width = Math.max(...t.entries.map((e) => e.id.length));
  return [
    `Self-test: each entry's phrasings left out ${t.folds} ways (every entry keeps its first question), then asked.`,
    `  ${t.phrasings} phrasings, ${pct(t.found, t.phrasings)} find their own entry first`,
    "",
    "Entries whose phrasings find them least:",
    ...t.entries.slice(0, rows).map((e) => `  ${e.id.padEnd(width)}  ${e.found} of ${e.heldOut}`),
    "",
    "Where phrasings go instead, commonest first:",
    ...t.confusions
      .slice(0, rows)
      .map((c) => `  ${c.from} -> ${c.to}: ${c.count} of ${held.get(c.from) ?? 0}`),
    "",
    "An entry whose phrasings go to another shares the words that should tell them apart: give it",
    "phrasings in words of its own (what sets it apart), or ask whether the two should be one entry.",
  ].join("\n");
}

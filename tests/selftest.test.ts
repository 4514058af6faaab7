import { describe, expect, it } from "vitest";
import { formatSelfTest, selfTest } from "../src/eval/selftest.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { Knowledge } from "../src/types.js";
import { ENGINE_DIR } from "./helpers.js";

const corpus = loadKnowledge(ENGINE_DIR);
/** A small knowledge base of a few unlike entries of the engine's test corpus, each with phrasings to leave out. */
const IDS = [
  "patient-friend-requests",
  "negative-reviews",
  "sponsored-posts",
  "clinical-photos",
  "criticising-employer",
];
const small: Knowledge = { ...corpus, entries: corpus.entries.filter((e) => IDS.includes(e.id)) };

describe("the knowledge's self-test", () => {
  it("leaves out every question but each entry's first, once, and counts where each went", () => {
    const t = selfTest(small);
    const expected = small.entries.reduce((sum, e) => sum + e.questions.length - 1, 0);
    expect(t.phrasings).toBe(expected);
    expect(t.entries.map((e) => e.id).sort()).toEqual([...IDS].sort());
    for (const e of t.entries) {
      const entry = small.entries.find((x) => x.id === e.id);
      expect(e.heldOut).toBe((entry?.questions.length ?? 0) - 1);
    }
    const lost = t.confusions.reduce((sum, c) => sum + c.count, 0);
    expect(t.found + lost).toBe(t.phrasings);
    // entries this unlike find nearly all their own phrasings
    expect(t.found / t.phrasings).toBeGreaterThan(0.9);
  });

  it("shows an entry that copies another's questions as where the other's phrasings go", () => {
    const source = small.entries.find((e) => e.id === "negative-reviews");
    if (!source) throw new Error("negative-reviews is not in the engine's test corpus");
    const copy = {
      ...source,
      id: "copy-of-reviews",
      title: "A copy",
      questions: ["a different first question", ...source.questions],
    };
    const t = selfTest({ ...small, entries: [...small.entries, copy] });
    // each left-out phrasing of negative-reviews is still a question of the copy, so it goes there (and back)
    const top = t.confusions.find((c) => c.from === "negative-reviews");
    expect(top?.to).toBe("copy-of-reviews");
    expect(top?.count).toBeGreaterThan((source.questions.length - 1) / 2);
    // the two entries are each other's commonest confusion and the two found least
    const firstTwo = (ids: string[]) => ids.slice(0, 2).sort();
    expect(firstTwo(t.confusions.map((c) => c.from))).toEqual(["copy-of-reviews", "negative-reviews"]);
    expect(firstTwo(t.entries.map((e) => e.id))).toEqual(["copy-of-reviews", "negative-reviews"]);
    const text = formatSelfTest(t);
    expect(text).toMatch(/\d+ phrasings, \d+\.\d% find their own entry first/);
    expect(text).toContain(
      `negative-reviews -> copy-of-reviews: ${top?.count} of ${source.questions.length - 1}`,
    );
  });

  it("says so when no entry has a question to leave out", () => {
    const single = {
      ...small,
      entries: small.entries.map((e) => ({ ...e, questions: e.questions.slice(0, 1) })),
    };
    const t = selfTest(single);
    expect(t.phrasings).toBe(0);
    expect(formatSelfTest(t)).toContain("nothing to leave out");
  });
});

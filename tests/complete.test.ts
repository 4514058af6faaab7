import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { ENGINE_DIR } from "./helpers.js";

// Autocomplete on the engine's test corpus: a word still being typed, and a whole one.

const guide = createGuide(loadKnowledge(ENGINE_DIR));

describe("autocomplete", () => {
  it("offers what a whole word matches, and for a word still being typed what the word it begins matches", () => {
    expect(guide.complete("copy", 25).map((c) => c.entryId)).toContain("copyright");
    // "frie" is no word of the questions: it is read as the commonest one it begins, "friend"
    const offered = guide.complete("frie", 5);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.some((c) => c.question.toLowerCase().includes("friend"))).toBe(true);
    expect(guide.complete("copyr", 5).map((c) => c.entryId)).toContain("copyright");
  });

  it("offers phrasings short enough to show whole, which picked are answered, not cut and declined", () => {
    const offered = guide.complete("can i accept a fr", 10);
    expect(offered.map((c) => c.entryId)).toContain("patient-friend-requests");
    for (const { question } of offered) {
      // the entry's longest phrasing shares most words with what was typed, but would show cut
      expect(question.length, question).toBeLessThanOrEqual(100);
      expect(guide.ask(question).kind, question).toBe("answer");
    }
  });
});

import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

// Autocomplete on the shipped knowledge: a word still being typed, and a whole one.

const guide = createGuide(loadKnowledge(KNOWLEDGE_DIR));

describe("autocomplete", () => {
  it("offers what a whole word matches first, then what the word it begins matches", () => {
    // "copy" is a word of its own, and the start of "copyright": both are offered, the word's first
    const offered = guide.complete("copy", 25).map((c) => c.entryId);
    expect(offered.length).toBeGreaterThan(1);
    expect(offered).toContain("copyright-defamation");
    // a word still being typed matches as the word it begins
    expect(
      guide
        .complete("frie", 5)
        .map((c) => c.question.toLowerCase())
        .some((q) => q.includes("friend")),
    ).toBe(true);
  });

  it("offers phrasings short enough to show whole, which picked are answered, not cut and declined", () => {
    const offered = guide.complete("can i accept a fr", 10);
    expect(offered.length).toBeGreaterThan(0);
    for (const { question } of offered) {
      // every entry has a phrasing that short, so the choice a platform shows is the question it sends
      expect(question.length, question).toBeLessThanOrEqual(100);
      expect(guide.ask(question).kind, question).toBe("answer");
    }
  });
});

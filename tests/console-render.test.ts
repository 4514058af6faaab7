import { describe, expect, it } from "vitest";
import { renderCard, terminalWidth } from "../adapters/console/render.js";
import { noticeCard, type Reply, replyCard } from "../src/index.js";

describe("the console's cards", () => {
  const long = `**Keep patients off your personal accounts.** ${"Use professional profiles for anything work-related and decline politely. ".repeat(6)}See [the GMC](https://www.gmc-uk.org/guidance).`;

  it("wraps Markdown at word boundaries to the terminal's width and shows emphasis, not asterisks", () => {
    for (const width of [40, 80, 120]) {
      const text = renderCard(noticeCard(long), width);
      const lines = text.split("\n");
      expect(lines.every((l) => l.length <= width || /https?:\/\//.test(l))).toBe(true);
      expect(text).not.toContain("**");
      // no word is broken across lines
      expect(text.replace(/\s+/g, " ")).toContain("work-related and decline politely.");
    }
  });

  it("wraps a long list item under its own text, and shows its emphasis as plain words", () => {
    const list = `1. **Take the post down** ${"and tell your supervisor and the data protection lead ".repeat(3)}\n2. Get advice.`;
    const text = renderCard(noticeCard(list), 60);
    const lines = text.split("\n");
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(text).not.toContain("**");
    expect(lines[0]).toMatch(/^\s*1\. Take the post down/);
    const hang = /^\s*1\. /.exec(lines[0] ?? "")?.[0].length ?? 0;
    expect(lines[1]?.startsWith(" ".repeat(hang))).toBe(true);
  });

  it("lists an ask-back's two choices right under its question, numbered only where one can be typed", () => {
    const asked: Reply = {
      kind: "no-answer",
      question: "",
      truncated: false,
      disclaimer: "",
      flags: [],
      clarify: true,
      confidence: 0.4,
      suggestions: [
        { id: "friend-requests", title: "Friend requests from patients", score: 0.4 },
        { id: "patient-photos", title: "Posting photos of patients", score: 0.38 },
      ],
      topics: [],
    };
    const choices = "  - Friend requests from patients\n  - Posting photos of patients";
    expect(renderCard(replyCard(asked), 80, { picks: false })).toBe(
      `Your question could be about either of these. Which did you mean?\n\n${choices}`,
    );
    expect(renderCard(replyCard(asked), 80)).toContain(
      "Type its number:\n  [1] Friend requests from patients",
    );
  });

  it("writes links out so they can be followed from a terminal", () => {
    expect(renderCard(noticeCard(long), 80)).toContain("https://www.gmc-uk.org/guidance");
  });

  it("takes the terminal's width, within sensible bounds, and 80 columns when not a terminal", () => {
    expect(terminalWidth({ columns: 100 })).toBe(100);
    expect(terminalWidth({ columns: 10 })).toBe(40);
    expect(terminalWidth({})).toBe(80);
  });
});

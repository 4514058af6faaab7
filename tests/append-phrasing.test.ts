import { describe, expect, it } from "vitest";
import { appendPhrasing } from "../app/append-phrasing.js";
import { questionsOf } from "./helpers.js";

// How an accepted phrasing is written into an entry's YAML: the file's comments and layout kept.
describe("appendPhrasing", () => {
  const SOURCE = [
    "# Entries on one topic.",
    "- id: one",
    "  title: One",
    "  questions: # the first is canonical",
    "    - First question?",
    '    - "Second: quoted" # a note',
    "  # a comment between fields",
    "  answer: |",
    "    Long answer.",
    "  related:",
    "    [",
    "      two,",
    "    ]",
    "",
    "- id: two",
    "  questions:",
    "    - Only question",
    "",
  ].join("\n");

  it("adds one line under the entry's last question and changes nothing else", () => {
    const text = appendPhrasing(SOURCE, "one", "can i: quote this?");
    const lines = text.split("\n");
    expect(lines[6]).toBe('    - "can i: quote this?"');
    expect(lines.filter((_, i) => i !== 6).join("\n")).toBe(SOURCE);
    expect(questionsOf(text, "one")).toEqual(["First question?", "Second: quoted", "can i: quote this?"]);
  });

  it("appends to the last entry of a file, and to a flow list of questions in place", () => {
    expect(questionsOf(appendPhrasing(SOURCE, "two", "another"), "two")).toEqual([
      "Only question",
      "another",
    ]);
    const flow = "- id: one\n  questions: [a, b] # kept\n";
    expect(appendPhrasing(flow, "one", "c")).toBe('- id: one\n  questions: [a, b, "c"] # kept\n');
    // a flow list over several lines, in a file with Windows line endings: nothing else moves (yaml's
    // printer put the list on one line, and every other list of the file too)
    const lines = [
      "- id: one   # spaced comment",
      "  questions: [",
      '    "q1",',
      "    q2",
      "  ]",
      "  related: [a,",
      "    b]",
      "",
    ];
    const added = appendPhrasing(lines.join("\r\n"), "one", "may I: ask, here?");
    expect(added).toBe(
      [...lines.slice(0, 3), "    q2,", '    "may I: ask, here?"', ...lines.slice(4)].join("\r\n"),
    );
    expect(questionsOf(added, "one")).toEqual(["q1", "q2", "may I: ask, here?"]);
  });

  it("fails on a missing entry or unreadable YAML", () => {
    expect(() => appendPhrasing(SOURCE, "three", "x")).toThrow(/entry "three"/);
    expect(() => appendPhrasing("- id: [one\n", "one", "x")).toThrow(/cannot be read as YAML/);
  });
});

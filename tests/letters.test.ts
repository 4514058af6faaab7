import { describe, expect, it } from "vitest";
import { readQuestion } from "../src/search/question.js";

const parts = (text: string) =>
  readQuestion(text).map((s) => [s.text, s.asking ? "asks" : s.aside ? "aside" : "story"]);

describe("a question written as a letter", () => {
  it("drops whom it is addressed to and reads its signature as an aside", () => {
    expect(
      parts("Dear Nurse Beth, my co-workers post funny TikToks from the unit. Is that ok? — Uneasy in Ohio"),
    ).toEqual([
      ["my co-workers post funny TikToks from the unit.", "story"],
      ["Is that ok?", "asks"],
      ["— Uneasy in Ohio", "aside"],
    ]);
    expect(parts("Dear Dr Patel: can I post about my patient? -Worried in Leeds")).toEqual([
      ["can I post about my patient?", "asks"],
      ["-Worried in Leeds", "aside"],
    ]);
    expect(parts("A patient messaged me on Facebook. What do I do? Signed, Confused RN")).toEqual([
      ["A patient messaged me on Facebook.", "story"],
      ["What do I do?", "asks"],
      ["Signed, Confused RN", "aside"],
    ]);
  });

  it("keeps a list item that asks, and a name with no comma after it", () => {
    expect(parts("Two things: - can I post it? - should I tag the hospital?")).toEqual([
      ["Two things: - can I post it?", "asks"],
      ["- should I tag the hospital?", "asks"],
    ]);
    expect(parts("Dear Nurse Beth wrote about this in her column. Can I share it?")).toEqual([
      ["Dear Nurse Beth wrote about this in her column.", "story"],
      ["Can I share it?", "asks"],
    ]);
  });
});

describe("a post's own summary", () => {
  it("reads a TL;DR line as asking, question mark or not", () => {
    expect(
      parts(
        "A former patient keeps messaging me. Should I block him?\nTL;DR ex-patient sending me romantic DMs",
      ),
    ).toEqual([
      ["A former patient keeps messaging me.", "story"],
      ["Should I block him?", "asks"],
      ["TL;DR ex-patient sending me romantic DMs", "asks"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { parts } from "./sentence-parts.js";

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

  it('keeps a list item that asks, a sentence that opens with "Signed", and a name with no comma after it', () => {
    expect(
      parts("Two questions\n- Do we need consent from patients in the background\n- Can staff film on shift"),
    ).toEqual([
      ["Two questions", "aside"],
      ["- Do we need consent from patients in the background", "asks"],
      ["- Can staff film on shift", "story"],
    ]);
    expect(parts("Signed a consent form and everything. Can I post the photo?")).toEqual([
      ["Signed a consent form and everything.", "story"],
      ["Can I post the photo?", "asks"],
    ]);
    expect(parts("Dear Nurse Beth wrote about this in her column. Can I share it?")).toEqual([
      ["Dear Nurse Beth wrote about this in her column.", "story"],
      ["Can I share it?", "asks"],
    ]);
  });
});

describe("a post's own summary", () => {
  it("reads a TL;DR line that asks as asking, question mark or not, and one that only states as story", () => {
    expect(
      parts(
        "A former patient keeps messaging me. Should I block him?\nTL;DR ex-patient in my DMs, how do I handle it",
      ),
    ).toEqual([
      ["A former patient keeps messaging me.", "story"],
      ["Should I block him?", "asks"],
      ["TL;DR ex-patient in my DMs, how do I handle it", "asks"],
    ]);
    expect(
      parts("My colleague posted a meme about it. Should I report her?\nTL;DR: rota is terrible"),
    ).toEqual([
      ["My colleague posted a meme about it.", "story"],
      ["Should I report her?", "asks"],
      ["rota is terrible", "story"],
    ]);
  });
});

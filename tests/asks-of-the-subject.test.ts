import { describe, expect, it } from "vitest";
import { asksOfTheSubject, readQuestion } from "../src/search/question.js";

/** Whether a sentence asks about another subject: here, any that names a dose or an exam. */
const other = (s: { readonly text: string }) => /\b(?:dose|exam)\b/i.test(s.text);
const read = (text: string) =>
  asksOfTheSubject(readQuestion(text), other).map((s) => [s.text, s.asking ? "asks" : "story"]);

describe("a post that asks about another subject beside the bot's", () => {
  it("reads the other subject's question as story, and keeps the one the bot answers", () => {
    expect(
      read("What's the starting dose of apixaban for AF? Also, should I accept a patient's friend request?"),
    ).toEqual([
      ["What's the starting dose of apixaban for AF?", "story"],
      ["Also, should I accept a patient's friend request?", "asks"],
    ]);
  });

  it("leaves a post alone when every question, or none, is about another subject", () => {
    expect(read("What's the dose for a child? Is the exam hard?")).toEqual([
      ["What's the dose for a child?", "asks"],
      ["Is the exam hard?", "asks"],
    ]);
    expect(read("Can I post about my patient? Should I ask her first?")).toEqual([
      ["Can I post about my patient?", "asks"],
      ["Should I ask her first?", "asks"],
    ]);
    expect(read("What's the dose of amoxicillin for a child?")).toEqual([
      ["What's the dose of amoxicillin for a child?", "asks"],
    ]);
  });
});

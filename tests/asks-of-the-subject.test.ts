import { describe, expect, it } from "vitest";
import { type AskTopic, asksOfTheSubject, readQuestion } from "../src/search/question.js";

/** Here a sentence is the bot's when it names Facebook, a post or comments, another's when it names a dose or an exam. */
const topicOf = (s: { readonly text: string }): AskTopic =>
  /\b(?:facebook|post|comments?)\b/i.test(s.text)
    ? "bot"
    : /\b(?:dose|exam)\b/i.test(s.text)
      ? "other"
      : undefined;
const read = (text: string) =>
  asksOfTheSubject(readQuestion(text), topicOf).map((s) => [s.text, s.asking ? "asks" : "story"]);

describe("a post that asks about another subject beside the bot's", () => {
  it("reads the other subject's question as story, and keeps the one the bot answers", () => {
    expect(
      read(
        "What's the starting dose of apixaban for AF? Also, should I accept a friend request on Facebook?",
      ),
    ).toEqual([
      ["What's the starting dose of apixaban for AF?", "story"],
      ["Also, should I accept a friend request on Facebook?", "asks"],
    ]);
  });

  it("keeps a question that names the bot's subject too, and one left with nothing of the bot's to ask", () => {
    expect(read("Can I answer the dose question in the comments? Or should I delete it?")).toEqual([
      ["Can I answer the dose question in the comments?", "asks"],
      ["Or should I delete it?", "asks"],
    ]);
    expect(read("How hard is the PLAB exam? Any tips?")).toEqual([
      ["How hard is the PLAB exam?", "asks"],
      ["Any tips?", "asks"],
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
  });
});

import { describe, expect, it } from "vitest";
import { preferSummary } from "../src/guide.js";
import { createGuide, DISCLAIMER, loadKnowledge, MAX_QUESTION_CHARS } from "../src/index.js";
import type { Hit } from "../src/search/search-index.js";
import type { Entry } from "../src/types.js";
import { FIXTURE_DIR, KNOWLEDGE_DIR } from "./helpers.js";

const guide = createGuide(loadKnowledge(FIXTURE_DIR));

describe("ask on the fixture corpus", () => {
  it("answers a paraphrase with the right entry, its sources and the disclaimer", () => {
    const reply = guide.ask("a patient sent me a friend request on fb");
    expect(reply.kind).toBe("answer");
    if (reply.kind !== "answer") return;
    expect(reply.entry.id).toBe("friend-requests");
    expect(reply.sources.map((s) => s.id)).toEqual(["doc-a"]);
    expect(reply.related.map((r) => r.id)).toEqual(["patient-photos"]);
    expect(reply.disclaimer).toBe(DISCLAIMER);
    expect(reply.confidence).toBeGreaterThan(0);
    expect(reply.confidence).toBeLessThanOrEqual(1);
  });

  it("tolerates typos", () => {
    const reply = guide.ask("shuold i acept a freind requst");
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
  });

  it("declines an off-topic question and offers the topics", () => {
    const reply = guide.ask("what is the dose of amoxicillin for otitis media");
    expect(reply.kind).toBe("no-answer");
    if (reply.kind !== "no-answer") return;
    expect(reply.suggestions).toEqual([]);
    expect(reply.topics.map((t) => t.id)).toEqual(["boundaries", "privacy"]);
    expect(reply.disclaimer).toBe(DISCLAIMER);
  });

  it("declines a vague question but offers what is close", () => {
    const reply = guide.ask("a photo of my dog");
    expect(reply.kind).toBe("no-answer");
    expect(reply.suggestions.length).toBeGreaterThan(0);
    expect(reply.suggestions.length).toBeLessThanOrEqual(3);
  });

  it.each([
    "",
    "   \n\t ",
    "🙂🙂🙂",
    "a".repeat(20_000),
    "\u0000\u0001\u001b[31m",
    "'; DROP TABLE entries; --",
    "<script>alert(1)</script> <b>bold</b>",
    "Comment dois-je gérer les demandes d'amis de patients ?",
    "患者からの友達申請",
    "<@U123> <!channel> <!everyone>",
  ])("never throws on %j", (text) => {
    const reply = guide.ask(text);
    expect(["answer", "no-answer"]).toContain(reply.kind);
    expect(reply.confidence).toBeGreaterThanOrEqual(0);
    expect(reply.confidence).toBeLessThanOrEqual(1);
  });

  it("cuts an overlong question and says so", () => {
    const reply = guide.ask(`${"patient ".repeat(3000)}friend request`);
    expect(reply.truncated).toBe(true);
    expect(Array.from(reply.question).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });
});

describe("ask on the shipped corpus", () => {
  const real = createGuide(loadKnowledge(KNOWLEDGE_DIR));

  it("answers each entry's own canonical question with that entry", () => {
    for (const entry of real.knowledge.entries) {
      const reply = real.ask(entry.questions[0] ?? "");
      expect(reply.kind === "answer" && reply.entry.id, entry.questions[0]).toBe(entry.id);
    }
  });

  it("declines clinical and everyday questions", () => {
    for (const q of ["what is the treatment for sepsis", "how do I reset my password", "tell me a joke"]) {
      expect(real.ask(q).kind, q).toBe("no-answer");
    }
  });
});

describe("a summary entry", () => {
  const make = (id: string, covers: string[] = []): Entry => ({
    id,
    title: id,
    topic: "t",
    questions: [id],
    answer: "An answer.",
    related: [],
    covers,
    sources: ["s"],
    file: "test.yaml",
  });
  const list = make("benefits", ["networking", "learning"]);
  const hit = (id: string, score: number, matched: string[]): Hit => ({
    entry: make(id),
    score,
    matched: new Set(matched),
    askCoverage: score,
    phrasing: score,
    agreement: 1,
  });

  it("answers when two of its entries fit the question equally well", () => {
    const hits = [hit("networking", 0.7, ["gain", "doctor"]), hit("learning", 0.62, ["gain", "doctor", "x"])];
    const ranked = preferSummary(hits, [list]);
    expect(ranked.map((h) => h.entry.id)).toEqual(["benefits", "networking", "learning"]);
    expect(ranked[0]?.score).toBe(0.7);
  });

  it("does not answer when the best entry matches a word the other lacks", () => {
    const hits = [hit("networking", 0.7, ["gain", "colleagu"]), hit("learning", 0.68, ["gain"])];
    expect(preferSummary(hits, [list]).map((h) => h.entry.id)).toEqual(["networking", "learning"]);
  });

  it("does not answer when the other entry is well behind, or not one it covers", () => {
    const far = [hit("networking", 0.7, ["gain"]), hit("learning", 0.5, ["gain"])];
    expect(preferSummary(far, [list])[0]?.entry.id).toBe("networking");
    const stranger = [hit("networking", 0.7, ["gain"]), hit("privacy", 0.69, ["gain"])];
    expect(preferSummary(stranger, [list])[0]?.entry.id).toBe("networking");
  });
});

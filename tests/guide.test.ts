import { describe, expect, it } from "vitest";
import { createGuide, DISCLAIMER, loadKnowledge, MAX_QUESTION_CHARS } from "../src/index.js";
import { SearchIndex } from "../src/search/search-index.js";
import { modelOf } from "./confidence-model.js";
import { ENGINE_DIR, FIXTURE_DIR } from "./helpers.js";

const fixture = loadKnowledge(FIXTURE_DIR);
const guide = createGuide(fixture);

describe("another subject's example questions", () => {
  const pay = {
    subject: "pay and contracts",
    terms: [],
    examples: [
      "How much is a band 5 nurse paid?",
      "Can my manager cut my overtime pay?",
      "Is my pay late this month?",
    ],
  };
  const withPay = createGuide({ ...fixture, offTopic: [pay] }, { model: modelOf({ elsewhere: -20 }, 0) });

  it("counts against the confidence, and a decline names the subject they are of", () => {
    const reply = withPay.ask("my manager says my overtime pay will be late again this month");
    expect(reply.kind === "no-answer" && reply.otherSubject).toBe("pay and contracts");
    expect(
      withPay.explain("my manager says my overtime pay will be late").features.elsewhere,
    ).toBeGreaterThan(0);
  });

  it("names it only where the decline offers no entry instead", () => {
    const unsure = createGuide({ ...fixture, offTopic: [pay] }, { model: modelOf({ elsewhere: -1 }, -1) });
    const q = "can my manager post my overtime pay on facebook";
    expect(unsure.explain(q).elsewhere).toBe("pay and contracts");
    const reply = unsure.ask(q);
    expect(reply.kind).toBe("no-answer");
    if (reply.kind !== "no-answer") return;
    expect(reply.suggestions.length).toBeGreaterThan(0);
    expect(reply.otherSubject).toBeUndefined();
  });

  it("leaves a question the entries fit alone", () => {
    const reply = withPay.ask("a patient sent me a friend request on facebook");
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
    expect(withPay.explain("a patient sent me a friend request on facebook").elsewhere).toBeUndefined();
  });
});

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
    expect(reply.suggestions.map((s) => s.id)).toEqual(["patient-photos"]);
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

  it("answers what a post longer than the limit asks at its end", () => {
    const story = "We had a long night on the ward and everyone was tired after it. ".repeat(30);
    const reply = guide.ask(`I am a staff nurse. ${story}Can I accept a friend request from a patient?`);
    expect(reply.truncated).toBe(true);
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
  });
});

describe("the subject words", () => {
  // Only naming the subject counts: p = 0.99 with a subject word, 0.007 without.
  const anchoredOnly = createGuide(fixture, { model: modelOf({ anchored: 10 }, -5) });

  it.each([
    "How do I network with colleagues on social media?",
    "How do I network with colleagues on facebook?",
    "Can I share how I network with colleagues?",
  ])("make a question that names the subject answerable: %j", (question) => {
    const reply = anchoredOnly.ask(question);
    expect(reply.kind === "answer" && reply.entry.id).toBe("colleague-networking");
  });

  it("leave the same question without them unanswered", () => {
    const reply = anchoredOnly.ask("How do I network with colleagues?");
    expect(reply.kind).toBe("no-answer");
    expect(reply.confidence).toBeLessThan(0.01);
  });
});

describe("how many of the subject's words a question names", () => {
  const subject = (question: string) => guide.explain(question).features.subject;

  it("counts each distinct one anywhere in the question, story included", () => {
    const story =
      "Our ward posted a team photo on Facebook after a night shift. A patient's name shows on the board behind us. Someone shared it and a relative commented. What now?";
    // facebook (socialmedia), post, photo, share; "commented" is a word the fixture never uses, and a
    // story's unknown words are not read at all
    expect(subject(story)).toBeCloseTo(Math.log1p(4));
  });

  it("counts LinkedIn and the dating apps, which the synonyms keep apart from social media, as platforms", () => {
    expect(subject("Can I write about my burnout on LinkedIn?")).toBeCloseTo(Math.log1p(1));
    expect(subject("A patient matched with me on Hinge")).toBeCloseTo(Math.log1p(1));
  });

  it("gives a question that only mentions a platform in passing one", () => {
    expect(
      subject("Saw on Facebook that locum rates went up; how do I ask my trust for a pay rise?"),
    ).toBeCloseTo(Math.log1p(1));
  });

  it("leaves out words with an everyday clinical or working sense", () => {
    expect(
      subject("Please page the registrar: the request for a nerve block came from the group on ward 4"),
    ).toBe(0);
  });
});

describe("how much a question speaks the knowledge's language (domain)", () => {
  const domain = (question: string) => guide.explain(question).features.domain;

  it("is high for the knowledge's own words and 0 for everyday ones", () => {
    const own = domain("friend request from a patient on facebook");
    expect(own).toBeGreaterThan(1);
    expect(domain("what time does the canteen open on sunday")).toBe(0);
  });

  it("falls as the same question is padded with everyday words, and is the mean over its terms", () => {
    const own = domain("friend request from a patient on facebook");
    const padded = domain("my brother said last week over dinner friend request from a patient on facebook");
    expect(padded).toBeGreaterThan(0);
    expect(padded).toBeLessThan(own);
  });

  it("survives a saved index: the restored index weighs a question the same", () => {
    const built = new SearchIndex(fixture.entries, fixture.synonyms);
    const restored = new SearchIndex(
      fixture.entries,
      fixture.synonyms,
      {},
      JSON.parse(JSON.stringify(built.snapshot())),
    );
    const terms = built.terms("can I share a photo of a patient on instagram");
    expect(restored.profile(terms).domain).toBe(built.profile(terms).domain);
    expect(built.profile(terms).domain).toBeGreaterThan(0);
  });
});

describe("ask on a corpus of many entries", () => {
  // The engine's test corpus: thirty entries, several of them about the same things (friend requests
  // from patients and from their relatives, photos of patients and of the staff, reviews bad and good).
  const many = createGuide(loadKnowledge(ENGINE_DIR));

  it("answers each entry's own canonical question with that entry", () => {
    for (const entry of many.knowledge.entries) {
      const reply = many.ask(entry.questions[0] ?? "");
      expect(reply.kind === "answer" && reply.entry.id, entry.questions[0]).toBe(entry.id);
    }
  });

  it("declines clinical and everyday questions, even when they share a word with the entries", () => {
    for (const q of [
      "what is the treatment for sepsis",
      "how do I reset my password",
      "tell me a joke",
      "who is the best doctor in town",
      "what time does the ward canteen open",
    ]) {
      expect(many.ask(q).kind, q).toBe("no-answer");
    }
  });
});

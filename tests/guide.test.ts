import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLOSE_MARGIN } from "../src/guide.js";
import { createGuide, DISCLAIMER, loadKnowledge, MAX_QUESTION_CHARS } from "../src/index.js";
import { choiceIsOpen, preferSummary } from "../src/judge.js";
import { type ConfidenceModel, type Feature, SCORE_ONLY_MODEL } from "../src/search/confidence.js";
import type { Counterpart } from "../src/search/counterpart.js";
import { type Hit, SearchIndex } from "../src/search/search-index.js";
import type { Entry } from "../src/types.js";
import { FIXTURE_DIR, fixtureCopy, KNOWLEDGE_DIR } from "./helpers.js";

const fixture = loadKnowledge(FIXTURE_DIR);
const guide = createGuide(fixture);

/** A confidence model with only the given weights, so that a test decides what the confidence depends on. */
function modelOf(weights: Partial<Record<Feature, number>>, bias: number): ConfidenceModel {
  const zero = Object.fromEntries(Object.keys(SCORE_ONLY_MODEL.weights).map((f) => [f, 0]));
  return { ...SCORE_ONLY_MODEL, weights: { ...zero, ...weights } as ConfidenceModel["weights"], bias };
}

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

describe("offering the next entries beside an answer", () => {
  // The confidence is the model's bias alone: 0.62 (answered, but unsure) or 0.99 (sure).
  const unsure = createGuide(fixture, { model: modelOf({}, 0.5) });
  const sure = createGuide(fixture, { model: modelOf({}, 5) });
  // friend-requests well ahead of patient-photos, and the two about level
  const ahead = "photo of a patient friend request";
  const tied = "friend patient photos";

  const gap = (question: string) => {
    const [first, second] = guide.explain(question).hits;
    return (first?.score ?? 0) - (second?.score ?? 0);
  };

  it("reads the two questions as meant: one entry well ahead, two about level", () => {
    expect(gap(ahead)).toBeGreaterThan(CLOSE_MARGIN);
    expect(gap(tied)).toBeLessThanOrEqual(CLOSE_MARGIN);
  });

  it("an unsure answer offers the entries that come next", () => {
    const reply = unsure.ask(ahead);
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
    expect(reply.suggestions.map((s) => s.id)).toEqual(["patient-photos"]);
  });

  it("a sure answer offers a runner-up only when it comes as close", () => {
    expect(sure.ask(ahead).suggestions).toEqual([]);
    const reply = sure.ask(tied);
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
    expect(reply.suggestions.map((s) => s.id)).toEqual(["patient-photos"]);
    // an entry offered as a runner-up is not listed again as related
    expect(reply.kind === "answer" && reply.related).toEqual([]);
  });
});

describe("asking which was meant", () => {
  // A photo entry in another topic beside the patient-photos one, and a wide ask-back margin, so that
  // both questions below have two entries of different topics close enough to ask about.
  const photos = `
- id: ward-photos
  title: Photos taken on the ward
  topic: boundaries
  questions:
    - Can I post a selfie from the ward?
    - Team photos at work on Instagram
  answer: Check nothing confidential is in the background.
  sources: [doc-a]
`;
  const dir = fixtureCopy();
  writeFileSync(join(dir, "entries", "photos.yaml"), photos);
  const torn = createGuide(loadKnowledge(dir), { model: { ...SCORE_ONLY_MODEL, clarifyMargin: 0.2 } });

  it("asks when the two readings of the question put different entries first, offering both", () => {
    const reply = torn.ask("can I post a photo of a patient from the ward");
    expect(reply).toMatchObject({ kind: "no-answer", clarify: true });
    expect(reply.suggestions.map((s) => s.id).sort()).toEqual(["patient-photos", "ward-photos"]);
  });

  it("answers when both readings put the same entry first, however close the next one scores", () => {
    const judged = torn.explain("can I post a photo of a patient on instagram");
    expect(judged.hits.map((h) => h.entry.topic).slice(0, 2)).toEqual(["privacy", "boundaries"]);
    expect((judged.hits[0]?.score ?? 0) - (judged.hits[1]?.score ?? 0)).toBeLessThan(0.2);
    const reply = torn.ask("can I post a photo of a patient on instagram");
    expect(reply.kind === "answer" ? reply.entry.id : reply.kind).toBe("patient-photos");
  });
});

describe("whether a close runner-up leaves a choice to ask about", () => {
  const hit = (id: string, topic: string, score: number, counterpart?: Counterpart): Hit => ({
    entry: {
      id,
      title: id,
      topic,
      questions: [id],
      answer: "An answer.",
      related: [],
      covers: [],
      sources: ["s"],
      file: "t.yaml",
    },
    score,
    matched: new Set(),
    askCoverage: 1,
    phrasing: score,
    agreement: 0.5,
    ...(counterpart ? { counterpart } : {}),
  });
  const patients = hit("patient-contact", "boundaries", 0.66, "patient");
  const colleagues = hit("colleague-contact", "work", 0.67, "colleague");
  const photos = hit("photos", "privacy", 0.65);

  it("is open between entries of different topics scoring alike that the readings disagree on", () => {
    expect(choiceIsOpen(patients, colleagues, undefined, 0.1)).toBe(true);
    expect(choiceIsOpen(patients, photos, "patient", 0.1)).toBe(true);
  });

  it("is settled when the question's contact is with the first one's person and the other is about someone else", () => {
    expect(choiceIsOpen(patients, colleagues, "patient", 0.1)).toBe(false);
    // the first is about someone else: the reading does not settle it for the first
    expect(choiceIsOpen(colleagues, patients, "patient", 0.1)).toBe(true);
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

  it("answers a question that two of its points fit equally, offering the closest point", () => {
    const entry = (id: string, title: string, question: string, covers: string[] = []): Entry => ({
      ...make(id, covers),
      title,
      topic: "boundaries",
      questions: [question],
      sources: ["doc-a"],
    });
    const withSummary = createGuide({
      ...fixture,
      entries: [
        ...fixture.entries,
        entry(
          "online-benefits",
          "What doctors gain from social media",
          "What are the benefits of social media for doctors?",
          ["colleague-networking", "online-learning"],
        ),
        entry(
          "online-learning",
          "Learning from colleagues online",
          "How can I learn from colleagues online?",
        ),
      ],
    });
    // "colleagues online" fits learning and networking about equally, on the same words
    const reply = withSummary.ask("colleagues online");
    expect(reply.kind === "answer" && reply.entry.id).toBe("online-benefits");
    expect(reply.suggestions[0]?.id).toBe("online-learning");
    // a question that only one point fits is that point's
    const learning = withSummary.ask("how do I learn from colleagues online");
    expect(learning.kind === "answer" && learning.entry.id).toBe("online-learning");
  });

  it("does not answer when the other entry is well behind, or not one it covers", () => {
    const far = [hit("networking", 0.7, ["gain"]), hit("learning", 0.5, ["gain"])];
    expect(preferSummary(far, [list])[0]?.entry.id).toBe("networking");
    const stranger = [hit("networking", 0.7, ["gain"]), hit("privacy", 0.69, ["gain"])];
    expect(preferSummary(stranger, [list])[0]?.entry.id).toBe("networking");
  });
});

// What the bot offers beside an answer or instead of one: the next entries, a question back when two
// entries fit alike, and a summary entry when two of its points do.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { choiceIsOpen, preferSummary } from "../src/choices.js";
import { replyCard } from "../src/conversation/cards.js";
import { CLOSE_MARGIN } from "../src/guide.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { SCORE_ONLY_MODEL } from "../src/search/confidence.js";
import type { Counterpart } from "../src/search/counterpart.js";
import type { Hit } from "../src/search/search-index.js";
import type { Entry } from "../src/types.js";
import { modelOf } from "./confidence-model.js";
import { FIXTURE_DIR, fixtureCopy, KNOWLEDGE_DIR } from "./helpers.js";

const fixture = loadKnowledge(FIXTURE_DIR);
const guide = createGuide(fixture);

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

  it("offers a third entry too when it scores as well as either of the two", () => {
    // the bare question is about a patient's, a relative's or a colleague's request: all three are offered
    const reply = createGuide(loadKnowledge(KNOWLEDGE_DIR)).ask("should I accept a friend request?");
    expect(reply).toMatchObject({ kind: "no-answer", clarify: true });
    expect(reply.suggestions.map((s) => s.id).sort()).toEqual([
      "connecting-with-colleagues",
      "qa-maintain-boundaries",
      "relatives-friend-requests",
    ]);
    expect(replyCard(reply).body).toBe("Your question could be about any of these. Which did you mean?");
    // two choices are "either of these"
    expect(replyCard(torn.ask("can I post a photo of a patient from the ward")).body).toMatch(
      /about either of these/,
    );
  });

  it("asks back about a question that named a patient without leading its notice into an answer", () => {
    const reply = torn.ask("can I post a photo of my patient Aisha Khan from the ward");
    expect(reply).toMatchObject({ kind: "no-answer", clarify: true, flags: ["patient-identifiers"] });
    expect(reply.notice).toContain("explicit consent.");
    expect(reply.notice).not.toContain("Here is the general guidance");
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

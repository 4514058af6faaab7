import { describe, expect, it } from "vitest";
import { Conversation, createGuide, createLogger, loadKnowledge, UsageRecords } from "../src/index.js";
import { ENGINE_DIR, tempStorage, testEntry } from "./helpers.js";

// How the engine reads a question as clinicians post it, on the engine's test corpus (tests/fixtures/
// engine). What the shipped knowledge answers to such questions is measured in tests/eval/behaviour.jsonl.
const guide = createGuide(loadKnowledge(ENGINE_DIR));
const top = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "answer" ? reply.entry.id : undefined;
};
/** The entry ranked first and its score. */
const reading = (q: string) => {
  const [first] = guide.explain(q).hits;
  return { id: first?.entry.id, score: first?.score ?? 0 };
};

/** Each question is ranked the same however it is put (`ways`): the same entry first, as sure of it. */
const readsAlike = (questions: readonly string[], ways: readonly ((q: string) => string)[]) => {
  for (const q of questions) {
    const plain = reading(q);
    expect(plain.id, q).toBeDefined();
    for (const put of ways) {
      const said = reading(put(q));
      expect(said.id, put(q)).toBe(plain.id);
      expect(Math.abs(said.score - plain.score), put(q)).toBeLessThan(0.05);
    }
  }
};

describe("questions as clinicians post them", () => {
  it("answers the asking sentence of a long question, the story around it only supporting", () => {
    // the story's words (staff sickness, waits, a surgery) are the entry on criticising an employer's
    expect(
      top(
        "I work in a GP surgery and we have had a few difficult weeks with staff sickness and long waits for appointments. Yesterday a patient left a one-star Google review calling me rude and incompetent. How should I respond to a negative online review?",
      ),
    ).toBe("negative-reviews");
    // and a story's words the knowledge never uses (drugs, a specialty) are not read at all
    expect(
      top(
        "I am a cardiology registrar and I started a blog about statins, atrial fibrillation and anticoagulation with apixaban last year. A company now wants to pay me to mention their product in my posts. Do I have to declare it?",
      ),
    ).toBe("sponsored-posts");
    expect(
      top(
        "I qualified as a nurse last year and work nights on a busy medical ward. Last week one of my patients, an older man who was with us for a month, sent me a friend request on Facebook after he went home. Should I accept a friend request from a patient?",
      ),
    ).toBe("patient-friend-requests");
  });

  it("reads any relative of a patient as a relative: a grandparent, a step-parent, an in-law", () => {
    for (const q of [
      "A patient's grandad keeps sending me friend requests on Facebook. Do I accept?",
      "My patient's stepmum added me on Instagram, should I accept?",
      "A patient's mother-in-law sent me a friend request",
    ])
      expect(top(q), q).toBe("relatives-friend-requests");
    expect(top("A patient keeps sending me friend requests on Facebook. Do I accept?")).toBe(
      "patient-friend-requests",
    );
  });

  it("reads a message thanking the asker as thanks, and 'thanking you in advance' as saying nothing", () => {
    expect(
      top(
        "A patient I looked after last month found me on Instagram and sent a really kind message thanking me. Can I reply?",
      ),
    ).toBe("positive-reviews");
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    expect(stems("Thanking you in advance, can I accept a friend request from a patient?")).toEqual(
      stems("Can I accept a friend request from a patient?"),
    );
  });

  it("ranks the same entry first whoever says they are asking", () => {
    const first = (q: string) => guide.explain(q).hits[0]?.entry.id;
    for (const q of [
      "someone posted my home address online, what should I do?",
      "can I tell a story about my shift online?",
      "is it ok to post about my day at work?",
    ]) {
      const plain = first(q);
      for (const who of [
        "I'm a student midwife and ",
        "I'm a physician associate and ",
        "I'm a practice manager. ",
      ])
        expect(first(who + q), who + q).toBe(plain);
    }
  });

  it("ranks the same entry first, as sure of it, whatever is said in passing: where, forum shorthand", () => {
    readsAlike(
      ["gmc social media rules", "can I post about flu jabs to encourage people?", "nmc rules on posting"],
      [(q) => `I work in Leeds. ${q}`, (q) => `TL;DR: ${q}`, (q) => `Quick question: ${q}`],
    );
  });

  it("reads the sentence that names the subject as the question when a short post has no question mark", () => {
    readsAlike(
      ["a patient sent me a friend request on facebook", "rules for doctors on social media"],
      [
        "Honestly so nervous about all this.",
        "Would be really grateful for anything at all.",
        "Feeling a bit lost, to be fair.",
      ].map((after) => (q: string) => `${q}. ${after}`),
    );
  });

  it("reads chat shorthand (lol, tbh, idk) as saying nothing, not as a sign of another subject", () => {
    for (const q of ["rules for doctors on social media", "a patient sent me a friend request on facebook"]) {
      const plain = guide.ask(q);
      expect(plain.kind, q).toBe("answer");
      for (const shorthand of ["tbh", "lol", "idk"]) {
        const said = guide.ask(`${q} ${shorthand}`);
        expect(said.kind === "answer" && said.entry.id, `${q} ${shorthand}`).toBe(
          plain.kind === "answer" && plain.entry.id,
        );
        expect(reading(`${q} ${shorthand}`).score).toBeCloseTo(reading(q).score, 2);
      }
    }
  });

  it("answers as before with small talk around the question", () => {
    readsAlike(
      ["Can I accept a friend request from a patient?", "Is it OK to post a selfie on the ward?"],
      [
        (q) => `hey everyone hope you're all doing well. ${q}`,
        (q) => `Any thoughts at all would be massively appreciated! ${q}`,
        (q) => `${q} Honestly so confused and stressed lol.`,
        (q) => `hey bot, ${q}`,
        (q) => `Dear Sir/Madam, ${q}`,
        (q) => `Hi team - quick q: ${q}`,
        (q) => `Dear colleague, I would be grateful for your advice. ${q} Kind regards.`,
      ],
    );
  });

  it("answers as before after a sentence that only says when or where the question came up", () => {
    readsAlike(
      ["what must a doctor never post online", "can I accept a friend request from a patient?"],
      [
        "This came up on a busy night shift last week.",
        "Something cropped up at work today.",
        "It was a quiet Sunday on the ward.",
      ].map((scene) => (q: string) => `${scene} ${q}`),
    );
  });
});

/** A conversation over a fresh store that learns from use. */
function learning() {
  const { feedback } = tempStorage();
  const logger = createLogger("silent");
  const records = new UsageRecords({ learn: true, feedback, logger });
  const conversation = new Conversation({ guide, logger, records, help: { commandLine: (c) => c.name } });
  return { feedback, records, conversation };
}

describe("learning from use", () => {
  it("stores the question as a candidate phrasing when the asker opens a suggested entry", async () => {
    const { feedback, records, conversation } = learning();
    const who = { platform: "slack", userId: "U1", visibility: "private", canShare: false } as const;
    const question = "my post about a ward round went viral and now I regret it";
    const { card } = await conversation.handle({ kind: "ask", question }, who);
    const offered = card.offers.flatMap((o) => o.links);
    expect(offered.length).toBeGreaterThan(0);
    const picked = offered[0]?.entryId ?? "";
    await conversation.handle({ kind: "open", entryId: picked }, who);
    await records.flush();
    expect(await feedback.candidates()).toEqual([
      expect.objectContaining({ entryId: picked, question: question.toLowerCase() }),
    ]);
  });

  it("stores an unsure answer's question on a 👍, but not one of the entry's own phrasings typed word for word", async () => {
    const { feedback, records } = learning();
    const entry = testEntry("own-words", ["Can I post a photo of my lunch?"]);
    // the guide says when a question is one of its entry's own phrasings, as typed
    const [phrasing = ""] = guide.knowledge.entries[0]?.questions ?? [];
    const verbatim = (q: string) => {
      const reply = guide.ask(q);
      return reply.kind === "answer" && reply.verbatim === true;
    };
    expect([verbatim(phrasing), verbatim(`${phrasing.replace(/[?.]$/, "")} please?`)]).toEqual([true, false]);
    const answered = guide.ask("can I accept a friend request from a patient?");
    if (answered.kind !== "answer") throw new Error("the fixture did not answer");
    // an answer with its entry at low confidence, as a phrasing typed word for word may be given
    for (const [userId, question, own] of [
      ["U1", "can i post a photo of my lunch?", true],
      ["U2", "can i post a photo of my lunch please?", false],
    ] as const) {
      records.remember("slack", userId, { ...answered, entry, question, confidence: 0.5, verbatim: own });
      await records.recordVote({ entryId: entry.id, vote: "up", platform: "slack", userId });
    }
    await records.flush();
    expect((await feedback.candidates()).map((c) => [c.entryId, c.question])).toEqual([
      ["own-words", "can i post a photo of my lunch please?"],
    ]);
  });

  it("takes back a pick's proposal when its asker then rates that entry 👎, and only theirs", async () => {
    const { feedback, records, conversation } = learning();
    const question = "my post about a ward round went viral and now I regret it";
    const asker = (userId: string) =>
      ({ platform: "slack", userId, visibility: "private", canShare: false }) as const;
    let picked = "";
    for (const userId of ["U1", "U2"]) {
      const { card } = await conversation.handle({ kind: "ask", question }, asker(userId));
      picked = card.offers.flatMap((o) => o.links)[0]?.entryId ?? "";
      await conversation.handle({ kind: "open", entryId: picked }, asker(userId));
    }
    await conversation.handle({ kind: "vote", entryId: picked, vote: "down" }, asker("U1"));
    await records.flush();
    expect(await feedback.candidates()).toEqual([expect.objectContaining({ entryId: picked, count: 1 })]);
    await conversation.handle({ kind: "vote", entryId: picked, vote: "down" }, asker("U2"));
    await records.flush();
    expect(await feedback.candidates()).toEqual([]);
  });
});

describe("what a reply carries back", () => {
  it("strips control characters from the question it repeats (DEL, C1), keeping line breaks", () => {
    const reply = guide.ask("can I post\u007f a photo\u009b[31m of a patient?\nthanks");
    expect(reply.question).not.toMatch(/[\u007f-\u009f]/);
    expect(reply.question).toContain("\n");
  });
});

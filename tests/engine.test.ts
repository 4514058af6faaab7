import { describe, expect, it } from "vitest";
import { replyCard } from "../src/conversation/cards.js";
import { Conversation, createGuide, createLogger, loadKnowledge, UsageRecords } from "../src/index.js";
import { KNOWLEDGE_DIR, tempStorage } from "./helpers.js";

// These run on the shipped knowledge on purpose: they test what the engine makes of it. The questions
// are written for these tests, in the style of real posts (story first, then the question).
const guide = createGuide(loadKnowledge(KNOWLEDGE_DIR));
const top = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "answer" ? reply.entry.id : undefined;
};

/** Each question is answered, and with the same entry however it is put (`ways`). */
const answersAlike = (questions: readonly string[], ways: readonly ((q: string) => string)[]) => {
  for (const q of questions) {
    const plain = top(q);
    expect(plain, q).toBeDefined();
    for (const put of ways) expect(top(put(q)), put(q)).toBe(plain);
  }
};

describe("questions as clinicians post them", () => {
  it("answers the asking sentence of a long question, the story around it only supporting", () => {
    expect(
      top(
        "I work in a GP surgery and we have had a few difficult weeks with staff sickness and long waits for appointments. Yesterday a patient left a one-star Google review calling me rude and incompetent. How should I respond to a negative online review?",
      ),
    ).toBe("negative-reviews");
    expect(
      top(
        "I am a cardiology registrar and I started a blog about statins, atrial fibrillation and anticoagulation with apixaban last year. A company now wants to pay me to mention their product in my posts. Do I have to declare it?",
      ),
    ).toMatch(/^(sponsored-posts|conflicts-of-interest)$/);
  });

  it("reads any relative of a patient as a relative: a grandparent, a step-parent, an in-law", () => {
    expect(top("A patient's grandad keeps sending me friend requests on Facebook. Do I accept?")).toBe(
      "relatives-friend-requests",
    );
  });

  it("reads a patient's thanks as a thank-you, not as the boilerplate of a post", () => {
    expect(
      top(
        "I'm a newly qualified nurse on a surgical ward. A patient I looked after last month found me on Instagram and sent a really kind message thanking me. I don't want to be rude. Can I reply?",
      ),
    ).toBe("positive-reviews");
    // "thanking you in advance" still says nothing
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    expect(stems("Thanking you in advance, can I accept a friend request from a patient?")).toEqual(
      stems("Can I accept a friend request from a patient?"),
    );
  });

  it("answers the typical question of the product brief with what to do after the post", () => {
    // The brief's own example of typical use: a nurse asks it as one sentence, its ask all stop words.
    expect(
      top(
        "our unit posted a team photo after a shift and a patient's name is readable on the board behind us, what do we do now?",
      ),
    ).toBe("accidental-breach");
  });

  it("tells a workplace post that names an app in passing from a post about patients online", () => {
    const workplace = [
      "Staff nurse in Bristol. Our manager keeps texting on my days off asking me to cover shifts, and when I say no she makes comments at handover. Am I contractually obliged to answer work texts on my days off?",
      "FY2 in Manchester. I saw on Twitter that the new pay deal has been accepted. When does the back pay arrive and will it be taxed at a higher rate?",
    ];
    for (const q of workplace) {
      expect(guide.explain(q).features.elsewhere, q).toBeGreaterThan(0);
      expect(guide.ask(q).kind, q).toBe("no-answer");
    }
    const inScope: [string, RegExp][] = [
      [
        "I'm a midwife in Cork and I posted a photo from our unit's charity bake sale on Facebook. A colleague says a mum in the background could be recognised. Should I take it down?",
        /^accidental-breach$/,
      ],
      [
        "GP registrar in Glasgow. A patient I've seen a few times for back pain found my Instagram and sent me a message asking to meet for a drink. I'm not sure how to say no without making the next appointment awkward. What should I do?",
        /^(qa-maintain-boundaries|romantic-interest-from-patient)$/,
      ],
    ];
    for (const [q, want] of inScope) {
      expect(guide.explain(q).features.elsewhere, q).toBeLessThan(0);
      expect(top(q), q).toMatch(want);
    }
  });

  it("puts the entry the question asks about first even when the story is mostly about the shift", () => {
    const reply = guide.ask(
      "I qualified as a nurse last year and work nights on a busy medical ward. Last week one of my patients, an older man who was with us for a month, sent me a friend request on Facebook after he went home. Should I accept a friend request from a patient?",
    );
    const first = reply.kind === "answer" ? reply.entry.id : reply.suggestions[0]?.id;
    expect(first).toBe("qa-maintain-boundaries");
  });

  it("ranks the same entry first whoever says they are asking", () => {
    const first = (q: string) => guide.explain(q).hits[0]?.entry.id;
    for (const q of [
      "should I accept a friend request from a patient?",
      "someone posted my home address online, what should I do?",
      "can I share a funny story about a patient if I change the details?",
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

  it("ranks the same entry first whatever is said in passing: where, thanks, forum shorthand", () => {
    const first = (q: string) => guide.explain(q).hits[0]?.entry.id;
    for (const q of ["gmc social media rules", "can I post about flu jabs to encourage people?"]) {
      const plain = first(q);
      for (const said of [
        `I work in Leeds. ${q}`,
        `TL;DR: ${q}`,
        `Quick question: ${q}`,
        `${q} Thanks in advance!`,
      ])
        expect(first(said), said).toBe(plain);
    }
  });

  it("reads the sentence that names the subject as the question when a short post has no question mark", () => {
    answersAlike(
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
      for (const shorthand of ["tbh", "lol", "idk"]) {
        const said = guide.ask(`${q} ${shorthand}`);
        expect(said.kind, `${q} ${shorthand}`).toBe("answer");
        expect(said.kind === "answer" && said.entry.id).toBe(plain.kind === "answer" && plain.entry.id);
        expect(said.confidence).toBeCloseTo(plain.confidence, 2);
      }
    }
  });

  it("answers as before with small talk around the question", () => {
    for (const q of [
      "Can I accept a friend request from a patient?",
      "Is it OK to post a selfie on the ward?",
    ]) {
      const plain = guide.ask(q);
      expect(plain.kind, q).toBe("answer");
      for (const said of [
        `hey everyone hope you're all doing well. ${q}`,
        `Any thoughts at all would be massively appreciated! ${q}`,
        `${q} Honestly so confused and stressed lol.`,
        `hey bot, ${q}`,
        `Dear Sir/Madam, ${q}`,
        `Hi team - quick q: ${q}`,
        `Dear colleague, I would be grateful for your advice. ${q} Kind regards.`,
      ]) {
        const reply = guide.ask(said);
        expect(reply.kind, said).toBe("answer");
        expect(reply.kind === "answer" && reply.entry.id, said).toBe(
          plain.kind === "answer" && plain.entry.id,
        );
        // as sure as without it: small talk is no sign of another subject
        expect(Math.abs(reply.confidence - plain.confidence), said).toBeLessThan(0.05);
      }
    }
  });

  it("answers as before after a sentence that only says when or where the question came up", () => {
    answersAlike(
      ["what must a doctor never post online", "can I accept a friend request from a patient?"],
      [
        "This came up on a busy night shift last week.",
        "Something cropped up at work today.",
        "It was a quiet Sunday on the ward.",
      ].map((scene) => (q: string) => `${scene} ${q}`),
    );
  });

  it("declines platform how-to, clinical questions naming a platform, and nonsense", () => {
    for (const q of [
      "how do I pin a post on Facebook",
      "how do I change my Instagram password",
      "how do I get more followers on Instagram",
      "question one",
      "asdfghjkl qwerty",
      "what is the normal dose of paracetamol for an adult",
    ])
      expect(guide.ask(q).kind, q).toBe("no-answer");
  });

  it("declines a how-to about operating a platform, and answers one that names the subject beside it", () => {
    for (const q of [
      "how do I go live on TikTok",
      "how do I add a link to my Instagram bio",
      "how do I delete my Twitter account",
      "what's the best time of day to post on LinkedIn",
    ])
      expect(guide.ask(q).kind, q).toBe("no-answer");
    const reply = guide.ask("how do I go live on TikTok");
    expect(reply.kind === "no-answer" && reply.otherSubject).toBe("operating a platform");
    // asked of the room, it is the same how-to; with the subject beside it, it is still answered
    for (const q of [
      "do you know how to go live on TikTok",
      "can someone tell me how to change my profile picture on linkedin",
      "how do i turn off read receipts on ig dms",
    ]) {
      const asked = guide.ask(q);
      expect(asked.kind === "no-answer" && asked.otherSubject, q).toBe("operating a platform");
    }
    expect(guide.ask("does anyone know how to delete a post about a patient").kind).toBe("answer");
    expect(replyCard(reply).body).toMatch(/^I have no guidance on that\. .*operating a platform/);
    const dose = guide.ask("what is the normal dose of paracetamol for an adult");
    expect(dose.kind === "no-answer" && dose.otherSubject).toBe("clinical care");
    // No off-topic word in either: the subject is the one whose example questions they read like.
    const declined: [string, string][] = [
      [
        "our boiler has been broken for a month and the landlord ignores my emails, can I stop paying rent?",
        "personal matters",
      ],
      [
        "the trust emailed me a new contract with fewer study days, can they change it without asking?",
        "careers, pay and training",
      ],
    ];
    for (const [q, subject] of declined) {
      const reply = guide.ask(q);
      expect(reply.kind === "no-answer" && reply.otherSubject, q).toBe(subject);
    }
    // ...but not from one word they share with an example, or a greeting
    for (const q of ["what's the capital of France", "morning!", "who won the football"]) {
      const reply = guide.ask(q);
      expect(reply.kind === "no-answer" ? reply.otherSubject : "answered", q).toBeUndefined();
    }
    // a word of another subject inside a question for the bot declines nothing
    const answered: [string, string][] = [
      ["my ex-patient sent me a friend request, can I accept it?", "qa-maintain-boundaries"],
      [
        "A patient has messaged me on Instagram three days in a row, should I block her?",
        "blocking-a-patient",
      ],
      ["Can I screenshot a patient's WhatsApp chat history and put it in their notes?", "group-chats"],
      [
        "Is it OK to put a patient testimonial in a Facebook ad if our ad spend is small?",
        "patient-testimonials",
      ],
      [
        "Do I have to declare the ad spend if a drug company pays for my sponsored Instagram posts?",
        "conflicts-of-interest",
      ],
    ];
    for (const [q, id] of answered) expect(top(q), q).toBe(id);
    expect(top("how do I block a patient on Facebook")).toBe("blocking-a-patient");
    expect(top("how do I make my Instagram profile private as a nurse")).toBe("privacy-settings");
    expect(top("how do I reply to a bad Google review of my clinic")).toBe("negative-reviews");
  });
});

describe("learning from use", () => {
  it("stores the question as a candidate phrasing when the asker opens a suggested entry", async () => {
    const { feedback } = tempStorage();
    const logger = createLogger("silent");
    const records = new UsageRecords({ learn: true, feedback, logger });
    const conversation = new Conversation({ guide, logger, records, help: { commandLine: (c) => c.name } });
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
});

describe("what a reply carries back", () => {
  it("strips control characters from the question it repeats (DEL, C1), keeping line breaks", () => {
    const reply = guide.ask("can I post\u007f a photo\u009b[31m of a patient?\nthanks");
    expect(reply.question).not.toMatch(/[\u007f-\u009f]/);
    expect(reply.question).toContain("\n");
  });
});

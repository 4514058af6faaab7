import { describe, expect, it } from "vitest";
import { replyCard } from "../src/conversation/cards.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { modelOf } from "./confidence-model.js";
import { ENGINE_DIR } from "./helpers.js";

// What the engine declines, and names as another subject, on the engine's test corpus (tests/fixtures/
// engine, whose off-topic.yaml has words and examples of four subjects and the words of operating a
// platform). What the shipped knowledge declines is measured in tests/eval/behaviour.jsonl.
const guide = createGuide(loadKnowledge(ENGINE_DIR));
const top = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "answer" ? reply.entry.id : undefined;
};
/** The subject a decline names; "answered" for an answer. */
const declinedAs = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "no-answer" ? reply.otherSubject : "answered";
};

describe("declining another subject", () => {
  it("tells a workplace post that names an app in passing from a post about patients online", () => {
    const workplace = [
      "Staff nurse in Bristol. Our manager keeps texting on my days off asking me to cover shifts, and when I say no she makes comments at handover. Am I contractually obliged to answer work texts on my days off?",
      "FY2 in Manchester. I saw on Twitter that the new pay deal has been accepted. When does the back pay arrive and will it be taxed at a higher rate?",
    ];
    for (const q of workplace) {
      expect(guide.explain(q).features.elsewhere, q).toBeGreaterThan(0);
      expect(declinedAs(q), q).toBe("careers, pay and training");
    }
    const inScope: [string, string][] = [
      [
        "I'm a midwife in Cork and I posted a photo from our unit's charity bake sale on Facebook. A colleague says a mum in the background could be recognised. Should I take it down?",
        "accidental-breach",
      ],
      [
        "GP registrar in Glasgow. A patient I've seen a few times for back pain found my Instagram and sent me a message asking to meet for a drink. I'm not sure how to say no without making the next appointment awkward. What should I do?",
        "romantic-interest",
      ],
    ];
    for (const [q, id] of inScope) {
      const judged = guide.explain(q);
      expect(judged.features.elsewhere, q).toBeLessThan(0);
      expect(judged.elsewhere, q).toBeUndefined();
      expect(judged.hits[0]?.entry.id, q).toBe(id);
    }
  });

  it("declines a question that asks with another subject's word, naming the subject, and nonsense", () => {
    const named: [string, string][] = [
      ["how do I pin a post on Facebook", "using a platform's features"],
      ["how do I change my Instagram password", "using a platform's features"],
      ["how do I get more followers on Instagram", "using a platform's features"],
      ["what is the normal dose of paracetamol for an adult", "clinical care"],
    ];
    for (const [q, subject] of named) expect(declinedAs(q), q).toBe(subject);
    for (const q of ["question one", "asdfghjkl qwerty"]) expect(guide.ask(q).kind, q).toBe("no-answer");
  });

  it("offers no entries beside such a decline unless one would surely have answered", () => {
    // "how do I change my Instagram password" leans a little to an entry: too little to offer it
    const reply = guide.ask("how do I change my Instagram password");
    expect(reply.kind === "no-answer" && reply.otherSubject).toBe("using a platform's features");
    expect(reply.confidence).toBeGreaterThan(0.1);
    expect(reply.suggestions).toEqual([]);
    // ... and offers them when the best would surely have answered but for the other subject's word
    const sure = createGuide(loadKnowledge(ENGINE_DIR), { model: modelOf({}, 5) });
    const surely = sure.ask("how do I change my Instagram password");
    expect(surely.kind === "no-answer" && surely.otherSubject).toBe("using a platform's features");
    expect(surely.confidence).toBeGreaterThanOrEqual(0.75);
    expect(surely.suggestions.length).toBeGreaterThan(0);
  });

  it("takes a question asking leave to share something as the bot's, whatever the thing is about", () => {
    for (const q of [
      "could we post our ward's antibiotics guide on the hospital facebook page?",
      "is it ok to upload my talk on the side effects of statins to youtube?",
      "should we share the antibiotics chart from the ward round in our team group chat?",
    ])
      expect(declinedAs(q), q).not.toBe("clinical care");
    expect(declinedAs("should we be sharing the antibiotics chart in our team group chat?")).not.toBe(
      "clinical care",
    );
    // "send" in the ward's sense shares nothing
    for (const q of [
      "Could we send the patient home with antibiotics?",
      "should I send her home on antibiotics or keep her in?",
      "can we send patients home on antibiotics after one dose?",
    ])
      expect(declinedAs(q), q).toBe("clinical care");
    // sharing what another subject is about is still that subject's question
    expect(declinedAs("can I send my payslip to HR by email?")).toBe("careers, pay and training");
    // the same words, asked of the care itself, are still that subject's
    expect(declinedAs("should we give antibiotics for the symptoms the registrar noted?")).toBe(
      "clinical care",
    );
  });

  it("reads another subject's phrase as whole words, wherever in the question they are", () => {
    // "followers" is a cue of its own (0.5), and the phrase "more followers" one more (1)
    const cued = (q: string) => guide.explain(q).features.offTopic;
    expect(cued("should a nurse try to get more followers")).toBe(1);
    // inside a longer word it is no such phrase, and a later whole one still is
    expect(cued("should a nurse try to get evermore followers")).toBe(0.5);
    expect(cued("should a nurse try to get evermore followers, or more followers")).toBe(1);
  });

  it("answers a question with such a word when the best entry's own phrasings use it", () => {
    const answered: [string, string][] = [
      ["my ex-patient sent me a friend request, can I accept it?", "patient-friend-requests"],
      ["Can I screenshot a patient's WhatsApp chat history and put it in their notes?", "group-chats"],
      [
        "Is it OK to put a patient testimonial in a Facebook ad if our ad spend is small?",
        "patient-testimonials",
      ],
    ];
    for (const [q, id] of answered) expect(top(q), q).toBe(id);
  });

  it("reads a long post typed without full stops for what it asks, not for one word of its story", () => {
    // one run-on sentence of 50 words: "overtime" is part of the story, the ask is the review
    const story =
      "so i did a load of overtime last month covering nights and i was exhausted and a bit short with a patient's son at handover and now he has left a one star google review calling me rude, should i reply to the review or leave it";
    expect(story.split(" ").length).toBeGreaterThan(25);
    const judged = guide.explain(story);
    expect(judged.hits[0]?.entry.id, story).toBe("negative-reviews");
    expect(judged.offSubject, story).toBeUndefined();
    // a line that asks about overtime is still another subject's
    expect(guide.explain("is overtime on a bank holiday paid at double time?").offSubject).toBe(
      "careers, pay and training",
    );
    // counted as typed: 26 words, though hyphens and contractions read as more
    const typedLine =
      "is overtime on a bank holiday paid at double time for a part-time, fixed-term, non-resident locum who's also doing on-call cover and isn't on the rota?";
    expect(guide.explain(typedLine).offSubject).toBe("careers, pay and training");
  });

  it("names the subject whose example questions a declined question reads like, but not from one shared word", () => {
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
    for (const [q, subject] of declined) expect(declinedAs(q), q).toBe(subject);
    // each shares one word with an example (France, morning), and reads more like it than like any entry
    for (const q of ["what's the capital of France", "morning!", "who won the football"]) {
      expect(guide.ask(q).kind, q).toBe("no-answer");
      expect(declinedAs(q), q).toBeUndefined();
    }
    expect(guide.explain("what's the capital of France").features.elsewhere).toBeGreaterThan(0);
  });

  it("counts a word once however many of its forms the subject lists", () => {
    const knowledge = loadKnowledge(ENGINE_DIR);
    const withForms = (more: readonly string[]) =>
      createGuide({
        ...knowledge,
        offTopic: (knowledge.offTopic ?? []).map((g) =>
          g.terms.includes("salary") ? { ...g, terms: [...g.terms, ...more] } : g,
        ),
      });
    const q = "is a salary ok to mention on facebook";
    const once = withForms([]).explain(q).features.offTopic;
    expect(once).toBeGreaterThan(0);
    // "salaries" and "Salary" read as "salary" does: the same cue, not two more
    expect(withForms(["salaries", "Salary"]).explain(q).features.offTopic).toBe(once);
  });
});

describe("a how-to about operating a platform", () => {
  it("is declined as one, however it is asked", () => {
    for (const q of [
      "how do I go live on TikTok",
      "how do I add a link to my Instagram bio",
      "how do I delete my Twitter account",
      "what's the best time of day to post on LinkedIn",
      "do you know how to go live on TikTok",
      "can someone tell me how to change my profile picture on linkedin",
      "how do i turn off read receipts on ig dms",
    ])
      expect(declinedAs(q), q).toBe("operating a platform");
    expect(replyCard(guide.ask("how do I go live on TikTok")).body).toMatch(
      /^I have no guidance on that\. .*operating a platform/,
    );
  });

  it("is answered when it names the bot's subject beside the platform's buttons", () => {
    expect(top("does anyone know how to delete a post about a patient")).toBe("regret-a-post");
    expect(top("how do I block a patient on Facebook")).toBe("blocking-a-patient");
    expect(top("how do I make my Instagram profile private as a nurse")).toBe("privacy-settings");
    expect(top("how do I reply to a bad Google review of my clinic")).toBe("negative-reviews");
  });
});

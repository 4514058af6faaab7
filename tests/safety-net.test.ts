import { describe, expect, it } from "vitest";
import { replyJson } from "../app/ask.js";
import { replyCard, SAFETY_HEADING } from "../src/conversation/cards.js";
import { createGuide } from "../src/index.js";
import { safetyNet } from "../src/safety-net.js";
import { warningWords } from "../src/search/at-risk.js";
import { modelOf } from "./confidence-model.js";
import { riskKnowledge } from "./reads-risk.js";

describe("the warning signs that only offer the guidance on risk", () => {
  it("reads a sign in someone else's message, said online, at the end of its clause", () => {
    const signs = [
      "A teenager I treated messaged me on Instagram asking me to take care of her cat for her.",
      "A former patient posted a goodbye note on Facebook late last night.",
      "One of my clients DM'd me that there's no way out. Should I reply?",
      "A follower commented that she is giving away all her clothes.",
      "A man who comments on our page wrote that he has deleted all his socials.",
      "Someone in my running group texted that she feels completely trapped.",
      "A man I discharged on Monday messaged me that he is giving away all his books.",
      "A mum in my clinic's Facebook group wrote that the kids would be better off with their dad.",
      "A new mum messaged me that her baby would be better off with her sister.",
      "A lad I treated tweeted that nobody'd even notice.",
      // curly apostrophes, as phones type them
      "A patient messaged me on WhatsApp: \u201cthere\u2019s no way out for me\u201d.",
      // a quotation that runs over two sentences stays someone else's words
      "A follower DM'd me: 'I'm so tired. I'm sorry for everything.' What do I do?",
      // a death is no reason for leaving: grief is itself a risk
      "Her husband died in March, and last night she posted that she feels completely trapped.",
    ];
    for (const q of signs) expect(warningWords(q), q).toBeDefined();
    expect(warningWords(signs[1] ?? "")).toBe("goodbye note");
  });

  it("reads none in the asker's own words, a plain goodbye, an everyday sense or a talk face to face", () => {
    const none = [
      "I feel trapped by my rota since a patient posted about me.",
      "A colleague posted a goodbye note to the team because she is retiring.",
      "A patient commented that our booking app is hopeless at reminders.",
      "A follower wrote that there is no future in nursing TikTok.",
      "A patient messaged me thanking me for everything.",
      "A colleague posted a goodbye note to the ward and asked us to take care of her cat for her as she is moving abroad.",
      "A patient told me on the ward that she is giving away all her books.",
      // "better off with" something that is no person or home
      "A mum in our parents' group commented that the baby would be better off with a dummy.",
      // a word-start apostrophe or a quote never closed carries nothing into the asker's next sentence
      "A colleague posted the ward photos on Instagram 'til midnight. I feel trapped by my rota.",
      "Can I accept a friend request from a patient?",
    ];
    for (const q of none) expect(warningWords(q), q).toBeUndefined();
  });
});

describe("the safety net beside a reply", () => {
  const knowledge = riskKnowledge();
  const sign = "A lady left a comment under my video asking someone to take care of her cat for her.";

  it("keeps the answer the words chose and offers the guidance on risk beside it", () => {
    const guide = createGuide(knowledge, { model: modelOf({}, 10) });
    expect(guide.urgentEntry?.id).toBe("at-risk");
    const reply = guide.ask(sign);
    expect(reply.kind === "answer" && reply.entry.id).toBe("comments");
    expect(reply.safety).toEqual({ id: "at-risk", title: "A message shows someone at risk" });
    expect(guide.ask("A lady left a rude comment under my video about my hair").safety).toBeUndefined();
  });

  it("offers it beside a decline too, and not beside the guidance itself", () => {
    const declining = createGuide(knowledge, { model: modelOf({}, -10) });
    const declined = declining.ask(sign);
    expect(declined.kind).toBe("no-answer");
    expect(declined.safety?.id).toBe("at-risk");
    const report = declining.ask("A lady left a comment under my video saying she has saved up her tablets");
    expect(report.kind === "answer" && report.entry.id).toBe("at-risk");
    expect(report.safety).toBeUndefined();
  });

  it("shows it first on the card, and not again among the other offers", () => {
    const guide = createGuide(knowledge, { model: modelOf({}, 10) });
    const reply = guide.ask(sign);
    if (reply.kind !== "answer") throw new Error("expected an answer");
    const card = replyCard({
      ...reply,
      suggestions: [{ id: "at-risk", title: "A message shows someone at risk", score: 0.3 }],
    });
    expect(card.offers[0]).toEqual({
      heading: SAFETY_HEADING,
      links: [{ entryId: "at-risk", title: "A message shows someone at risk" }],
      emphasis: "urgent",
    });
    const links = card.offers.flatMap((o) => o.links.map((l) => l.entryId));
    expect(links.filter((id) => id === "at-risk")).toHaveLength(1);
    const decline = replyCard(createGuide(knowledge, { model: modelOf({}, -10) }).ask(sign));
    expect(decline.offers[0]?.heading).toBe(SAFETY_HEADING);
  });

  it("asks back with the two choices first, under the question that asks which", () => {
    const guide = createGuide(knowledge, { model: modelOf({}, 10) });
    const reply = guide.ask(sign);
    const clarify = replyCard({
      ...reply,
      kind: "no-answer",
      clarify: true,
      confidence: 0.5,
      topics: [],
      suggestions: [
        { id: "comments", title: "Comments", score: 0.5 },
        { id: "other", title: "Other", score: 0.5 },
      ],
    });
    expect(clarify.kind).toBe("clarify");
    expect(clarify.offers.map((o) => o.heading)).toEqual(["", SAFETY_HEADING]);
  });

  it("offers it for danger the ranking did not reach, and not where there is no entry to offer", () => {
    const urgent = createGuide(knowledge).urgentEntry;
    const report = "A follower messaged me that she wants to die.";
    expect(safetyNet(urgent, report, "comments")?.id).toBe("at-risk");
    expect(safetyNet(urgent, report, "at-risk")).toBeUndefined();
    expect(safetyNet(undefined, report, "comments")).toBeUndefined();
  });

  it("takes the judgement's reading of danger, so that a question is not read for it twice", () => {
    const urgent = createGuide(knowledge).urgentEntry;
    const report = "A follower messaged me that she wants to die.";
    let reads = 0;
    const reading = (said: boolean) => () => {
      reads++;
      return said;
    };
    expect(safetyNet(urgent, report, "comments", reading(false))).toBeUndefined();
    expect(safetyNet(urgent, "How do I moderate comments?", "comments", reading(true))?.id).toBe("at-risk");
    expect(reads).toBe(2);
    // the judgement carries the reading the ranking made, for the safety net to take
    expect(createGuide(knowledge).explain(report).reportsRisk()).toBe(true);
    expect(createGuide(knowledge).explain("How do I moderate comments?").reportsRisk()).toBe(false);
  });

  it("names it in ask --json", () => {
    const guide = createGuide(knowledge, { model: modelOf({}, 10) });
    expect(replyJson(guide.ask(sign)).safety).toEqual({
      id: "at-risk",
      title: "A message shows someone at risk",
    });
    expect(replyJson(guide.ask("How do I moderate comments under my videos?"))).not.toHaveProperty("safety");
  });
});

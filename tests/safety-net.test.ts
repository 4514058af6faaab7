import { describe, expect, it } from "vitest";
import { replyJson } from "../app/ask.js";
import { replyCard, SAFETY_HEADING } from "../src/conversation/cards.js";
import { createGuide } from "../src/index.js";
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
      "A patient's daughter posted that her dad died last week and asked someone to take care of his dog for her.",
      "A patient told me on the ward that she is giving away all her books.",
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
      emphasis: "primary",
    });
    const links = card.offers.flatMap((o) => o.links.map((l) => l.entryId));
    expect(links.filter((id) => id === "at-risk")).toHaveLength(1);
    const decline = replyCard(createGuide(knowledge, { model: modelOf({}, -10) }).ask(sign));
    expect(decline.offers[0]?.heading).toBe(SAFETY_HEADING);
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

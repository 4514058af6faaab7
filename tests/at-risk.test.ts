import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { entryUrgent, reportsRisk, riskWords } from "../src/search/at-risk.js";
import { NO_READINGS, readingsFirst } from "../src/search/readings.js";
import { modelOf } from "./confidence-model.js";
import { FIXTURE_DIR, testEntry } from "./helpers.js";

describe("a question that reports someone at risk now", () => {
  it("reads the plain words of a message or post that shows danger", () => {
    for (const q of [
      "A follower sent me a DM saying she has taken a whole box of paracetamol. What do I do?",
      "One of my patients texted me that he's been stockpiling his tablets",
      "A man commented on our practice page that he can't go on any more",
      "someone on my tiktok live says they want to die tonight",
      "A mum in a Facebook group posted that her partner hits her and she's scared to go home",
      "A teenager messaged the clinic's Instagram: 'by the time you read this I'll be gone'",
      "My former patient posted goodbye everyone on her story last night",
      "A stranger replied to my tweet that his chest is crushing but he refuses to call an ambulance",
    ])
      expect(reportsRisk(q), q).toBe(true);
  });

  it("reads someone's first-person words only as theirs, quoted or reported, never the asker's own", () => {
    expect(reportsRisk("A patient messaged me saying 'I want to die'. What should I do?")).toBe(true);
    expect(
      reportsRisk("Night shifts on this ward make me want to die. Can I post about it on Facebook?"),
    ).toBe(false);
  });

  it("reads nothing in words that name a subject, a past death or something said face to face", () => {
    for (const q of [
      "Can I share an article on self-harm rates among teenagers on my Instagram?",
      "I want to post for suicide awareness week on Facebook. Any advice?",
      "A colleague who took his own life last year: can I post a tribute on Facebook?",
      "Can I write a blog post about my own history of depression?",
      "A patient told me in clinic he can't go on any more.",
      "Is it ok to post about cutting myself off from social media for a month?",
    ])
      expect(reportsRisk(q), q).toBe(false);
  });

  it("names the words it read", () => {
    expect(riskWords("A follower messaged me that she has taken too many pills")).toBe("taken too many");
    expect(riskWords("Can I accept a friend request from a patient?")).toBeUndefined();
  });

  it("makes an entry urgent only when many of its phrasings report risk", () => {
    const urgent = [
      "A patient messaged me that she wants to die",
      "A follower posted that he has taken an overdose",
      "Someone commented that her boyfriend threatened to kill her",
      "What should I do about a worrying message?",
    ];
    expect(entryUrgent(urgent)).toBe(true);
    expect(entryUrgent(urgent.slice(0, 2))).toBe(false);
    expect(entryUrgent([...urgent, ...Array(10).fill("Can I post a photo?")])).toBe(false);
  });
});

describe("the ranking when someone is at risk", () => {
  const items = [
    { entry: { title: "Moderating comments" } },
    { entry: { title: "Friend requests" } },
    { entry: { title: "A message shows someone at risk" }, urgent: true },
  ];
  const risk = { ...NO_READINGS, risk: () => true };

  it("puts the urgent entry first from anywhere in the ranking when the question reports risk", () => {
    expect(readingsFirst([0, 1, 2], items, risk, 3)).toEqual([2, 0, 1]);
    expect(readingsFirst([0, 1, 2], items, NO_READINGS, 3)).toEqual([0, 1, 2]);
  });

  it("answers a reported risk with the guidance on acting on it, whatever the confidence", () => {
    const fixture = loadKnowledge(FIXTURE_DIR);
    const entries = [
      testEntry("comments", ["How do I moderate comments under my videos?", "A rude comment on my video"]),
      testEntry("at-risk", [
        "A patient messaged me that she wants to die",
        "A follower posted that he has taken an overdose",
        "Someone commented that her boyfriend threatened to kill her",
      ]),
    ];
    // A model that declines every question: only the reading can make the bot answer.
    const guide = createGuide({ ...fixture, entries }, { model: modelOf({}, -10) });
    const risk = guide.assess("A lady left a comment under my video saying she has saved up her tablets");
    expect(risk.judged.urgent).toBe(true);
    expect(risk.reply.kind === "answer" && risk.reply.entry.id).toBe("at-risk");
    const rude = guide.assess("A lady left a rude comment under my video about my hair");
    expect(rude.judged.urgent).toBe(false);
    expect(rude.reply.kind).toBe("no-answer");
  });
});

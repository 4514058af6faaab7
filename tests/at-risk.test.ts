import { describe, expect, it } from "vitest";
import { createGuide } from "../src/index.js";
import { entryUrgent, riskWords } from "../src/search/at-risk.js";
import { NO_READINGS, readingsFirst } from "../src/search/readings.js";
import { modelOf } from "./confidence-model.js";
import { reads, riskKnowledge } from "./reads-risk.js";

describe("a question that reports someone at risk now", () => {
  it("reads the plain words of someone's message or post that shows danger", () => {
    reads(
      [
        "A follower sent me a DM saying she has taken a whole box of paracetamol. What do I do?",
        "One of my patients texted me that he has been stockpiling his tablets",
        "A man commented on our practice page that he can't go on any more.",
        'A girl I treated messaged me "I tried. I want to end my life tonight." What now?',
        "someone on my tiktok live says they want to die tonight",
        "A mum in a Facebook group posted that her partner hits her and she's scared to go home",
        "A teenager messaged the clinic's Instagram: by the time you read this I'll be gone",
        "My former patient posted goodbye everyone on her story last night",
        "A stranger replied to my tweet that his chest is crushing but he won't call an ambulance",
        "A girl commented on my video that she's going to hang herself.",
        "A follower sent me a DM that says she is going to jump off a bridge.",
        "A teenager posted in the forum that she has burned herself with a lighter.",
        "A patient wrote on our page that he's written a suicide note.",
        "A follower messaged me that she is ill and wants to die.",
      ],
      true,
    );
  });

  it("reads no everyday clause that goes on, and no absence that is none", () => {
    reads(
      [
        "A carer commented that she can't cope because the new referral form is so long.",
        "A patient texted that she can't take it now, the pharmacy has run out again.",
        "On X a colleague said nobody will notice if I skip the webinar.",
      ],
      false,
    );
    reads(["A man commented on my post that nobody would notice if he was gone."], true);
  });

  it("reads first-person words as someone else's only when quoted or reported, never the asker's own", () => {
    reads(
      [
        'A patient messaged me saying "I want to die". What should I do?',
        '"I want to kill myself", a follower commented on my reel. What should I do?',
        "My patient messaged: I am going to kill myself tonight",
      ],
      true,
    );
    reads(
      [
        "Night shifts make me want to die, can I post about it on Facebook?",
        "Honestly I'd kill myself if my boss saw my posts. How private is Instagram?",
        "I posted that I want to disappear for a while. Was that unprofessional?",
      ],
      false,
    );
  });

  it("reads a subject named before the words as a subject, unless a report comes between", () => {
    reads(
      [
        "A follower posted research on whether self-harm content makes teenagers more likely to hurt themselves.",
        "Can I post my views on the assisted dying bill, which would let patients end their life?",
        "A follower posted that her brother overdosed last year and died. Can I comment?",
      ],
      false,
    );
    reads(["A woman commented on my suicide prevention post that she wants to die tonight."], true);
  });

  it("reads curly apostrophes as straight ones", () => {
    reads(
      [
        "A follower messaged me that she can’t go on any more.",
        "A patient DMed me that she doesn’t want to live.",
      ],
      true,
    );
  });

  it("reads danger that a word's longer form had hidden ('quite' as 'quit', 'huge' as 'hug'), and said in the past tense", () => {
    reads(
      [
        "A former patient messaged me on Messenger. She was quite tearful and said she doesn't see the point in carrying on.",
        "A client emailed our page last night saying she didn't see the point in going on.",
        "A woman messaged that her ex put his hands round her neck and there's a huge mark.",
      ],
      true,
    );
    reads(["A colleague posted that she's quitting nursing and won't be around much longer."], false);
  });

  it("reads someone who says they are a danger to themselves, or that they are a danger to others", () => {
    reads(
      [
        "A patient posted that she is a danger to herself",
        "A follower messaged me that he might be a danger to others",
      ],
      true,
    );
    reads(
      [
        "A patient messaged me. She had been deemed a danger to herself last year.",
        "A colleague posted that anti-vaxxers are a danger to others",
      ],
      false,
    );
  });

  it("reads someone who no longer sees the point, said with nothing after it, and not a point about posting", () => {
    reads(
      [
        "A former client keeps messaging my Instagram. Last night she said she didn't see the point anymore.",
        "My patient texted me that he can't see the point any more.",
      ],
      true,
    );
    reads(
      [
        "A follower commented that she doesn't see the point anymore of posting on Twitter.",
        "My practice manager messaged that she didn't see the point any more, and cancelled our Instagram.",
      ],
      false,
    );
  });

  it("reads nothing said face to face, or told as a joke", () => {
    reads(
      [
        "A patient told me in clinic he doesn't want to live any more.",
        "A follower commented that this rota makes her want to die lol",
      ],
      false,
    );
  });

  it("names the words it read", () => {
    expect(riskWords("A follower messaged me that she has taken too many pills")).toBe(
      "taken too many pills",
    );
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

describe("the ranking and the reply when someone is at risk", () => {
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

  const knowledge = riskKnowledge();

  it("answers with the guidance on acting on risk whatever the confidence, and offers what the words chose", () => {
    // A model that declines every question: only the reading can make the bot answer.
    const guide = createGuide(knowledge, { model: modelOf({}, -10) });
    const risk = guide.assess("A lady left a comment under my video saying she has saved up her tablets");
    expect(risk.judged.urgent).toBe(true);
    expect(risk.reply.kind === "answer" && risk.reply.entry.id).toBe("at-risk");
    expect(risk.reply.suggestions.map((s) => s.id)).toContain("comments");
    const rude = guide.assess("A lady left a rude comment under my video about my hair");
    expect(rude.judged.urgent).toBe(false);
    expect(rude.reply.kind).toBe("no-answer");
  });
});

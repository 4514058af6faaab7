import { describe, expect, it } from "vitest";
import { riskWords, warningWords } from "../src/search/at-risk.js";

// Harm said outright in someone else's message: danger (violence, a child harmed, a poison swallowed),
// read as the answer, or a reason for the link to the guidance on acting on risk (control, neglect,
// someone missing); and the same words said in jest, of a hug or of a short while, read as neither.
describe("harm said outright in someone else's message", () => {
  it("reads harm said outright: danger (violence, a child harmed, a poison swallowed), or a reason for the link (control, neglect, someone missing)", () => {
    // [question, the words read, whether they are danger (the answer) or only a reason for the link]
    const harm: [string, string, boolean][] = [
      [
        "A woman messaged our page that her ex pushed her down the stairs tonight.",
        "pushed her down the stairs",
        true,
      ],
      [
        "A follower DM'd me that her ex is at her front door with a knife.",
        "at her front door with a knife",
        true,
      ],
      [
        "A man commented on our post that his wife is unconscious on the kitchen floor.",
        "his wife is unconscious",
        true,
      ],
      [
        "A patient messaged us that her husband stopped her taking her insulin to punish her.",
        "stopped her taking her insulin",
        true,
      ],
      [
        "A girl DM'd our page that a boy says he'll post her nudes unless she pays him.",
        "post her nudes unless",
        true,
      ],
      [
        "A mum posted in our group that her 14-month-old has just drunk some oven cleaner.",
        "14-month-old has just drunk some oven cleaner",
        true,
      ],
      [
        "A man posted on our page that his mum has been fitting for five minutes but his dad won't let him ring 999.",
        "won't let him ring",
        true,
      ],
      [
        "A woman messaged our page that she is bleeding heavily at 30 weeks but will wait until the morning.",
        "wait until the morning",
        false,
      ],
      [
        "A follower commented that her newborn is grunting with each breath and she'll wait and see.",
        "wait and see",
        false,
      ],
      [
        "Someone posted in our community group that the man at number 4 hasn't been seen for a week.",
        "hasn't been seen for",
        false,
      ],
      [
        "A 12-year-old messaged our school nurse page that a man she met online wants to meet her after school.",
        "man she met online",
        false,
      ],
      [
        "A teenager DM'd me that her stepdad keeps coming into her room when her mum is at work.",
        "her stepdad keeps coming into her room when",
        false,
      ],
      [
        "A patient messaged me on Facebook that her husband took her phone and her bank card.",
        "her husband took her phone",
        false,
      ],
      [
        "Someone DM'd me that her boyfriend locks her in when he goes out. Should I reply?",
        "her boyfriend locks her in",
        false,
      ],
      [
        "A follower commented that she's been hiding the bruises from her family for months.",
        "hiding the bruises",
        false,
      ],
      [
        "A teenager messaged our clinic page that her mum's boyfriend kicks the kids when he's drunk.",
        "kicks the kids",
        true,
      ],
      [
        "A neighbour posted in the community group that the kids next door are left on their own for days at a time.",
        "kids next door are left on their own for days",
        true,
      ],
      [
        "A mum posted in our forum that her partner shook their 4-month-old last night.",
        "shook their 4-month-old",
        true,
      ],
      [
        "A girl wrote in a DM that her uncle touches her when nobody is home and says it's their little secret.",
        "touches her when nobody",
        true,
      ],
      [
        "A carer posted on Facebook that her dad hasn't had his insulin for three days.",
        "hasn't had his insulin for",
        false,
      ],
      [
        "A parent posted in a Facebook group that her toddler swallowed a button battery an hour ago.",
        "toddler swallowed a button battery",
        true,
      ],
      [
        "A mum posted in our group that her two-year-old chewed a few of his grandad's heart tablets.",
        "two-year-old chewed a few of his grandad's heart tablets",
        true,
      ],
      [
        "Someone in our WhatsApp group wrote that her brother took 'about 30' of his painkillers.",
        "took 'about 30' of his painkillers",
        true,
      ],
      [
        "A mum posted on Instagram that her daughter hasn't come home since Friday.",
        "her daughter hasn't come home since",
        false,
      ],
      [
        "A student posted on Discord that he is going to shoot everyone at school on Monday.",
        "going to shoot everyone at school",
        true,
      ],
      // "me" after a verb of sending is the reader, not the asker speaking of themselves
      [
        "A cousin sent me a video on Snapchat of her friend passed out, saying they can't rouse him but will let him sleep it off.",
        "can't rouse him",
        true,
      ],
      [
        "A patient texted me that her ex says he'll really hurt her tonight.",
        "her ex says he'll really hurt her",
        false,
      ],
      [
        "A patient messaged our page that her neighbour's two year old has been on his own in the flat since this morning.",
        "two year old has been on his own in the flat since",
        true,
      ],
      [
        "A woman texted me that her boyfriend put his hands round her neck again last night.",
        "hands round her neck",
        true,
      ],
      [
        "A lad messaged me on Instagram that his stepdad threatened his mum with a knife.",
        "threatened his mum with a knife",
        false,
      ],
      [
        "Someone posted in our carers' group that her brother's wife keeps the fridge locked.",
        "keeps the fridge locked",
        false,
      ],
    ];
    for (const [q, words, danger] of harm) {
      expect(warningWords(q), q).toBe(words);
      // danger may be read by the older danger list first, in words that hold these ("her mum's boyfriend kicks the kids")
      if (danger) expect(riskWords(q), q).toContain(words);
      else expect(riskWords(q), q).toBeUndefined();
    }
    const none = [
      "My phone was taken by the ward manager during a shift, can I complain on Twitter?",
      "A colleague posted that the new system locked her out of her account again. Can I share it?",
      "A follower commented that her son hit her up on Insta asking for advice about vaping.",
      "Can I share an awareness post about the signs of domestic abuse, like hiding bruises, on our practice page?",
      "A patient posted that her phone has gone missing and asked if anyone found it in the waiting room.",
      "A resident's family shared on Facebook that he hasn't been home since his admission. Can I reply?",
      "A colleague wrote on Slack that she might lose it if the printer jams again.",
      "A woman posted on our page that she was left on her own for hours in labour and named me. Can I reply?",
      "A patient posted that she took two paracetamol and her headache went, can I like it?",
      "A dad posted in our group that he can't wake them up for school in winter, any tips?",
      "A colleague posted that the staff kitchen is locked again after 8pm, can I complain on Facebook?",
      "A mum posted in our group that the kids were alone with the dog for 10 minutes while she took the bins out.",
      "A patient wrote on our page that she threatened her son with a week without his phone. Can I like it?",
      "Our ward's Facebook page says the food is locked away at night for infection control. Can I share it?",
      "A patient commented that her new hay fever tablets make her drowsy and she'll wait and see.",
    ];
    for (const q of none) expect(warningWords(q), q).toBeUndefined();
    // words also said in jest, of a hug or of a short while: at most the link, never danger
    const notDanger = [
      "Someone posted in our running club chat that he's going to kill everyone at the 10k on Sunday.",
      "A mum posted on our page that her daughter put her arms round her neck at the school gate, can I share it?",
      "A parent posted in our group that she left the kids alone for a minute to answer the door.",
      "A follower commented that her dad struggles swallowing his tablets and asked if they can be crushed.",
      "A mum asked in our Facebook group whether shaking the baby bottle gives him more wind.",
      "A donor posted on our page that she won't go to the blood drive because she faints at needles.",
      "A patient posted that she took all her tablets as prescribed and still feels rough, can I reply?",
      "A student nurse posted a TikTok of our ward captioned that nobody will leave this place alive tonight.",
      "A colleague posted on Facebook that the patient in bed 4 is unconscious but stable, can I share it?",
      "A mum posted that her toddler has a temperature of 38 after his jabs and she'll put him down for a nap.",
    ];
    for (const q of notDanger) expect(riskWords(q), q).toBeUndefined();
  });
});

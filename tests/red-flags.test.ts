import { describe, expect, it } from "vitest";
import { riskWords, warningWords } from "../src/search/at-risk.js";

// The red flags said of small things too: they offer the guidance on acting on risk beside the answer
// (warningWords) and never change it (riskWords stays as it was).
describe("red flags in someone else's message", () => {
  it("reads a red-flag symptom with help put off, and a threat to hurt someone", () => {
    const flags: [string, string][] = [
      [
        "A man replied to my Facebook post that his wife's speech went slurred an hour ago but she wants to sleep it off.",
        "sleep it off",
      ],
      [
        "A follower DM'd me that her newborn is floppy and feverish but she doesn't want to make a fuss at A&E.",
        "make a fuss",
      ],
      [
        "Someone on our practice page commented that he has had pressure in his chest since lunch and is not calling anyone.",
        "is not calling anyone",
      ],
      [
        "A woman I looked after in pregnancy messaged me on WhatsApp that she hasn't felt the baby move today and will wait and see.",
        "wait and see",
      ],
      [
        "A dad posted in a parents' group that his toddler's rash doesn't fade under a glass and he can't afford the ER.",
        "can't afford",
      ],
      // a newer symptom with help plainly refused: a link, not the answer
      [
        "A mum messaged our page that her baby has gone blue around the mouth and she won't call an ambulance.",
        "won't call",
      ],
      [
        "A patient texted me that her boyfriend says he'll hurt her if she goes to her appointment.",
        "her boyfriend says he'll hurt her",
      ],
      [
        "A teenager wrote in our Discord that his mum's partner will kill him when he gets home.",
        "his mum's partner will kill him",
      ],
    ];
    for (const [q, words] of flags) {
      expect(warningWords(q), q).toBe(words);
      expect(riskWords(q), q).toBeUndefined();
    }
  });

  it("reads none in a subject, the past, a joke, the asker's own words or a symptom with no help put off", () => {
    const none = [
      "My colleague shared a post on the signs of a stroke: face drooping, slurred speech, don't wait and see.",
      "A patient posted on Facebook that her dad refused the ambulance years ago and died of a heart attack.",
      "I had chest pain last night and didn't want to make a fuss, can I post about it on TikTok?",
      "A colleague posted about me on Facebook. I've had a headache all week and I'm not calling anyone about it.",
      "A follower commented lol my chest is crushing after leg day, gonna sleep it off.",
      "A mum posted in our group that her baby is floppy with laughter at my puppet videos.",
      "A patient messaged me that she felt the baby move for the first time and can I share her scan?",
      "Can I accept a friend request from a patient?",
    ];
    for (const q of none) expect(warningWords(q), q).toBeUndefined();
  });

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

  it("reads for the link a threat in the writer's own words, stalking, grooming, a child in a drunk adult's care, someone missing, an adult without care, control at home", () => {
    const link: [string, string][] = [
      [
        'A patient commented on our page: "I\'m going to stab that receptionist tomorrow."',
        "I'm going to stab that receptionist",
      ],
      [
        "A woman DM'd me that her ex keeps turning up outside her work.",
        "her ex keeps turning up outside her work",
      ],
      [
        "A parent messaged our page that a man keeps asking her daughter to send nudes.",
        "keeps asking her daughter to send nudes",
      ],
      [
        "Someone posted in our local group that the mum next door is passed out drunk and the kids are alone.",
        "passed out drunk and the kids",
      ],
      [
        "A mum messaged our page that her son didn't come home from school and isn't answering.",
        "her son didn't come home from school",
      ],
      [
        "Someone posted on Nextdoor that nobody can reach her elderly dad since last night.",
        "nobody can reach her elderly dad since last night",
      ],
      [
        "A woman posted that her neighbour with dementia went out into the snow in her nightie.",
        "went out into the snow in her nightie",
      ],
      [
        "A woman posted in our carers' group that her mum's carers haven't turned up for three days.",
        "carers haven't turned up for ",
      ],
      [
        "A man commented on our page that his dad has been on the floor since last night.",
        "been on the floor since last night",
      ],
      [
        "A woman DM'd me that her husband tracks her phone and reads all her messages.",
        "her husband tracks her phone",
      ],
      [
        "A follower DM'd me that her boyfriend threw a glass at her last night.",
        "her boyfriend threw a glass at her",
      ],
      [
        "A patient left a review that he's coming to the practice tomorrow to stab the GP.",
        "coming to the practice tomorrow to stab the GP",
      ],
      [
        "Someone posted on our page that a man has been on the floor since Saturday.",
        "been on the floor since Saturday",
      ],
      [
        "A pregnant follower messaged that she has a bad headache at 35 weeks but doesn't want to make a fuss.",
        "make a fuss",
      ],
    ];
    for (const [q, words] of link) {
      expect(warningWords(q), q).toBe(words);
      expect(riskWords(q), q).toBeUndefined();
    }
    const none = [
      "A follower commented that his toddler kicked him in the face playing football in the garden.",
      "A mum posted that she leaves the baby on her own in the cot to settle. Should I comment on safe sleep?",
      "A patient posted that she's spent all her savings on a new kitchen, can I like it?",
      "Someone posted that the teenager who was missing from the ward was found safe and well.",
      "A follower posted that her dog is fitting and she can't afford the emergency vet.",
      "A patient posted that her son's temperature is 38.5 after his jabs so they'll wait and see.",
      "A patient posted that her nurses haven't been to check on her in the hospital cafe, lol.",
      "A colleague posted that she bought a knife and a chopping board for the staff kitchen.",
      "Our comms team posted that they're going to shoot the whole ward for a recruitment video.",
      "A colleague posted that the new rota is going to kill everyone by Christmas.",
      "A student posted in our cohort chat that her mum will kill her if she fails the resit.",
    ];
    for (const q of none) expect(warningWords(q), q).toBeUndefined();
  });

  it("leaves the danger reading as it was: a symptom of its list with help plainly refused", () => {
    const q = "A stranger DM'd me that his chest feels crushing and he won't call an ambulance.";
    expect(riskWords(q)).toBe("won't call");
  });
});

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

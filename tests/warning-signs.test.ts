import { describe, expect, it } from "vitest";
import { riskWords, warningWords } from "../src/search/at-risk.js";
import { reads } from "./reads-risk.js";

describe("the warning signs in someone's message that say enough alone", () => {
  it("reads a burden to everyone, affairs in order, a way looked up, not needing things where they go", () => {
    reads(
      [
        "A lad from my old ward DM'd me that he's nothing but a burden to his family.",
        "A woman in our Facebook group posted that she has put her affairs in order.",
        "Someone messaged the pharmacy page asking how many sleeping tablets would it take.",
        "A follower DM'd me asking how many of her pills it would take to not wake up?",
        "A man replied to my post that where he's going he won't need his inhalers.",
      ],
      true,
    );
    expect(riskWords("A woman posted that she has put her affairs in order.")).toBe(
      "put her affairs in order",
    );
  });

  it("reads nothing where the same words say something else", () => {
    reads(
      [
        "A patient posted that she feels like a burden on the NHS waiting list. Can I reply?",
        "A manager emailed that the new documentation is just a burden. Can I vent on Facebook?",
        "A follower asked how many paracetamol she can take a day. Can I answer?",
        "A patient commented that he won't need his crutches any more. Can I like it?",
      ],
      false,
    );
  });
});

describe("the everyday words that public lists also name, which are not read", () => {
  it("reads no farewell, thanks, peace, pet or recovery as risk, alone or together", () => {
    reads(
      [
        "A patient left a review thanking us for everything. Can we share it?",
        "A patient's son posted thanking the ward for everything and said his dad is at peace now. Can I reply?",
        "A colleague posted a goodbye message on the ward page and is giving away her textbooks. Can I share it?",
        "A patient messaged thanking me for everything and said she has no future appointments booked.",
        "A client DM'd me thanking me for everything and asking me to look after her dog for her next weekend.",
        "A patient posted that her kids would be better off with a private dentist. Should I reply?",
        "Someone commented that nobody will notice, so I should just repost the photo. Should I?",
        "A patient commented 'see you on the other side' before her operation. Can I like it?",
      ],
      false,
    );
  });
});

describe("the everyday idioms of wanting it over, offered beside the answer", () => {
  it("reads being done with everything and wanting it all to stop at the end of what was said", () => {
    for (const [q, words] of [
      [
        "A former patient DMed me on Instagram saying he's 'done with everything' and thanking me. What do I do?",
        "done with everything",
      ],
      [
        "My flatmate has been posting dark stuff on her stories about not coping and wanting it all to stop.",
        "wanting it all to stop",
      ],
      [
        "A patient messaged me saying she is just done with everything tbh. What do I do?",
        "done with everything",
      ],
      [
        "A follower commented that she is so done with everything right now. What do I do?",
        "done with everything",
      ],
    ] as const) {
      expect(warningWords(q), q).toBe(words);
      expect(riskWords(q), q).toBeUndefined();
    }
  });

  it("reads nothing when a clause goes on, or the asker is the one posting", () => {
    for (const q of [
      "My charge nurse posted in the ward group that she's done with everything because of the rota. Can I screenshot it?",
      "The consultant tweeted that he's done with it all and is going part time. Can I retweet it?",
      "I've been posting on Instagram about wanting it all to stop.",
      "I was posting on Instagram about wanting it all to stop.",
    ])
      expect(warningWords(q), q).toBeUndefined();
  });
});

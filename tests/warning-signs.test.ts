import { describe, expect, it } from "vitest";
import { riskWords } from "../src/search/at-risk.js";
import { reads } from "./reads-risk.js";

describe("the warning signs in someone's message that say enough alone", () => {
  it("reads a burden, a trap, affairs in order, a way looked up, no one caring", () => {
    reads(
      [
        "A lad from my old ward DM'd me that he's nothing but a burden to his family.",
        "A follower commented that her children would be better off with their gran.",
        "A patient texted the surgery mobile that there's no way out.",
        "A woman in our Facebook group posted that she has put her affairs in order.",
        "Someone messaged the pharmacy page asking how many sleeping tablets would it take.",
        "My old patient emailed me that no one would even notice.",
        "A man replied to my post that where he's going he won't need his inhalers.",
      ],
      true,
    );
  });

  it("reads nothing where the same words say something else", () => {
    reads(
      [
        "A patient posted that she feels like a burden on the NHS waiting list. Can I reply?",
        "Our manager emailed that there's no way out of the new rota. Can I vent on Facebook?",
        "A follower asked how many paracetamol she can take a day. Can I answer?",
        "I feel trapped in my job. Can I post about it on LinkedIn?",
        "A colleague posted that nobody will notice the typo. Should I tell her?",
        "A patient commented that he won't need his crutches any more. Can I like it?",
      ],
      false,
    );
  });
});

describe("the warning signs that need another beside them", () => {
  it("reads two different signs in the message, in one sentence or the next", () => {
    reads(
      [
        "A client DM'd me on Instagram thanking me for everything and asking me to look after her dog for her.",
        "A former patient posted on Facebook that she's made her will. She says this is her last post.",
        "Someone in my Discord server wrote that he's giving away all his games and that he's at peace now.",
      ],
      true,
    );
    expect(
      riskWords("A client DM'd me thanking me for everything and asking me to look after her dog for her."),
    ).toBe("for everything ... look after her dog for her");
  });

  it("reads nothing from one sign alone, or from the asker's own", () => {
    reads(
      [
        "A patient left a review thanking us for everything. Can we share it?",
        "A colleague posted a goodbye message on the ward page when she left. Can I comment?",
        "A mum in our group is giving away her baby clothes. Can I post that I'd like some?",
        "Someone commented that she's made her will with the firm we advertise. Is that endorsement?",
        "This is my last post before a break: can I say thanks for everything to my followers?",
        // peace "with" something, and a thing not needed "any more since...", are not crisis words
        "A man posted on our page that he's finally at peace with his diagnosis and thanks everyone for everything.",
        "A patient commented that she won't need her inhaler any more since she moved, and thanks me for everything.",
        "A retired GP posted a goodbye message saying he's made his peace with leaving. Can we share it?",
        // two farewells are one sign: anyone leaving says both
        "A nurse who is retiring posted her goodbye message thanking everyone for everything. Can I share it?",
      ],
      false,
    );
  });
});

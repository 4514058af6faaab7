import { describe, expect, it } from "vitest";
import { readingsOf } from "../src/search/readings.js";
import { recorderIn } from "../src/search/recorder.js";
import { readsCounterparts as reads } from "./helpers.js";

describe("whom a question's contact is with, read across asides, teams and ongoing contact", () => {
  it("reads what someone did across asides that describe them", () => {
    reads([
      ["One of my patients, a woman in her 60s, sent me a friend request", "patient"],
      ["A patient of mine, an older man, keeps messaging me on WhatsApp. Should I block him?", "patient"],
      ["A patient, a young mum, found my Instagram. Can I follow her back?", "patient"],
      ["One of my patients, a retired nurse, is very lonely. Can I message her on Facebook?", "patient"],
      ["A patient's son, a lawyer, added me on LinkedIn", "relative"],
      ["One of my patients, a woman in her 60s, a retired teacher, sent me a friend request", "patient"],
    ]);
  });

  it("reads who did what across a relative clause set off by commas", () => {
    const who = (q: string) => readingsOf(q).who();
    expect(who("One of my patients, who I also see at church, sent me a friend request")).toBe("patient");
    expect(who("A nurse I trained with, who now works at another trust, added me on Facebook")).toBe(
      "colleague",
    );
    expect(readingsOf("A colleague, whom I've known for years, posted a photo of a patient").poster()).toBe(
      "colleague",
    );
    // a "which" clause may say who did it, and one that names someone is no aside
    const clip = "A video, which a patient recorded in clinic, is on TikTok";
    expect(readingsOf(clip).recorder()).toBe(recorderIn(clip));
    // (both a colleague and a patient are named: no one counterpart, as without the commas)
    expect(who("My colleague, who is married to my patient, added me on Facebook")).toBeUndefined();
  });

  it("reads someone who asks for a photo or a message to be sent to them as the one in contact", () => {
    reads([
      ["The registrar asked me to send a picture of the rash", "colleague"],
      ["My patient asked me to send her a photo of the leaflet", "patient"],
      ["The consultant wants me to WhatsApp him a picture of the wound", "colleague"],
      // whom the message is sent to, not who asked for it
      ["My consultant asked me to email the patient her results", "patient"],
      ["The practice manager asked me to send patients reminders by WhatsApp", undefined],
    ]);
  });

  it("keeps an aside that names or reaches someone as its own clause", () => {
    reads([
      ["Quick one for my preceptor, a patient followed me, should I block?", "patient"],
      ["My colleague is upset, a patient followed her on Instagram, should she block him?", "patient"],
      ["My consultant, a patient's relative added him, is that allowed?", "relative"],
      ["My trainee told me, a patient added her on Facebook, should she accept?", "patient"],
      ["My registrar, a nurse's husband, keeps messaging me", undefined],
    ]);
  });

  it("reads someone of the asker's own team as a colleague, and not a visitor, a caregiver or a resident there", () => {
    reads([
      ["A nurse on my ward added me on Facebook. Can I accept her?", "colleague"],
      ["A resident on my team sent me a friend request", "colleague"],
      ["Two of the HCAs on our unit keep sending me Snapchats", "colleague"],
      ["My trainee sent me a friend request. Should I accept?", "colleague"],
      ["A new doctor started on our ward. She added me on Instagram", "colleague"],
      // one of them, whom "she" can stand for: not several
      ["A nurse who works on my ward. She added me on Instagram", "colleague"],
      ["I have a student nurse on placement with us. She sent me a friend request", "colleague"],
      ["A student nurse on placement with me sent me a friend request. Can I accept her?", "colleague"],
      ["A patient on my ward added me on Facebook", "patient"],
      ["A visitor on my ward added me on Facebook", undefined],
      ["A caregiver on my unit keeps messaging me on Facebook", undefined],
      // a resident on a floor or a unit may live there, even where no care home is named
      ["CNA here. A resident on my floor sent me a friend request", undefined],
      ["I work in a care home. A resident on my unit added me on Facebook", "patient"],
    ]);
  });

  it("reads someone who has been messaging the asker, or asks if they can, as in touch", () => {
    reads([
      ["A patient found my Instagram. She has been messaging me every day", "patient"],
      ["Patients keep emailing me at my personal address", "patient"],
      ["A patient's husband has been texting me late at night", "relative"],
      ["I have been messaging my sister about a patient", undefined],
      // someone asking if they could get in touch
      ["My patient asked if she could add me on Facebook. Can I accept her?", "patient"],
      ["A patient's wife asked if she can message me directly on WhatsApp", "relative"],
      // saying that people can get in touch is no one doing so
      ["My manager said patients can message us on the practice page", undefined],
      ["Students can email me with questions", undefined],
      // following someone around, or adding them to a rota, is no contact online
      ["A patient with dementia was following me around the ward", undefined],
      ["My manager is adding me to the rota", undefined],
    ]);
  });
});

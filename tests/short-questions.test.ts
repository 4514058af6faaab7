import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { depictedIn } from "../src/search/depicted.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

// Short questions as people first type them, on the shipped knowledge: what the engine makes of it.
const guide = createGuide(loadKnowledge(KNOWLEDGE_DIR));
const answer = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "answer" ? reply.entry.id : reply.kind;
};

describe("everyday short questions", () => {
  it("gives UK nurses the NMC's guidance and US clinicians the US rules, and doctors no nurses' guidance", () => {
    for (const q of ["social media guidelines for nurses uk", "what are the rules for uk nurses on facebook"])
      expect(answer(q), q).toBe("nurses-and-midwives");
    for (const q of ["social media rules for US doctors", "guidance for US physicians"])
      expect(answer(q), q).toBe("us-rules");
    // "us" in lower case is the pronoun
    expect(answer("is there social media guidance for us nurses in the uk")).toBe("nurses-and-midwives");
    for (const q of ["social media rules for doctors", "guidance for physicians"])
      expect(answer(q), q).not.toBe("nurses-and-midwives");
  });

  it("reads adding a patient on a platform as a friend request", () => {
    for (const q of ["can i add my patient on facebook", "should i add patients on instagram"])
      expect(answer(q), q).toBe("qa-maintain-boundaries");
  });

  it("reads LinkedIn as LinkedIn, with an entry of its own, not as any social media", () => {
    for (const q of [
      "What should I watch out for on LinkedIn as a clinician?",
      "a patient wants to connect on linkedin",
    ])
      expect(answer(q), q).toBe("linkedin");
    // a how-to about LinkedIn's buttons is still one about operating a platform
    const howTo = guide.ask("how do i change my profile picture on linkedin");
    expect(howTo.kind === "no-answer" && howTo.otherSubject).toBe("operating a platform");
  });

  it("tells a photo of a patient from a photo of the staff", () => {
    for (const q of [
      "can I post a photo of a patient",
      "can i put patient pics on instagram",
      "can i post a video of my patient",
    ])
      expect(["clinical-photos-consent", "challenge-confidentiality"], q).toContain(answer(q));
    for (const q of ["a patient's son filmed me on the ward", "a visitor took a photo of me and posted it"])
      expect(answer(q), q).toBe("patients-photographing-staff");
    expect(depictedIn("a photo of a patient's wound")).toBe("patient");
    expect(depictedIn("can I post a patient’s photo")).toBe("patient");
    expect(depictedIn("she filmed me doing obs")).toBe("staff");
    expect(depictedIn("a photo of my patient and me")).toBe("patient");
    expect(depictedIn("photos from a night out")).toBeUndefined();
  });

  it("takes overdoses and self-harm in a message to the entry on risk in a message, and a death threat to threats", () => {
    expect(answer("got a death threat from a patient's relative")).toBe("doxxing-and-threats");
    for (const q of [
      "a patient messaged me that she took too many tablets",
      "someone on tiktok dmed me about self-harming",
    ])
      expect(answer(q), q).toBe("risk-in-a-message");
  });

  it("reads a close-friends story as a restricted audience, not a friend request", () => {
    expect(answer("can i post about work on my close friends story")).toBe("privacy-settings");
  });

  it("reads 'up to date' as current, not as dating", () => {
    for (const q of ["how do i keep my profile up to date", "keeping up to date with research on twitter"])
      expect(answer(q), q).not.toBe("dating-apps");
    expect(answer("keeping up to date with research on twitter")).toBe("benefit-research-updates");
  });
});

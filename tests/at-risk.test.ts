import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { entryUrgent, reportsRisk } from "../src/search/at-risk.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const guide = createGuide(knowledge);
const answered = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "answer" ? reply.entry.id : undefined;
};

describe("a question that reports someone at risk", () => {
  it("reads what someone said or did, and not a clinical subject", () => {
    for (const q of [
      "a follower commented that she self harms every night",
      "my patient messaged saying he's taken an overdose",
      "someone posted that they can’t go on",
      "a client DMed me that she has stockpiled her tablets",
      "she wrote that she doesn't want to wake up tomorrow",
      "his status says everyone would be better off without me",
    ])
      expect(reportsRisk(q), q).toBe(true);
    for (const q of [
      "how do you manage a paracetamol overdose in A&E",
      "which suicide prevention training is best for nurses",
      "can I post about self-care on my nursing TikTok",
      "a patient posted a photo of his new tablet computer",
    ])
      expect(reportsRisk(q), q).toBe(false);
  });

  it("makes an entry urgent only when most of its phrasings report risk: in the shipped knowledge, one", () => {
    const urgent = knowledge.entries.filter((e) => entryUrgent(e.questions)).map((e) => e.id);
    expect(urgent).toEqual(["risk-in-a-message"]);
    expect(entryUrgent(["A patient says she wants to die", "Can I post a photo?", "Can I tweet?"])).toBe(
      false,
    );
  });

  it("answers with the guidance on risk, though its words point to photos, reviews or groups", () => {
    for (const q of [
      // ranked below the entries about photos by its words; and "caption" names a platform's feature
      "a patient posted a photo of a pile of tablets on instagram with the caption can't go on",
      // not among the first five by its words
      "GP here. A patient left a Google review that ends with 'by the time you read this I will be gone'. What do I do?",
      // the entry on closed groups ranked first
      "I moderate a Facebook support group for new nurses and a member posted that she is suicidal after a bad shift",
      // declined as unsure
      "a teenager commented on my tiktok video about acne that she self harms every night",
    ])
      expect(answered(q), q).toBe("risk-in-a-message");
  });

  it("still declines a clinical question that names no message or post", () => {
    expect(answered("a patient took an overdose of paracetamol, when do I start NAC")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { depictedIn } from "../src/search/depicted.js";
import { ENGINE_DIR } from "./helpers.js";

// Short questions as people first type them, on the engine's test corpus (tests/fixtures/engine): how
// the engine reads a country and whom a photo shows. What the shipped knowledge answers to such
// questions is measured in tests/eval/behaviour.jsonl.
const guide = createGuide(loadKnowledge(ENGINE_DIR));
const answer = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "answer" ? reply.entry.id : reply.kind;
};

describe("everyday short questions", () => {
  it("reads US in capitals as the USA, and us in lower case as the pronoun", () => {
    for (const q of ["social media rules for US doctors", "guidance for US physicians"])
      expect(answer(q), q).toBe("us-rules");
    expect(answer("is there social media guidance for us nurses in the uk")).toBe("nurses-and-midwives");
    expect(answer("social media rules for doctors")).toBe("regulator-rules");
  });

  it("tells a photo of a patient from a photo of the staff", () => {
    for (const q of [
      "can I post a photo of a patient",
      "can i put patient pics on instagram",
      "can i post a video of my patient",
    ])
      expect(answer(q), q).toBe("clinical-photos");
    // the words are the first question's, and most of them its entry's: whom the photo shows decides
    for (const q of [
      "a patient posted a photo of me",
      "a patient's son filmed me on the ward",
      "a visitor took a photo of me and posted it",
    ])
      expect(answer(q), q).toBe("filmed-by-patients");
    expect(depictedIn("a photo of a patient's wound")).toBe("patient");
    expect(depictedIn("can I post a patient’s photo")).toBe("patient");
    expect(depictedIn("she filmed me doing obs")).toBe("staff");
    expect(depictedIn("a photo of my patient and me")).toBe("patient");
    expect(depictedIn("photos from a night out")).toBeUndefined();
  });
});

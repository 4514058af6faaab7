import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { ENGINE_DIR } from "./helpers.js";

// The words clinicians use, as the engine reads them, on the engine's test corpus (tests/fixtures/engine).
// Which words the shipped synonyms read as which is the knowledge's own business: what the shipped
// knowledge answers to such questions is measured in tests/eval/behaviour.jsonl.
const guide = createGuide(loadKnowledge(ENGINE_DIR));
const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
const reads = (said: string, meant: string) => expect(stems(said), said).toEqual(stems(meant));

describe("the words clinicians use", () => {
  it("reads chat shorthand and interjections as saying nothing, not as a word they look like", () => {
    // "prolly" is two letters from "trolls", a word of the knowledge, and no English word
    reads("prolly fine tbh fyi", "fine");
    reads("oh no ugh yikes, I posted a patient's name", "I posted a patient's name");
    // text-speak for small words, and a courtesy of second-language English
    reads("smb posted bout a pt n shud i report, kindly", "posted a pt, i report");
  });

  it("reads a contraction typed without its apostrophe as 'dont' always has, and asking whether one overreacts as nothing", () => {
    reads("she didnt reply and theyre ignoring it, am I overreacting", "she dont reply, ignoring it");
  });

  it("reads a coined 're-' word as the word it repeats, and a dictionary word as itself", () => {
    reads("can we reshare a patient's post", "can we share a patient's post");
    reads("they keep resharing the photo", "they keep sharing the photo");
    // a dictionary word is a word of its own: "repost" is not read as "post", a word of the corpus
    expect(stems("can I repost the photo")).not.toEqual(stems("can I post the photo"));
  });

  it("reads a synonym phrase as its group, and a word of it alone as itself", () => {
    const [harassment] = stems("harassment");
    for (const q of ["I'm getting hate comments on my TikTok", "people keep sending me hate messages"])
      expect(stems(q), q).toContain(harassment);
    expect(stems("I hate my job")).not.toContain(harassment);
    expect(guide.ask("I hate my job").kind).toBe("no-answer");
  });
});

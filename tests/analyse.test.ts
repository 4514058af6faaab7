import { describe, expect, it } from "vitest";
import { Analyser } from "../src/search/analyse.js";
import { TypoCorrector } from "../src/search/typo.js";

const analyser = Analyser.of([
  { canonical: "socialmedia", terms: ["social media", "fb", "facebook"] },
  { canonical: "direct message", terms: ["dm", "dms"] },
  { canonical: "doctor", terms: ["drs", "physicians", "surgeons"] },
  { canonical: "colleague", terms: ["other doctor"] },
  { canonical: "how", terms: ["hw"] },
]);
const stems = (text: string) => analyser.analyse(text).map((t) => t.stem);

describe("synonyms", () => {
  it("reads abbreviations as their canonical words", () => {
    expect(stems("fb")).toEqual(["socialmedia"]);
    expect(stems("dms")).toEqual(["direct", "messag"]);
    expect(stems("drs")).toEqual(["doctor"]);
  });

  it("prefers a phrase over its words", () => {
    expect(stems("social media")).toEqual(["socialmedia"]);
  });

  it("lets a canonical word complete a phrase", () => {
    expect(stems("meet other surgeons")).toEqual(["meet", "colleagu"]);
  });

  it("drops question boilerplate, including shorthand that maps to it", () => {
    expect(stems("hw do I use fb")).toEqual(["socialmedia"]);
    expect(stems("how can I")).toEqual([]);
  });

  it("keeps 'like' where it is the platform's button, and drops it where it is a stop word", () => {
    expect(stems("liking a post")).toEqual(["like", "post"]);
    expect(stems("is a like an endorsement")).toEqual(["like", stems("endorsement")[0]]);
    expect(stems("hit like on his tweet")).toEqual(["hit", "like", "tweet"]);
    expect(stems("she likes to post")).toEqual(["post"]);
    expect(stems("I feel like the post was rude, I would like advice")).toEqual(["post", "rude", "advic"]);
  });

  it("drops other forms of boilerplate words too", () => {
    expect(stems("what makes it hard, she wants to know")).toEqual(["hard"]);
  });

  it("stems so that word forms meet", () => {
    expect(stems("boundaries")).toEqual(stems("boundary"));
    expect(stems("harassed")).toEqual(stems("harassment"));
  });
});

describe("typo correction", () => {
  const typo = new TypoCorrector(new Set(["maintain", "boundaries", "patients", "confidentiality", "other"]));

  it("corrects a misspelt corpus word", () => {
    expect(typo.correct("mantain")).toBe("maintain");
    expect(typo.correct("boundries")).toBe("boundaries");
    expect(typo.correct("confidentialty")).toBe("confidentiality");
  });

  it("never rewrites a real English word or a short word", () => {
    expect(typo.correct("bother")).toBeNull();
    expect(typo.correct("pts")).toBeNull();
    expect(new TypoCorrector(new Set(["online"])).correct("london")).toBeNull();
  });

  it("gives up when nothing is close", () => {
    expect(typo.correct("xylophonic")).toBeNull();
  });

  it("takes a correction only when the whole word is that close, not a part of it", () => {
    // Bitap finds "cana" inside "canada" one edit from "canva"; the words themselves are two apart.
    expect(new TypoCorrector(new Set(["canada"])).correct("canva")).toBeNull();
    expect(new TypoCorrector(new Set(["canada"])).correct("canda")).toBe("canada");
  });

  it("reads another form of a synonym term as the term, with full credit", () => {
    const terms = analyser.analyseQuery("old facebooks", typo);
    expect(terms.map((t) => t.stem)).toEqual(["old", "socialmedia"]);
    expect(terms.every((t) => t.credit === 1)).toBe(true);
  });

  it("marks corrected terms with less credit", () => {
    const terms = analyser.analyseQuery("mantain boundries", typo);
    expect(terms.map((t) => t.stem)).toEqual(["maintain", "boundari"]);
    expect(terms.every((t) => t.credit < 1)).toBe(true);
  });
});

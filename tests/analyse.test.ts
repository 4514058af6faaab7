import { describe, expect, it } from "vitest";
import { Analyser } from "../src/search/analyse.js";
import { TypoCorrector } from "../src/search/typo.js";

const analyser = Analyser.of([
  { canonical: "socialmedia", terms: ["social media", "fb", "facebook"] },
  { canonical: "direct message", terms: ["dm", "dms"] },
  { canonical: "doctor", terms: ["drs", "physicians", "surgeons"] },
  { canonical: "colleague", terms: ["other doctor"] },
  { canonical: "how", terms: ["hw"] },
  { canonical: "search", terms: ["look up", "looked up"] },
  { canonical: "remove", terms: ["take down", "took down"] },
  { canonical: "discipline", terms: ["written up"] },
  { canonical: "regret", terms: ["clean up"] },
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

  it("reads the longest term that starts at a word, and a shorter one where a longer is left unfinished", () => {
    const terms = Analyser.of([
      { canonical: "befriend", terms: ["friend request"] },
      { canonical: "acceptance", terms: ["friend request accepted today"] },
    ]);
    const read = (text: string) => terms.analyse(text).map((t) => t.stem);
    expect(read("a friend request accepted today")).toEqual(["accept"]);
    expect(read("a friend request accepted yesterday")).toEqual(["befriend", "accept"]);
    expect(read("friend request")).toEqual(["befriend"]);
    expect(read("a friend")).toEqual(["friend"]);
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

  it("reads a phrasal verb split by its object as the phrase", () => {
    expect(stems("look him up")).toEqual(stems("look up"));
    expect(stems("looked patients up")).toEqual(["search", "patient"]);
    expect(stems("take the post down")).toEqual(["remov", "post"]);
    expect(stems("should I take this down")).toEqual(["remov"]);
    expect(stems("take her photo down")).toEqual(["remov", "photo"]);
    expect(stems("clean my profile up")).toEqual(["regret", "profil"]);
    // Not an object between them, so not the phrase: "look stuck up" is how one seems; a person
    // taken down goes to theatre; and only the verbs that split do ("written the patient up").
    expect(stems("look stuck up")).toEqual(["look", "stuck"]);
    expect(stems("I took her down to theatre")).toEqual(["down", "theatr"]);
    expect(stems("I've written the patient up")).toEqual(["written", "patient"]);
  });

  it("drops other forms of boilerplate words too", () => {
    expect(stems("what makes it hard, she wants to know")).toEqual(["hard"]);
  });

  it("stems so that word forms meet", () => {
    expect(stems("boundaries")).toEqual(stems("boundary"));
    expect(stems("harassed")).toEqual(stems("harassment"));
  });
});

describe("typo correction in a query's terms", () => {
  const typo = new TypoCorrector(new Set(["maintain", "boundaries", "patients", "confidentiality", "other"]));

  it("reads another form of a synonym term as the term, with full credit", () => {
    const terms = analyser.analyseQuery("old facebooks", typo);
    expect(terms.map((t) => t.stem)).toEqual(["old", "socialmedia"]);
    expect(terms.every((t) => t.credit === 1)).toBe(true);
    const reading = Analyser.of([
      { canonical: "discipline", terms: ["terminated", "fired"] },
      { canonical: "criticise", terms: ["criticising"] },
    ]);
    const read = (q: string) => reading.analyseQuery(q, typo).map((t) => t.stem);
    expect(read("terminated criticise")).toEqual(["disciplin", "criticis"]);
    // the term's inflections only: "terminally" and "critical" share its stem but are other words
    expect(read("terminally ill")).not.toContain("disciplin");
    expect(read("critical care")).not.toContain("criticis");
    expect(read("criticised")).toEqual(["criticis"]);
  });

  it("keeps another form of a word the knowledge uses, rather than correcting it to a different word", () => {
    const words = new Set(["tweeting", "retweet"]);
    const stems = new Set(["tweet", "retweet"]);
    const knowing = new TypoCorrector(words, (stem) => (stems.has(stem) ? 1 : undefined));
    // "retweeting" is within two edits of "tweeting", but it is "retweet" in another form
    expect(knowing.correct("retweeting")).toBe("tweeting");
    const terms = analyser.analyseQuery("retweeting", knowing);
    expect(terms.map((t) => [t.stem, t.credit])).toEqual([["retweet", 1]]);
  });

  it("marks corrected terms with less credit", () => {
    const terms = analyser.analyseQuery("mantain boundries", typo);
    expect(terms.map((t) => t.stem)).toEqual(["maintain", "boundari"]);
    expect(terms.every((t) => t.credit < 1)).toBe(true);
  });
});

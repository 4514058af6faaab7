import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { isListedName, isOrdinaryWord } from "../src/guard/lexicon.js";
import { withoutPeopleNames } from "../src/guard/people.js";
import { isRealWord } from "../src/search/dictionary.js";
import { GIVEN_NAMES } from "../src/words/given-names.js";

// What is kept of a question leaves out anyone's name, not only a patient's (see people.ts).

describe("people's names in a question that is kept", () => {
  it.each([
    ["Dr Ahmed Khan posted about my mum on Instagram", "Dr [name] posted about my mum on Instagram"],
    ["Our ward manager, Sister Joan Mabey, tagged me", "Our ward manager, Sister [name], tagged me"],
    ["Oliver Bennett from work shared my post", "[name] from work shared my post"],
    ["my consultant Grace keeps liking my photos", "my consultant [name] keeps liking my photos"],
    ["my colleague Priya posted our rota", "my colleague [name] posted our rota"],
    ["my colleague, Sarah, posted our rota", "my colleague, [name], posted our rota"],
    ["Thanks Emily Clarke for the advice", "Thanks [name] for the advice"],
    ["dr ahmed khan posted about my mum", "dr [name] posted about my mum"],
    ["Dr A Khan and Dr. S. Okafor replied", "Dr [name] and Dr. [name] replied"],
    ["Mrs van der Berg left a review", "Mrs [name] left a review"],
    ["my friend JoAnne tagged me", "my friend [name] tagged me"],
    ["Is Mark Taylor allowed to post about it?", "Is [name] allowed to post about it?"],
    // typed in lower case, as chat often is: a listed name that is no everyday word
    ["my colleague sarah posted our rota", "my colleague [name] posted our rota"],
    ["my consultant olivia keeps liking my posts", "my consultant [name] keeps liking my posts"],
    // after a short title, a surname no list holds, hyphenated, or after particles
    ["dose of insulin for mrs smith-jones", "dose of insulin for mrs [name]"],
    ["dose of insulin for dr al-hassan", "dose of insulin for dr [name]"],
    ["a friend request from my patient mr obrien?", "a friend request from my patient mr [name]?"],
    ["dose of insulin for Mr. de la Cruz", "dose of insulin for Mr. [name]"],
  ])("%j", (text, kept) => {
    expect(withoutPeopleNames(text)).toBe(kept);
  });

  it.each([
    "I moved from Nova Scotia to Northern Ireland last year",
    "Is Good Medical Practice on TikTok?",
    "the Meta Business Suite keeps logging me out",
    "Dr Google is a problem for my patients",
    "a grace period for deleting a post on Facebook",
    "Can I post about Christmas Day on the ward?",
    "I'm a Nurse. Can I post photos of the ward?",
    "Nurse Practitioner here, can I post?",
    "I'm an aesthetic nurse injector in Leeds",
    "the mr scan showed it, dr will see you",
    "my colleague will post it for me",
    "Hi everyone, can I post this?",
    "my friend lol said it was fine",
    "As a nurse I have a question about TikTok",
    "Thanks All, can I post?",
    "Midwife, Dunedin. Can I post from the unit?",
    "I'm a consultant general surgeon, can I post my results?",
    "i'm a consultant general surgeon, can i post my results?",
    "my colleague mark posted it, my mum rose early",
    // everyday words that lists of names also hold
    "my manager states i cannot post",
    "my gp well he said no",
    "my boyfriend mom commented on my post",
    "my friend junior doctor posted about a patient",
    "my consultant president of the college tweeted",
    "my colleague hey can I post this",
    "her neighbour's gran commented on my photo",
  ])("leaves %j as it is", (text) => {
    expect(withoutPeopleNames(text)).toBe(text);
  });
});

describe("the given names added to the people-names list", () => {
  it("holds only what the package's list lacks, and no word English writes in lower case", () => {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve("@cspell/dict-people-names")), "dict", "people-names.txt");
    const packaged = new Set(readFileSync(file, "utf8").toLowerCase().split("\n"));
    for (const name of GIVEN_NAMES) {
      expect(packaged.has(name), `${name} is in the people-names list already`).toBe(false);
      expect(isOrdinaryWord(name), `${name} is an everyday word`).toBe(false);
    }
  });

  it("are names to the search as to the guard: not misspellings of a word it knows", () => {
    for (const name of ["carys", "ffion", "gethin", "niamh"]) {
      expect(isListedName(name), name).toBe(true);
      expect(isRealWord(name), name).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import { counterpartOf } from "../src/search/counterpart.js";
import { residentsAsPatients } from "../src/search/residents.js";
import { SearchIndex } from "../src/search/search-index.js";
import type { SynonymGroup } from "../src/types.js";
import { testEntry as entry } from "./helpers.js";

describe("residents of a care home", () => {
  it("reads them as patients where the text names a care home, in every form", () => {
    const cases: [string, string][] = [
      [
        "I work in a nursing home and a resident's son added me on Facebook",
        "I work in a nursing home and a patient's son added me on Facebook",
      ],
      ["Residents of our care home love the garden", "Patients of our care home love the garden"],
      [
        "Memory care aide: can I post the residents' party?",
        "Memory care aide: can I post the patients' party?",
      ],
      ["assisted living, one of the residents asked", "assisted living, one of the patients asked"],
      ["aged care: a resident’s daughter", "aged care: a patient’s daughter"],
      ["Our care-home residents", "Our care-home patients"],
      [
        "I was attending to a resident at the nursing home",
        "I was attending to a patient at the nursing home",
      ],
    ];
    for (const [text, read] of cases) expect(residentsAsPatients(text), text).toBe(read);
  });

  it("leaves a resident doctor alone: no care home named, or residency training named beside one", () => {
    const same = [
      "Can a resident follow patients on Instagram?",
      "As a PGY-2 resident rotating through a nursing home, can I post a photo?",
      "Our chief resident posted about a care home patient",
      "I'm a resident doctor covering a care home. Can I add other residents on LinkedIn?",
      "Our psych residents rotate through a nursing home",
      "a residential street near our care home",
      "Local residents near our care home complained on Facebook",
    ];
    for (const text of same) expect(residentsAsPatients(text), text).toBe(text);
  });
});

describe("the search index and a care home's residents", () => {
  const synonyms: SynonymGroup[] = [{ canonical: "trainee", terms: ["resident", "residents"] }];
  const entries = [
    entry("trainees", [
      "Can a trainee add other trainees on Facebook?",
      "Friend requests between trainees",
      "A trainee asked to be my friend on Facebook",
    ]),
    entry("patients", [
      "A patient asked to be my friend on Facebook",
      "Friend request from a patient",
      "Should I add a patient on Facebook?",
    ]),
  ];
  const index = new SearchIndex(entries, synonyms);
  const first = (q: string) => index.search(q, 2)[0]?.entry.id;

  it("answers about the patient where the question names a care home, about the trainee elsewhere", () => {
    expect(first("I work in a nursing home. A resident asked to be my friend on Facebook")).toBe("patients");
    expect(first("At the hospital, a resident asked to be my friend on Facebook")).toBe("trainees");
  });

  it("reads whom a care home worker's contact is with the same way", () => {
    expect(counterpartOf("Care home carer here. Residents sent me friend requests on Facebook")).toBe(
      "patient",
    );
    expect(counterpartOf("Our residents sent me friend requests on Facebook")).toBe("colleague");
  });

  it("reads the knowledge's answers the same way", () => {
    const answered = new SearchIndex(
      [
        { ...entry("trainees", ["Friend requests between trainees"]), answer: "Trainees only." },
        { ...entry("care", ["Friend request at work"]), answer: "In a care home, be kind to each resident." },
      ],
      synonyms,
    );
    const hit = answered
      .search("Friend request from a patient at work", 2)
      .find((h) => h.entry.id === "care");
    expect(hit?.matched.has("patient")).toBe(true);
  });

  it("reads the knowledge's own phrasings the same way", () => {
    const careHome = new SearchIndex(
      [
        entry("trainees", ["Friend requests between trainees", "A trainee sent me a friend request"]),
        entry("care", ["In our care home a resident sent me a friend request", "Care home friend request"]),
      ],
      synonyms,
    );
    expect(careHome.search("A patient sent me a friend request", 2)[0]?.entry.id).toBe("care");
  });
});

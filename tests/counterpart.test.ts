import { describe, expect, it } from "vitest";
import { counterpartOf, entryCounterpart } from "../src/search/counterpart.js";
import { SearchIndex } from "../src/search/search-index.js";
import type { Entry } from "../src/types.js";

describe("whom a question's contact is with", () => {
  it("reads a patient, a relative or a colleague from the words around the contact", () => {
    expect(counterpartOf("A patient sent me a friend request on Facebook")).toBe("patient");
    expect(counterpartOf("Is it OK to be friends with my former patients?")).toBe("patient");
    expect(counterpartOf("Is texting patients about appointments allowed?")).toBe("patient");
    expect(counterpartOf("My patient’s daughter added me on Instagram")).toBe("relative");
    expect(counterpartOf("The mother of a patient sent me a friend request")).toBe("relative");
    expect(counterpartOf("I got a friend request from my preceptor")).toBe("colleague");
    expect(counterpartOf("Is it fine to text updates to physicians about my patients?")).toBe("colleague");
    expect(counterpartOf("Our team WhatsApp group has patient names in it")).toBe("colleague");
  });

  it("reads the person right after adding or following, before a possessive request, and a few words before reaching out", () => {
    expect(counterpartOf("Is it OK to start adding my trainees on Instagram?")).toBe("colleague");
    expect(counterpartOf("How do I decline a patient's friend request?")).toBe("patient");
    expect(counterpartOf("A nurse I supervise sent me a follow request")).toBeUndefined();
    expect(counterpartOf("The daughter of one of my elderly patients has sent me a friend request")).toBe(
      "relative",
    );
    expect(counterpartOf("A former patient I looked after asked to be friends")).toBe("patient");
  });

  it("reads no one when no contact is named, and a message app as a noun is no contact", () => {
    expect(counterpartOf("Can I post a photo of the ward?")).toBeUndefined();
    expect(counterpartOf("A patient left a bad review about me")).toBeUndefined();
    expect(counterpartOf("our ward whatsapp has patient names in it")).toBe("colleague");
    expect(counterpartOf("my whatsapp has patient names in it")).toBeUndefined();
  });

  it("reads no one when a patient and a colleague are both in touch, and the relative when a patient's family is", () => {
    expect(counterpartOf("A colleague sent me a friend request and so did a patient")).toBeUndefined();
    expect(counterpartOf("A friend request from a patient's husband")).toBe("relative");
  });

  it("gives an entry the counterpart enough of its phrasings name", () => {
    const requests = [
      "A patient added me on Facebook",
      "Friend request from a patient",
      "Patient wants to follow me",
    ];
    expect(entryCounterpart([...requests, "Should I accept?"])).toBe("patient");
    // one phrasing in eight is not enough
    expect(entryCounterpart(["A patient added me", ...Array(9).fill("Posting at work")])).toBeUndefined();
    expect(entryCounterpart(["Posting at work", "Reviews online"])).toBeUndefined();
  });
});

const entry = (id: string, questions: string[]): Entry => ({
  id,
  title: id,
  topic: "t",
  questions,
  answer: "An answer.",
  related: [],
  covers: [],
  sources: ["s"],
  file: "test.yaml",
});

describe("the search index and the question's counterpart", () => {
  const index = new SearchIndex(
    [
      entry("patient-requests", [
        "Should I accept a friend request on Facebook from a patient?",
        "A patient sent me a friend request on Facebook",
        "Friend request from a patient on Facebook, accept or ignore?",
      ]),
      entry("colleague-requests", [
        "Should I add colleagues as friends?",
        "My consultant sent me a friend request",
        "Friend requests from coworkers",
      ]),
      entry("photos", ["Can I post photos from work?", "Pictures of the ward"]),
    ],
    [],
  );
  const ids = (q: string) => index.search(q, 3).map((h) => h.entry.id);

  it("puts first the entry about contact with the question's counterpart when the words rank another first", () => {
    const q = "Should I accept a friend request on Facebook from my preceptor?";
    const terms = index.terms(q);
    expect(index.searchTerms(terms, 3)[0]?.entry.id).toBe("patient-requests");
    expect(ids(q)[0]).toBe("colleague-requests");
    expect(index.search(q, 3)[0]?.agreement).toBe(1);
    expect(ids(q)).toContain("patient-requests");
  });

  it("leaves the ranking alone for a question with no counterpart, or the first entry's", () => {
    const terms = index.terms("Should I accept a friend request on Facebook?");
    expect(index.searchTerms(terms, 3)).toEqual(
      index.search("Should I accept a friend request on Facebook?", 3),
    );
    expect(ids("Should I accept a friend request on Facebook from a patient?")[0]).toBe("patient-requests");
  });
});

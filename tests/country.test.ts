import { describe, expect, it } from "vitest";
import { countryOf } from "../src/search/country.js";
import { firstOfKind } from "../src/search/first-of-kind.js";
import { SearchIndex } from "../src/search/search-index.js";
import { testEntry } from "./helpers.js";

// The country a question is asked from, against the country an entry's rules are (its title).

describe("the asker's country", () => {
  it("is read from names, regulators and abbreviations in capitals, when the text names one", () => {
    expect(countryOf("I'm a GP in England. Who sets the rules for me?")).toBe("UK");
    expect(countryOf("what does the GMC say")).toBe("UK");
    expect(countryOf("social media rules for US doctors")).toBe("US");
    expect(countryOf("nurse in Ontario here")).toBe("Canada");
    expect(countryOf("I work in Australia")).toBe("Australia");
    expect(countryOf("As a doctor in the U.K., who regulates me?")).toBe("UK");
    // places named after others, and the language, are no country of these
    expect(countryOf("I'm a GP in New South Wales.")).toBe("Australia");
    expect(countryOf("I'm a physician in British Columbia.")).toBe("Canada");
    expect(countryOf("I'm a doctor in New England.")).toBeUndefined();
    expect(countryOf("I'm an English-speaking doctor in Texas.")).toBeUndefined();
    expect(countryOf("Latin American patients follow me")).toBeUndefined();
    // "us" is the pronoun; two countries name none
    expect(countryOf("can you tell us the rules")).toBeUndefined();
    expect(countryOf("UK SHO here: is this a HIPAA violation?")).toBeUndefined();
  });

  it("puts first an entry of its own country, within reach, when the first is another country's", () => {
    const countries = ["US", undefined, "UK"] as const;
    const of = (i: number) => countries[i];
    expect(firstOfKind([0, 1, 2], 3, of, () => "UK")).toEqual([2, 0, 1]);
    expect(firstOfKind([0, 1, 2], 3, of, () => "US")).toEqual([0, 1, 2]);
    expect(firstOfKind([0, 1, 2], 2, of, () => "UK")).toEqual([0, 1, 2]);
    // no entry of the asker's country: unchanged, not an entry of no country about something else
    expect(firstOfKind([0, 1, 2], 3, of, () => "Canada")).toEqual([0, 1, 2]);
    // a first entry of no country leaves the question unread
    let read = false;
    firstOfKind([1, 0, 2], 3, of, () => {
      read = true;
      return "UK";
    });
    expect(read).toBe(false);
    // ... and so does one with no entry of another country within reach: nothing could move
    firstOfKind([0, 1, 2], 2, of, () => {
      read = true;
      return "UK";
    });
    expect(read).toBe(false);
  });

  it("gives a GP in England the UK's rules, not the US rules its words match best", () => {
    const us = {
      ...testEntry("us", ["Who sets the social media rules in the US?", "What are the US rules?"]),
      title: "US rules",
    };
    const uk = {
      ...testEntry("uk", ["What does the GMC expect of doctors on social media?"]),
      title: "What the GMC expects (UK)",
    };
    const other = testEntry("photos", ["Can I post a photo of a patient?"]);
    // Canada's entry matches the words better than the UK's, so the UK's ranks third
    const ca = {
      ...testEntry("ca", ["Who sets the social media rules in Canada?"]),
      title: "Canadian guidance",
    };
    const index = new SearchIndex([us, uk, other, ca], []);
    const first = (q: string) => index.search(q, 3)[0]?.entry.id;
    expect(first("Who sets the social media rules for me?")).toBe("us");
    expect(first("I'm a GP in England. Who sets the social media rules for me?")).toBe("uk");
    expect(first("I'm a doctor in the US. Who sets the social media rules for me?")).toBe("us");
  });
});

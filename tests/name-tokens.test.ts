import { describe, expect, it } from "vitest";
import { tokenise } from "../src/guard/name-tokens.js";

describe("the name finder's words", () => {
  it("reads each word's case, script and what it can never be, in any spelling", () => {
    const read = (text: string) =>
      tokenise(text).map((t) => {
        const flags = [t.capitalised && "capitalised", t.upper && "capitals", t.foreign && "foreign"];
        return [t.lower, ...flags.filter(Boolean), ...(t.blocked ? [t.place ? "place" : "never"] : [])];
      });
    expect(read("O'Neill O’NEILL Smith-Jones McDONALD jOHN JOHN's")).toEqual([
      ["o'neill", "capitalised"],
      ["o’neill", "capitals"],
      ["smith-jones", "capitalised"],
      ["mcdonald", "capitalised"],
      ["john"],
      ["john", "capitals"],
    ]);
    // letters outside plain ASCII are read the same way, by comparing the word with itself in capitals
    expect(read("Élodie ÉLODIE Ольга")).toEqual([
      ["élodie", "capitalised"],
      ["élodie", "capitals"],
      ["ольга", "capitalised", "foreign"],
    ]);
    // never a name (a listed word, a contraction, a platform made a verb), or a name only as a place
    expect(read("MRI mri didn't Snapchatted London")).toEqual([
      ["mri", "capitals", "never"],
      ["mri", "never"],
      ["didn't", "never"],
      ["snapchatted", "capitalised", "never"],
      ["london", "capitalised", "place"],
    ]);
  });
});

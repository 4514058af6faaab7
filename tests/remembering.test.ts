import { describe, expect, it } from "vitest";
import { remembering } from "../src/remembering.js";

describe("remembering", () => {
  it("computes each key once while it remembers, null answers included, and forgets all past its limit", () => {
    const asked: string[] = [];
    const lookup = remembering(3, (key) => {
      asked.push(key);
      return key.startsWith("n") ? null : key.length;
    });
    expect([lookup("ab"), lookup("no"), lookup("ab"), lookup("no")]).toEqual([2, null, 2, null]);
    expect(asked).toEqual(["ab", "no"]);
    lookup("c");
    lookup("d"); // the fourth key: what it held is forgotten, so "ab" is computed again
    expect(lookup("ab")).toBe(2);
    expect(asked).toEqual(["ab", "no", "c", "d", "ab"]);
  });
});

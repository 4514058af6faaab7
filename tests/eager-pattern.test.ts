import { describe, expect, it } from "vitest";
import { eager } from "../src/eager-pattern.js";

describe("a pattern compiled when its module loads", () => {
  it("is the same pattern, and a global one starts from the beginning of the next text", () => {
    // A run of spaces is what eager() compiles it on, so this one matched there and moved on.
    const spaces = / +/g;
    expect(eager(spaces)).toBe(spaces);
    expect(spaces.lastIndex).toBe(0);
    expect(spaces.exec("a b")?.index).toBe(1);
  });

  it("matches what a fresh copy of the pattern matches", () => {
    const source = String.raw`^(?:hi|hello)?[ ,]*i'?m an? (\w+)|\bwhat (?:do|should) i\b`;
    const compiled = eager(new RegExp(source, "i"));
    for (const text of [
      "I'm a nurse on nights",
      "hi, im a GP",
      "So what should I do?",
      "Can I post this?",
      "",
    ])
      expect(compiled.exec(text), text).toEqual(new RegExp(source, "i").exec(text));
  });
});

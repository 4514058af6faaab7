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

  it("matches as it did before", () => {
    const who = eager(/^i'?m an? (\w+)/i);
    expect(who.exec("I'm a nurse on nights")?.[1]).toBe("nurse");
    expect(who.test("Can I accept a friend request?")).toBe(false);
  });
});

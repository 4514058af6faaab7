import { describe, expect, it } from "vitest";
import { chooseThreshold, type Example } from "../src/eval/fit.js";
import { FEATURES, type FeatureVector } from "../src/search/confidence.js";

const x = Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector;
const right: Example = { x, y: 1, outOfScope: false };
const outOfScope: Example = { x, y: 0, outOfScope: true };

describe("choosing the confidence threshold", () => {
  // Ten right answers at 0.555, and ten out-of-scope questions: one at 0.655, four at 0.455, five at 0.255.
  const examples = [...Array(10).fill(right), ...Array(10).fill(outOfScope)];
  const p = [...Array(10).fill(0.555), 0.655, ...Array(4).fill(0.455), ...Array(5).fill(0.255)];

  it("takes the best trade of right answers against wrong ones", () => {
    const chosen = chooseThreshold(examples, p, 0.5);
    expect(chosen.threshold).toBeGreaterThan(0.455);
    expect(chosen.threshold).toBeLessThanOrEqual(0.555);
    expect(chosen.top1).toBe(1);
    expect(chosen.abstain).toBe(0.9);
  });

  it("takes the best neighbourhood, not a lone spike of the jagged utility", () => {
    // Answering from 0.35 gains 11 right, but one step lower 10 wrong answers join them; from 0.36 up
    // only the 6 sure right answers are given, a plateau on which no step is as good as 0.35 alone.
    const wrong: Example = { x, y: 0, outOfScope: false };
    const spiky = [...Array(5).fill(right), ...Array(10).fill(wrong), ...Array(6).fill(right)];
    const q = [...Array(5).fill(0.355), ...Array(10).fill(0.345), ...Array(6).fill(0.605)];
    const chosen = chooseThreshold(spiky, q, 0.5);
    expect(chosen.threshold).toBeGreaterThan(0.355);
    expect(chosen.top1).toBeCloseTo(6 / 21);
  });

  it("never one that declines fewer out-of-scope questions than the minimum, whatever it would gain", () => {
    const chosen = chooseThreshold(examples, p, 0.95);
    expect(chosen.abstain).toBeGreaterThanOrEqual(0.95);
    expect(chosen.threshold).toBeGreaterThan(0.655);
  });
});

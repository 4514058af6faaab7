import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fitConfidence } from "../app/fit.js";
import { chooseThreshold, type Example } from "../src/eval/fit.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { FEATURES, type FeatureVector, SCORE_ONLY_MODEL } from "../src/search/confidence.js";
import { fixtureCopy } from "./helpers.js";

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

describe("the fit's threshold table", () => {
  const table = (saved?: string) => {
    const dir = fixtureCopy({
      ...(saved === undefined ? {} : { "confidence.json": saved }),
      "labelled.jsonl": [
        { q: "Should I accept a friend request from a patient?", accept: ["friend-requests"] },
        { q: "Can I post a photo of a patient?", accept: ["patient-photos"] },
        { q: "How do I network with colleagues online?", accept: ["colleague-networking"] },
        { q: "what is the treatment for sepsis", accept: [] },
        { q: "tell me a joke", accept: [] },
      ]
        .map((row) => JSON.stringify(row))
        .join("\n"),
    });
    const lines: string[] = [];
    const guide = createGuide(loadKnowledge(dir));
    fitConfidence(
      guide,
      [join(dir, "labelled.jsonl")],
      dir,
      false,
      (l) => lines.push(l),
      () => {},
    );
    return lines
      .join("\n")
      .split("\n")
      .filter((l) => /^ {2}0\.\d\d {2}top-1/.test(l));
  };

  it("marks the threshold in use beside the chosen one, each threshold once", () => {
    const rows = table(JSON.stringify({ ...SCORE_ONLY_MODEL, threshold: 0.47 }));
    expect(rows.filter((r) => r.includes("in use")).map((r) => r.trim().slice(0, 4))).toEqual(["0.47"]);
    expect(rows.filter((r) => r.includes("chosen"))).toHaveLength(1);
    const shown = rows.map((r) => r.trim().slice(0, 4));
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("never writes a fit made from too few questions over the saved model", () => {
    const saved = `${JSON.stringify({ ...SCORE_ONLY_MODEL, threshold: 0.47 }, null, 2)}\n`;
    const dir = fixtureCopy({ "confidence.json": saved, "empty.jsonl": "" });
    const errors: string[] = [];
    const code = fitConfidence(
      createGuide(loadKnowledge(dir)),
      [join(dir, "empty.jsonl")],
      dir,
      true,
      () => {},
      (l) => errors.push(l),
    );
    expect(code).toBe(1);
    expect(errors.join("\n")).toMatch(/^Not written: a fit on 0 questions/);
    expect(readFileSync(join(dir, "confidence.json"), "utf8")).toBe(saved);
  });

  it("chooses no threshold, and writes none, when none declines enough of the questions to decline", () => {
    const saved = `${JSON.stringify({ ...SCORE_ONLY_MODEL, threshold: 0.47 }, null, 2)}\n`;
    // enough questions to fit on, but the ones to decline are word for word the ones to answer, most of
    // which are answered right: every threshold answers them all
    const friend = "Should I accept a friend request from a patient?";
    const rows = [
      ...Array.from({ length: 100 }, () => ({ q: friend, accept: ["friend-requests"] })),
      ...Array.from({ length: 6 }, () => ({
        q: "Can I post a photo of a patient?",
        accept: ["colleague-networking"],
      })),
      ...Array.from({ length: 6 }, () => ({ q: friend, accept: [] })),
    ];
    const dir = fixtureCopy({
      "confidence.json": saved,
      "l.jsonl": rows.map((r) => JSON.stringify(r)).join("\n"),
    });
    for (const write of [false, true]) {
      const lines: string[] = [];
      const errors: string[] = [];
      const guide = createGuide(loadKnowledge(dir));
      const code = fitConfidence(
        guide,
        [join(dir, "l.jsonl")],
        dir,
        write,
        (l) => lines.push(l),
        (l) => errors.push(l),
      );
      expect(code).toBe(write ? 1 : 0);
      expect(lines.join("\n")).not.toContain("<- chosen");
      // a refusal to write goes to standard error, as the other refusals do
      expect((write ? errors : lines).join("\n")).toMatch(
        write
          ? /^Not written: no threshold declines at least 90\.0%/
          : /No threshold declines at least 90\.0%/,
      );
    }
    expect(readFileSync(join(dir, "confidence.json"), "utf8")).toBe(saved);
  });

  it("lists the fixed thresholds alone when no model is saved", () => {
    const rows = table();
    expect(rows.some((r) => r.includes("in use"))).toBe(false);
  });
});

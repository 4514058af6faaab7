import { describe, expect, it } from "vitest";
import { evaluate, formatEval } from "../src/eval/evaluate.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { FIXTURE_DIR } from "./helpers.js";

// The evaluation's figures on the three-entry fixture knowledge.
const guide = createGuide(loadKnowledge(FIXTURE_DIR));

describe("evaluate", () => {
  it("says how far a set's labels reach, and how often the best entry is one they never accept", () => {
    const rows = [
      { q: "Should I accept a friend request from a patient?", accept: ["friend-requests"] },
      // Labelled as if patient-photos did not exist: the set cannot count it right.
      { q: "Can I post a photo of a patient?", accept: ["friend-requests"] },
      { q: "what is the capital of peru", accept: [] },
    ];
    const result = evaluate(guide, rows);
    expect(result.labels).toEqual({
      entries: 3,
      named: 1,
      rankedUnnamed: 1,
      unnamedFirst: [["patient-photos", 1]],
    });
    expect(formatEval(result)).toContain(
      "labels: the set accepts 1 of the 3 entries; 1 of the 2 in-scope questions rank first an entry it never accepts",
    );
    expect(formatEval(result)).toContain("read those misses): patient-photos 1\n");
  });

  it("counts an id no entry has as no entry, and says nothing more when every best entry is accepted", () => {
    const result = evaluate(guide, [
      { q: "Can I post a photo of a patient?", accept: ["patient-photos", "an-old-id"] },
    ]);
    expect(result.labels).toEqual({ entries: 3, named: 1, rankedUnnamed: 0, unnamedFirst: [] });
    expect(formatEval(result)).toContain("labels: the set accepts 1 of the 3 entries\n");
  });
});

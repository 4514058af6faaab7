import { expect } from "vitest";
import { loadKnowledge } from "../src/index.js";
import { reportsRisk } from "../src/search/at-risk.js";
import type { Knowledge } from "../src/types.js";
import { FIXTURE_DIR, testEntry } from "./helpers.js";

/** Each text read as reporting risk or not (see at-risk.ts); a failing row is named by its text. */
export function reads(cases: readonly string[], risk: boolean): void {
  for (const q of cases) expect(reportsRisk(q), q).toBe(risk);
}

/**
 * A knowledge base of two entries: one about moderating comments, and one ("at-risk") whose phrasings
 * report risk, so that it is the entry about acting on it.
 */
export function riskKnowledge(): Knowledge {
  const fixture = loadKnowledge(FIXTURE_DIR);
  const entries = [
    {
      ...testEntry("comments", ["How do I moderate comments under my videos?", "A rude comment on my video"]),
      topic: "a",
    },
    {
      ...testEntry("at-risk", [
        "A patient messaged me that she wants to die",
        "A follower posted that he has taken an overdose",
        "Someone commented that her boyfriend threatened to kill her",
      ]),
      title: "A message shows someone at risk",
      topic: "b",
    },
  ];
  return { ...fixture, entries };
}

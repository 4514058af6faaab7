import { expect } from "vitest";
import { reportsRisk } from "../src/search/at-risk.js";

/** Each text read as reporting risk or not (see at-risk.ts); a failing row is named by its text. */
export function reads(cases: readonly string[], risk: boolean): void {
  for (const q of cases) expect(reportsRisk(q), q).toBe(risk);
}

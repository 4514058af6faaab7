import { z } from "zod";
import { parseJsonl } from "../jsonl.js";
import { guardReading, redact } from "./identifiers.js";

const row = z.object({ text: z.string(), identifying: z.boolean() });
export type GuardCase = z.infer<typeof row>;

/** Reads a JSON Lines file of {"text", "identifying"} cases; names the line of any bad one. */
export function parseGuardCases(jsonl: string): GuardCase[] {
  return parseJsonl(jsonl, row, '{"text": string, "identifying": boolean}');
}

export interface GuardResult {
  readonly positives: number;
  readonly negatives: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
  readonly missed: readonly string[];
  readonly falseAlarms: readonly string[];
}

/** Recall on the identifying cases and the false-positive rate on the innocent ones. */
export function evaluateGuard(cases: readonly GuardCase[]): GuardResult {
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  let positives = 0;
  let negatives = 0;
  for (const c of cases) {
    // as the bot reads a question: folded too (see guardReading)
    const reading = guardReading(c.text);
    const flagged = reading.findings.length > 0;
    if (c.identifying) {
      positives++;
      if (!flagged) missed.push(c.text);
    } else {
      negatives++;
      if (flagged) falseAlarms.push(`${c.text}  ->  ${redact(reading.text, reading.findings)}`);
    }
  }
  return {
    positives,
    negatives,
    recall: positives ? (positives - missed.length) / positives : 1,
    falsePositiveRate: negatives ? falseAlarms.length / negatives : 0,
    missed,
    falseAlarms,
  };
}

export function formatGuardResult(r: GuardResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `identifying:  ${r.positives} cases, recall ${pct(r.recall)}`,
    `innocent:     ${r.negatives} cases, false positives ${pct(r.falsePositiveRate)}`,
    ...(r.missed.length
      ? ["", `Missed (${r.missed.length}):`, ...r.missed.map((t) => `  MISS ${JSON.stringify(t)}`)]
      : []),
    ...(r.falseAlarms.length
      ? ["", `False alarms (${r.falseAlarms.length}):`, ...r.falseAlarms.map((t) => `  FALSE ${t}`)]
      : []),
    "",
    `summary: recall ${pct(r.recall)} (${r.positives} identifying), false positives ${pct(r.falsePositiveRate)} (${r.negatives} innocent)`,
  ].join("\n");
}

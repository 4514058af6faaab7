import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseEvalFile } from "../src/eval/evaluate.js";
import {
  atThreshold,
  chooseThreshold,
  crossValidate,
  type Example,
  fitLogistic,
  MIN_ABSTAIN,
} from "../src/eval/fit.js";
import type { Guide } from "../src/index.js";
import { packageRoot } from "../src/paths.js";
import type { ConfidenceModel } from "../src/search/confidence.js";
import type { Out } from "./output.js";

/** The project's own labelled sets, in tests/eval/, that the confidence is fitted on (never the shared dev sets). */
export const FITTED_SETS = [
  "project.jsonl",
  "new-entries.jsonl",
  "seed-checks.jsonl",
  "real.jsonl",
  "near-domain.jsonl",
  "long.jsonl",
  "real-fresh.jsonl",
];
/** Sets kept only to measure: a fit never sees them, so they show how the engine does on questions it was not fitted to. */
export const MEASURED_ONLY_SETS = [
  "real-fresh-2.jsonl",
  "real-fresh-3.jsonl",
  "real-fresh-4.jsonl",
  "real-fresh-5.jsonl",
  "real-fresh-6.jsonl",
  "near-domain-2.jsonl",
  "short-2.jsonl",
  "short-fresh.jsonl",
  "risk.jsonl",
  "risk-2.jsonl",
  "risk-decoys.jsonl",
  "risk-3.jsonl",
  "risk-3-decoys.jsonl",
  "long-blind.jsonl",
  "direction.jsonl",
  "blind-uk-au.jsonl",
  "blind-us-ca.jsonl",
  "real-fresh-7.jsonl",
  "real-fresh-8.jsonl",
  "real-fresh-9.jsonl",
  "recording-direction.jsonl",
  "risk-5.jsonl",
  "risk-4.jsonl",
  "risk-4-decoys.jsonl",
  "risk-6.jsonl",
  "risk-7.jsonl",
  "risk-8.jsonl",
];
/** Every set of the project's own, which `check` measures. */
export const PROJECT_SETS = [...FITTED_SETS, ...MEASURED_ONLY_SETS];
const FOLDS = 5;
/** The fewest labelled questions a fit is made from. */
const MIN_FIT_QUESTIONS = 100;
/** How close (in ranking score) two entries of different topics must be for the bot to ask which. */
const CLARIFY_MARGIN = 0.02;

/**
 * Fits the confidence model's weights on the labelled sets, reports 5-fold cross-validated figures and
 * the reliability table they give, and with `write` saves the model to the knowledge folder.
 */
export function fitConfidence(
  guide: Guide,
  files: readonly string[],
  knowledgeDir: string,
  write: boolean,
  out: Out,
  err: Out,
): number {
  const sets = files.length > 0 ? files : FITTED_SETS.map((f) => join(packageRoot(), "tests", "eval", f));
  const examples: Example[] = [];
  for (const file of sets) {
    let rows: ReturnType<typeof parseEvalFile>;
    try {
      rows = parseEvalFile(readFileSync(file, "utf8"));
    } catch (error) {
      err(`Cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    for (const row of rows) {
      const judged = guide.explain(row.q);
      const best = judged.hits[0]?.entry.id ?? "";
      examples.push({
        x: judged.features,
        y: row.accept.includes(best) ? 1 : 0,
        outOfScope: row.accept.length === 0,
      });
    }
  }
  // Too few questions, or none of a kind, fit weights that mean nothing (an empty file fitted all zeros,
  // and every answer then scored 0.5): such a fit is never written over the knowledge's model.
  const kinds = [
    examples.filter((e) => e.outOfScope).length,
    examples.filter((e) => !e.outOfScope && e.y === 1).length,
    examples.filter((e) => !e.outOfScope && e.y === 0).length,
  ];
  if (write && (examples.length < MIN_FIT_QUESTIONS || kinds.some((n) => n < FOLDS))) {
    err(
      `Not written: a fit on ${examples.length} questions (${kinds[0]} out of scope; in scope, ${kinds[1]} ranked right and ${kinds[2]} wrong) would replace the model with noise. Fit on at least ${MIN_FIT_QUESTIONS}, with at least ${FOLDS} of each kind.`,
    );
    return 1;
  }
  // Interleave the sets so that every fold holds some of each.
  const shuffled = examples
    .map((e, i) => ({ e, k: (i * 7919) % examples.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.e);
  const cv = crossValidate(shuffled, FOLDS);
  const chosen = chooseThreshold(shuffled, cv);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  out(`Fitted on ${shuffled.length} questions from ${sets.length} set(s); ${FOLDS}-fold cross-validation.`);
  out("\nReliability of the cross-validated confidence (band, questions, share whose best entry is right):");
  for (let from = 0; from < 1; from += 0.1) {
    const inBand = shuffled.filter(
      (_, i) => (cv[i] ?? 0) >= from && (cv[i] ?? 0) < from + 0.1 + (from >= 0.9 ? 1e-9 : 0),
    );
    if (inBand.length === 0) continue;
    const right = inBand.filter((e) => e.y === 1).length;
    out(
      `  ${from.toFixed(1)}-${(from + 0.1).toFixed(1)}  ${String(inBand.length).padStart(4)}  ${pct(right / inBand.length).padStart(6)}`,
    );
  }
  out(
    `\nThreshold (answer from this confidence), cross-validated top-1 and abstain; the chosen one trades right answers against wrong ones best while declining at least ${pct(MIN_ABSTAIN)} of the out-of-scope questions:`,
  );
  // With few questions to decline, no threshold may reach the floor: then none is chosen (chooseThreshold
  // falls back to 0.50, which a small file marked "chosen" at 0% abstain), and none is written.
  const floorMet = chosen.abstain >= MIN_ABSTAIN;
  // The threshold in use now, beside the chosen one, shows what writing the fit would change.
  const inUse = guide.knowledge.confidence?.threshold;
  const shown = [...new Set([0.3, 0.4, 0.5, 0.6, chosen.threshold, ...(inUse === undefined ? [] : [inUse])])];
  for (const t of shown.sort((a, b) => a - b)) {
    const r = atThreshold(shuffled, cv, t);
    const marks = [t === chosen.threshold && floorMet ? "chosen" : "", t === inUse ? "in use" : ""].filter(
      Boolean,
    );
    out(
      `  ${t.toFixed(2)}  top-1 ${pct(r.top1)}  abstain ${pct(r.abstain)}  wrong answers ${r.wrongAnswers}${marks.length > 0 ? `  <- ${marks.join(", ")}` : ""}`,
    );
  }
  const weights = fitLogistic(shuffled);
  const model: ConfidenceModel = {
    ...weights,
    threshold: chosen.threshold,
    clarifyMargin: CLARIFY_MARGIN,
    fitted: {
      on: sets.map((s) => s.split("/").slice(-3).join("/")),
      folds: FOLDS,
      rows: shuffled.length,
      date: new Date().toISOString().slice(0, 10),
    },
  };
  out(`\nWeights: ${JSON.stringify(model.weights)} bias ${model.bias}`);
  if (!floorMet) {
    // a refusal to write goes where the other refusals go
    (write ? err : out)(
      `${write ? "Not written: n" : "N"}o threshold declines at least ${pct(MIN_ABSTAIN)} of these out-of-scope questions, so none is chosen: fit on more questions to decline.`,
    );
    return write ? 1 : 0;
  }
  if (write) {
    const file = join(knowledgeDir, "confidence.json");
    try {
      writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
    } catch (error) {
      err(`Cannot write ${file}: ${(error as Error).message}`);
      return 1;
    }
    out(`Written to ${file}.`);
  } else out("Not written: run with --write to save it to the knowledge folder.");
  return 0;
}

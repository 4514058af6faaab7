import { readFileSync } from "node:fs";
import { evaluate, formatEval, parseEvalFile } from "../src/eval/evaluate.js";
import { evaluateGuard, formatGuardResult, parseGuardCases } from "../src/guard/evaluate.js";
import type { Guide } from "../src/index.js";
import type { Out } from "./output.js";

/** `eval <file.jsonl>`: answer quality on a labelled set. */
export function runEval(guide: Guide, file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err("eval needs a file: npm run eval -- tests/eval/project.jsonl");
    return 2;
  }
  try {
    const rows = parseEvalFile(readFileSync(file, "utf8"));
    // an empty set scored "top-1 100%"; a label naming no entry (a typo, a removed entry) counts as a miss
    if (rows.length === 0) {
      err(`Cannot evaluate ${file}: it has no questions.`);
      return 1;
    }
    const unknown = [...new Set(rows.flatMap((r) => r.accept))].filter((id) => !guide.entry(id));
    if (unknown.length > 0)
      err(
        `Warning: ${file} accepts ${unknown.length === 1 ? "an id" : "ids"} no entry has (${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", ..." : ""}); those labels can never be right.`,
      );
    out(formatEval(evaluate(guide, rows)));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

/** `guard-eval <file.jsonl>`: the patient-data guard's recall and false positives on labelled cases. */
export function guardEval(file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err("guard-eval needs a file: npm run eval:guard");
    return 2;
  }
  try {
    const cases = parseGuardCases(readFileSync(file, "utf8"));
    if (cases.length === 0) {
      err(`Cannot evaluate ${file}: it has no cases.`);
      return 1;
    }
    out(formatGuardResult(evaluateGuard(cases)));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

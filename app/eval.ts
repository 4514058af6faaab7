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
    out(formatEval(evaluate(guide, parseEvalFile(readFileSync(file, "utf8")))));
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
    out(formatGuardResult(evaluateGuard(parseGuardCases(readFileSync(file, "utf8")))));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type EvalResult, evaluate, parseEvalFile } from "../src/eval/evaluate.js";
import type { Guide } from "../src/index.js";
import { packageRoot } from "../src/paths.js";
import { PROJECT_SETS } from "./fit.js";
import type { Out } from "./output.js";

/** How `check` records a question the bot declined. */
const DECLINED = "(declined)";

/** A fall of more than this in a set's top-1, top-3 or abstain counts as quality falling. */
const TOLERANCE = 0.005;

/** What `check --record` keeps: each set's figures, and what the bot did with each question. */
interface Recorded {
  readonly date: string;
  readonly sets: Record<
    string,
    { top1: number; top3: number; abstain: number; answers: Record<string, string> }
  >;
}

/**
 * `check`: the moderators' one step after an edit. The knowledge has validated by the time this runs;
 * it measures the project's labelled sets, compares them with the figures recorded for the last release
 * (tests/eval/recorded.json), and says plainly whether quality fell and which questions changed their
 * answer. `check --record` records today's figures as the new reference.
 */
export function check(
  guide: Guide,
  record: boolean,
  out: Out,
  err: Out,
  dir = join(packageRoot(), "tests", "eval"),
): number {
  const recordedFile = join(dir, "recorded.json");
  const now: Recorded["sets"] = {};
  for (const set of PROJECT_SETS) {
    const file = join(dir, set);
    if (!existsSync(file)) continue;
    const rows = parseEvalFile(readFileSync(file, "utf8"));
    const result: EvalResult = evaluate(guide, rows);
    now[set] = {
      top1: result.top1,
      top3: result.top3,
      abstain: result.abstain,
      answers: Object.fromEntries(rows.map((r, i) => [r.q, result.answers[i] ?? DECLINED])),
    };
  }
  if (Object.keys(now).length === 0) {
    // an installed copy: the evaluation sets are in a checkout of the project, not in the package
    err(`check compares the project's evaluation sets, and there are none in ${dir}: run it in a checkout.`);
    return 1;
  }
  if (record) {
    try {
      writeFileSync(
        recordedFile,
        `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), sets: now }, null, 1)}\n`,
      );
    } catch (error) {
      err(`Cannot write ${recordedFile}: ${(error as Error).message}`);
      return 1;
    }
    out(`Recorded today's figures in ${recordedFile}.`);
    return 0;
  }
  if (!existsSync(recordedFile)) {
    err(`No recorded figures yet (${recordedFile}): run socialmedia-guidance check --record once.`);
    return 1;
  }
  const before = JSON.parse(readFileSync(recordedFile, "utf8")) as Recorded;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  let fell = false;
  const lines: string[] = [];
  for (const [set, figures] of Object.entries(now)) {
    const old = before.sets[set];
    if (!old) continue;
    const parts = (["top1", "top3", "abstain"] as const).map((k) => {
      const down = figures[k] < old[k] - TOLERANCE;
      fell ||= down;
      return `${k} ${pct(old[k])} -> ${pct(figures[k])}${down ? " (fell)" : ""}`;
    });
    lines.push(`${set}: ${parts.join(", ")}`);
    const changed = Object.entries(figures.answers).filter(
      ([q, a]) => q in old.answers && old.answers[q] !== a,
    );
    for (const [q, a] of changed.slice(0, 10))
      lines.push(`    changed: "${q.slice(0, 90)}" ${old.answers[q]} -> ${a}`);
    if (changed.length > 10) lines.push(`    ... and ${changed.length - 10} more`);
  }
  out(lines.join("\n"));
  out(
    fell
      ? `Quality fell since the figures recorded on ${before.date}. Look at the changed answers above before publishing.`
      : `Quality held: nothing fell since the figures recorded on ${before.date}.`,
  );
  return fell ? 1 : 0;
}

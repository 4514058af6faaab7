// Robustness: what the words real posts add around a question do to its answer. Each labelled
// in-scope question is asked plain, then with one addition (who is asking, a greeting, thanks, forum
// shorthand, a line of context); the table gives top-1 (answered right) and ranked first for each.
// Prints figures only: `npm run robustness -- [sets...]` (default: short-2 and short-fresh).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEvalFile } from "../src/eval/evaluate.js";
import { createGuide } from "../src/guide.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { packageRoot } from "../src/paths.js";

const root = packageRoot();
const guide = createGuide(loadKnowledge(join(root, "knowledge")));
const files = process.argv.slice(2);
const sets =
  files.length > 0
    ? files
    : ["short-2.jsonl", "short-fresh.jsonl"].map((f) => join(root, "tests", "eval", f));
const rows = sets
  .flatMap((file) => parseEvalFile(readFileSync(file, "utf8")))
  .filter((r) => r.accept.length > 0);

/** What is added, and how. A question's own end punctuation stays where it is. */
const ADDITIONS: readonly (readonly [string, (q: string) => string])[] = [
  ["(plain)", (q) => q],
  ["I'm a student midwife and ...", (q) => `I'm a student midwife and ${q}`],
  ["As a PGY-2 resident, ...", (q) => `As a PGY-2 resident, ${q}`],
  ["I'm a practice manager. ...", (q) => `I'm a practice manager. ${q}`],
  ["I work nights on a busy surgical ward. ...", (q) => `I work nights on a busy surgical ward. ${q}`],
  ["I'm in my final year of nursing school. ...", (q) => `I'm in my final year of nursing school. ${q}`],
  ["Community pharmacist in Cork. ...", (q) => `Community pharmacist in Cork. ${q}`],
  ["PGY-1 in peds in Atlanta. ...", (q) => `PGY-1 in peds in Atlanta. ${q}`],
  ["Hi all, ...", (q) => `Hi all, ${q}`],
  ["... Thanks in advance!", (q) => `${q} Thanks in advance!`],
  ["TL;DR: ...", (q) => `TL;DR: ${q}`],
  ["Throwaway account for obvious reasons. ...", (q) => `Throwaway account for obvious reasons. ${q}`],
  ["Sorry if this is a dumb question. ...", (q) => `Sorry if this is a dumb question. ${q}`],
  ["... (I work in Texas)", (q) => `${q.replace(/[?.!]*$/, "")} (I work in Texas)`],
  [
    "This came up on a busy night shift last week. ...",
    (q) => `This came up on a busy night shift last week. ${q}`,
  ],
  ["My manager is on holiday this week. ...", (q) => `My manager is on holiday this week. ${q}`],
];

const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)}%`.padStart(6);
console.log(`${rows.length} in-scope questions from ${sets.length} set(s)\n`);
console.log(`${"addition".padEnd(52)} top-1  ranked first`);
for (const [name, add] of ADDITIONS) {
  let right = 0;
  let first = 0;
  for (const row of rows) {
    const { reply, judged } = guide.assess(add(row.q));
    if (row.accept.includes(judged.hits[0]?.entry.id ?? "")) first++;
    if (reply.kind === "answer" && row.accept.includes(reply.entry.id)) right++;
  }
  console.log(`${name.padEnd(52)} ${pct(right)}  ${pct(first)}`);
}

// Speed benchmark: index build and per-question latency on the shipped corpus and on a generated
// corpus of 10,000 entries, plus the wall time of a one-shot `ask` process. Prints figures only.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createGuide } from "../src/guide.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { packageRoot } from "../src/paths.js";
import { seededRandom } from "../src/random.js";
import type { Entry, Knowledge } from "../src/types.js";

const root = packageRoot();
const knowledge = loadKnowledge(join(root, "knowledge"));
const read = (file: string) =>
  readFileSync(join(root, "tests", "eval", file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q);
const questions = read("project.jsonl");
/** 120-word questions of the real kind, context first: the real questions' words, in order, cut in 120s. */
const realWords = read("real.jsonl").flatMap((q) => q.split(/\s+/).filter(Boolean));
/** A text's words cut into 120-word questions. */
const in120s = (words: readonly string[]) =>
  Array.from({ length: Math.floor(words.length / 120) }, (_, i) =>
    words.slice(i * 120, (i + 1) * 120).join(" "),
  );
const longQuestions = in120s(realWords);
/**
 * 120-word questions of other real posts, each asked once: what a new question costs, its unknown words
 * not yet corrected or looked up by anything before it (the rounds above ask the same questions again,
 * which a chat never does).
 */
const unseenQuestions = in120s(
  ["real-fresh.jsonl", "real-fresh-2.jsonl", "real-fresh-3.jsonl"].flatMap((f) =>
    read(f).flatMap((q) => q.split(/\s+/).filter(Boolean)),
  ),
);

/** 10,000 entries whose texts recombine the shipped corpus's sentences and words. */
function generated(size: number): Knowledge {
  const rand = seededRandom(42); // the same generated corpus every run
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const words = knowledge.entries.flatMap((e) => e.answer.split(/\s+/));
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(" ");
  const entries: Entry[] = Array.from({ length: size }, (_, i) => {
    const base = pick(knowledge.entries);
    return {
      ...base,
      id: `gen-${i}`,
      title: `${base.title} ${i}`,
      questions: [pick(base.questions), sentence(8), sentence(10), `${sentence(6)} item${i}?`],
      answer: `${sentence(60)} variant${i}`,
      related: [],
    };
  });
  return { ...knowledge, entries };
}

function measure(label: string, k: Knowledge): void {
  const t0 = performance.now();
  const guide = createGuide(k);
  const build = performance.now() - t0;
  console.log(`${label}: ${k.entries.length} entries, index build ${build.toFixed(1)} ms`);
  time("  typed questions", guide, questions);
  time("  120-word questions", guide, longQuestions);
  time("  120-word questions, each new", guide, unseenQuestions, false);
}

/** Per-question latency; `repeat`: after warm-up rounds of the same questions, about 1,500 asks; else each asked once. */
function time(
  label: string,
  guide: ReturnType<typeof createGuide>,
  questions: readonly string[],
  repeat = true,
): void {
  if (repeat) for (let round = 0; round < 3; round++) for (const q of questions) guide.ask(q); // warm-up: JIT and caches
  const times: number[] = [];
  const rounds = repeat ? Math.ceil(1_500 / Math.max(1, questions.length)) : 1;
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const start = performance.now();
      guide.ask(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(3);
  console.log(
    `${label} (${questions.length}): per question p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms (${times.length} asks)`,
  );
}

measure("shipped corpus", knowledge);
measure("generated corpus", generated(10_000));

const bin = join(root, "bin", "socialmedia-guidance.js");
/** The median wall time of five runs of a Node process with these arguments (after one unmeasured run). */
function medianWall(args: readonly string[]): number {
  execFileSync(process.execPath, args);
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    execFileSync(process.execPath, args);
    walls.push(performance.now() - start);
  }
  return walls.sort((a, b) => a - b)[2] ?? 0;
}
// Side by side in one run, so that the machine's speed cancels out: the ratio is the figure that counts.
const ask = medianWall([bin, "ask", "--json", "can I accept a friend request from a patient?"]);
const bare = medianWall(["-e", "0"]);
console.log(
  `one-shot ask process: median ${ask.toFixed(0)} ms wall; node -e 0: ${bare.toFixed(0)} ms; ratio ${(ask / bare).toFixed(1)}x (target 2.5x)`,
);

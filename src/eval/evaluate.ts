import { z } from "zod";
import type { Guide } from "../guide.js";
import { parseJsonl } from "../jsonl.js";

const rowSchema = z.object({ q: z.string(), accept: z.array(z.string()), url: z.string().optional() });

/** One labelled question: `accept` empty means the bot must decline. */
export type EvalRow = z.infer<typeof rowSchema>;

/** A question the bot got wrong, with what it did. */
export interface Miss {
  readonly q: string;
  readonly accept: readonly string[];
  readonly got: string | null;
  readonly confidence: number;
  readonly suggestions: readonly string[];
}

/** Answer-quality figures over a labelled set. */
export interface EvalResult {
  readonly inScope: number;
  readonly outOfScope: number;
  readonly top1: number;
  readonly top3: number;
  readonly abstain: number;
  /** The share of in-scope questions whose best-ranked entry is right, whatever the confidence. */
  readonly rank1: number;
  /** ... and whose three best-ranked entries hold a right one. */
  readonly rank3: number;
  /** Confidence bands: how many questions fell in each and how many of their best entries were right. */
  readonly reliability: readonly ReliabilityBand[];
  /**
   * How far the set's labels reach: the knowledge's entries, how many of them some row accepts, and the
   * in-scope questions whose best-ranked entry no row accepts. A set labelled before an entry was added
   * can never count that entry right, however well it answers; this says how often that decides.
   */
  readonly labels: {
    readonly entries: number;
    readonly named: number;
    readonly rankedUnnamed: number;
    /** The entries the set never accepts that rank first, each with how often, the commonest first. */
    readonly unnamedFirst: readonly (readonly [string, number])[];
  };
  /**
   * The safety net (see safety-net.ts): of the rows that want the entry about acting on risk, how many
   * got it as the answer or as the link beside another reply, and how many as the answer; of the other
   * rows, how many were offered the link.
   */
  readonly safety: {
    readonly reports: number;
    readonly reached: number;
    readonly answered: number;
    readonly others: number;
    readonly shown: number;
  };
  readonly misses: readonly Miss[];
  /** Each row's answer, in the rows' order: the entry it answered with, or null for a decline. */
  readonly answers: readonly (string | null)[];
}

/** One band of the reliability table. */
export interface ReliabilityBand {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly right: number;
}

const BANDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

/** Parses JSONL text; throws naming the first bad line. */
export function parseEvalFile(text: string): EvalRow[] {
  return parseJsonl(text, rowSchema, '{"q": string, "accept": [string, ...]}');
}

/** Runs every row through the guide and counts top-1, top-3 and abstain. */
export function evaluate(guide: Guide, rows: readonly EvalRow[]): EvalResult {
  let inScope = 0;
  let top1 = 0;
  let top3 = 0;
  let outOfScope = 0;
  let abstain = 0;
  let rank1 = 0;
  let rank3 = 0;
  const bands = BANDS.slice(0, -1).map((from, i) => ({ from, to: BANDS[i + 1] ?? 1, count: 0, right: 0 }));
  const misses: Miss[] = [];
  const answers: (string | null)[] = [];
  const named = new Set(rows.flatMap((row) => row.accept).filter((id) => guide.entry(id)));
  let rankedUnnamed = 0;
  const unnamedFirst = new Map<string, number>();
  const urgent = guide.urgentEntry?.id;
  const safety = { reports: 0, reached: 0, answered: 0, others: 0, shown: 0 };
  for (const row of rows) {
    const { reply, judged } = guide.assess(row.q);
    const answeredUrgent = reply.kind === "answer" && reply.entry.id === urgent;
    if (urgent !== undefined && row.accept.includes(urgent)) {
      safety.reports++;
      if (answeredUrgent) safety.answered++;
      if (answeredUrgent || reply.safety) safety.reached++;
    } else {
      safety.others++;
      if (reply.safety) safety.shown++;
    }
    const ranked = judged.hits.map((h) => h.entry.id);
    const bestRight = row.accept.includes(ranked[0] ?? "");
    const band = bands.find((b) => judged.probability >= b.from && judged.probability < b.to);
    if (band && ranked.length > 0) {
      band.count++;
      if (bestRight) band.right++;
    }
    if (row.accept.length > 0) {
      if (bestRight) rank1++;
      if (ranked[0] !== undefined && !named.has(ranked[0])) {
        rankedUnnamed++;
        unnamedFirst.set(ranked[0], (unnamedFirst.get(ranked[0]) ?? 0) + 1);
      }
      if (ranked.slice(0, 3).some((id) => row.accept.includes(id))) rank3++;
    }
    const got = reply.kind === "answer" ? reply.entry.id : null;
    answers.push(got);
    const offered = [...(got ? [got] : []), ...reply.suggestions.map((s) => s.id)].slice(0, 3);
    const miss = { q: row.q, accept: row.accept, got, confidence: reply.confidence, suggestions: offered };
    if (row.accept.length === 0) {
      outOfScope++;
      if (got === null) abstain++;
      else misses.push(miss);
      continue;
    }
    inScope++;
    if (got && row.accept.includes(got)) top1++;
    else misses.push(miss);
    if (offered.some((id) => row.accept.includes(id))) top3++;
  }
  const rate = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    inScope,
    outOfScope,
    top1: rate(top1, inScope),
    top3: rate(top3, inScope),
    abstain: rate(abstain, outOfScope),
    rank1: rate(rank1, inScope),
    rank3: rate(rank3, inScope),
    reliability: bands,
    labels: {
      entries: guide.knowledge.entries.length,
      named: named.size,
      rankedUnnamed,
      unnamedFirst: [...unnamedFirst].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    },
    safety,
    misses,
    answers,
  };
}

/** How many of the never-accepted entries that rank first the labels line names. */
const UNNAMED_SHOWN = 5;

/** What the set's labels can see: a set that never names an entry cannot count it right. */
function labelReach(r: EvalResult): string {
  const { entries, named, rankedUnnamed, unnamedFirst } = r.labels;
  const reach = `labels: the set accepts ${named} of the ${entries} entries`;
  if (rankedUnnamed === 0) return reach;
  // Which entries, so that labels written before an entry existed show as that entry, again and again.
  const which = unnamedFirst
    .slice(0, UNNAMED_SHOWN)
    .map(([id, n]) => `${id} ${n}`)
    .join(", ");
  const more = unnamedFirst.length > UNNAMED_SHOWN ? ", ..." : "";
  return `${reach}; ${rankedUnnamed} of the ${r.inScope} in-scope questions rank first an entry it never accepts (counted wrong whatever it says: read those misses): ${which}${more}`;
}

/** What the safety net reached, when the set has a report of risk or the net showed on another question. */
function safetyLine(r: EvalResult): string[] {
  const { reports, reached, answered, others, shown } = r.safety;
  if (reports === 0 && shown === 0) return [];
  const reach =
    reports > 0
      ? `${reached} of ${reports} reports of risk got the guidance on acting on it (${answered} as the answer, the rest beside it)`
      : "";
  const alarms = others > 0 ? `offered beside ${shown} of the ${others} other questions` : "";
  return [`safety net: ${[reach, alarms].filter(Boolean).join("; ")}`];
}

/** The figures and misses as a person reads them. */
export function formatEval(r: EvalResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = r.misses.map(
    (m) =>
      `  MISS ${JSON.stringify(m.q)} -> ${m.got ?? "(no answer)"} @${m.confidence.toFixed(2)}` +
      ` [offered: ${m.suggestions.join(", ") || "-"}] want: ${m.accept.join("|") || "(no answer)"}`,
  );
  // A set with none of a kind has no figure for it: "abstain 100.0%" of no questions read as a result.
  const ofIn = (x: number) => (r.inScope > 0 ? pct(x) : "n/a");
  const abstain = r.outOfScope > 0 ? pct(r.abstain) : "n/a";
  const summary = `top-1 ${ofIn(r.top1)} (${r.inScope} in scope), top-3 ${ofIn(r.top3)}, abstain ${abstain} (${r.outOfScope} out of scope)`;
  const table = r.reliability
    .filter((b) => b.count > 0)
    .map(
      (b) =>
        `  ${b.from.toFixed(1)}-${Math.min(1, b.to).toFixed(1)}  ${String(b.count).padStart(4)}  ${pct(b.right / b.count).padStart(6)}`,
    );
  return [
    `in-scope:     ${r.inScope} questions, top-1 ${ofIn(r.top1)}, top-3 ${ofIn(r.top3)}`,
    `out-of-scope: ${r.outOfScope} questions, abstain ${abstain}`,
    `ranking alone (no threshold): first right ${ofIn(r.rank1)}, right in the first three ${ofIn(r.rank3)}`,
    labelReach(r),
    ...safetyLine(r),
    "",
    "Reliability (confidence band, questions, share whose best entry is right):",
    ...table,
    ...(lines.length ? ["", `Misses (${lines.length}):`, ...lines] : ["", "No misses."]),
    "",
    `summary: ${summary}`,
  ].join("\n");
}

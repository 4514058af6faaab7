import { z } from "zod";
import type { Guide } from "../guide.js";

const rowSchema = z.object({ q: z.string(), accept: z.array(z.string()) });

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
  readonly misses: readonly Miss[];
}

/** Parses JSONL text; throws naming the first bad line. */
export function parseEvalFile(text: string): EvalRow[] {
  const rows: EvalRow[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not valid JSON`);
    }
    const parsed = rowSchema.safeParse(value);
    if (!parsed.success) throw new Error(`line ${i + 1}: expected {"q": string, "accept": [string, ...]}`);
    rows.push(parsed.data);
  });
  return rows;
}

/** Runs every row through the guide and counts top-1, top-3 and abstain. */
export function evaluate(guide: Guide, rows: readonly EvalRow[]): EvalResult {
  let inScope = 0;
  let top1 = 0;
  let top3 = 0;
  let outOfScope = 0;
  let abstain = 0;
  const misses: Miss[] = [];
  for (const row of rows) {
    const reply = guide.ask(row.q);
    const got = reply.kind === "answer" ? reply.entry.id : null;
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
    misses,
  };
}

/** The figures and misses as a person reads them. */
export function formatEval(r: EvalResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = r.misses.map(
    (m) =>
      `  MISS ${JSON.stringify(m.q)} -> ${m.got ?? "(no answer)"} @${m.confidence.toFixed(2)}` +
      ` [offered: ${m.suggestions.join(", ") || "-"}] want: ${m.accept.join("|") || "(no answer)"}`,
  );
  const summary = `top-1 ${pct(r.top1)} (${r.inScope} in scope), top-3 ${pct(r.top3)}, abstain ${pct(r.abstain)} (${r.outOfScope} out of scope)`;
  return [
    `in-scope:     ${r.inScope} questions, top-1 ${pct(r.top1)}, top-3 ${pct(r.top3)}`,
    `out-of-scope: ${r.outOfScope} questions, abstain ${pct(r.abstain)}`,
    ...(lines.length ? ["", `Misses (${lines.length}):`, ...lines] : ["", "No misses."]),
    "",
    `summary: ${summary}`,
  ].join("\n");
}

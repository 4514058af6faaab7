import type { IndexedEntry } from "./index-data.js";
import type { PostingLists } from "./posting-lists.js";
import type { SearchTuning } from "./tuning.js";

// How an entry scores by its phrasings: the closest one's Dice match and the coverage of the whole
// question, and the ranking of all entries by that score.

/** A question's terms as scoring needs them: each stem's weight times its credit, and the total weight. */
export interface Query {
  readonly credited: ReadonlyMap<string, number>;
  readonly weight: number;
}

/** The `depth` entries with the best phrasing score, best first. */
export function rankByPhrasing(
  items: readonly IndexedEntry[],
  postings: PostingLists,
  query: Query,
  depth: number,
  tune: SearchTuning,
): { index: number; score: number }[] {
  // One pass over the postings gives each candidate an upper bound on its score; exact scoring
  // then runs best bound first and stops once no remaining bound can enter the top `depth`.
  // The same pass sums each candidate's coverage, so that exact scoring needs only its phrasings.
  const matched = new Float64Array(items.length);
  const covered = new Float64Array(items.length);
  const touched: number[] = [];
  const { entries, values } = postings;
  for (const [stem, w] of query.credited) {
    const { from, to } = postings.range(stem);
    for (let p = from; p < to; p++) {
      const i = entries[p] ?? 0;
      if (matched[i] === 0) touched.push(i);
      matched[i] = (matched[i] ?? 0) + w;
      covered[i] = (covered[i] ?? 0) + w * (values[p] ?? 0);
    }
  }
  const bounds = new Float64Array(items.length);
  for (const i of touched) {
    const m = matched[i] ?? 0;
    bounds[i] =
      tune.phrasingWeight * ((2 * m) / (query.weight + m)) + (1 - tune.phrasingWeight) * (m / query.weight);
  }
  const ranked: { index: number; score: number }[] = [];
  const scoreInBoundOrder = (candidates: number[]): boolean => {
    candidates.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0));
    for (const i of candidates) {
      const b = bounds[i] ?? 0;
      if (ranked.length >= depth && b < (ranked[ranked.length - 1]?.score ?? 0)) return true;
      const item = items[i];
      if (!item) continue;
      ranked.push({ index: i, score: combine(tune, item, query, covered[i] ?? 0) });
      ranked.sort((a, b) => b.score - a.score || a.index - b.index);
      if (ranked.length > depth) ranked.pop();
    }
    return false;
  };
  // With many candidates, sorting them all by bound costs more than the scoring: take those whose
  // bound reaches the few-times-`depth`-th largest first (a native numeric sort finds it), and the
  // rest only if the best scores found so far fall below that cut.
  const few = depth * 4;
  if (touched.length <= few * 2) {
    scoreInBoundOrder(touched);
  } else {
    const sorted = Float64Array.from(touched, (i) => bounds[i] ?? 0).sort();
    const cut = sorted[sorted.length - few] ?? 0;
    const done = scoreInBoundOrder(touched.filter((i) => (bounds[i] ?? 0) >= cut));
    const kth = ranked.length >= depth ? (ranked[ranked.length - 1]?.score ?? 0) : 0;
    if (!done && kth < cut) scoreInBoundOrder(touched.filter((i) => (bounds[i] ?? 0) < cut));
  }
  return ranked;
}

/** The Dice match of the entry's closest phrasing: each phrasing's few stems looked up in the query. */
export function bestPhrasing(item: IndexedEntry, query: Query): number {
  let best = 0;
  item.phrasings.forEach((phrasing, p) => {
    let shared = 0;
    for (const stem of phrasing) shared += query.credited.get(stem) ?? 0;
    if (shared > 0) best = Math.max(best, (2 * shared) / (query.weight + (item.phrasingWeights[p] ?? 0)));
  });
  return best;
}

/** An entry's score for a question: its closest phrasing's match and its coverage of the question. */
export function scoreEntry(tune: SearchTuning, item: IndexedEntry, query: Query): number {
  let covered = 0;
  for (const [stem, w] of query.credited) {
    const central = item.questionStems.get(stem);
    if (central !== undefined) covered += w * (tune.incidentalCredit + (1 - tune.incidentalCredit) * central);
    else if (item.answerStems.has(stem)) covered += w * tune.answerOnlyCredit;
  }
  return combine(tune, item, query, covered);
}

/** As scoreEntry(), with the coverage (the credited weight of the question the entry has) already summed. */
function combine(tune: SearchTuning, item: IndexedEntry, query: Query, covered: number): number {
  const best = bestPhrasing(item, query);
  const coverage = covered / query.weight;
  return clamp01(tune.phrasingWeight * best + (1 - tune.phrasingWeight) * coverage);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}

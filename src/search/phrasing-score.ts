import type { IndexedEntry } from "./index-data.js";
import { keepBest } from "./keep-best.js";
import { type PostingData, PostingLists } from "./posting-lists.js";
import type { SearchTuning } from "./tuning.js";

// How an entry scores by its phrasings: the closest one's Dice match and the coverage of the whole
// question, and the ranking of all entries by that score.

/** A question's terms as scoring needs them: each stem's weight times its credit, and the total weight. */
export interface Query {
  readonly credited: ReadonlyMap<string, number>;
  readonly weight: number;
}

/** A phrasing index as plain data, for a saved index. */
export interface PhrasingIndexData {
  readonly postings: PostingData;
  readonly owner: readonly number[];
  readonly weight: readonly number[];
}

/**
 * Every phrasing of every entry, indexed by its stems, so that one pass over the question's stems gives
 * each entry's closest-phrasing match: the work grows with the postings the question touches, not with
 * the number of entries times their phrasings.
 */
export class PhrasingIndex {
  private constructor(
    /** For each stem, the phrasings (numbered across all entries) that have it. */
    private readonly postings: PostingLists,
    /** Each phrasing's entry. */
    private readonly owner: Int32Array,
    /** Each phrasing's weight: its stems' summed IDF. */
    private readonly weight: Float64Array,
  ) {}

  /** Scratch space for closest(): each phrasing's shared weight, zero between calls. */
  private shared?: Float64Array;
  /** ... and the phrasings a question touched, the first `n` of them (each once). */
  private touched?: Int32Array;

  static of(items: readonly IndexedEntry[]): PhrasingIndex {
    const lists = new Map<string, [number, number][]>();
    const owner: number[] = [];
    const weight: number[] = [];
    items.forEach((item, i) => {
      item.phrasings.forEach((phrasing, p) => {
        if (phrasing.size === 0) return;
        const id = owner.length;
        owner.push(i);
        weight.push(item.phrasingWeights[p] ?? 0);
        for (const stem of phrasing) {
          const list = lists.get(stem);
          if (list) list.push([id, 0]);
          else lists.set(stem, [[id, 0]]);
        }
      });
    });
    return new PhrasingIndex(PostingLists.of(lists), Int32Array.from(owner), Float64Array.from(weight));
  }

  /** An index saved with `data()`. */
  static restore(data: PhrasingIndexData): PhrasingIndex {
    if (data.owner.length !== data.weight.length) throw new Error("the phrasing index does not fit together");
    return new PhrasingIndex(
      PostingLists.restore(data.postings),
      Int32Array.from(data.owner),
      Float64Array.from(data.weight),
    );
  }

  data(): PhrasingIndexData {
    return { postings: this.postings.data(), owner: [...this.owner], weight: [...this.weight] };
  }

  /**
   * Each of the `count` entries' closest-phrasing match: the best Dice over its phrasings of the
   * credited weight they share with the question; 0 where none shares a stem.
   */
  closest(query: Query, count: number): Float64Array {
    // allocated first, so that nothing can throw between filling the scratch buffer and clearing it
    const best = new Float64Array(count);
    // One buffer of every phrasing's shared weight, kept between questions and cleared where touched:
    // a question touches a few hundred of its thousands.
    this.shared ??= new Float64Array(this.owner.length);
    this.touched ??= new Int32Array(this.owner.length);
    const { shared, touched } = this;
    let n = 0;
    const { entries } = this.postings;
    for (const [stem, w] of query.credited) {
      // a weight of 0 adds nothing, and would let a phrasing be listed twice
      if (!(w > 0)) continue;
      const slot = this.postings.slot(stem);
      if (slot < 0) continue;
      for (let p = this.postings.start(slot), to = this.postings.start(slot + 1); p < to; p++) {
        const id = entries[p] ?? 0;
        if (shared[id] === 0) touched[n++] = id;
        shared[id] = (shared[id] ?? 0) + w;
      }
    }
    for (let t = 0; t < n; t++) {
      const id = touched[t] ?? 0;
      const i = this.owner[id] ?? 0;
      const dice = (2 * (shared[id] ?? 0)) / (query.weight + (this.weight[id] ?? 0));
      if (dice > (best[i] ?? 0)) best[i] = dice;
    }
    for (let t = 0; t < n; t++) shared[touched[t] ?? 0] = 0;
    return best;
  }
}

/** The phrasing reading of a question: its best entries, and any entry's score and closest match. */
export interface PhrasingRanking {
  /** The `depth` entries with the best phrasing score, best first (the lower index first on a tie). */
  readonly ranked: readonly { readonly index: number; readonly score: number }[];
  /** An entry's score: its closest phrasing's match and its coverage of the question, in [0, 1]. */
  score(index: number): number;
  /** The Dice match of the entry's closest phrasing. */
  closest(index: number): number;
}

/**
 * Ranks the entries by phrasing: one pass over the entries' postings sums each one's coverage, one
 * over the phrasings' gives each its closest phrasing, and every entry sharing a stem is scored.
 */
export function rankByPhrasing(
  items: readonly IndexedEntry[],
  postings: PostingLists,
  phrasings: PhrasingIndex,
  query: Query,
  depth: number,
  tune: SearchTuning,
): PhrasingRanking {
  const covered = new Float64Array(items.length);
  const touched: number[] = [];
  const { entries, values } = postings;
  for (const [stem, w] of query.credited) {
    const slot = postings.slot(stem);
    if (slot < 0) continue;
    for (let p = postings.start(slot), to = postings.start(slot + 1); p < to; p++) {
      const i = entries[p] ?? 0;
      if (covered[i] === 0) touched.push(i);
      covered[i] = (covered[i] ?? 0) + w * (values[p] ?? 0);
    }
  }
  const closest = phrasings.closest(query, items.length);
  const score = (i: number) =>
    clamp01(
      tune.phrasingWeight * (closest[i] ?? 0) +
        (1 - tune.phrasingWeight) * ((covered[i] ?? 0) / query.weight),
    );
  // the best `depth`, the lower index ahead of an equal score (see keepBest); the ranking's objects are
  // made for those kept only
  const order: number[] = [];
  const scores: number[] = [];
  for (const i of touched) keepBest(order, scores, i, score(i), depth, true);
  const ranked = order.map((index, k) => ({ index, score: scores[k] as number }));
  return { ranked, score, closest: (i) => closest[i] ?? 0 };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}

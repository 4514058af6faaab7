import { keepBest } from "./keep-best.js";
import { type PostingData, PostingLists } from "./posting-lists.js";

/** A stem of a question with the weight it carries. */
export interface WeightedStem {
  readonly stem: string;
  readonly weight: number;
}

/** A word model as plain data, for a saved index. */
export interface WordModelData {
  readonly postings: PostingData;
  readonly base: readonly number[];
}

/**
 * A second, independent reading of which entry a question is about: a multinomial naive Bayes model
 * of each entry's words, learnt from its own phrasings (and, faintly, its answer). Where the phrasing
 * match asks "which one phrasing is closest?", this asks "whose words are these, taken together?", so
 * it holds up when a long question shares a little with many phrasings and much with none.
 *
 * Scores are sparse: an entry's log-likelihood is a per-entry constant times the query's weight plus a
 * sum over the words it has, so only the entries that share a word are visited.
 */
export class WordModel {
  private constructor(
    /** For each stem, the entries that use it with log(1 + count / smoothing). */
    private readonly postings: PostingLists,
    /** For each entry, −log(total count + smoothing × vocabulary). */
    private readonly base: Float64Array,
  ) {}

  /**
   * @param counts each entry's weighted count of each stem
   * @param smoothing the Laplace smoothing added to every count
   * @param vocabulary how many stems the smoothing spreads over: by default those of `counts`
   */
  static of(
    counts: readonly ReadonlyMap<string, number>[],
    smoothing: number,
    vocabulary = vocabularyOf(counts),
  ): WordModel {
    const base = baseOf(counts, smoothing, vocabulary);
    const lists = new Map<string, [number, number][]>();
    counts.forEach((c, index) => {
      for (const [stem, n] of c) {
        const list = lists.get(stem);
        const posting: [number, number] = [index, Math.log(1 + n / smoothing)];
        if (list) list.push(posting);
        else lists.set(stem, [posting]);
      }
    });
    return new WordModel(PostingLists.of(lists), base);
  }

  /** A model saved with `data()`. */
  static restore(data: WordModelData): WordModel {
    return new WordModel(PostingLists.restore(data.postings), Float64Array.from(data.base));
  }

  data(): WordModelData {
    return { postings: this.postings.data(), base: [...this.base] };
  }

  /** Whether any entry uses the stem. */
  knows(stem: string): boolean {
    return this.postings.has(stem);
  }

  /**
   * The `depth` entries sharing at least one of the weighted stems, most likely first. Stems no entry
   * uses are left out: they say nothing about which entry it is.
   */
  rank(terms: readonly WeightedStem[], depth: number): number[] {
    const { gains, touched, total } = this.gains(terms);
    // The best `depth`, the entry taken first ahead of an equal score (see keepBest).
    const best: number[] = [];
    const scores: number[] = [];
    for (const index of touched)
      keepBest(best, scores, index, (gains[index] ?? 0) + total * (this.base[index] ?? 0), depth, false);
    return best;
  }

  /**
   * Every class's log-likelihood of the weighted stems, up to a constant shared by all, and the weight
   * of the stems it read (those no class uses are left out, as in rank()). Read alongside another
   * model, `weight` is that of the stems either knows and `base` each class's constant under the
   * vocabulary both share (see baseOf), so that the two models' classes compare as one model's would.
   */
  likelihoods(
    terms: readonly WeightedStem[],
    weight?: number,
    base: Float64Array = this.base,
  ): { readonly log: Float64Array; readonly weight: number } {
    const { gains, total } = this.gains(terms);
    const read = weight ?? total;
    for (let i = 0; i < gains.length; i++) gains[i] = (gains[i] ?? 0) + read * (base[i] ?? 0);
    return { log: gains, weight: read };
  }

  /** How many classes (entries, and any other subjects) the model has. */
  get classes(): number {
    return this.base.length;
  }

  /** Each class's summed log(1 + count / smoothing) over the stems, the classes with any, and the weight read. */
  private gains(terms: readonly WeightedStem[]): { gains: Float64Array; touched: number[]; total: number } {
    const gains = new Float64Array(this.base.length);
    const touched: number[] = [];
    let total = 0;
    const { entries, values } = this.postings;
    for (const { stem, weight } of terms) {
      const slot = this.postings.slot(stem);
      if (slot < 0) continue;
      total += weight;
      for (let p = this.postings.start(slot), to = this.postings.start(slot + 1); p < to; p++) {
        const index = entries[p] ?? 0;
        if (gains[index] === 0) touched.push(index);
        gains[index] = (gains[index] ?? 0) + weight * (values[p] ?? 0);
      }
    }
    return { gains, touched, total };
  }
}

/** The stems the classes use between them: how many the smoothing spreads over. */
export function vocabularyOf(counts: readonly ReadonlyMap<string, number>[]): number {
  const stems = new Set<string>();
  for (const c of counts) for (const stem of c.keys()) stems.add(stem);
  return stems.size;
}

/** Each class's −log(total count + smoothing × vocabulary): its log-likelihood per unit of weight read, less its words' own. */
export function baseOf(
  counts: readonly ReadonlyMap<string, number>[],
  smoothing: number,
  vocabulary: number,
): Float64Array {
  return Float64Array.from(counts, (c) => {
    let total = 0;
    for (const n of c.values()) total += n;
    return -Math.log(total + smoothing * vocabulary);
  });
}

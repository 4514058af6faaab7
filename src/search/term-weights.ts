/**
 * How much each term of a question weighs: a word the knowledge uses by its IDF, discounted when it is
 * everyday English rather than the knowledge's own; a word it lacks by how rare it is in English; and,
 * in the word model's reading, by the part of the question it comes from. Also which corpus word an
 * unknown one is a form of.
 */
import { asks, type Term } from "./analyse.js";
import { isEnglishWord } from "./dictionary.js";
import { englishRank } from "./frequency.js";
import type { IndexedEntry } from "./index-data.js";
import type { SearchTuning } from "./tuning.js";

/** The shortest coined "re-" word read as the word it repeats: "re" and four letters ("reblog"). */
const REPEATED_MIN = 6;

/** How a question's meaning divides between words the knowledge uses and words it never does. */
export interface QueryProfile {
  /** The summed weight of the terms in the asking sentences. */
  readonly asking: number;
  /** The part of `asking` that falls on words the knowledge never uses. */
  readonly unknown: number;
  /** The count of distinct terms. */
  readonly terms: number;
  /**
   * How much the question speaks the knowledge's language rather than everyday English: the mean, over
   * its distinct terms (story included), of how many times likelier the knowledge is to use each word
   * than spoken English is, in log units from 0 to `domainCap` (0 for a word the knowledge never uses
   * or uses no more than English does).
   */
  readonly domain: number;
}

/** The weights of a question's terms against one built index. */
export class TermWeights {
  /** Corpus stems long enough to have variants, by their first `minVariantPrefix` letters. */
  private readonly variantStems = new Map<string, string[]>();

  constructor(
    private readonly idf: ReadonlyMap<string, number>,
    private readonly unknownIdf: number,
    private readonly specificity: ReadonlyMap<string, number>,
    private readonly tune: SearchTuning,
  ) {
    for (const stem of idf.keys()) {
      if (stem.length < tune.minVariantPrefix) continue;
      const key = stem.slice(0, tune.minVariantPrefix);
      const list = this.variantStems.get(key);
      if (list) list.push(stem);
      else this.variantStems.set(key, [stem]);
    }
  }

  /** A term's weight in the word model's reading: by its part of the question, and how topical it is. */
  wordModelWeight(t: Term): number {
    return this.wordWeight(t) * this.topical(t.stem, this.tune.wordTopicalFloor);
  }

  /** A term's weight in the word model's reading, by the part of the question it comes from. */
  wordWeight(t: Term): number {
    if (t.part === "aside") return this.tune.asideWeight;
    return t.part === "story" && t.weight === this.tune.contextWeight ? this.tune.wordContextWeight : 1;
  }

  /** How the question's meaning divides between known and unknown words (for the confidence). */
  profile(terms: readonly Term[]): QueryProfile {
    let asking = 0;
    let unknown = 0;
    for (const [t, w] of this.askingWeights(terms)) {
      asking += w;
      if (!this.idf.has(t.stem)) unknown += w;
    }
    let domain = 0;
    for (const t of terms) domain += this.specificity.get(t.stem) ?? 0;
    return { asking, unknown, terms: terms.length, domain: terms.length > 0 ? domain / terms.length : 0 };
  }

  /** The terms of the asking sentences (full weight), each with its weight. */
  askingWeights(terms: readonly Term[]): [Term, number][] {
    return terms.filter(asks).map((t) => [t, this.weightOf(t) * t.credit]);
  }

  /** How much of a known word's weight it keeps: 1 for the knowledge's own words, down to `floor` for everyday ones. */
  topical(stem: string, floor: number): number {
    return floor + (1 - floor) * Math.min(1, (this.specificity.get(stem) ?? 0) / this.tune.topicalFull);
  }

  /**
   * A query term's weight: for a word the corpus uses, its IDF, discounted when the word is everyday
   * English rather than the knowledge's own (see `topicalFloor`); for a word the corpus lacks, how rare
   * it is in English.
   */
  weightOf(term: Term): number {
    const idf = this.idf.get(term.stem);
    if (idf !== undefined) return idf * this.topical(term.stem, this.tune.topicalFloor);
    return (
      (this.unknownIdf / this.tune.unknownWordFactor) *
      (this.tune.commonWordFactor +
        this.rarity(term.word) * (this.tune.unknownWordFactor - this.tune.commonWordFactor))
    );
  }

  /** How rare a word is in everyday English: 0 up to `commonRank`, rising to 1 at `rareRank` and past it. */
  private rarity(word: string): number {
    const rank = englishRank(word) ?? Number.POSITIVE_INFINITY;
    return Math.min(
      1,
      Math.max(
        0,
        Math.log(rank / this.tune.commonRank) / Math.log(this.tune.rareRank / this.tune.commonRank),
      ),
    );
  }

  /** True for a word that everyday English uses no more than a rare one (see `rarity`). */
  isRare(word: string): boolean {
    return this.rarity(word) >= 1;
  }

  /**
   * The corpus stem of the word a coined "re-" word repeats ("reshare" is sharing again): one of at least
   * `REPEATED_MIN` letters that no dictionary lists, "re" and a corpus word, read by `analyse`.
   */
  repeatedOf(word: string, analyse: (text: string) => readonly Term[]): string | undefined {
    if (word.length < REPEATED_MIN || !word.startsWith("re") || isEnglishWord(word)) return undefined;
    const [base, ...more] = analyse(word.slice(2));
    return base && more.length === 0 && this.idf.has(base.stem) ? base.stem : undefined;
  }

  /**
   * The corpus stem that an unknown stem is another form of: one starts with the other and they share
   * at least `minVariantPrefix` letters ("relat" and "relationship"). The closest in length wins.
   */
  variantOf(stem: string): string | undefined {
    if (stem.length < this.tune.minVariantPrefix) return undefined;
    let best: string | undefined;
    // Forms of one another share at least their first `minVariantPrefix` letters.
    for (const known of this.variantStems.get(stem.slice(0, this.tune.minVariantPrefix)) ?? []) {
      const [shorter, longer] = known.length <= stem.length ? [known, stem] : [stem, known];
      if (shorter.length < this.tune.minVariantPrefix || !longer.startsWith(shorter)) continue;
      // A corpus word inside a longer unknown one is only its form when it is long and the ending short:
      // "anonym" in "anonymity", but not "offic" in "offici" (official is not office).
      if (
        shorter === known &&
        (known.length < this.tune.minVariantPrefix + 1 || stem.length - known.length > 3)
      )
        continue;
      if (!best || Math.abs(known.length - stem.length) < Math.abs(best.length - stem.length)) best = known;
    }
    return best;
  }

  /** The share of the asking sentences' weight (see askingWeights) that the entry has. */
  askCoverage(item: IndexedEntry, asking: readonly (readonly [Term, number])[]): number {
    let all = 0;
    let covered = 0;
    for (const [t, w] of asking) {
      all += w;
      if (item.questionStems.has(t.stem)) covered += w;
      else if (item.answerStems.has(t.stem)) covered += w * this.tune.answerOnlyCredit;
    }
    return all > 0 ? covered / all : 0;
  }
}

import type { Entry, SynonymGroup } from "../types.js";
import { Analyser, type Term } from "./analyse.js";
import { englishRank } from "./frequency.js";
import { STOPWORDS } from "./stopwords.js";
import { TypoCorrector } from "./typo.js";

/** One ranked entry with its confidence in [0, 1]. */
export interface Hit {
  readonly entry: Entry;
  readonly score: number;
  /** The question's stems that this entry has, in a question, its title or its answer. */
  readonly matched: ReadonlySet<string>;
}

/** Credit for a query term that the entry has only in its answer text, not in a question or title. */
const ANSWER_ONLY_CREDIT = 0.5;
/**
 * How much an entry that has a word only in its answer counts towards the word's document frequency.
 * Answers mention much in passing (the GMC, a hospital, a policy), so counting them fully would make
 * the words that define an entry's questions look common; an entry's questions say what it is about.
 */
const ANSWER_ONLY_DF = 0.3;
/** How much the best single phrasing counts against coverage of the whole entry. */
const PHRASING_WEIGHT = 0.5;
/** A word the corpus never uses is strong evidence the question is about something else. */
const UNKNOWN_WORD_FACTOR = 1.5;
/**
 * An everyday English word the corpus lacks ("official", "worth", "stranger") is weaker evidence
 * than a rare one ("sepsis", "canteen"): its weight falls towards this factor as it gets commoner.
 */
const COMMON_WORD_FACTOR = 1.0;
/** Ranks in spoken English at which a word counts as fully common, and as fully rare. */
const COMMON_RANK = 1_000;
const RARE_RANK = 10_000;
/** A question word used by this many of an entry's phrasings is central to it; fewer, incidental. */
const CENTRAL_USES = 2;
/** Coverage credit for a question word only one phrasing in CENTRAL_USES uses, rising to 1. */
const INCIDENTAL_CREDIT = 0.6;
/** Credit for a word read as a longer or shorter form of a corpus word ("relate" as "relationship"). */
const VARIANT_CREDIT = 0.85;
/** The shortest shared beginning that makes two words forms of one another. */
const MIN_VARIANT_PREFIX = 5;
/**
 * The least meaning a question must carry to be answered with full confidence, in IDF units
 * (a term in about a third of the entries): "doctors and social media" alone is too vague.
 */
const MIN_QUERY_WEIGHT = 1.0;

interface IndexedEntry {
  readonly entry: Entry;
  /** Stems of each question and of the title, one set a phrasing. */
  readonly phrasings: readonly ReadonlySet<string>[];
  /** The summed weight of each phrasing's stems, filled once the IDF is known. */
  readonly phrasingWeights: number[];
  /** Each question stem with the share of the entry's phrasings that use it, up to 1. */
  readonly questionStems: ReadonlyMap<string, number>;
  readonly answerStems: ReadonlySet<string>;
}

/**
 * The fuzzy index: an entry scores by how much of the question's weighted meaning its best
 * phrasing shares (Dice over IDF-weighted stems) and how much of the question the entry covers
 * anywhere. A word the corpus never uses weighs by how rare it is in everyday English, so a
 * question about something else ("sepsis", "canteen") scores low while "official" or "worth" costs little.
 */
export class SearchIndex {
  private readonly analyser: Analyser;
  private readonly typo: TypoCorrector;
  private readonly items: IndexedEntry[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly variantStems: readonly string[];

  constructor(entries: readonly Entry[], synonyms: readonly SynonymGroup[]) {
    this.analyser = new Analyser(synonyms);
    const vocabulary = new Set<string>();
    const addWord = (w: string) => {
      if (!STOPWORDS.has(w)) vocabulary.add(w);
    };
    for (const w of this.analyser.synonymWords()) addWord(w);
    const df = new Map<string, number>();
    entries.forEach((entry, index) => {
      const texts = [...entry.questions, entry.title];
      for (const t of [...texts, entry.answer]) for (const w of this.analyser.words(t)) addWord(w);
      const phrasings = texts.map((t) => new Set(this.analyser.analyse(t).map((x) => x.stem)));
      const counts = new Map<string, number>();
      for (const p of phrasings) for (const stem of p) counts.set(stem, (counts.get(stem) ?? 0) + 1);
      const questionStems = new Map([...counts].map(([stem, c]) => [stem, Math.min(1, c / CENTRAL_USES)]));
      const answerStems = new Set(this.analyser.analyse(entry.answer).map((x) => x.stem));
      this.items.push({ entry, phrasings, phrasingWeights: [], questionStems, answerStems });
      for (const stem of new Set([...questionStems.keys(), ...answerStems])) {
        df.set(stem, (df.get(stem) ?? 0) + (questionStems.has(stem) ? 1 : ANSWER_ONLY_DF));
        const list = this.postings.get(stem);
        if (list) list.push(index);
        else this.postings.set(stem, [index]);
      }
    });
    const n = entries.length;
    for (const [stem, count] of df) this.idf.set(stem, bm25Idf(n, count));
    this.unknownIdf = bm25Idf(n, 0) * UNKNOWN_WORD_FACTOR;
    for (const item of this.items) {
      for (const phrasing of item.phrasings) {
        let own = 0;
        for (const stem of phrasing) own += this.weightOf(stem);
        item.phrasingWeights.push(own);
      }
    }
    this.typo = new TypoCorrector(vocabulary);
    this.variantStems = [...this.idf.keys()].filter((stem) => stem.length >= MIN_VARIANT_PREFIX);
  }

  /** The question's meaningful terms, as the index reads them. */
  terms(question: string): Term[] {
    const terms = this.analyser.analyseQuery(question, this.typo).map((t) => {
      if (this.idf.has(t.stem)) return t;
      const variant = this.variantOf(t.stem);
      return variant ? { stem: variant, word: t.word, credit: t.credit * VARIANT_CREDIT } : t;
    });
    const merged = new Map<string, Term>();
    for (const t of terms) if ((merged.get(t.stem)?.credit ?? 0) < t.credit) merged.set(t.stem, t);
    return [...merged.values()];
  }

  /** Entries scoring at least `minScore`, best first; at most `limit`. */
  search(question: string, limit = 5, minScore = 0): Hit[] {
    return this.searchTerms(this.terms(question), limit, minScore);
  }

  /** As search(), for terms already read with terms(). */
  searchTerms(terms: readonly Term[], limit = 5, minScore = 0): Hit[] {
    const weights = terms.map((t) => this.queryWeightOf(t));
    const queryWeight = Math.max(
      MIN_QUERY_WEIGHT,
      weights.reduce((a, b) => a + b, 0),
    );
    if (terms.length === 0) return [];
    // One pass over the postings gives each candidate an upper bound on its score; exact scoring
    // then runs best bound first and stops once no remaining bound can enter the top `limit`.
    const matched = new Float64Array(this.items.length);
    const touched: number[] = [];
    terms.forEach((t, k) => {
      const w = (weights[k] ?? 0) * t.credit;
      for (const i of this.postings.get(t.stem) ?? []) {
        if (matched[i] === 0) touched.push(i);
        matched[i] = (matched[i] ?? 0) + w;
      }
    });
    const bounds = new Float64Array(this.items.length);
    for (const i of touched) {
      const m = matched[i] ?? 0;
      bounds[i] = PHRASING_WEIGHT * ((2 * m) / (queryWeight + m)) + (1 - PHRASING_WEIGHT) * (m / queryWeight);
    }
    touched.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0));
    const ranked: { item: IndexedEntry; score: number }[] = [];
    for (const i of touched) {
      const b = bounds[i] ?? 0;
      if (b < minScore || (ranked.length >= limit && b < (ranked[ranked.length - 1]?.score ?? 0))) break;
      const item = this.items[i];
      if (!item) continue;
      const score = this.score(item, terms, weights, queryWeight);
      if (score >= minScore) ranked.push({ item, score });
      ranked.sort((a, b) => b.score - a.score || a.item.entry.id.localeCompare(b.item.entry.id));
      if (ranked.length > limit) ranked.pop();
    }
    // The matched words only for the entries that made the cut.
    return ranked.map(({ item, score }) => ({
      entry: item.entry,
      score,
      matched: this.matchedStems(item, terms),
    }));
  }

  private weightOf(stem: string): number {
    return this.idf.get(stem) ?? this.unknownIdf;
  }

  /** A query term's weight: its IDF, or for a word the corpus lacks, how rare it is in English. */
  private queryWeightOf(term: Term): number {
    const idf = this.idf.get(term.stem);
    if (idf !== undefined) return idf;
    const rank = englishRank(term.word) ?? Number.POSITIVE_INFINITY;
    const rarity = Math.min(1, Math.max(0, Math.log(rank / COMMON_RANK) / Math.log(RARE_RANK / COMMON_RANK)));
    return (
      (this.unknownIdf / UNKNOWN_WORD_FACTOR) *
      (COMMON_WORD_FACTOR + rarity * (UNKNOWN_WORD_FACTOR - COMMON_WORD_FACTOR))
    );
  }

  /**
   * The corpus stem that an unknown stem is another form of: one starts with the other and they share
   * at least MIN_VARIANT_PREFIX letters ("relat" and "relationship"). The closest in length wins.
   */
  private variantOf(stem: string): string | undefined {
    if (stem.length < MIN_VARIANT_PREFIX) return undefined;
    let best: string | undefined;
    for (const known of this.variantStems) {
      const [shorter, longer] = known.length <= stem.length ? [known, stem] : [stem, known];
      if (shorter.length < MIN_VARIANT_PREFIX || !longer.startsWith(shorter)) continue;
      // A corpus word inside a longer unknown one is only its form when it is long and the ending short:
      // "anonym" in "anonymity", but not "offic" in "offici" (official is not office).
      if (shorter === known && (known.length < MIN_VARIANT_PREFIX + 1 || stem.length - known.length > 3))
        continue;
      if (!best || Math.abs(known.length - stem.length) < Math.abs(best.length - stem.length)) best = known;
    }
    return best;
  }

  private matchedStems(item: IndexedEntry, terms: readonly Term[]): Set<string> {
    return new Set(
      terms.map((t) => t.stem).filter((stem) => item.questionStems.has(stem) || item.answerStems.has(stem)),
    );
  }

  private score(item: IndexedEntry, terms: readonly Term[], weights: number[], queryWeight: number): number {
    const credited = terms.map((t, k) => (weights[k] ?? 0) * t.credit);
    let covered = 0;
    for (let k = 0; k < terms.length; k++) {
      const stem = terms[k]?.stem ?? "";
      const w = credited[k] ?? 0;
      const central = item.questionStems.get(stem);
      if (central !== undefined) covered += w * (INCIDENTAL_CREDIT + (1 - INCIDENTAL_CREDIT) * central);
      else if (item.answerStems.has(stem)) covered += w * ANSWER_ONLY_CREDIT;
    }
    let best = 0;
    item.phrasings.forEach((phrasing, p) => {
      let shared = 0;
      for (let k = 0; k < terms.length; k++)
        if (phrasing.has(terms[k]?.stem ?? "")) shared += credited[k] ?? 0;
      if (shared > 0) best = Math.max(best, (2 * shared) / (queryWeight + (item.phrasingWeights[p] ?? 0)));
    });
    const coverage = covered / queryWeight;
    return clamp01(PHRASING_WEIGHT * best + (1 - PHRASING_WEIGHT) * coverage);
  }
}

function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}

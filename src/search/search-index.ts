import type { Entry, SynonymGroup } from "../types.js";
import { Analyser, type Term } from "./analyse.js";
import { STOPWORDS } from "./stopwords.js";
import { TypoCorrector } from "./typo.js";

/** One ranked entry with its confidence in [0, 1]. */
export interface Hit {
  readonly entry: Entry;
  readonly score: number;
}

/** Credit for a query term that the entry has only in its answer text, not in a question or title. */
const ANSWER_ONLY_CREDIT = 0.5;
/** How much the best single phrasing counts against coverage of the whole entry. */
const PHRASING_WEIGHT = 0.5;
/** A word the corpus never uses is strong evidence the question is about something else. */
const UNKNOWN_WORD_FACTOR = 1.5;
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
  readonly questionStems: ReadonlySet<string>;
  readonly answerStems: ReadonlySet<string>;
}

/**
 * The fuzzy index: an entry scores by how much of the question's weighted meaning its best
 * phrasing shares (Dice over IDF-weighted stems) and how much of the question the entry covers
 * anywhere. Words the corpus never uses weigh most, so off-topic questions score low.
 */
export class SearchIndex {
  private readonly analyser: Analyser;
  private readonly typo: TypoCorrector;
  private readonly items: IndexedEntry[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;

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
      const questionStems = new Set(phrasings.flatMap((p) => [...p]));
      const answerStems = new Set(this.analyser.analyse(entry.answer).map((x) => x.stem));
      this.items.push({ entry, phrasings, phrasingWeights: [], questionStems, answerStems });
      for (const stem of new Set([...questionStems, ...answerStems])) {
        df.set(stem, (df.get(stem) ?? 0) + 1);
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
  }

  /** The question's meaningful terms, as the index reads them. */
  terms(question: string): Term[] {
    return this.analyser.analyseQuery(question, this.typo);
  }

  /** Entries scoring at least `minScore`, best first; at most `limit`. */
  search(question: string, limit = 5, minScore = 0): Hit[] {
    const terms = this.terms(question);
    const weights = terms.map((t) => this.weightOf(t.stem));
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
    const hits: Hit[] = [];
    for (const i of touched) {
      const b = bounds[i] ?? 0;
      if (b < minScore || (hits.length >= limit && b < (hits[hits.length - 1]?.score ?? 0))) break;
      const item = this.items[i];
      if (!item) continue;
      const score = this.score(item, terms, weights, queryWeight);
      if (score >= minScore) hits.push({ entry: item.entry, score });
      hits.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
      if (hits.length > limit) hits.pop();
    }
    return hits;
  }

  private weightOf(stem: string): number {
    return this.idf.get(stem) ?? this.unknownIdf;
  }

  private score(item: IndexedEntry, terms: Term[], weights: number[], queryWeight: number): number {
    const credited = terms.map((t, k) => (weights[k] ?? 0) * t.credit);
    let covered = 0;
    for (let k = 0; k < terms.length; k++) {
      const stem = terms[k]?.stem ?? "";
      const w = credited[k] ?? 0;
      if (item.questionStems.has(stem)) covered += w;
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

import type { Entry, SynonymGroup } from "../types.js";
import { Analyser, type Term } from "./analyse.js";
import { englishRank } from "./frequency.js";
import { readQuestion } from "./question.js";
import { STOPWORDS } from "./stopwords.js";
import { TypoCorrector } from "./typo.js";

/** One ranked entry with its confidence in [0, 1]. */
export interface Hit {
  readonly entry: Entry;
  readonly score: number;
  /** The question's stems that this entry has, in a question, its title or its answer. */
  readonly matched: ReadonlySet<string>;
  /** The share of the question's asking sentences (full-weight terms) that this entry covers. */
  readonly askCoverage: number;
  /** How well its closest single phrasing matches (Dice over weighted stems). */
  readonly phrasing: number;
}

/** How a question's meaning divides between words the knowledge uses and words it never does. */
export interface QueryProfile {
  /** The summed weight of the terms in the asking sentences. */
  readonly asking: number;
  /** The part of `asking` that falls on words the knowledge never uses. */
  readonly unknown: number;
  /** The count of distinct terms. */
  readonly terms: number;
}

/** Every number that shapes matching, in one place (as Fuse keeps its defaults); frozen. */
export const SEARCH_TUNING = Object.freeze({
  /** Credit for a query term that the entry has only in its answer text, not in a question or title. */
  answerOnlyCredit: 0.5,
  /**
   * How much an entry that has a word only in its answer counts towards the word's document frequency.
   * Answers mention much in passing (the GMC, a hospital, a policy), so counting them fully would make
   * the words that define an entry's questions look common; an entry's questions say what it is about.
   */
  answerOnlyDf: 0.3,
  /** How much the best single phrasing counts against coverage of the whole entry. */
  phrasingWeight: 0.5,
  /** A word the corpus never uses is strong evidence the question is about something else. */
  unknownWordFactor: 1.5,
  /**
   * An everyday English word the corpus lacks ("official", "worth", "stranger") is weaker evidence
   * than a rare one ("sepsis", "canteen"): its weight falls towards this factor as it gets commoner.
   */
  commonWordFactor: 1.0,
  /** Ranks in spoken English at which a word counts as fully common, and as fully rare. */
  commonRank: 1_000,
  rareRank: 10_000,
  /** A question word used by this many of an entry's phrasings is central to it; fewer, incidental. */
  centralUses: 2,
  /** ... or this share of its phrasings, when it has many. */
  centralShare: 0.2,
  /** Coverage credit for a question word only one phrasing in `centralUses` uses, rising to 1. */
  incidentalCredit: 0.6,
  /** Credit for a word read as a longer or shorter form of a corpus word ("relate" as "relationship"). */
  variantCredit: 0.85,
  /** The shortest shared beginning that makes two words forms of one another. */
  minVariantPrefix: 5,
  /**
   * The least meaning a question must carry to be answered with full confidence, in IDF units
   * (a term in about a third of the entries): "doctors and social media" alone is too vague.
   */
  minQueryWeight: 1.0,
  /** How much the story around the asking sentences counts. */
  contextWeight: 0.6,
  /** ... and when the asking sentences carry less meaning than this.tune.vagueAskWeight (IDF units). */
  vagueContextWeight: 0.8,
  vagueAskWeight: 2.5,
});

/** Search tuning; any part may be overridden for experiments and tests. */
export type SearchTuning = { readonly [K in keyof typeof SEARCH_TUNING]: number };

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
  private readonly tune: SearchTuning;
  private readonly analyser: Analyser;
  private readonly typo: TypoCorrector;
  private readonly items: IndexedEntry[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly variantStems: readonly string[];

  constructor(
    entries: readonly Entry[],
    synonyms: readonly SynonymGroup[],
    tuning: Partial<SearchTuning> = {},
  ) {
    this.tune = Object.freeze({ ...SEARCH_TUNING, ...tuning });
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
      // A phrasing is read as a user's question is: its asking sentences say what the entry is about,
      // and the story before them counts only as the answer's text does.
      const stories: string[] = [];
      const phrasings = texts.map((t) => {
        const sentences = readQuestion(t);
        stories.push(...sentences.filter((x) => !x.asking).map((x) => x.text));
        const asking = sentences.filter((x) => x.asking).map((x) => x.text);
        return new Set(this.analyser.analyse(asking.join(" ")).map((x) => x.stem));
      });
      const counts = new Map<string, number>();
      for (const p of phrasings) for (const stem of p) counts.set(stem, (counts.get(stem) ?? 0) + 1);
      const central = Math.max(this.tune.centralUses, phrasings.length * this.tune.centralShare);
      const questionStems = new Map([...counts].map(([stem, c]) => [stem, Math.min(1, c / central)]));
      const answerStems = new Set(
        this.analyser.analyse([entry.answer, ...stories].join("\n")).map((x) => x.stem),
      );
      this.items.push({ entry, phrasings, phrasingWeights: [], questionStems, answerStems });
      for (const stem of new Set([...questionStems.keys(), ...answerStems])) {
        df.set(stem, (df.get(stem) ?? 0) + (questionStems.has(stem) ? 1 : this.tune.answerOnlyDf));
        const list = this.postings.get(stem);
        if (list) list.push(index);
        else this.postings.set(stem, [index]);
      }
    });
    const n = entries.length;
    for (const [stem, count] of df) this.idf.set(stem, bm25Idf(n, count));
    this.unknownIdf = bm25Idf(n, 0) * this.tune.unknownWordFactor;
    for (const item of this.items) {
      for (const phrasing of item.phrasings) {
        let own = 0;
        for (const stem of phrasing) own += this.weightOf(stem);
        item.phrasingWeights.push(own);
      }
    }
    this.typo = new TypoCorrector(vocabulary);
    this.variantStems = [...this.idf.keys()].filter((stem) => stem.length >= this.tune.minVariantPrefix);
  }

  /**
   * The question's meaningful terms, as the index reads them. In a question of several sentences the
   * ones that ask weigh fully and the story around them less (`contextWeight`); a word of the story
   * that the knowledge never uses (a drug, a place, a specialty) is left out rather than counted
   * against every entry. When the asking sentence says little ("what do you think?"), the story
   * carries the meaning and weighs more.
   */
  terms(question: string): Term[] {
    const sentences = readQuestion(question);
    const merged = new Map<string, Term>();
    const add = (t: Term) => {
      const seen = merged.get(t.stem);
      if (!seen || (seen.weight ?? 1) * seen.credit < (t.weight ?? 1) * t.credit) merged.set(t.stem, t);
    };
    const story: Term[] = [];
    for (const sentence of sentences) {
      for (const t of this.readTerms(sentence.text)) {
        if (sentence.asking) add(t);
        else if (this.idf.has(t.stem)) story.push(t);
      }
    }
    if (story.length === 0) return [...merged.values()];
    let asked = 0;
    for (const t of merged.values()) if (this.idf.has(t.stem)) asked += this.queryWeightOf(t) * t.credit;
    const weight = asked >= this.tune.vagueAskWeight ? this.tune.contextWeight : this.tune.vagueContextWeight;
    for (const t of story) add({ ...t, weight });
    return [...merged.values()];
  }

  /**
   * The stems of a fixed word or phrase from the code or the knowledge (subject words, off-topic cues),
   * as a question's would be read but without typo correction: they are spelt right, and the
   * correction's dictionary would otherwise load at start for nothing.
   */
  stemsOf(text: string): string[] {
    return this.analyser
      .analyse(text)
      .map((t) => (this.idf.has(t.stem) ? t.stem : (this.variantOf(t.stem) ?? t.stem)));
  }

  /** One sentence's terms, each unknown word read as a form of a corpus word where it is one. */
  private readTerms(text: string): Term[] {
    return this.analyser.analyseQuery(text, this.typo).map((t) => {
      if (this.idf.has(t.stem)) return t;
      const variant = this.variantOf(t.stem);
      return variant ? { stem: variant, word: t.word, credit: t.credit * this.tune.variantCredit } : t;
    });
  }

  /** Entries scoring at least `minScore`, best first; at most `limit`. */
  search(question: string, limit = 5, minScore = 0): Hit[] {
    return this.searchTerms(this.terms(question), limit, minScore);
  }

  /** As search(), for terms already read with terms(). */
  searchTerms(terms: readonly Term[], limit = 5, minScore = 0): Hit[] {
    const weights = terms.map((t) => this.queryWeightOf(t) * (t.weight ?? 1));
    const queryWeight = Math.max(
      this.tune.minQueryWeight,
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
      bounds[i] =
        this.tune.phrasingWeight * ((2 * m) / (queryWeight + m)) +
        (1 - this.tune.phrasingWeight) * (m / queryWeight);
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
    const credited = terms.map((t, k) => (weights[k] ?? 0) * t.credit);
    return ranked.map(({ item, score }) => ({
      entry: item.entry,
      score,
      matched: this.matchedStems(item, terms),
      askCoverage: this.askCoverage(item, terms),
      phrasing: this.bestPhrasing(item, terms, credited, queryWeight),
    }));
  }

  /** How the question's meaning divides between known and unknown words (for the confidence). */
  profile(terms: readonly Term[]): QueryProfile {
    let asking = 0;
    let unknown = 0;
    for (const [t, w] of this.askingWeights(terms)) {
      asking += w;
      if (!this.idf.has(t.stem)) unknown += w;
    }
    return { asking, unknown, terms: terms.length };
  }

  private askCoverage(item: IndexedEntry, terms: readonly Term[]): number {
    let all = 0;
    let covered = 0;
    for (const [t, w] of this.askingWeights(terms)) {
      all += w;
      if (item.questionStems.has(t.stem)) covered += w;
      else if (item.answerStems.has(t.stem)) covered += w * this.tune.answerOnlyCredit;
    }
    return all > 0 ? covered / all : 0;
  }

  /** The terms of the asking sentences (full weight), each with its weight. */
  private askingWeights(terms: readonly Term[]): [Term, number][] {
    return terms.filter((t) => (t.weight ?? 1) >= 1).map((t) => [t, this.queryWeightOf(t) * t.credit]);
  }

  private weightOf(stem: string): number {
    return this.idf.get(stem) ?? this.unknownIdf;
  }

  /** A query term's weight: its IDF, or for a word the corpus lacks, how rare it is in English. */
  private queryWeightOf(term: Term): number {
    const idf = this.idf.get(term.stem);
    if (idf !== undefined) return idf;
    const rank = englishRank(term.word) ?? Number.POSITIVE_INFINITY;
    const rarity = Math.min(
      1,
      Math.max(
        0,
        Math.log(rank / this.tune.commonRank) / Math.log(this.tune.rareRank / this.tune.commonRank),
      ),
    );
    return (
      (this.unknownIdf / this.tune.unknownWordFactor) *
      (this.tune.commonWordFactor + rarity * (this.tune.unknownWordFactor - this.tune.commonWordFactor))
    );
  }

  /**
   * The corpus stem that an unknown stem is another form of: one starts with the other and they share
   * at least `minVariantPrefix` letters ("relat" and "relationship"). The closest in length wins.
   */
  private variantOf(stem: string): string | undefined {
    if (stem.length < this.tune.minVariantPrefix) return undefined;
    let best: string | undefined;
    for (const known of this.variantStems) {
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

  private matchedStems(item: IndexedEntry, terms: readonly Term[]): Set<string> {
    return new Set(
      terms.map((t) => t.stem).filter((stem) => item.questionStems.has(stem) || item.answerStems.has(stem)),
    );
  }

  private bestPhrasing(
    item: IndexedEntry,
    terms: readonly Term[],
    credited: readonly number[],
    queryWeight: number,
  ): number {
    let best = 0;
    item.phrasings.forEach((phrasing, p) => {
      let shared = 0;
      for (let k = 0; k < terms.length; k++)
        if (phrasing.has(terms[k]?.stem ?? "")) shared += credited[k] ?? 0;
      if (shared > 0) best = Math.max(best, (2 * shared) / (queryWeight + (item.phrasingWeights[p] ?? 0)));
    });
    return best;
  }

  private score(item: IndexedEntry, terms: readonly Term[], weights: number[], queryWeight: number): number {
    const credited = terms.map((t, k) => (weights[k] ?? 0) * t.credit);
    let covered = 0;
    for (let k = 0; k < terms.length; k++) {
      const stem = terms[k]?.stem ?? "";
      const w = credited[k] ?? 0;
      const central = item.questionStems.get(stem);
      if (central !== undefined)
        covered += w * (this.tune.incidentalCredit + (1 - this.tune.incidentalCredit) * central);
      else if (item.answerStems.has(stem)) covered += w * this.tune.answerOnlyCredit;
    }
    const best = this.bestPhrasing(item, terms, credited, queryWeight);
    const coverage = covered / queryWeight;
    return clamp01(this.tune.phrasingWeight * best + (1 - this.tune.phrasingWeight) * coverage);
  }
}

function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}

import type { Entry, SynonymGroup } from "../types.js";
import { Analyser, type Term } from "./analyse.js";
import { englishRank } from "./frequency.js";
import { readQuestion } from "./question.js";
import { STOPWORDS } from "./stopwords.js";
import { TypoCorrector } from "./typo.js";
import { WordModel } from "./word-model.js";

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
  /** 1 when both readings (closest phrasing, and the entry's words taken together) rank it first; 0.5 when one does. */
  readonly agreement: number;
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
  phrasingWeight: 0.7,
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
  /**
   * The second reading, a naive Bayes model of each entry's words (see WordModel): the smoothing added
   * to every count, and how much a word of a phrasing's story and of the answer counts against one of
   * a phrasing's asking sentence.
   */
  wordSmoothing: 0.2,
  wordStoryWeight: 0.5,
  wordAnswerWeight: 0.1,
  /** How much the word model counts the story of a question whose asking sentences are clear. */
  wordContextWeight: 0.8,
  /**
   * The two readings' rankings are fused by reciprocal rank (each entry scores 1 / (fusionK + rank) in
   * each); `fusionDepth` is how far down the phrasing ranking is read for it.
   */
  fusionK: 10,
  fusionDepth: 20,
});

/** Search tuning; any part may be overridden for experiments and tests. */
export type SearchTuning = { readonly [K in keyof typeof SEARCH_TUNING]: number };

interface IndexedEntry {
  readonly entry: Entry;
  /** Stems of each question and of the title, one set a phrasing. */
  readonly phrasings: readonly Set<string>[];
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
  private readonly items: IndexedEntry[];
  /** For each stem, the entries that have it, with the coverage credit it earns there (typed: read per question). */
  private readonly postings: Map<string, Postings>;
  private readonly idf: Map<string, number>;
  private readonly unknownIdf: number;
  /** Corpus stems long enough to have variants, by their first `minVariantPrefix` letters. */
  private readonly variantStems = new Map<string, string[]>();
  private readonly words: WordModel;
  /** What the index was built into, kept so that it can be saved (see snapshot()). */
  private readonly built: Built;

  /**
   * Builds the index from the entries, or takes what an earlier build of the same entries, synonyms
   * and tuning saved (`snapshot`), which spares a one-shot command the work.
   */
  constructor(
    entries: readonly Entry[],
    synonyms: readonly SynonymGroup[],
    tuning: Partial<SearchTuning> = {},
    snapshot?: IndexSnapshot,
  ) {
    this.tune = Object.freeze({ ...SEARCH_TUNING, ...tuning });
    this.analyser = new Analyser(synonyms);
    this.built = snapshot ? restore(snapshot, entries) : this.build(entries);
    const { items, postings, idf, unknownIdf, vocabulary, wordCounts } = this.built;
    this.items = items;
    this.postings = postings;
    this.idf = idf;
    this.unknownIdf = unknownIdf;
    this.words = new WordModel(wordCounts, this.tune.wordSmoothing);
    this.typo = new TypoCorrector(new Set(vocabulary));
    for (const stem of this.idf.keys()) {
      if (stem.length < this.tune.minVariantPrefix) continue;
      const key = stem.slice(0, this.tune.minVariantPrefix);
      const list = this.variantStems.get(key);
      if (list) list.push(stem);
      else this.variantStems.set(key, [stem]);
    }
  }

  /** The built index as plain JSON-ready data, for a later constructor call to take instead of building. */
  snapshot(): IndexSnapshot {
    const { items, postings, idf, unknownIdf, vocabulary, wordCounts } = this.built;
    return {
      items: items.map((item) => ({
        phrasings: item.phrasings.map((p) => [...p]),
        phrasingWeights: item.phrasingWeights,
        questionStems: [...item.questionStems],
        answerStems: [...item.answerStems],
      })),
      postings: [...postings].map(([stem, p]) => [stem, [...p.indices], [...p.credits]]),
      idf: [...idf],
      unknownIdf,
      vocabulary,
      wordCounts: wordCounts.map((c) => [...c]),
    };
  }

  private build(entries: readonly Entry[]): Built {
    const items: IndexedEntry[] = [];
    const postings = new Map<string, Postings>();
    const idf = new Map<string, number>();
    const vocabulary = new Set<string>();
    const addWord = (w: string) => {
      if (!STOPWORDS.has(w)) vocabulary.add(w);
    };
    for (const w of this.analyser.synonymWords()) addWord(w);
    const df = new Map<string, number>();
    const wordCounts: Map<string, number>[] = [];
    const building = new Map<string, [number, number][]>();
    const storiesOf: Set<string>[][] = [];
    entries.forEach((entry, index) => {
      const texts = [...entry.questions, entry.title];
      for (const t of [...texts, entry.answer]) for (const w of this.analyser.words(t)) addWord(w);
      // A phrasing is read as a user's question is: its asking sentences say what the entry is about,
      // and the story before them counts only as the answer's text does (unless the asking sentence
      // says too little on its own: see below, once the weights are known).
      const stories: string[] = [];
      const phrasingStories: Set<string>[] = [];
      const phrasings = texts.map((t) => {
        const sentences = readQuestion(t);
        const story = sentences.filter((x) => !x.asking).map((x) => x.text);
        stories.push(...story);
        phrasingStories.push(new Set(this.analyser.analyse(story.join(" ")).map((x) => x.stem)));
        const asking = sentences.filter((x) => x.asking).map((x) => x.text);
        return new Set(this.analyser.analyse(asking.join(" ")).map((x) => x.stem));
      });
      storiesOf.push(phrasingStories);
      const answerOnly = this.analyser.analyse(entry.answer).map((x) => x.stem);
      wordCounts.push(this.wordCounts(phrasings, phrasingStories, answerOnly));
      const counts = new Map<string, number>();
      for (const p of phrasings) for (const stem of p) counts.set(stem, (counts.get(stem) ?? 0) + 1);
      const central = Math.max(this.tune.centralUses, phrasings.length * this.tune.centralShare);
      const questionStems = new Map([...counts].map(([stem, c]) => [stem, Math.min(1, c / central)]));
      const answerStems = new Set([
        ...answerOnly,
        ...this.analyser.analyse(stories.join("\n")).map((x) => x.stem),
      ]);
      items.push({ entry, phrasings, phrasingWeights: [], questionStems, answerStems });
      for (const stem of new Set([...questionStems.keys(), ...answerStems])) {
        df.set(stem, (df.get(stem) ?? 0) + (questionStems.has(stem) ? 1 : this.tune.answerOnlyDf));
        const central = questionStems.get(stem);
        const credit =
          central === undefined
            ? this.tune.answerOnlyCredit
            : this.tune.incidentalCredit + (1 - this.tune.incidentalCredit) * central;
        const list = building.get(stem);
        if (list) list.push([index, credit]);
        else building.set(stem, [[index, credit]]);
      }
    });
    for (const [stem, list] of building)
      postings.set(stem, {
        indices: Int32Array.from(list, ([i]) => i),
        credits: Float64Array.from(list, ([, c]) => c),
      });
    const n = entries.length;
    for (const [stem, count] of df) idf.set(stem, bm25Idf(n, count));
    const unknownIdf = bm25Idf(n, 0) * this.tune.unknownWordFactor;
    const weightOf = (stem: string) => idf.get(stem) ?? unknownIdf;
    items.forEach((item, i) => {
      item.phrasings.forEach((phrasing, p) => {
        let own = 0;
        for (const stem of phrasing) own += weightOf(stem);
        // "...My instinct is to reply at once. Is that a good idea?": an asking sentence that says this
        // little would match any question with "good" in it. Such a phrasing takes no part in the
        // closest-phrasing match; its words still count for the entry's coverage and the word model.
        const story = storiesOf[i]?.[p];
        if (own < this.tune.vagueAskWeight && story && story.size > 0) {
          phrasing.clear();
          own = 0;
        }
        item.phrasingWeights.push(own);
      });
    });
    return { items, postings, idf, unknownIdf, vocabulary: [...vocabulary], wordCounts };
  }

  /**
   * An entry's words for the word model, from the stems the phrasings were already read into: each
   * phrasing's asking words once, its story's for less, the answer's faintly.
   */
  private wordCounts(
    phrasings: readonly ReadonlySet<string>[],
    stories: readonly ReadonlySet<string>[],
    answer: readonly string[],
  ): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (stem: string, w: number) => counts.set(stem, (counts.get(stem) ?? 0) + w);
    phrasings.forEach((asking, p) => {
      for (const stem of asking) add(stem, 1);
      for (const stem of stories[p] ?? []) if (!asking.has(stem)) add(stem, this.tune.wordStoryWeight);
    });
    for (const stem of answer) add(stem, this.tune.wordAnswerWeight);
    return counts;
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

  /**
   * As search(), for terms already read with terms(). Two readings rank the entries: the closest
   * phrasing with the question's coverage (score, asking sentences first), and the word model (the
   * whole question); their rankings are fused by reciprocal rank, so an entry both put near the top
   * wins over one that only one of them favours. A hit's `score` stays the phrasing reading's.
   */
  searchTerms(terms: readonly Term[], limit = 5, minScore = 0): Hit[] {
    if (terms.length === 0) return [];
    const credited = new Map<string, number>();
    let total = 0;
    for (const t of terms) {
      const w = this.queryWeightOf(t) * (t.weight ?? 1);
      total += w;
      credited.set(t.stem, (credited.get(t.stem) ?? 0) + w * t.credit);
    }
    const query: Query = { credited, weight: Math.max(this.tune.minQueryWeight, total) };
    const depth = Math.max(limit, this.tune.fusionDepth);
    const byPhrasing = this.rankByPhrasing(query, depth);
    // The word model reads the whole question, the story nearly as much as the asking sentences (less
    // only when those are clear on their own): a reading unlike the phrasing match's, which is what
    // makes fusing the two worth it.
    const byWords = this.words.rank(
      terms.map((t) => ({
        stem: t.stem,
        weight: (t.weight ?? 1) === this.tune.contextWeight ? this.tune.wordContextWeight : 1,
      })),
      depth,
    );
    const fused = new Map<number, number>();
    const phrasingRank = new Map<number, number>();
    byPhrasing.forEach(({ index }, r) => {
      phrasingRank.set(index, r);
      fused.set(index, 1 / (this.tune.fusionK + r));
    });
    const wordRank = new Map<number, number>();
    byWords.forEach((index, r) => {
      wordRank.set(index, r);
      fused.set(index, (fused.get(index) ?? 0) + 1 / (this.tune.fusionK + r));
    });
    const scores = new Map(byPhrasing.map(({ index, score }) => [index, score]));
    const hits: Hit[] = [];
    const order = [...fused].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [index] of order) {
      if (hits.length >= limit) break;
      const item = this.items[index];
      if (!item) continue;
      const score = scores.get(index) ?? this.score(item, query);
      if (score < minScore) continue;
      const firsts = (phrasingRank.get(index) === 0 ? 1 : 0) + (wordRank.get(index) === 0 ? 1 : 0);
      hits.push({
        entry: item.entry,
        score,
        matched: this.matchedStems(item, terms),
        askCoverage: this.askCoverage(item, terms),
        phrasing: this.bestPhrasing(item, query),
        agreement: firsts / 2,
      });
    }
    return hits;
  }

  /** The `depth` entries with the best phrasing score, best first. */
  private rankByPhrasing(query: Query, depth: number): { index: number; score: number }[] {
    // One pass over the postings gives each candidate an upper bound on its score; exact scoring
    // then runs best bound first and stops once no remaining bound can enter the top `depth`.
    // The same pass sums each candidate's coverage, so that exact scoring needs only its phrasings.
    const matched = new Float64Array(this.items.length);
    const covered = new Float64Array(this.items.length);
    const touched: number[] = [];
    for (const [stem, w] of query.credited) {
      const postings = this.postings.get(stem);
      if (!postings) continue;
      const { indices, credits } = postings;
      for (let p = 0; p < indices.length; p++) {
        const i = indices[p] ?? 0;
        if (matched[i] === 0) touched.push(i);
        matched[i] = (matched[i] ?? 0) + w;
        covered[i] = (covered[i] ?? 0) + w * (credits[p] ?? 0);
      }
    }
    const bounds = new Float64Array(this.items.length);
    for (const i of touched) {
      const m = matched[i] ?? 0;
      bounds[i] =
        this.tune.phrasingWeight * ((2 * m) / (query.weight + m)) +
        (1 - this.tune.phrasingWeight) * (m / query.weight);
    }
    const ranked: { index: number; score: number }[] = [];
    const scoreInBoundOrder = (candidates: number[]): boolean => {
      candidates.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0));
      for (const i of candidates) {
        const b = bounds[i] ?? 0;
        if (ranked.length >= depth && b < (ranked[ranked.length - 1]?.score ?? 0)) return true;
        const item = this.items[i];
        if (!item) continue;
        ranked.push({ index: i, score: this.combine(item, query, covered[i] ?? 0) });
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

  private matchedStems(item: IndexedEntry, terms: readonly Term[]): Set<string> {
    return new Set(
      terms.map((t) => t.stem).filter((stem) => item.questionStems.has(stem) || item.answerStems.has(stem)),
    );
  }

  /** The Dice match of the entry's closest phrasing: each phrasing's few stems looked up in the query. */
  private bestPhrasing(item: IndexedEntry, query: Query): number {
    let best = 0;
    item.phrasings.forEach((phrasing, p) => {
      let shared = 0;
      for (const stem of phrasing) shared += query.credited.get(stem) ?? 0;
      if (shared > 0) best = Math.max(best, (2 * shared) / (query.weight + (item.phrasingWeights[p] ?? 0)));
    });
    return best;
  }

  /** An entry's score for a question: its closest phrasing's match and its coverage of the question. */
  private score(item: IndexedEntry, query: Query): number {
    let covered = 0;
    for (const [stem, w] of query.credited) {
      const central = item.questionStems.get(stem);
      if (central !== undefined)
        covered += w * (this.tune.incidentalCredit + (1 - this.tune.incidentalCredit) * central);
      else if (item.answerStems.has(stem)) covered += w * this.tune.answerOnlyCredit;
    }
    return this.combine(item, query, covered);
  }

  /** As score(), with the coverage (the credited weight of the question the entry has) already summed. */
  private combine(item: IndexedEntry, query: Query, covered: number): number {
    const best = this.bestPhrasing(item, query);
    const coverage = covered / query.weight;
    return clamp01(this.tune.phrasingWeight * best + (1 - this.tune.phrasingWeight) * coverage);
  }
}

/** What building the index produces: all a search needs beyond the tuning and the synonyms. */
interface Built {
  readonly items: IndexedEntry[];
  readonly postings: Map<string, Postings>;
  readonly idf: Map<string, number>;
  readonly unknownIdf: number;
  /** The words typos are corrected towards. */
  readonly vocabulary: readonly string[];
  /** Each entry's weighted word counts, the word model's data. */
  readonly wordCounts: readonly ReadonlyMap<string, number>[];
}

/** A built index as plain data (see SearchIndex.snapshot), entries referred to by their position. */
export interface IndexSnapshot {
  readonly items: readonly {
    readonly phrasings: readonly string[][];
    readonly phrasingWeights: readonly number[];
    readonly questionStems: readonly [string, number][];
    readonly answerStems: readonly string[];
  }[];
  readonly postings: readonly [string, readonly number[], readonly number[]][];
  readonly idf: readonly [string, number][];
  readonly unknownIdf: number;
  readonly vocabulary: readonly string[];
  readonly wordCounts: readonly (readonly [string, number][])[];
}

/** The built index from a snapshot taken of the same entries; throws when they do not fit it. */
function restore(snapshot: IndexSnapshot, entries: readonly Entry[]): Built {
  if (snapshot.items.length !== entries.length) throw new Error("the index snapshot is of other entries");
  return {
    items: snapshot.items.map((item, i) => ({
      entry: entries[i] as Entry,
      phrasings: item.phrasings.map((p) => new Set(p)),
      phrasingWeights: [...item.phrasingWeights],
      questionStems: new Map(item.questionStems),
      answerStems: new Set(item.answerStems),
    })),
    postings: new Map(
      snapshot.postings.map(([stem, indices, credits]) => [
        stem,
        { indices: Int32Array.from(indices), credits: Float64Array.from(credits) },
      ]),
    ),
    idf: new Map(snapshot.idf),
    unknownIdf: snapshot.unknownIdf,
    vocabulary: snapshot.vocabulary,
    wordCounts: snapshot.wordCounts.map((c) => new Map(c)),
  };
}

/** The entries that have a stem, and the coverage credit it earns in each. */
interface Postings {
  readonly indices: Int32Array;
  readonly credits: Float64Array;
}

/** A question's terms as scoring needs them: each stem's weight times its credit, and the total weight. */
interface Query {
  readonly credited: ReadonlyMap<string, number>;
  readonly weight: number;
}

function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}

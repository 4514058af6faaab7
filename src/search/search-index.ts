import type { Entry, SynonymGroup } from "../types.js";
import { Analyser, type Term } from "./analyse.js";
import type { Counterpart } from "./counterpart.js";
import type { Depicted } from "./depicted.js";
import { isEnglishWord } from "./dictionary.js";
import { englishRank } from "./frequency.js";
import { type Built, buildIndex, type IndexedEntry, type OtherSubjects } from "./index-data.js";
import { type IndexSnapshot, restore, snapshotOf } from "./index-snapshot.js";
import { type Leaning, leaningOf } from "./leaning.js";
import { type PhrasingIndex, type Query, rankByPhrasing } from "./phrasing-score.js";
import type { PostingLists } from "./posting-lists.js";
import { type AskTopic, askerByNaming, asksOfTheSubject, readQuestion, type Sentence } from "./question.js";
import { NO_READINGS, type Readings, readingsFirst, readingsOf } from "./readings.js";
import { residentsAsPatients } from "./residents.js";
import { STOPWORDS } from "./stopwords.js";
import { type QueryProfile, TermWeights } from "./term-weights.js";
import { SEARCH_TUNING, type SearchTuning } from "./tuning.js";
import { TypoCorrector } from "./typo.js";
import { weighTerms } from "./weigh-terms.js";
import type { WordModel } from "./word-model.js";

export type { IndexSnapshot } from "./index-snapshot.js";
export type { QueryProfile } from "./term-weights.js";
export { SEARCH_TUNING, type SearchTuning } from "./tuning.js";

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
  /**
   * 1 when both readings (closest phrasing, and the entry's words taken together) rank it first, or the
   * counterpart reading put it first (see searchTerms); 0.5 when one does.
   */
  readonly agreement: number;
  /** Whom the entry's contact is with, when it is about contact with someone (see counterpart.ts). */
  readonly counterpart?: Counterpart;
  /** Whom the entry's photos show, when it is about photos of someone (see depicted.ts). */
  readonly depicts?: Depicted;
  /** True when the entry is about acting on someone at risk (see at-risk.ts). */
  readonly urgent?: boolean;
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
  private readonly postings: PostingLists;
  private readonly idf: Map<string, number>;
  /** How much each of a question's terms weighs (see term-weights.ts). */
  private readonly weights: TermWeights;
  private readonly words: WordModel;
  /** Every phrasing by its stems, for the closest-phrasing match of all entries at once. */
  private readonly phrasings: PhrasingIndex;
  /** How much likelier the knowledge is to use each stem than everyday English (see index-data.ts). */
  private readonly specificity: Map<string, number>;
  /** A class of the word model for each other subject's examples (see elsewhere()). */
  private readonly others: OtherSubjects | undefined;
  /** What the index was built into, kept so that it can be saved (see snapshot()). */
  private readonly built: Built;

  /**
   * Builds the index from the entries (and from `others`, the example questions of each subject the
   * bot declines: see elsewhere()), or takes what an earlier build of the same knowledge and tuning
   * saved (`snapshot`), which spares a one-shot command the work.
   */
  constructor(
    entries: readonly Entry[],
    synonyms: readonly SynonymGroup[],
    tuning: Partial<SearchTuning> = {},
    snapshot?: IndexSnapshot,
    others: readonly (readonly string[])[] = [],
  ) {
    this.tune = Object.freeze({ ...SEARCH_TUNING, ...tuning });
    this.analyser = snapshot ? Analyser.restore(snapshot.analyser) : Analyser.of(synonyms);
    this.built = snapshot
      ? restore(snapshot, entries)
      : buildIndex(entries, this.analyser, this.tune, others);
    const { items, postings, idf, unknownIdf, vocabulary, words, phrasings, specificity, elsewhere } =
      this.built;
    this.others = elsewhere;
    this.items = items;
    this.postings = postings;
    this.idf = idf;
    this.words = words;
    this.phrasings = phrasings;
    this.specificity = specificity;
    this.typo = new TypoCorrector(new Set(vocabulary), (stem) => idf.get(stem));
    this.weights = new TermWeights(idf, unknownIdf, specificity, this.tune);
  }

  /** The built index as plain JSON-ready data, for a later constructor call to take instead of building. */
  snapshot(): IndexSnapshot {
    return { ...snapshotOf(this.built), analyser: this.analyser.data() };
  }

  /**
   * The question's meaningful terms, as the index reads them. In a question of several sentences the
   * ones that ask weigh fully and the story around them less (`contextWeight`); a word of the story
   * that the knowledge never uses (a drug, a place, a specialty) is left out rather than counted
   * against every entry, and a rare one of the asking sentences counts less (`askedRareUnknownWeight`).
   * When the asking sentence says little ("what do you think?"), the story carries the meaning and
   * weighs more.
   */
  terms(question: string, topicOf?: (stems: ReadonlySet<string>) => AskTopic): Term[] {
    const read = this.askingByContent(
      readQuestion(residentsAsPatients(question)).map((s) => ({ ...s, terms: this.readTerms(s.text) })),
    );
    const sentences = topicOf
      ? asksOfTheSubject(read, (s) => topicOf(new Set(s.terms.map((t) => t.stem))))
      : read;
    return weighTerms(sentences, this.weights, (stem) => this.idf.has(stem), this.tune);
  }

  /**
   * A short post with no question in it asks in its last sentence (see readQuestion), unless that
   * sentence names nothing the knowledge is about ("gmc social media rules. Worried sick, if I'm
   * honest."): then the sentence that names most of it asks (see askerByNaming). A word names what the
   * knowledge is about when the knowledge uses it far more than everyday English does
   * (`askingSpecificity`).
   */
  private askingByContent<S extends Sentence & { readonly terms: readonly Term[] }>(sentences: S[]): S[] {
    return askerByNaming(sentences, (s) => {
      let weight = 0;
      for (const t of s.terms)
        if (this.idf.has(t.stem) && (this.specificity.get(t.stem) ?? 0) >= this.tune.askingSpecificity)
          weight += this.weights.weightOf(t) * t.credit;
      return weight;
    });
  }

  /**
   * The stems of a fixed word or phrase from the code or the knowledge (subject words, off-topic cues),
   * as a question's would be read but without typo correction: they are spelt right, and the
   * correction's dictionary would otherwise load at start for nothing.
   */
  stemsOf(text: string): string[] {
    return this.analyser
      .analyse(text)
      .map((t) => (this.idf.has(t.stem) ? t.stem : (this.weights.variantOf(t.stem) ?? t.stem)));
  }

  /**
   * True for a word of the knowledge or of English (see language.ts). A word of three letters or fewer
   * counts as English only among the commonest spoken words: the full word list also holds "de", "en"
   * and "un". Stop words are English, chat's shorthand among them ("lol", "tbh"). A misspelling does not
   * count: corrected, "paziente" and "paciente" read as "patient".
   */
  knowsWord(word: string): boolean {
    if (this.typo.knows(word) || STOPWORDS.has(word)) return true;
    if (word.length <= 3) return englishRank(word) !== undefined;
    return isEnglishWord(word);
  }

  /**
   * One sentence's terms, each unknown word read as a form of a corpus word where it is one, or as the
   * corpus word it repeats ("reshare", "reupload": a word no dictionary lists, "re" and a corpus word).
   */
  private readTerms(text: string): Term[] {
    return this.analyser.analyseQuery(text, this.typo).map((t) => {
      if (this.idf.has(t.stem)) return t;
      const variant =
        this.weights.variantOf(t.stem) ?? this.weights.repeatedOf(t.word, (w) => this.analyser.analyse(w));
      return variant ? { stem: variant, word: t.word, credit: t.credit * this.tune.variantCredit } : t;
    });
  }

  /** The entry about acting on someone at risk (see at-risk.ts), if the knowledge has one. */
  urgentEntry(): Entry | undefined {
    return this.items.find((item) => item.urgent)?.entry;
  }

  /** Entries scoring at least `minScore`, best first; at most `limit`. */
  search(question: string, limit = 5, minScore = 0): Hit[] {
    return this.searchTerms(this.terms(question), limit, minScore, readingsOf(question));
  }

  /**
   * As search(), for terms already read with terms(). Two readings rank the entries: the closest
   * phrasing with the question's coverage (score, asking sentences first), and the word model (the
   * whole question); their rankings are fused by reciprocal rank, so an entry both put near the top
   * wins over one that only one of them favours. A hit's `score` stays the phrasing reading's.
   */
  searchTerms(terms: readonly Term[], limit = 5, minScore = 0, readings: Readings = NO_READINGS): Hit[] {
    if (terms.length === 0) return [];
    const credited = new Map<string, number>();
    let total = 0;
    for (const t of terms) {
      const w = this.weights.weightOf(t) * (t.weight ?? 1);
      total += w;
      credited.set(t.stem, (credited.get(t.stem) ?? 0) + w * t.credit);
    }
    const query: Query = { credited, weight: Math.max(this.tune.minQueryWeight, total) };
    const depth = Math.max(limit, this.tune.fusionDepth);
    const byPhrasing = rankByPhrasing(this.items, this.postings, this.phrasings, query, depth, this.tune);
    // The word model reads the whole question, the story nearly as much as the asking sentences (less
    // only when those are clear on their own): a reading unlike the phrasing match's, which is what
    // makes fusing the two worth it. Who is asking counts as little here as there.
    // ... and counts a word as often as the question says it (in how many sentences, the log of it),
    // as a multinomial model reads a text, where each distinct word once would read a post that keeps
    // coming back to "the photo" as one that names it in passing.
    const byWords = this.words.rank(
      terms.map((t) => ({
        stem: t.stem,
        weight: this.weights.wordModelWeight(t) * (1 + this.tune.wordRepeatGain * Math.log(t.sentences ?? 1)),
      })),
      depth,
    );
    const fused = new Map<number, number>();
    const phrasingRank = new Map<number, number>();
    byPhrasing.ranked.forEach(({ index }, r) => {
      phrasingRank.set(index, r);
      fused.set(index, 1 / (this.tune.fusionK + r));
    });
    const wordRank = new Map<number, number>();
    byWords.forEach((index, r) => {
      wordRank.set(index, r);
      fused.set(index, (fused.get(index) ?? 0) + 1 / (this.tune.fusionK + r));
    });
    const hits: Hit[] = [];
    const ranked = [...fused].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([index]) => index);
    const order = readingsFirst(ranked, this.items, readings, this.tune.counterpartReach);
    // An entry the counterpart reading put first counts as both readings' first, in the confidence and
    // in the tie check (the reading has settled which to answer, so the bot does not ask back): in the
    // self-test such an entry was its phrasing's own 18 times in 21 (the one it displaced never), more
    // often than an entry both readings put first (80%).
    const settled = order[0] !== ranked[0] ? order[0] : undefined;
    const asking = this.weights.askingWeights(terms);
    for (const index of order) {
      if (hits.length >= limit) break;
      const item = this.items[index];
      if (!item) continue;
      const score = byPhrasing.score(index);
      // An entry a reading put first stays, however few of the question's words it shares, and so does
      // the guidance on acting on risk when the question reports it.
      if (score < minScore && index !== settled && !(item.urgent && readings.risk())) continue;
      const firsts =
        index === settled ? 2 : (phrasingRank.get(index) === 0 ? 1 : 0) + (wordRank.get(index) === 0 ? 1 : 0);
      hits.push({
        entry: item.entry,
        score,
        matched: this.matchedStems(item, terms),
        askCoverage: this.weights.askCoverage(item, asking),
        phrasing: byPhrasing.closest(index),
        agreement: firsts / 2,
        ...(item.counterpart ? { counterpart: item.counterpart } : {}),
        ...(item.depicts ? { depicts: item.depicts } : {}),
        ...(item.urgent ? { urgent: true } : {}),
      });
    }
    return hits;
  }

  /** How much likelier the question's words are under another subject's examples (see leaningOf). */
  elsewhere(terms: readonly Term[]): Leaning {
    return leaningOf(terms, this.words, this.others, (t) => this.weights.wordModelWeight(t));
  }

  private matchedStems(item: IndexedEntry, terms: readonly Term[]): Set<string> {
    return new Set(
      terms.map((t) => t.stem).filter((stem) => item.questionStems.has(stem) || item.answerStems.has(stem)),
    );
  }

  /**
   * A query term's weight: for a word the corpus uses, its IDF, discounted when the word is everyday
   * English; for a word the corpus lacks, how rare it is in English (see TermWeights).
   */
  weightOf(term: Term): number {
    return this.weights.weightOf(term);
  }

  /** How the question's meaning divides between known and unknown words (for the confidence). */
  profile(terms: readonly Term[]): QueryProfile {
    return this.weights.profile(terms);
  }
}

import type { Entry } from "../types.js";
import type { Analyser } from "./analyse.js";
import { type EntryKinds, entryKinds } from "./entry-kinds.js";
import { englishRank } from "./frequency.js";
import { PhrasingIndex } from "./phrasing-score.js";
import { PostingLists } from "./posting-lists.js";
import { readQuestion } from "./question.js";
import { residentsAsPatients } from "./residents.js";
import { STOPWORDS } from "./stopwords.js";
import type { SearchTuning } from "./tuning.js";
import { baseOf, vocabularyOf, WordModel } from "./word-model.js";

/** One entry as the index reads it. */
export interface IndexedEntry extends EntryKinds {
  readonly entry: Entry;
  /**
   * Stems of each question and of the title, one set a phrasing. Read only while the index is built
   * (into the PhrasingIndex, which the closest-phrasing match reads): an index restored from a
   * snapshot has none, which spares a one-shot command reading and rebuilding them.
   */
  readonly phrasings: readonly Set<string>[];
  /** The summed weight of each phrasing's stems, filled once the IDF is known; none when restored. */
  readonly phrasingWeights: number[];
  /** Each question stem with the share of the entry's phrasings that use it, up to 1. */
  readonly questionStems: ReadonlyMap<string, number>;
  readonly answerStems: ReadonlySet<string>;
}

/** What building the index produces: all a search needs beyond the tuning and the synonyms. */
export interface Built {
  readonly items: IndexedEntry[];
  /** For each stem, the entries that have it, with the coverage credit it earns there. */
  readonly postings: PostingLists;
  readonly idf: Map<string, number>;
  readonly unknownIdf: number;
  /** The words typos are corrected towards. */
  readonly vocabulary: readonly string[];
  /** The second reading of a question: whose words these are. */
  readonly words: WordModel;
  /** Every phrasing by its stems, for the closest-phrasing match of all entries at once. */
  readonly phrasings: PhrasingIndex;
  /**
   * For each stem, how much likelier the knowledge (titles, phrasings and answers) is to use it than
   * everyday English is: see `specificities`.
   */
  readonly specificity: Map<string, number>;
  /**
   * A class of the word model for each other subject's example questions (off-topic.yaml), for the
   * confidence to ask whether a question reads more like one of those than like any entry; absent
   * without examples.
   */
  readonly elsewhere?: OtherSubjects;
}

/** The other subjects' example questions as classes of the word model (see SearchIndex.elsewhere). */
export interface OtherSubjects {
  /** One class a subject, smoothed over the vocabulary the entries and the examples share. */
  readonly words: WordModel;
  /** Each entry's constant under that shared vocabulary (see baseOf). */
  readonly entryBase: Float64Array;
}

/**
 * Reads the entries into what a search needs: each entry's phrasings and stems, the postings and IDF;
 * and, given other subjects' example questions (`others`, one list a subject), the `elsewhere` model.
 */
export function buildIndex(
  entries: readonly Entry[],
  analyser: Analyser,
  tune: SearchTuning,
  others: readonly (readonly string[])[] = [],
): Built {
  const items: IndexedEntry[] = [];
  const idf = new Map<string, number>();
  const vocabulary = new Set<string>();
  const addWord = (w: string) => {
    if (!STOPWORDS.has(w)) vocabulary.add(w);
  };
  for (const w of analyser.synonymWords()) addWord(w);
  const df = new Map<string, number>();
  const wordCounts: Map<string, number>[] = [];
  const building = new Map<string, [number, number][]>();
  const storiesOf: Set<string>[][] = [];
  /** Each stem's count in the knowledge, and the count of each word written for it. */
  const usage = new Map<string, { count: number; words: Map<string, number> }>();
  entries.forEach((entry, index) => {
    const texts = [...entry.questions, entry.title].map(residentsAsPatients);
    const answer = residentsAsPatients(entry.answer);
    for (const t of [...texts, answer]) {
      for (const w of analyser.words(t)) addWord(w);
      for (const { stem, word } of analyser.analyse(t)) {
        const use = usage.get(stem) ?? { count: 0, words: new Map<string, number>() };
        use.count++;
        use.words.set(word, (use.words.get(word) ?? 0) + 1);
        usage.set(stem, use);
      }
    }
    // A phrasing is read as a user's question is: its asking sentences say what the entry is about,
    // and the story before them counts only as the answer's text does (unless the asking sentence
    // says too little on its own: see below, once the weights are known).
    const stories: string[] = [];
    const phrasingStories: Set<string>[] = [];
    const phrasings = texts.map((t) => {
      const read = readPhrasing(t, analyser);
      stories.push(...read.storyText);
      phrasingStories.push(read.story);
      return read.asking;
    });
    storiesOf.push(phrasingStories);
    const answerOnly = analyser.analyse(answer).map((x) => x.stem);
    wordCounts.push(countWords(tune, phrasings, phrasingStories, answerOnly));
    const counts = new Map<string, number>();
    for (const p of phrasings) for (const stem of p) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    const central = Math.max(tune.centralUses, phrasings.length * tune.centralShare);
    const questionStems = new Map([...counts].map(([stem, c]) => [stem, Math.min(1, c / central)]));
    const answerStems = new Set([...answerOnly, ...analyser.analyse(stories.join("\n")).map((x) => x.stem)]);
    items.push({
      entry,
      phrasings,
      phrasingWeights: [],
      questionStems,
      answerStems,
      ...entryKinds(entry.questions),
    });
    for (const stem of new Set([...questionStems.keys(), ...answerStems])) {
      df.set(stem, (df.get(stem) ?? 0) + (questionStems.has(stem) ? 1 : tune.answerOnlyDf));
      const central = questionStems.get(stem);
      const credit =
        central === undefined
          ? tune.answerOnlyCredit
          : tune.incidentalCredit + (1 - tune.incidentalCredit) * central;
      const list = building.get(stem);
      if (list) list.push([index, credit]);
      else building.set(stem, [[index, credit]]);
    }
  });
  const n = entries.length;
  for (const [stem, count] of df) idf.set(stem, bm25Idf(n, count));
  const unknownIdf = bm25Idf(n, 0) * tune.unknownWordFactor;
  const weightOf = (stem: string) => idf.get(stem) ?? unknownIdf;
  items.forEach((item, i) => {
    item.phrasings.forEach((phrasing, p) => {
      let own = 0;
      for (const stem of phrasing) own += weightOf(stem);
      // "...My instinct is to reply at once. Is that a good idea?": an asking sentence that says this
      // little would match any question with "good" in it. Such a phrasing takes no part in the
      // closest-phrasing match; its words still count for the entry's coverage and the word model.
      const story = storiesOf[i]?.[p];
      if (own < tune.vagueAskWeight && story && story.size > 0) {
        phrasing.clear();
        own = 0;
      }
      item.phrasingWeights.push(own);
    });
  });
  return {
    items,
    postings: PostingLists.of(building),
    idf,
    unknownIdf,
    vocabulary: [...vocabulary],
    words: WordModel.of(wordCounts, tune.wordSmoothing),
    phrasings: PhrasingIndex.of(items),
    specificity: specificities(usage, tune),
    ...(others.length > 0 ? { elsewhere: otherSubjectsModel(wordCounts, others, analyser, tune) } : {}),
  };
}

/**
 * The other subjects' classes beside the entries', as one naive Bayes model over the vocabulary they
 * share would have them: each subject's examples read as phrasings are, and the entries' constants
 * under that vocabulary (their words' own weights are the word model's).
 */
function otherSubjectsModel(
  entryCounts: readonly ReadonlyMap<string, number>[],
  others: readonly (readonly string[])[],
  analyser: Analyser,
  tune: SearchTuning,
): OtherSubjects {
  // A subject without words would be the likeliest class for any question the entries do not fit.
  if (others.some((texts) => texts.length === 0))
    throw new Error("another subject needs at least one example");
  const counts = others.map((texts) => exampleCounts(texts, analyser, tune));
  const shared = vocabularyOf([...entryCounts, ...counts]);
  return {
    words: WordModel.of(counts, tune.wordSmoothing, shared),
    entryBase: baseOf(entryCounts, tune.wordSmoothing, shared),
  };
}

/**
 * Each stem's log ratio of its share of the knowledge's words to its commonest word's share of spoken
 * English (about `zipfShare` / its rank, by Zipf's law; `rareWordShare` past the list), from 0 to
 * `domainCap`: "hipaa", "confidentiality" and "patient" are the knowledge's own words (near the cap),
 * "work" less so, "time" not at all.
 * Worked out here, once, so that a question needs no English word list to be weighed.
 */
function specificities(
  usage: ReadonlyMap<string, { readonly count: number; readonly words: ReadonlyMap<string, number> }>,
  tune: SearchTuning,
): Map<string, number> {
  let total = 0;
  for (const { count } of usage.values()) total += count;
  const out = new Map<string, number>();
  for (const [stem, { count, words }] of usage) {
    const word = [...words].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const rank = englishRank(word);
    const english = rank === undefined ? tune.rareWordShare : tune.zipfShare / rank;
    const ratio = Math.log(count / total / english);
    if (ratio > 0) out.set(stem, Math.min(tune.domainCap, ratio));
  }
  return out;
}

/** A phrasing's asking sentences' stems, its story's stems, and the story's sentences. */
function readPhrasing(
  text: string,
  analyser: Analyser,
): { asking: Set<string>; story: Set<string>; storyText: string[] } {
  const sentences = readQuestion(text, { whoIsAsking: false });
  const storyText = sentences.filter((x) => !x.asking).map((x) => x.text);
  const asking = sentences.filter((x) => x.asking).map((x) => x.text);
  return {
    asking: new Set(analyser.analyse(asking.join(" ")).map((x) => x.stem)),
    story: new Set(analyser.analyse(storyText.join(" ")).map((x) => x.stem)),
    storyText,
  };
}

/** Another subject's example questions as one class of the word model, each read as a phrasing is. */
function exampleCounts(
  texts: readonly string[],
  analyser: Analyser,
  tune: SearchTuning,
): Map<string, number> {
  const read = texts.map((t) => readPhrasing(t, analyser));
  return countWords(
    tune,
    read.map((r) => r.asking),
    read.map((r) => r.story),
    [],
  );
}

/**
 * An entry's words for the word model, from the stems the phrasings were already read into: each
 * phrasing's asking words once, its story's for less, the answer's faintly.
 */
function countWords(
  tune: SearchTuning,
  phrasings: readonly ReadonlySet<string>[],
  stories: readonly ReadonlySet<string>[],
  answer: readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (stem: string, w: number) => counts.set(stem, (counts.get(stem) ?? 0) + w);
  phrasings.forEach((asking, p) => {
    for (const stem of asking) add(stem, 1);
    for (const stem of stories[p] ?? []) if (!asking.has(stem)) add(stem, tune.wordStoryWeight);
  });
  for (const stem of answer) add(stem, tune.wordAnswerWeight);
  return counts;
}

/** How rare a stem is among n entries, df of which have it (BM25's inverse document frequency). */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

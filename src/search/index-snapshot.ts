/**
 * The built search index as plain data and back (see SearchIndex.snapshot): what the compiled cache
 * saves, so that a start or a one-shot command need not build the index again.
 */
import type { Entry } from "../types.js";
import type { AnalyserData } from "./analyse.js";
import { type EntryKinds, kindsOf } from "./entry-kinds.js";
import type { Built } from "./index-data.js";
import { PhrasingIndex, type PhrasingIndexData } from "./phrasing-score.js";
import { type PostingData, PostingLists } from "./posting-lists.js";
import { WordModel, type WordModelData } from "./word-model.js";

/** The built index as plain JSON-ready data, for a later constructor call to take instead of building. */
export function snapshotOf(built: Built): Omit<IndexSnapshot, "analyser"> {
  const { items, postings, idf, unknownIdf, vocabulary, words, phrasings, specificity, elsewhere } = built;
  return {
    items: items.map((item) => ({
      questionStems: [...item.questionStems],
      answerStems: [...item.answerStems],
      ...kindsOf(item),
    })),
    postings: postings.data(),
    idf: [...idf],
    unknownIdf,
    vocabulary,
    words: words.data(),
    phrasings: phrasings.data(),
    specificity: [...specificity],
    ...(elsewhere
      ? { elsewhere: { words: elsewhere.words.data(), entryBase: [...elsewhere.entryBase] } }
      : {}),
  };
}

/** A built index as plain data (see SearchIndex.snapshot), entries referred to by their position. */
export interface IndexSnapshot {
  /** The synonym table as the analyser read it. */
  readonly analyser: AnalyserData;
  readonly items: readonly ({
    readonly questionStems: readonly [string, number][];
    readonly answerStems: readonly string[];
  } & EntryKinds)[];
  readonly postings: PostingData;
  readonly idf: readonly [string, number][];
  readonly unknownIdf: number;
  readonly vocabulary: readonly string[];
  readonly words: WordModelData;
  readonly phrasings: PhrasingIndexData;
  readonly specificity: readonly [string, number][];
  readonly elsewhere?: { readonly words: WordModelData; readonly entryBase: readonly number[] };
}

/** The built index from a snapshot taken of the same entries; throws when they do not fit it. */
export function restore(snapshot: IndexSnapshot, entries: readonly Entry[]): Built {
  if (snapshot.items.length !== entries.length) throw new Error("the index snapshot is of other entries");
  if (snapshot.elsewhere && snapshot.elsewhere.entryBase.length !== entries.length)
    throw new Error("the index snapshot's other subjects do not fit its entries");
  return {
    items: snapshot.items.map((item, i) => ({
      entry: entries[i] as Entry,
      phrasings: [],
      phrasingWeights: [],
      questionStems: new Map(item.questionStems),
      answerStems: new Set(item.answerStems),
      ...kindsOf(item),
    })),
    postings: PostingLists.restore(snapshot.postings),
    idf: new Map(snapshot.idf),
    unknownIdf: snapshot.unknownIdf,
    vocabulary: snapshot.vocabulary,
    words: WordModel.restore(snapshot.words),
    phrasings: PhrasingIndex.restore(snapshot.phrasings),
    specificity: new Map(snapshot.specificity),
    ...(snapshot.elsewhere
      ? {
          elsewhere: {
            words: WordModel.restore(snapshot.elsewhere.words),
            entryBase: Float64Array.from(snapshot.elsewhere.entryBase),
          },
        }
      : {}),
  };
}

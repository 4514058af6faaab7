import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import { remembering } from "../remembering.js";
import { isEnglishWord } from "./dictionary.js";

/** How many words' corrections are kept (see remembering). */
const CACHE_LIMIT = 5_000;
/** fuse.js's threshold: the share of a word's letters its Bitap match may get wrong. */
const THRESHOLD = 0.34;

/** fuse.js, loaded on the first word that needs correcting (its CommonJS build, so that loading stays synchronous). */
const loadFuse = (): typeof Fuse => createRequire(import.meta.url)("fuse.js");

/**
 * Corrects a misspelt word to the closest word the corpus knows, using fuse.js's Bitap
 * matcher: one edit allowed in 5 letters, two from 6 (a swap of two letters counts as two); shorter words and real English words
 * are never guessed. Bitap matches within a word, so "canva" meets "canada" by its first four letters
 * with one edit; a candidate is taken only when the whole words are that close (`withinEdits`).
 */
export class TypoCorrector {
  /**
   * For each pair of letters, the vocabulary's words that hold it: built on the first word that needs
   * correcting (most questions have none, and a one-shot command is spared it).
   */
  private pairs?: {
    readonly words: readonly string[];
    readonly holding: ReadonlyMap<string, readonly number[]>;
  };

  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  /** True when the word is in the vocabulary as it is. */
  knows(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** The corrected word, or null when nothing is close enough to be a safe guess. */
  readonly correct = remembering(CACHE_LIMIT, (word) => this.search(word));

  private search(word: string): string | null {
    const maxEdits = word.length >= 6 ? 2 : word.length === 5 ? 1 : 0;
    if (maxEdits === 0 || !/^\p{L}+$/u.test(word) || isEnglishWord(word)) return null;
    const within = this.sharingPairs(word);
    // Most words the corpus lacks (names, drugs, places) have no word of it this close: that is known
    // without asking fuse.js.
    const close = within(maxEdits).filter((w) => Math.abs(w.length - word.length) <= maxEdits);
    if (!close.some((w) => withinEdits(word, w, maxEdits))) return null;
    // fuse.js ranks only the words it could match within its threshold (Bitap finds the word inside a
    // longer one, so any length): the same five it would rank first from the whole vocabulary, in the
    // same order, without reading the rest.
    const fuse = new (loadFuse())(within(Math.floor(THRESHOLD * word.length)), {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: THRESHOLD,
    });
    for (const hit of fuse.search(word, { limit: 5 })) {
      const errors = (hit.score ?? 1) * word.length;
      if (errors <= maxEdits + 1e-9 && withinEdits(word, hit.item, maxEdits)) return hit.item;
    }
    return null;
  }

  /**
   * For a number of edits, the vocabulary's words, in its order, that hold enough of `word`'s letter
   * pairs to hold the word itself, or a part of them, within that many edits: each edit breaks at most
   * two pairs, so at least all but two per edit survive. A word outside these is never that close.
   * The pairs each word shares are counted once, whatever the edits asked about.
   */
  private sharingPairs(word: string): (edits: number) => string[] {
    this.pairs ??= indexPairs([...this.vocabulary]);
    const { words, holding } = this.pairs;
    const own = letterPairs(word);
    const shared = new Map<number, number>();
    for (const pair of own) for (const i of holding.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const inOrder = [...shared].sort((a, b) => a[0] - b[0]);
    return (edits) => {
      const needed = own.size - 2 * edits;
      if (needed <= 0) return [...words];
      return inOrder.filter(([, n]) => n >= needed).map(([i]) => words[i] as string);
    };
  }
}

/** A word's distinct pairs of adjacent letters: "canda" -> ca, an, nd, da. */
function letterPairs(word: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) pairs.add(word.slice(i, i + 2));
  return pairs;
}

function indexPairs(words: readonly string[]): {
  readonly words: readonly string[];
  readonly holding: ReadonlyMap<string, readonly number[]>;
} {
  const holding = new Map<string, number[]>();
  words.forEach((w, i) => {
    for (const pair of letterPairs(w)) {
      const list = holding.get(pair);
      if (list) list.push(i);
      else holding.set(pair, [i]);
    }
  });
  return { words, holding };
}

/** True when `a` becomes `b` in at most `max` insertions, deletions or substitutions (Levenshtein). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    if (Math.min(...row) > max) return false;
    previous = row;
  }
  return (previous[b.length] ?? 0) <= max;
}

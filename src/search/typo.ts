import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import { remembering } from "../remembering.js";
import { isEnglishWord } from "./dictionary.js";

/** How many words' corrections are kept (see remembering). */
const CACHE_LIMIT = 5_000;

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
   * Built on the first word that needs correcting: most questions have none, and a one-shot command is
   * spared loading and building it.
   */
  private fuse?: Fuse<string>;

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
    this.fuse ??= new (loadFuse())([...this.vocabulary], {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.34,
    });
    for (const hit of this.fuse.search(word, { limit: 5 })) {
      const errors = (hit.score ?? 1) * word.length;
      if (errors <= maxEdits + 1e-9 && withinEdits(word, hit.item, maxEdits)) return hit.item;
    }
    return null;
  }
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

/**
 * The vocabulary's words by the pairs of adjacent letters they hold, and by how often they hold each
 * letter: what lets the typo corrector (see typo.ts) pass over the words that cannot be close to a
 * misspelt one without comparing them.
 */

/** A word's distinct pairs of adjacent letters: "canda" -> ca, an, nd, da. */
export function letterPairs(word: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) pairs.add(word.slice(i, i + 2));
  return pairs;
}

export function indexPairs(words: readonly string[]): {
  readonly words: readonly string[];
  readonly holding: ReadonlyMap<string, readonly number[]>;
  readonly letters: Uint8Array;
} {
  const holding = new Map<string, number[]>();
  const letters = new Uint8Array(words.length * LETTER_BINS);
  words.forEach((w, i) => {
    for (const pair of letterPairs(w)) {
      const list = holding.get(pair);
      if (list) list.push(i);
      else holding.set(pair, [i]);
    }
    letters.set(letterCounts(w), i * LETTER_BINS);
  });
  return { words, holding, letters };
}

/** Letters a to z, each its own count, and one count for every other letter (which only loosens the test). */
const LETTER_BINS = 27;

/** How many times a word holds each letter (see LETTER_BINS), at most 255. */
export function letterCounts(word: string): Uint8Array {
  const counts = new Uint8Array(LETTER_BINS);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    const bin = c >= 0 && c < 26 ? c : 26;
    counts[bin] = Math.min(255, (counts[bin] ?? 0) + 1);
  }
  return counts;
}

/**
 * How many of a word's letters (its counts, non-zero in `bins`) the vocabulary's i-th word also holds,
 * each as often.
 */
export function sharedLetters(
  counts: Uint8Array,
  bins: readonly number[],
  letters: Uint8Array,
  i: number,
): number {
  let shared = 0;
  const at = i * LETTER_BINS;
  for (const b of bins) shared += Math.min(counts[b] ?? 0, letters[at + b] ?? 0);
  return shared;
}

import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import { stemmer } from "stemmer";
import { remembering } from "../remembering.js";
import { inWordList, isEnglishWord, isRealWord, spokenWords } from "./dictionary.js";
import { englishRank } from "./frequency.js";

/** How many words' corrections are kept (see remembering). */
const CACHE_LIMIT = 5_000;
/** fuse.js's threshold: the share of a word's letters its Bitap match may get wrong. */
const THRESHOLD = 0.34;

let fuseModule: typeof Fuse | undefined;
/** fuse.js, loaded on the first word that needs correcting (its CommonJS build, so that loading stays synchronous). */
const loadFuse = (): typeof Fuse => {
  fuseModule ??= createRequire(import.meta.url)("fuse.js") as typeof Fuse;
  return fuseModule;
};

/** A word of letters alone: only such a word is corrected. */
const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Reads a misspelt word as the word meant (see `read`), guessing the closest word the corpus knows with
 * fuse.js's Bitap matcher (`closest`): one edit allowed in 5 letters, two from 6 (a swap of two letters
 * counts as two); shorter words and real English words are never guessed. Bitap matches within a
 * word, so "canva" meets "canada" by its first four letters with one edit; a candidate is taken only
 * when the whole words are that close (`withinEdits`).
 * Words are compared as given: ask about them in lower case, as normalise() leaves them (fuse.js
 * lower-cases what it reads, the filters before it do not).
 */
export class TypoCorrector {
  /**
   * For each pair of letters, the vocabulary's words that hold it, and each word's letter counts: built
   * on the first word that needs correcting (most questions have none, and a one-shot command is spared it).
   */
  private pairs?: {
    readonly words: readonly string[];
    readonly holding: ReadonlyMap<string, readonly number[]>;
    readonly letters: Uint8Array;
  };

  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    /**
     * How rare a stem is in the corpus (its inverse document frequency), or undefined when the corpus
     * has no word of it: another form of a word it knows is no typo.
     */
    private readonly stemRarity: (stem: string) => number | undefined = () => undefined,
  ) {}

  /** True when the word is in the vocabulary as it is. */
  knows(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** True when the corpus has a word of this stem ("retweeting" beside "retweet", "retweeted"). */
  knowsStem(stem: string): boolean {
    return this.stemRarity(stem) !== undefined;
  }

  /** The corrected word, or null when nothing is close enough to be a safe guess. */
  readonly correct = remembering(CACHE_LIMIT, (word) => this.read(word));

  /**
   * What a word the corpus lacks was meant to be. A real word (see isRealWord) was meant as it is; so
   * was a word with no corpus word close enough to guess (`closest`). A misspelling is likelier one
   * slip (a letter dropped, added or changed, or two swapped) from what was meant than two, so when
   * real words are one slip away (the guess among them if it is), the likeliest (see likelihood) is
   * the reading: taken when the corpus has a word of its stem ("reqest" is "request" beside the
   * corpus's "requests"), and otherwise a word the corpus lacks was meant, and nothing is corrected
   * ("chnage" is "change", not "manage"; "hesistant" is "hesitant", not "assistant"). Only when no real
   * word is that close is a guess two edits away taken; never for two common words run together
   * ("macbook", "passcode").
   */
  private read(word: string): string | null {
    if (!correctable(word) || isRealWord(word)) return null;
    const guess = this.closest(word);
    if (guess === null) return null;
    const near = nearWords(word);
    if (oneSlipApart(word, guess) && !near.includes(guess)) near.push(guess);
    if (near.length > 0) {
      const meant = near.map((w) => this.likelihood(word, w)).sort(byLikelihood)[0];
      return meant !== undefined && meant.known > 0 ? meant.word : null;
    }
    return runTogether(word) ? null : guess;
  }

  /**
   * How likely a real word one slip from a misspelt one was the word meant, as the keys `byLikelihood`
   * sorts by: a typist seldom gets the first letter wrong; the corpus's own words come before other
   * forms of them ("threatening" before "threating"), and those before words it lacks, the commoner in
   * it first ("colleage" is "colleague" here, not "college"); then the commoner in English.
   */
  private likelihood(typed: string, word: string): Likelihood {
    const rarity = this.stemRarity(stemmer(word));
    return {
      word,
      firstLetter: word[0] === typed[0],
      known: this.vocabulary.has(word) ? 2 : rarity !== undefined ? 1 : 0,
      // a corpus word whose stem has no rarity (a synonym's word) comes last of the corpus's own
      rarity: rarity ?? Number.POSITIVE_INFINITY,
      rank: englishRank(word) ?? Number.POSITIVE_INFINITY,
    };
  }

  /**
   * The corpus word closest to a misspelt one by fuse.js's Bitap matcher, or null when none is close
   * enough to be a safe guess (the rules of the class comment). Real English words are never guessed.
   */
  closest(word: string): string | null {
    if (!correctable(word) || isEnglishWord(word)) return null;
    const maxEdits = word.length >= 6 ? 2 : 1;
    const within = this.sharingPairs(word);
    // Most words the corpus lacks (names, drugs, places) have no word of it this close: that is known
    // without asking fuse.js.
    const takeable = within(maxEdits).filter((w) => withinEdits(word, w, maxEdits));
    if (takeable.length === 0) return null;
    // fuse.js's score is the errors of its best match over the word's length (Bitap finds the word
    // inside a longer one, so any length). Which word it takes is the first of its five best that is
    // close enough as a whole: the best of those close enough, unless five words rank above it. Those
    // match with no more errors than it does, so it is enough to rank the words that could: the first
    // it takes is the one it would take from the whole vocabulary, without reading the rest. (Bitap
    // reads a word longer than 32 letters in parts and averages their scores, which then count no
    // errors: such a word is ranked, as before, against every word its threshold could match.)
    const rank = (words: readonly string[], limit: number) =>
      new (loadFuse())(words, {
        includeScore: true,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        threshold: THRESHOLD,
      }).search(word, { limit });
    const [best] = rank(takeable, 1);
    if (!best) return null;
    const reach =
      word.length > 32
        ? Math.floor(THRESHOLD * word.length)
        : Math.min(maxEdits, Math.ceil((best.score ?? 1) * word.length - 1e-9));
    // Bitap's errors for a word are those of its best alignment of the misspelt word with a part of
    // it, the count `substringEdits` gives: a word whose count is over the reach ranks below the best
    // word that could be taken, so it never displaces the word taken, and is not handed to fuse.js
    // (which scores it far more slowly).
    const rivals =
      word.length > 32 ? within(reach) : within(reach).filter((w) => substringEdits(word, w, reach) <= reach);
    for (const hit of rank(rivals, 5)) {
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
    const { words, holding, letters } = this.pairs;
    const own = letterPairs(word);
    // How many of the word's pairs each vocabulary word holds, by its place in the vocabulary.
    const shared = new Uint16Array(words.length);
    // ... and which words hold any, in the vocabulary's order: the only ones worth reading when a word
    // must hold at least one pair (it nearly always must).
    const holders: number[] = [];
    for (const pair of own)
      for (const i of holding.get(pair) ?? []) {
        if (shared[i] === 0) holders.push(i);
        shared[i] = (shared[i] ?? 0) + 1;
      }
    const inOrder = Int32Array.from(holders).sort();
    // Each edit also loses at most one of the word's letters: a word holding fewer of them (as many
    // times as they occur) is never that close either. Bitap reads a word longer than 32 letters in
    // parts, so only shorter ones are held to it.
    const counts = letterCounts(word);
    // only the word's own letters can be shared: the other bins add nothing
    const bins = [...counts.keys()].filter((b) => (counts[b] ?? 0) > 0);
    const holds = (i: number, edits: number) =>
      word.length > 32 || sharedLetters(counts, bins, letters, i) >= word.length - edits;
    return (edits) => {
      const needed = own.size - 2 * edits;
      if (needed <= 0) return words.filter((_, i) => holds(i, edits));
      const found: string[] = [];
      for (const i of inOrder) if ((shared[i] ?? 0) >= needed && holds(i, edits)) found.push(words[i] ?? "");
      return found;
    };
  }
}

/** A word of letters alone, of five letters or more: only such a word is corrected. */
function correctable(word: string): boolean {
  return word.length >= 5 && LETTERS_ONLY.test(word);
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/**
 * The words of the spoken list (see spokenWords) one slip from a word. Each is the word's first i
 * letters and then something else, so only places up to the longest beginning of the word that some
 * listed word shares are tried: "chnage" past "ch", a misspelling near its end nearly everywhere.
 */
function nearWords(word: string): string[] {
  const spoken = spokenWords();
  let reach = 0;
  while (reach < word.length && spoken.begins(word.slice(0, reach + 1))) reach++;
  return oneSlipFrom(word, reach).filter((w) => spoken.holds(w));
}

/**
 * The strings one slip from a word (a letter dropped, added or changed, or two neighbours swapped) at
 * the places up to `reach`.
 */
function oneSlipFrom(word: string, reach: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= Math.min(word.length, reach); i++) {
    const [before, after] = [word.slice(0, i), word.slice(i)];
    if (after) out.add(before + after.slice(1));
    if (after.length > 1) out.add(before + after[1] + after[0] + after.slice(2));
    for (const c of ALPHABET) {
      if (after) out.add(before + c + after.slice(1));
      out.add(before + c + after);
    }
  }
  out.delete(word);
  return [...out];
}

/** True when one slip (see oneSlipFrom) turns `a` into `b`. */
function oneSlipApart(a: string, b: string): boolean {
  if (withinEdits(a, b, 1)) return true;
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A real word one slip from a misspelt one, with what says how likely it was meant (see likelihood). */
interface Likelihood {
  readonly word: string;
  /** It begins with the typed word's first letter. */
  readonly firstLetter: boolean;
  /** 2 when the corpus has the word itself, 1 when only a word of its stem, 0 when neither. */
  readonly known: number;
  /** Its stem's rarity in the corpus (infinite when unknown). */
  readonly rarity: number;
  /** Its SUBTLEX rank (infinite past the ranked words). */
  readonly rank: number;
}

/** The likelier first (see likelihood), then alphabetically, so that the choice never depends on order. */
function byLikelihood(a: Likelihood, b: Likelihood): number {
  return (
    Number(b.firstLetter) - Number(a.firstLetter) ||
    b.known - a.known ||
    compare(a.rarity, b.rarity) ||
    compare(a.rank, b.rank) ||
    compare(a.word, b.word)
  );
}

function compare<T extends number | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when a word is two common words written as one: "macbook", "passcode", "mypage". */
function runTogether(word: string): boolean {
  for (let i = 2; i <= word.length - 2; i++)
    if (commonWord(word.slice(0, i)) && commonWord(word.slice(i))) return true;
  return false;
}

/**
 * A word of the commonest in spoken English; one of two letters only if the word-list package has it
 * too ("my", "up", but not the "su", "wh" or "da" that subtitles also hold, which made "sudont" two words).
 */
function commonWord(word: string): boolean {
  return englishRank(word) !== undefined && (word.length > 2 || inWordList(word));
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
function letterCounts(word: string): Uint8Array {
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
function sharedLetters(counts: Uint8Array, bins: readonly number[], letters: Uint8Array, i: number): number {
  let shared = 0;
  const at = i * LETTER_BINS;
  for (const b of bins) shared += Math.min(counts[b] ?? 0, letters[at + b] ?? 0);
  return shared;
}

/**
 * The fewest insertions, deletions or substitutions that turn `word` into some part of `text` (the
 * edits of the best approximate match of `word` inside `text`), or a number over `max` as soon as it
 * must be over it.
 */
export function substringEdits(word: string, text: string, max: number): number {
  return edits(word, text, max, true);
}

/** True when `a` becomes `b` in at most `max` insertions, deletions or substitutions (Levenshtein). */
export function withinEdits(a: string, b: string, max: number): boolean {
  return Math.abs(a.length - b.length) <= max && edits(a, b, max, false) <= max;
}

/**
 * The fewest edits turning `word` into `text`, or into any part of it (`inside`), by rows of the edit
 * table: a number over `max` as soon as a whole row is over it.
 */
function edits(word: string, text: string, max: number, inside: boolean): number {
  // previous[j]: the fewest edits turning the word's first i letters into text up to j (inside: into a
  // part of text ending at j, so starting anywhere costs nothing). Two rows, reused between calls.
  const width = text.length + 1;
  if (rows.length < 2 * width) rows = new Int32Array(4 * width);
  let previous = 0;
  let row = width;
  for (let j = 0; j < width; j++) rows[j] = inside ? 0 : j;
  for (let i = 1; i <= word.length; i++) {
    rows[row] = i;
    let least = i;
    const letter = word.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cost = letter === text.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(
        (rows[previous + j] ?? 0) + 1,
        (rows[row + j - 1] ?? 0) + 1,
        (rows[previous + j - 1] ?? 0) + cost,
      );
      rows[row + j] = d;
      if (d < least) least = d;
    }
    if (least > max) return least;
    const done = row;
    row = previous;
    previous = done;
  }
  if (!inside) return rows[previous + width - 1] ?? 0;
  let least = Number.POSITIVE_INFINITY;
  for (let j = 0; j < width; j++) least = Math.min(least, rows[previous + j] ?? 0);
  return least;
}

/** The two rows of edits()' table, end to end: grown when a longer text comes, never shrunk. */
let rows = new Int32Array(128);

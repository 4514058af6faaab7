import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import { stemmer } from "stemmer";
import { remembering } from "../remembering.js";
import { inWordList, isEnglishWord, isRealWord } from "./dictionary.js";
import { substringEdits, withinEdits } from "./edit-distance.js";
import { englishRank } from "./frequency.js";
import { indexPairs, letterCounts, letterPairs, sharedLetters } from "./letter-pairs.js";
import { nearWords, oneSlipApart } from "./one-slip.js";

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

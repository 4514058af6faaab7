import { stemmer as stemWord } from "stemmer";
import { remembering } from "../remembering.js";
import type { SynonymGroup } from "../types.js";
import { normalise } from "./normalise.js";
import { PARTICLES, SEPARABLE_VERBS, splitPhrase } from "./phrasal-verbs.js";
import { isPlatformLike, LIKE_FORMS } from "./platform-like.js";
import { STOPWORDS } from "./stopwords.js";
import type { TypoCorrector } from "./typo.js";

/**
 * A word's stem, remembered: a chat's questions use the same few thousand words over and over, and
 * Porter's algorithm costs more than a lookup.
 */
const stemmer = remembering(20_000, stemWord);

/** Stopwords by stem too, so that their other forms ("makes", "stays", "wants") drop as well. */
const STOPWORD_STEMS: ReadonlySet<string> = new Set([...STOPWORDS].map((w) => stemmer(w)));

/** A meaningful term of a text, and how sure we are it is what the user meant. */
export interface Term {
  readonly stem: string;
  /** The word as read (after synonyms, before stemming). */
  readonly word: string;
  /** 1 for a word as typed, less for a typo-corrected one. */
  readonly credit: number;
  /** How much the sentence it came from counts: 1 where the question asks, less in its story. */
  readonly weight?: number;
  /** The part of the question it comes from, when not an asking sentence: the story, or an aside. */
  readonly part?: "story" | "aside";
  /** In how many of a question's sentences (asides left out) it is said, when more than one. */
  readonly sentences?: number;
}

/** True for a term of the sentences that ask (neither the story nor an aside). */
export function asks(term: Term): boolean {
  return term.part === undefined;
}

/** A number of one or two digits: a count or a day, no meaning of its own. */
const SMALL_NUMBER = /^\d{1,2}$/;

/** Turns text into stemmed, synonym-folded terms without boilerplate. */
export class Analyser {
  private constructor(
    /** Each synonym term, normalised, with the canonical words it reads as. */
    private readonly phrases: ReadonlyMap<string, readonly string[]>,
    /** One-word synonym terms by stem, for another form of one in a question ("tiktoks", "googled"). */
    private readonly stemmedWords: ReadonlyMap<string, string>,
  ) {
    for (const [key, canonical] of phrases) {
      const words = key.split(" ");
      let level = this.starts;
      let node: TermWords | undefined;
      for (const word of words) {
        node = level.get(word);
        if (!node) {
          node = { next: new Map() };
          level.set(word, node);
        }
        level = node.next;
      }
      if (node) node.canonical = canonical;
      const [verb = "", particle = "", ...more] = words;
      if (more.length > 0 || !PARTICLES.has(particle) || !SEPARABLE_VERBS.has(verb)) continue;
      const particles = this.separable.get(verb);
      if (particles) particles.add(particle);
      else this.separable.set(verb, new Set([particle]));
    }
  }

  /**
   * The synonym terms word by word, from each term's first word: a question is matched against them
   * by following its words down this tree, where growing a key a word at a time ("a", "a friend", "a
   * friend request") made a new string to look up at every step, the most of reading a question's
   * synonyms. The same terms match: a term's words are normalised, one space apart, and so are a
   * question's.
   */
  private readonly starts = new Map<string, TermWords>();

  /** For each verb of a two-word synonym term that ends in a particle ("look up"), those particles. */
  private readonly separable = new Map<string, Set<string>>();

  /** The analyser of a synonym table. */
  static of(synonyms: readonly SynonymGroup[]): Analyser {
    const phrases = new Map<string, readonly string[]>();
    const stemmedWords = new Map<string, string>();
    for (const group of synonyms) {
      const canonical = normalise(group.canonical).split(" ").filter(Boolean);
      for (const term of group.terms) {
        const key = normalise(term);
        if (!key) continue;
        phrases.set(key, canonical);
        if (!key.includes(" ") && !stemmedWords.has(stemmer(key))) stemmedWords.set(stemmer(key), key);
      }
    }
    return new Analyser(phrases, stemmedWords);
  }

  /** An analyser saved with `data()`: its tables as read, without normalising and stemming them again. */
  static restore(data: AnalyserData): Analyser {
    return new Analyser(new Map(data.phrases), new Map(data.stemmedWords));
  }

  data(): AnalyserData {
    return {
      phrases: [...this.phrases],
      stemmedWords: [...this.stemmedWords],
    };
  }

  /** Every word the synonym table reads or writes: part of the typo vocabulary. */
  synonymWords(): string[] {
    const words: string[] = [];
    for (const [key, canonical] of this.phrases) words.push(...key.split(" "), ...canonical);
    return words;
  }

  /** Plain words of a text after normalising (no synonyms, no stemming). */
  words(text: string): string[] {
    const n = normalise(text);
    return n ? n.split(" ") : [];
  }

  /** Distinct terms of a corpus text. */
  analyse(text: string): Term[] {
    return this.fold(this.words(text).map((w) => ({ word: w, credit: 1 })));
  }

  /** Terms of a user's question: unknown words are typo-corrected first. */
  analyseQuery(text: string, typo: TypoCorrector): Term[] {
    const words = this.words(text).map((word) => {
      if (typo.knows(word) || STOPWORDS.has(word) || this.phrases.has(word)) return { word, credit: 1 };
      // An unknown form of a synonym term (an inflection of it: see sameWord) reads as the term ("tiktoks"
      // as "tiktok"), before any typo fix.
      const stem = stemmer(word);
      const form = this.stemmedWords.get(stem);
      if (form && sameWord(word, form)) return { word: form, credit: 1 };
      // ... and another form of a word the knowledge uses is that word, not a typo of a third one
      // ("retweeting" is no misspelt "tweeting")
      if (typo.knowsStem(stem)) return { word, credit: 1 };
      const fixed = typo.correct(word);
      return fixed ? { word: fixed, credit: 0.85 } : { word, credit: 1 };
    });
    return this.fold(words);
  }

  private fold(words: readonly Word[]): Term[] {
    // Two passes, so that a canonical word can complete a phrase ("other surgeons" -> "other doctor" ->
    // colleague); a first that read no term leaves nothing for a second to complete.
    const once = this.applySynonyms(words);
    const folded = once === words ? once : this.applySynonyms(once);
    const out = new Map<string, Term>();
    for (let i = 0; i < folded.length; i++) {
      const { word, credit } = folded[i] as Word;
      const kept = LIKE_FORMS.has(word) && isPlatformLike(folded, i);
      if ((STOPWORDS.has(word) && !kept) || SMALL_NUMBER.test(word)) continue;
      const stem = stemmer(word);
      if (STOPWORD_STEMS.has(stem) && !kept) continue;
      const seen = out.get(stem);
      if (!seen || seen.credit < credit) out.set(stem, { stem, word, credit });
    }
    return [...out.values()];
  }

  private separated(words: readonly Word[], i: number) {
    return splitPhrase(words, i, this.separable.get((words[i] as Word).word), this.phrases);
  }

  /** The words with each synonym term read as its canonical words; the same array when none is there. */
  private applySynonyms(words: readonly Word[]): readonly Word[] {
    let out: Word[] | undefined;
    for (let i = 0; i < words.length; ) {
      const first = words[i] as Word;
      const start = this.starts.get(first.word);
      // The longest synonym term that starts here, followed a word at a time (see starts).
      let matched = 0;
      let canonical: readonly string[] | undefined;
      for (let len = 1, node = start; node; len++) {
        if (node.canonical) {
          matched = len;
          canonical = node.canonical;
        }
        const next = words[i + len];
        node = next && node.next.get(next.word);
      }
      if (!canonical) {
        // a verb whose particle may come after its object begins a term ("look up"): a word that
        // begins none is no such verb
        const split = start ? this.separated(words, i) : undefined;
        if (split) {
          out ??= words.slice(0, i);
          out.push(...split.read);
          i += split.length;
          continue;
        }
        out?.push(first);
        i++;
        continue;
      }
      out ??= words.slice(0, i);
      let credit = first.credit;
      for (let j = 1; j < matched; j++) credit = Math.min(credit, (words[i + j] as Word).credit);
      for (const word of canonical) out.push({ word, credit });
      i += matched;
    }
    return out ?? words;
  }
}

/** An analyser's tables as plain data, for a saved index. */
export interface AnalyserData {
  readonly phrases: readonly (readonly [string, readonly string[]])[];
  readonly stemmedWords: readonly (readonly [string, string])[];
}

/** A word of a text as the analyser reads it, and how sure we are it is what the user meant (see Term). */
export interface Word {
  readonly word: string;
  readonly credit: number;
}

/**
 * A synonym term's word (see Analyser.starts): the canonical words of the term it ends, if it ends one,
 * and the words that may follow it.
 */
interface TermWords {
  canonical?: readonly string[];
  readonly next: Map<string, TermWords>;
}

/** A word with its inflection (plural, possessive, past, -ing) taken off, for comparing two forms. */
function bare(word: string): string {
  return word
    .replace(/'s$/, "")
    .replace(/ie[sd]$/, "y")
    .replace(/(?:ing|ed|es|s)$/, "")
    .replace(/e$/, "")
    .replace(/([^aeiou])\1$/, "$1");
}

/**
 * Whether two words are inflections of one word ("tiktoks" and "tiktok", "googled" and "google"), not
 * two words that only share a stem ("terminally" and "terminated", "organised" and "organisation").
 */
function sameWord(a: string, b: string): boolean {
  return bare(a) === bare(b);
}

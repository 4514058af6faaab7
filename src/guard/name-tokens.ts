/**
 * The words of a question as the name finder reads them (see names.ts): where each starts and ends,
 * its possessive, and what its spelling says (capitals, another script, first of a sentence).
 */
import { remembering } from "../remembering.js";
import { NEVER_NAMES, PLACES, VERBED } from "./name-words.js";

/** A word of the question, with what its spelling says. */
export interface Token {
  readonly start: number;
  /** The end of the word without a possessive "'s". */
  readonly end: number;
  readonly lower: string;
  readonly possessive: boolean;
  /** Capitalised, not all capitals: "Smith", "O'Neill". */
  readonly capitalised: boolean;
  /** All capitals: "JOHN", "MRI". */
  readonly upper: boolean;
  /** Written in another script than Latin: Arabic, Cyrillic, Han, Hangul... */
  readonly foreign: boolean;
  /** First word of a sentence, where a capital says nothing. */
  readonly first: boolean;
  /** What lies between the previous word and this one. */
  readonly gap: string;
  /** Never a name: a listed non-name, a place, a contraction ("I've", "we'd") or a platform made a verb ("DMed"). */
  readonly blocked: boolean;
  /**
   * Blocked only as a place that is also a given name ("Georgia", "Jose", "Victoria"): a name after all
   * where the words around it say a patient ("my patient Georgia").
   */
  readonly place: boolean;
}
const LATIN = /\p{Script=Latin}/u;
/** A letter or a combining mark. */
const LETTER = /^[\p{L}\p{M}]$/u;

/** How many UTF-16 units the letter or mark at `i` takes (a character beyond the BMP takes two); 0 for none. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
  const point = text.codePointAt(i) ?? 0;
  return LETTER.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45; // ' ’ -

/**
 * Where the word at `start` ends: letters and marks, joined by an apostrophe or a hyphen between
 * letters ("O'Neill", "Smith-Jones"), and one apostrophe after them ("patients'"). What
 * /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*['’]?/u matches, read without making a match object a word.
 */
function wordEnd(text: string, start: number): number {
  let i = start;
  for (let n = letterAt(text, i); n > 0; n = letterAt(text, i)) i += n;
  while (isJoiner(text.charCodeAt(i)) && letterAt(text, i + 1) > 0) {
    i++;
    for (let n = letterAt(text, i); n > 0; n = letterAt(text, i)) i += n;
  }
  const after = text.charCodeAt(i);
  return after === 39 || after === 0x2019 ? i + 1 : i;
}
const SENTENCE_GAP = /[.!?\n]/;
const HAS_APOSTROPHE = /['’]/;
const CONTRACTED = /['’](?:ve|m|d|ll|re|t)$/;
const isApostrophe = (c: string | undefined) => c === "'" || c === "’";
/** A verb's endings: "DMed", "FaceTimed", "Snapchatting", "WhatsApps" ("DM'd" is a contraction's shape, blocked already). */
const VERB_ENDINGS = ["ed", "d", "ing", "s"];

/** A platform or way of messaging made a verb (see VERBED), its last consonant doubled or not ("Snapchatted"). */
function isVerbed(lower: string): boolean {
  return VERB_ENDINGS.some((ending) => {
    if (!lower.endsWith(ending) || lower.length === ending.length) return false;
    const stem = lower.slice(0, -ending.length);
    return VERBED.has(stem) || (stem.at(-1) === stem.at(-2) && VERBED.has(stem.slice(0, -1)));
  });
}

/** Whether a word is never a name, and whether it is one only as a place (see Token.blocked, Token.place). */
interface Blocking {
  readonly blocked: boolean;
  readonly place: boolean;
}
const NEVER: Blocking = { blocked: true, place: false };
const A_PLACE: Blocking = { blocked: true, place: true };
const OPEN: Blocking = { blocked: false, place: false };

/** More different words than a chat uses in a day. */
const BLOCKING_KEPT = 20_000;

/**
 * Whether a word (in lower case) is never a name, or is one only as a place, remembered: telling takes
 * three lists, two patterns and a verb's endings cut off, and a chat uses the same words over and over.
 */
const blocking = remembering(BLOCKING_KEPT, (lower): Blocking => {
  if (NEVER_NAMES.has(lower) || (HAS_APOSTROPHE.test(lower) && CONTRACTED.test(lower)) || isVerbed(lower))
    return NEVER;
  return PLACES.has(lower) ? A_PLACE : OPEN;
});

/** A word's case: capitalised ("Smith", "O'Neill"), or all capitals ("JOHN", "MRI"). */
interface Case {
  readonly capitalised: boolean;
  readonly upper: boolean;
}
const CAPITALISED: Case = { capitalised: true, upper: false };
const UPPER: Case = { capitalised: false, upper: true };
const NEITHER: Case = { capitalised: false, upper: false };

/** The case of any word, by comparing it with itself in capitals and in lower case. */
function caseOf(word: string, lower: string): Case {
  const upper = word.toUpperCase();
  if (word[0] === upper[0] && word !== upper && word[0] !== word[0]?.toLowerCase()) return CAPITALISED;
  return word === upper && word !== lower ? UPPER : NEITHER;
}

/**
 * The case of a word of ASCII_LETTERS, read from its letters: what caseOf says of it (only a-z and A-Z
 * change case, one for one) without the copy in capitals it makes of every word of a question.
 */
function asciiCase(word: string): Case {
  let lower = false;
  for (let i = 0; i < word.length && !lower; i++) {
    const c = word.charCodeAt(i);
    lower = c >= 97 && c <= 122;
  }
  // a word begins with a letter: with no small one, it is all capitals
  if (!lower) return UPPER;
  const first = word.charCodeAt(0);
  return first >= 65 && first <= 90 ? CAPITALISED : NEITHER;
}

/** The variation selector that asks for a character's emoji form. */
const EMOJI_STYLE = "\ufe0f";
/** Letters of the Latin alphabet without accents: a word of them needs no look at its script. */
const ASCII_LETTERS = /^[A-Za-z'’-]+$/;
/** The words of a text, each with what its spelling says. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (let start = 0; start < text.length; ) {
    if (letterAt(text, start) === 0) {
      start++;
      continue;
    }
    const stop = wordEnd(text, start);
    const word = text.slice(start, stop);
    // a letter shown as an emoji (its selector, a mark, ends the word): "ℹ️", and "Ⓜ️" or "🈷️" once
    // folded to "M" and "月" (foldedForGuard); after "patient" it read as the patient's name
    if (word.includes(EMOJI_STYLE)) {
      start = stop;
      continue;
    }
    // "Smith's", "patients'": a possessive's apostrophe (and s) go; so does a closing quote mark's
    const end = word.length;
    const quoteLast = isApostrophe(word[end - 1]);
    const possessive = quoteLast
      ? word[end - 2] === "s" || word[end - 2] === "S"
      : (word[end - 1] === "s" || word[end - 1] === "S") && isApostrophe(word[end - 2]);
    const base = quoteLast ? word.slice(0, -1) : possessive ? word.slice(0, -2) : word;
    const gap = text.slice(last, start);
    const lower = base.toLowerCase();
    const ascii = ASCII_LETTERS.test(base);
    const { capitalised, upper } = ascii ? asciiCase(base) : caseOf(base, lower);
    const { blocked, place } = blocking(lower);
    tokens.push({
      start,
      end: start + base.length,
      lower,
      possessive,
      capitalised,
      upper,
      foreign: !ascii && !LATIN.test(base),
      first: tokens.length === 0 || (gap !== " " && SENTENCE_GAP.test(gap)),
      gap,
      blocked,
      place,
    });
    last = stop;
    start = stop;
  }
  return tokens;
}

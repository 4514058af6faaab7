import { remembering } from "../remembering.js";
import { wordLists } from "../words/word-lists.js";

// The guard's word knowledge (see words/word-lists.ts): the people-names list, and the SUBTLEX-US
// frequency list, which keeps each word in the case it is mostly written in and so tells "grace" the
// word from "Grace" the name. Without either file the guard falls back to its shape rules: it then
// knows fewer names, never more.

/** More different words than the guard reads in a day. */
const LISTED_KEPT = 20_000;

/**
 * True when `lower` is listed as part of a person's name (the `names` list), as written or without its
 * accents: the list spells "renee" and "jose", people write "renée" and "josé".
 * Remembered: the name readers ask it of most words of a question several times over, and a word that
 * is no name (most are) took the list's own lookup and a test for accents each time.
 */
export const isListedName = remembering(LISTED_KEPT, (lower: string): boolean => {
  const names = wordLists().list("names");
  return names.has(lower) || (!PLAIN.test(lower) && names.has(withoutAccents(lower)));
});

/** Printable ASCII: a word with no accent to take off. */
const PLAIN = /^[ -~]*$/;
const MARKS = /\p{M}/gu;
const withoutAccents = (word: string) => word.normalize("NFD").replace(MARKS, "");

/** True when `lower` is a word English mostly writes in lower case: "will", "grace" is not. */
export function isOrdinaryWord(lower: string): boolean {
  return wordLists().list("ordinary").has(lower);
}

/** True when `lower` is in the frequency list at all, in either case. */
export function isKnownWord(lower: string): boolean {
  return isOrdinaryWord(lower) || wordLists().list("proper").has(lower);
}

/**
 * True when `lower` is in the English word list (~274,000 words, no given names): "well", "mom",
 * "junior" and "john" are; "sarah" and "olivia" are not.
 */
export function isDictionaryWord(lower: string): boolean {
  return wordLists().list("english").has(lower);
}

import { wordLists } from "../words/word-lists.js";

// The guard's word knowledge (see words/word-lists.ts): the people-names list, and the SUBTLEX-US
// frequency list, which keeps each word in the case it is mostly written in and so tells "grace" the
// word from "Grace" the name. Without either file the guard falls back to its shape rules: it then
// knows fewer names, never more.

/** True when `lower` is listed as part of a person's name. */
export function isListedName(lower: string): boolean {
  return wordLists().list("names").has(lower);
}

/** True when `lower` is a word English mostly writes in lower case: "will", "grace" is not. */
export function isOrdinaryWord(lower: string): boolean {
  return wordLists().list("ordinary").has(lower);
}

/** True when `lower` is in the frequency list at all, in either case. */
export function isKnownWord(lower: string): boolean {
  return isOrdinaryWord(lower) || wordLists().list("proper").has(lower);
}

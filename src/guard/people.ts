import { isKnownWord, isListedName, isOrdinaryWord } from "./lexicon.js";
import { NEVER_NAMES, PLACES } from "./name-words.js";

/**
 * People's names in a question that is about to be kept (an unanswered question for the moderators'
 * report, a candidate phrasing that `learn` may write into the knowledge): a colleague, a doctor or a
 * relative named, who is no patient and so not the guard's. The bot promises that what it keeps has
 * anything identifying removed, and "Dr Ahmed Khan at St Mary's posted about my mum" was kept whole.
 * Read on the text as typed: a name is told by its capitals.
 *
 * - a title before capitalised words: "Dr Ahmed Khan", "Nurse Emily";
 * - two capitalised words, each a listed name and neither a place nor an everyday word: "Emily Clarke";
 * - a role, then a capitalised given name or a word English does not know: "consultant Sarah", "my
 *   colleague Priya".
 */
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;
const TITLED = new RegExp(
  String.raw`\b(?:Dr|Doctor|Nurse|Sister|Matron|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame)\.?\s+(${NAME_WORD}(?:\s+${NAME_WORD}){0,2})`,
  "gu",
);
const PAIRED = new RegExp(String.raw`(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)\s+(${NAME_WORD})`, "gu");
const ROLE_NAMED =
  /\b(?:colleague|co-?worker|consultant|registrar|resident|attending|manager|boss|supervisor|mentor|matron|midwife|nurse|doctor|gp|friend|partner|husband|wife|mum|mom|dad|son|daughter|sister|brother)\s+(\p{Lu}\p{Ll}+)/gu;

/**
 * A word that may be part of a person's name here: listed, and neither an everyday word, a place nor a
 * word that is never a name ("Grace" and "Clarke" are; "New", "Business", "Ireland" and "North" are not).
 */
const givenName = (word: string) => {
  const lower = word.toLowerCase();
  return isListedName(lower) && !isOrdinaryWord(lower) && !PLACES.has(lower) && !NEVER_NAMES.has(lower);
};
/** ... or, after a role, also a word English does not know ("my colleague Priya"). */
const namedAfterRole = (word: string) =>
  !NEVER_NAMES.has(word.toLowerCase()) && (givenName(word) || !isKnownWord(word.toLowerCase()));

/** The text with each person's name found as above replaced by "[name]". */
export function withoutPeopleNames(text: string): string {
  return text
    .replace(TITLED, (whole, name: string) =>
      NEVER_NAMES.has(name.split(/\s/)[0]?.toLowerCase() ?? "")
        ? whole
        : whole.slice(0, whole.length - name.length) + "[name]",
    )
    .replace(PAIRED, (whole, first: string, second: string) =>
      givenName(first) && givenName(second.replace(/['’]s$/, "")) ? "[name]" : whole,
    )
    .replace(ROLE_NAMED, (whole, name: string) =>
      namedAfterRole(name) ? whole.slice(0, whole.length - name.length) + "[name]" : whole,
    );
}

/**
 * Names that stand alone, with no word around them saying a patient: a given name and a surname
 * ("John Smith"), or a surname, a comma and a given name ("Smith, John") (see findNames).
 */
import { isKnownWord, isListedName } from "./lexicon.js";
import { COMMA_GAP, ENDS_WITH_COMMA, LIST_AFTER, PLACE_BEFORE } from "./name-patterns.js";
import { blocked, capital, extend, fromAsker, nameish, type Span, spaced, strong } from "./name-signs.js";
import type { Token } from "./name-tokens.js";
import { INSTITUTIONS, ORGANISATION_WORDS } from "./name-words.js";

/** "John Smith", "JOHN SMITH", "david okoro": a known given name and a surname, in any case. */
export function paired(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const a = tokens[i] as Token;
  const b = tokens[i + 1];
  // "AI chatbot": one word in capitals beside one not is an acronym, not a shouted name
  if (!b || a.possessive || !spaced(b) || a.upper !== b.upper || blocked(b)) return undefined;
  // people write a name in one case: "Harbor de-identification" is no name
  if (a.capitalised && !b.capitalised) return undefined;
  // a given name that is also a word ("Amber", "daisy") is judged by the surname after it, below
  if (isListedName(a.lower) && (strong(a) || capital(a))) {
    const surname = strong(b) || capital(b) || (!b.foreign && b.lower.length > 2 && !isKnownWord(b.lower));
    if (!surname || !(strong(a) || strong(b))) return undefined;
  } else if (!(nameish(a) && !a.foreign && isListedName(b.lower) && strong(b))) {
    // a given name the list lacks ("priya") before a listed surname ("kapoor")
    return undefined;
  }
  // an institution named after people ("Alder Hey"): looked up only for a pair that reads as a name
  // so far, since its key is a new string, and making one for every two words was much of the name
  // finder's garbage
  if (INSTITUTIONS.has(`${a.lower}-${b.lower}`)) return undefined;
  if (ORGANISATION_WORDS.has(b.lower)) return undefined;
  if (ORGANISATION_WORDS.has(tokens[i + 2]?.lower ?? "") && spaced(tokens[i + 2])) return undefined;
  // "a locum in Milton Keynes": after these, two capitalised words are a place
  if (a.capitalised && PLACE_BEFORE.test(tokens[i - 1]?.lower ?? "")) {
    return undefined;
  }
  if (fromAsker(tokens, i, text)) return undefined;
  return extend(tokens, i, i + 1);
}

/** "smith, john", "Kowalczyk, Anna": a surname, a comma and a given name, not a list. */
export function reversed(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const a = tokens[i] as Token;
  const b = tokens[i + 1];
  if (!b || a.possessive || !COMMA_GAP.test(b.gap) || ENDS_WITH_COMMA.test(a.gap)) return undefined;
  if (LIST_AFTER.test(text.slice(b.end + (b.possessive ? 2 : 0)))) return undefined;
  if (!(strong(a) || capital(a)) || !(strong(b) || capital(b)) || !(strong(a) || strong(b))) return undefined;
  if (!isListedName(b.lower) && !capital(b)) return undefined;
  return fromAsker(tokens, i, text) ? undefined : [i, i + 1];
}

import { isKnownWord, isListedName, isOrdinaryWord } from "./lexicon.js";
import { TITLE_GAP } from "./name-patterns.js";
import type { Token } from "./name-tokens.js";
import { AMBIGUOUS_NAMES, ASKER_BEFORE, PARTICLES, PUBLIC_TITLES } from "./name-words.js";

// What makes a word read as a name, or "patient" read as no person, for the name readers of names.ts;
// where a name found starts, and whether it is the asker's own or a public figure's.

/** Whitespace alone between two words. */
export const SPACES = /^\s+$/;

/** Never a name (see Token.blocked). */
export const blocked = (t: Token) => t.blocked;

/** A name whatever its case: listed, not an everyday word, or written in another script. */
export function strong(t: Token): boolean {
  if (blocked(t)) return false;
  if (t.foreign) return true;
  return isListedName(t.lower) && !isOrdinaryWord(t.lower) && !AMBIGUOUS_NAMES.has(t.lower);
}

/** A name by its capital: mid-sentence, listed or no everyday word ("Grace", "Okonkwo"). */
export function capital(t: Token): boolean {
  if (!t.capitalised || blocked(t)) return false;
  if (t.first) return strong(t) || !isKnownWord(t.lower);
  return isListedName(t.lower) || !isOrdinaryWord(t.lower);
}

/** Could be part of a name beside a surer one: no everyday word ("lindqvist", "freya"). */
export function nameish(t: Token): boolean {
  return strong(t) || capital(t) || (!blocked(t) && t.lower.length > 2 && !isOrdinaryWord(t.lower));
}

/** A word with whitespace alone before it. */
export const spaced = (t: Token | undefined) => t !== undefined && SPACES.test(t.gap);

/**
 * A name where the words around it say a patient: by its capital or the list, or a place that is also a
 * given name, capitalised ("my patient Georgia", not "a patient reading my blog").
 */
export function cueName(t: Token): boolean {
  return strong(t) || capital(t) || (t.place && (t.capitalised || t.upper) && isListedName(t.lower));
}

/** The first and last token of a name found, as indexes into the tokens. */
export type Span = readonly [from: number, to: number];

/** Extends a name over the name words that follow it ("Mrs Ama Owusu"), up to three words. */
export function extend(tokens: readonly Token[], from: number, to: number): Span {
  let end = to;
  while (end - from < 3 && !tokens[end]?.possessive && spaced(tokens[end + 1])) {
    const next = tokens[end + 1] as Token;
    // an unknown word after a name is most likely its surname: redact it with the name
    const unknown = !blocked(next) && next.lower.length > 2 && !isKnownWord(next.lower);
    if (strong(next) || capital(next) || unknown) end++;
    else if (PARTICLES.has(next.lower) && spaced(tokens[end + 2]) && nameish(tokens[end + 2] as Token))
      end += 2;
    else break;
  }
  return [from, end];
}

/**
 * Words after "patient" that make it a modifier ("our patient safety lead", "a patient forum"), or the
 * adjective ("a patient woman", "a very patient teacher"), not a person in care.
 */
const PATIENT_AS_MODIFIER =
  /^(?:safety|liaison|experience|advocate|advocacy|advice|information|services?|relations|representatives?|reps?|engagement|participation|voice|forums?|groups?|lead|coordinator|officer|transport|portal|facing|care|flow|records?|notes|lists?|person|people|woman|women|man|men|soul|listener|teacher|mum|mom|mother|dad|father|parent|friend|partner|boss|colleague|nurse|doctor|kid|child)$/;
/** The word right after "patient" makes it a modifier or the adjective (see PATIENT_AS_MODIFIER). */
export const modifies = (next: Token | undefined) =>
  next !== undefined && SPACES.test(next.gap) && PATIENT_AS_MODIFIER.test(next.lower);

/** The name ending at token `i`, with up to two name words before it ("Olivia Grace Smith"). */
export function nameFrom(tokens: readonly Token[], i: number): Span {
  let from = i;
  while (from > i - 2 && spaced(tokens[from]) && tokens[from - 1] && nameish(tokens[from - 1] as Token))
    from--;
  return [from, i];
}

/** The name follows a title of a doctor or a public figure, or the asker's own introduction. */
export function fromAsker(tokens: readonly Token[], i: number, text: string): boolean {
  // a title, perhaps with an initial between: "Dr U. Phillip Igbinadolor"
  const initial = tokens[i - 1]?.end === (tokens[i - 1]?.start ?? 0) + 1 ? 1 : 0;
  const title = tokens[i - 1 - initial];
  if (title && PUBLIC_TITLES.has(title.lower) && TITLE_GAP.test((tokens[i] as Token).gap)) return true;
  return ASKER_BEFORE.test(
    text.slice(Math.max(0, (tokens[i] as Token).start - 40), (tokens[i] as Token).start),
  );
}

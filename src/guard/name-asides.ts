/**
 * Names said to be a patient's in so many words: an aside after the name ("Olivia, my patient,") or a
 * sentence ("Olivia is my patient") (see findNames).
 */
import {
  APPOSITION_CLOSE,
  APPOSITION_CLOSE_REACH,
  APPOSITION_GAP,
  APPOSITION_OPENS,
  APPOSITION_REACH,
  CLAUSE_GAP,
  COMMA_GAP,
  CUES,
  IS_OR_WAS,
  WHERE_BEFORE,
} from "./name-patterns.js";
import { capital, cueName, fromAsker, modifies, nameFrom, type Span, spaced, strong } from "./name-signs.js";
import type { Token } from "./name-tokens.js";

/**
 * "Olivia, my 6 year old patient, wants...", "Emma (my patient) sent...", "Amir, my patient on ward 7,
 * ...": a name, then an aside saying whose patient it is, closed by a comma, bracket or dash. Unclosed,
 * the words after the comma are the sentence itself ("London, my patient asked", "At Tesco, a patient
 * recognised me"). Neither the asker's own name ("I'm Olivia, my patient...") nor a place ("in
 * Georgia") is one; nor a patient that is a modifier ("Tom, our patient safety lead,").
 */
export function apposed(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const t = tokens[i] as Token;
  const n = tokens[i + 1];
  if (!n || t.possessive || !APPOSITION_GAP.test(n.gap) || !APPOSITION_OPENS.test(n.lower)) return undefined;
  if (!cueName(t)) return undefined;
  // "in Georgia" is a place; after "from" a place is told by the place list ("from Leeds"), since "a
  // friend request from Siobhan, one of my patients" names someone
  const before = tokens[i - 1]?.lower ?? "";
  if (WHERE_BEFORE.test(before) && before !== "from") return undefined;
  // "I'm from London, one of your patients": where someone is from (not "the review was from Margaret")
  if (before === "from" && COME_FROM.test(tokens[i - 2]?.lower ?? "")) return undefined;
  for (let k = i + 1; k <= i + APPOSITION_REACH; k++) {
    const x = tokens[k];
    if (!x || (k > i + 1 && CLAUSE_GAP.test(x.gap))) return undefined;
    // "Sarah, my colleague whose patient died", "Sarah, my friend's patient": someone else's patient
    if (x.possessive || /^(?:whose|who|which|that)$/.test(x.lower)) return undefined;
    if (!CUES.test(x.lower)) continue;
    if (modifies(tokens[k + 1])) return undefined;
    if (fromAsker(tokens, i, text)) return undefined;
    // the aside that ends its sentence at the patient word is closed by the sentence's end ("Can I
    // accept a request from Siobhan, one of my patients?"); not one that goes on ("London, my patient asked")
    if (endsSentence(tokens, k, text)) return nameFrom(tokens, i);
    const closed = tokens
      .slice(k + 1, k + 1 + APPOSITION_CLOSE_REACH)
      .findIndex((y) => /[.!?;]/.test(y.gap) || APPOSITION_CLOSE.test(y.gap));
    const after = tokens[k + 1 + closed];
    if (closed < 0 || !after || !APPOSITION_CLOSE.test(after.gap)) return undefined;
    return nameFrom(tokens, i);
  }
  return undefined;
}

/** Words before "from" that make what follows it a place someone is from: "I'm from", "she moved from". */
const COME_FROM = /^(?:i['’]?m|am|we['’]re|they['’]re|she['’]s|he['’]s|moved|originally)$/;

/** Whether the sentence (or the text) ends after token `k`: a stop, question or exclamation mark, or nothing more. */
function endsSentence(tokens: readonly Token[], k: number, text: string): boolean {
  const next = tokens[k + 1];
  const after = text.slice((tokens[k] as Token).end, next?.start ?? text.length);
  return /[.!?]/.test(after) || (!next && !/[\p{L}\p{N}]/u.test(after));
}

/**
 * "Olivia is my patient", "Tomasz was one of our patients", "Olivia, who is my patient,": a name said to
 * be a patient, in so many words.
 */
export function declared(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const t = tokens[i] as Token;
  // ", who is my patient": the same said as an aside
  const who = tokens[i + 1]?.lower === "who" && COMMA_GAP.test(tokens[i + 1]?.gap ?? "") ? 1 : 0;
  // read before the words after it are copied: this runs for every word of the question
  const is = tokens[i + 1 + who];
  if (t.possessive || !is || !spaced(is) || !IS_OR_WAS.test(is.lower)) return undefined;
  const [whose, ...rest] = tokens.slice(i + 2 + who, i + 6 + who);
  if (!whose || !spaced(whose) || !APPOSITION_OPENS.test(whose.lower)) return undefined;
  // up to two words between: "my (new) patient", "one of my patients"
  const cue = rest.findIndex((x, k) => spaced(x) && CUES.test(x.lower) && k <= 2);
  if (cue < 0 || rest.slice(0, cue).some((x) => !spaced(x) || x.possessive)) return undefined;
  if (modifies(tokens[i + 4 + who + cue])) return undefined;
  if (
    !(strong(t) || capital(t)) ||
    WHERE_BEFORE.test(tokens[i - 1]?.lower ?? "") ||
    fromAsker(tokens, i, text)
  )
    return undefined;
  return nameFrom(tokens, i);
}

import { bedded, beforeBed } from "./beds.js";
import { caredFor } from "./cared-for.js";
import type { Finding } from "./identifiers.js";
import { isKnownWord, isListedName, isOrdinaryWord } from "./lexicon.js";
import {
  APPOSITION_CLOSE,
  APPOSITION_CLOSE_REACH,
  APPOSITION_GAP,
  APPOSITION_OPENS,
  APPOSITION_REACH,
  CLAUSE_GAP,
  COMMA_GAP,
  CUE_GAP,
  CUES,
  DOCTOR_TITLE,
  ENDS_WITH_COMMA,
  I_AM_BEFORE,
  IS_OR_WAS,
  LIST_AFTER,
  MISS_AS_VERB_BEFORE,
  MY_BEFORE,
  PATIENT_AFTER,
  PLACE_BEFORE,
  PT_GAP,
  TITLE_GAP,
  TITLES,
  WHERE_BEFORE,
} from "./name-patterns.js";
import {
  blocked,
  capital,
  cueName,
  extend,
  modifies,
  nameish,
  SPACES,
  type Span,
  spaced,
  strong,
} from "./name-signs.js";
import { type Token, tokenise } from "./name-tokens.js";
import {
  ASKER_BEFORE,
  CARE_CONTEXT,
  CONDITION_WORDS,
  EPONYMS,
  FAMILY_WORDS,
  INSTITUTIONS,
  NOT_NAME_WORDS,
  ORGANISATION_WORDS,
  PARTICLES,
  PATIENT_NOUNS,
  PUBLIC_CONTEXT,
  PUBLIC_TITLES,
  TITLE_BRANDS,
} from "./name-words.js";
import { relativeNamed } from "./relatives.js";

/** "Mrs O'Neill", "mr abernathy", "MISS HOLLOWAY"; "Dr Patel's patient" (a doctor alone is no patient). */
function titled(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const t = tokens[i] as Token;
  const n = tokens[i + 1];
  // an initial ("Ms B") is how case reports keep a patient anonymous
  // a place's name after a title is a surname ("Mrs Washington", "Mr Preston")
  if (
    !n ||
    t.possessive ||
    !TITLE_GAP.test(n.gap) ||
    (blocked(n) && !n.place) ||
    (!n.foreign && n.end - n.start < 2)
  )
    return undefined;
  if (DOCTOR_TITLE.test(t.lower)) {
    let last = i + 1;
    while (last < i + 3 && !tokens[last]?.possessive && spaced(tokens[last + 1])) last++;
    const after = tokens[last + 1]?.lower ?? "";
    const named = tokens.slice(i + 1, last + 1).every((x) => nameish(x));
    return named && tokens[last]?.possessive && PATIENT_AFTER.test(after) ? [i, last] : undefined;
  }
  if (!TITLES.test(t.lower)) return undefined;
  if (TITLE_BRANDS.has(`${t.lower}-${n.lower}`)) return undefined;
  const after = tokens[i + 2];
  if (PARTICLES.has(n.lower) && after && spaced(after) && nameish(after)) return extend(tokens, i, i + 2);
  // "MS" in capitals is mostly multiple sclerosis: only a sure name makes it a title
  if (t.upper && t.lower === "ms" && !strong(n)) return undefined;
  const nameLike =
    n.foreign ||
    strong(n) ||
    ((n.capitalised || n.lower.toUpperCase() === text.slice(n.start, n.end)) &&
      (isListedName(n.lower) || !isOrdinaryWord(n.lower)));
  if (!nameLike) return undefined;
  // "miss" is a verb too: "I miss Sarah" is no title
  if (t.lower === "miss" && MISS_AS_VERB_BEFORE.test(t.gap)) return undefined;
  return extend(tokens, i, i + 1);
}

/** "my patient Aisha", "pt tanaka", "a patient, Henrik Larsen,", "a patient of mine, Olivia,". */
function cued(tokens: readonly Token[], i: number): Span | undefined {
  const t = tokens[i] as Token;
  // "of mine" or "of ours" between the cue and the name
  const mine = tokens[i + 1]?.lower === "of" && /^(?:mine|ours)$/.test(tokens[i + 2]?.lower ?? "") ? 2 : 0;
  const n = tokens[i + 1 + mine];
  if (!n || t.possessive || !CUES.test(t.lower)) return undefined;
  if (mine) return COMMA_GAP.test(n.gap) && cueName(n) ? extend(tokens, i + 3, i + 3) : undefined;
  if (!CUE_GAP.test(n.gap) && !(t.lower === "pt" && PT_GAP.test(n.gap))) return undefined;
  // "a patients mom": a possessive without its apostrophe; "my patient Nan Jones" is a name
  if (!n.capitalised && FAMILY_WORDS.has(n.lower)) return undefined;
  if (cueName(n)) return extend(tokens, i + 1, i + 1);
  const n2 = tokens[i + 2];
  if (n2 && spaced(n2) && nameish(n) && nameish(n2) && strong(n2)) return [i + 1, i + 2];
  return undefined;
}

/**
 * "Olivia, my 6 year old patient, wants...", "Emma (my patient) sent...", "Amir, my patient on ward 7,
 * ...": a name, then an aside saying whose patient it is, closed by a comma, bracket or dash. Unclosed,
 * the words after the comma are the sentence itself ("London, my patient asked", "At Tesco, a patient
 * recognised me"). Neither the asker's own name ("I'm Olivia, my patient...") nor a place ("in
 * Georgia") is one; nor a patient that is a modifier ("Tom, our patient safety lead,").
 */
function apposed(tokens: readonly Token[], i: number, text: string): Span | undefined {
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

/** The name ending at token `i`, with up to two name words before it ("Olivia Grace Smith"). */
function nameFrom(tokens: readonly Token[], i: number): Span {
  let from = i;
  while (from > i - 2 && spaced(tokens[from]) && tokens[from - 1] && nameish(tokens[from - 1] as Token))
    from--;
  return [from, i];
}

/**
 * "Olivia is my patient", "Tomasz was one of our patients", "Olivia, who is my patient,": a name said to
 * be a patient, in so many words.
 */
function declared(tokens: readonly Token[], i: number, text: string): Span | undefined {
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

/** "a patient named maria", "her name is Chloe Martin", "a lady called margaret oduya"; not "my name is". */
function naming(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const t = tokens[i] as Token;
  let at = i + 1;
  if (t.lower === "name" && (t.possessive || tokens[at]?.lower === "is")) {
    if (MY_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start))) return undefined;
    if (!t.possessive) at++;
  } else if (t.lower === "names" && tokens[at]?.lower === "are") at++;
  else if (t.lower !== "named" && t.lower !== "called") return undefined;
  if (t.lower === "called" && I_AM_BEFORE.test(text.slice(0, t.start))) {
    return undefined;
  }
  const n = tokens[at];
  if (!n || !SPACES.test(n.gap) || NOT_NAME_WORDS.has(n.lower) || blocked(n)) return undefined;
  const ok =
    t.lower === "called"
      ? strong(n) || capital(n) || (!isKnownWord(n.lower) && n.lower.length > 2)
      : n.foreign || isListedName(n.lower) || !isOrdinaryWord(n.lower);
  return ok ? extend(tokens, at, at) : undefined;
}

/** "john smith's scan", "Hannah Doyle's pregnancy", "emily's x-ray"; not "Crohn's disease". */
function possessed(tokens: readonly Token[], i: number, publicTalk: boolean): Span | undefined {
  const t = tokens[i] as Token;
  if (!t.possessive || publicTalk) return undefined;
  const next = tokens[i + 1];
  const noun = tokens
    .slice(i + 1, i + 4)
    .findIndex((x, k) => (k === 0 || spaced(x)) && PATIENT_NOUNS.has(x.lower));
  if (noun < 0 || CLAUSE_GAP.test(next?.gap ?? ".")) return undefined;
  const [from] = nameFrom(tokens, i);
  const seq = tokens.slice(from, i + 1);
  if (PUBLIC_TITLES.has(tokens[from - 1]?.lower ?? "") || seq.some((x) => blocked(x))) return undefined;
  if (seq.some((x) => EPONYMS.has(x.lower)) || (seq.length === 1 && CONDITION_WORDS.has(next?.lower ?? ""))) {
    return undefined;
  }
  // alone, a capitalised everyday word ("the Medical Board's") is no name
  const sure =
    seq.length === 1
      ? strong(t) || (capital(t) && !isOrdinaryWord(t.lower))
      : seq.every(nameish) && seq.some((x) => strong(x) || capital(x));
  return sure ? [from, i] : undefined;
}

/** "John Smith", "JOHN SMITH", "david okoro": a known given name and a surname, in any case. */
function paired(tokens: readonly Token[], i: number, text: string): Span | undefined {
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
function reversed(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const a = tokens[i] as Token;
  const b = tokens[i + 1];
  if (!b || a.possessive || !COMMA_GAP.test(b.gap) || ENDS_WITH_COMMA.test(a.gap)) return undefined;
  if (LIST_AFTER.test(text.slice(b.end + (b.possessive ? 2 : 0)))) return undefined;
  if (!(strong(a) || capital(a)) || !(strong(b) || capital(b)) || !(strong(a) || strong(b))) return undefined;
  if (!isListedName(b.lower) && !capital(b)) return undefined;
  return fromAsker(tokens, i, text) ? undefined : [i, i + 1];
}

/** The name follows a title of a doctor or a public figure, or the asker's own introduction. */
function fromAsker(tokens: readonly Token[], i: number, text: string): boolean {
  // a title, perhaps with an initial between: "Dr U. Phillip Igbinadolor"
  const initial = tokens[i - 1]?.end === (tokens[i - 1]?.start ?? 0) + 1 ? 1 : 0;
  const title = tokens[i - 1 - initial];
  if (title && PUBLIC_TITLES.has(title.lower) && TITLE_GAP.test((tokens[i] as Token).gap)) return true;
  return ASKER_BEFORE.test(
    text.slice(Math.max(0, (tokens[i] as Token).start - 40), (tokens[i] as Token).start),
  );
}

/**
 * Names tied to a patient: after a title (Mr, Mrs, Ms, Miss, Mx), a cue ("patient", "pt", "named",
 * "called"), as a possessive before a clinical or personal detail, a known given name and a surname
 * in any case, or "surname, given name". The asker's own name and a doctor's are not a patient's,
 * and neither is a public figure's or an author's in a question about the news or a paper, unless the
 * question ties that person to the asker's care ("my patient", "I treated", "bed 4").
 */
export function findNames(text: string): Finding[] {
  const tokens = tokenise(text);
  const publicTalk = PUBLIC_CONTEXT.test(text) && !CARE_CONTEXT.test(text);
  const found: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const span =
      titled(tokens, i, text) ??
      cued(tokens, i) ??
      apposed(tokens, i, text) ??
      declared(tokens, i, text) ??
      bedded(tokens, i) ??
      beforeBed(tokens, i, text) ??
      caredFor(tokens, i) ??
      relativeNamed(tokens, i, text) ??
      naming(tokens, i, text) ??
      possessed(tokens, i, publicTalk) ??
      (publicTalk ? undefined : (paired(tokens, i, text) ?? reversed(tokens, i, text)));
    if (!span) continue;
    const [from, to] = span;
    found.push({ kind: "name", start: (tokens[from] as Token).start, end: (tokens[to] as Token).end });
    i = to;
  }
  return found;
}

import { bedded, beforeBed } from "./beds.js";
import { caredFor } from "./cared-for.js";
import type { Finding } from "./identifiers.js";
import { isKnownWord, isListedName, isOrdinaryWord } from "./lexicon.js";
import { apposed, declared } from "./name-asides.js";
import { paired, reversed } from "./name-pairs.js";
import {
  CHILD_CUES,
  CLAUSE_GAP,
  COMMA_GAP,
  CUE_GAP,
  CUES,
  DOCTOR_TITLE,
  I_AM_BEFORE,
  MISS_AS_VERB_BEFORE,
  MY_BEFORE,
  PATIENT_AFTER,
  PT_GAP,
  TITLE_GAP,
  TITLES,
} from "./name-patterns.js";
import {
  blocked,
  capital,
  cueName,
  extend,
  nameFrom,
  nameish,
  SPACES,
  type Span,
  spaced,
  strong,
} from "./name-signs.js";
import { type Token, tokenise } from "./name-tokens.js";
import {
  CARE_CONTEXT,
  CONDITION_WORDS,
  EPONYMS,
  FAMILY_WORDS,
  NOT_NAME_WORDS,
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
  if (!n || t.possessive) return undefined;
  // "baby Amelia", "little ava": a child's name after the word a ward says it with. Only a listed given
  // name, and not the first of a capitalised run, which is a title: "Baby Loss Awareness Week", "the
  // Little Princess Trust", "Little Rock". In lower case it must be no everyday word (strong: "little
  // grace period" is none); capitalised, a listed name that is one counts ("baby Grace", "baby Hope"),
  // unless the cue is capitalised too mid-sentence, as a place's or an appeal's ("in Little Rock, AR"),
  // or opens the sentence before an everyday word.
  // "A baby bunny" reads as one ("bunny" is a listed name): a question warned of a name it lacks still
  // gets its answer, while a baby's name kept would stay in the records.
  if (CHILD_CUES.test(t.lower)) {
    // "baby boy Oliver", "baby girl Amelia": the name after the child's sex
    const at = /^(?:boy|girl)$/.test(n.lower) && spaced(tokens[i + 2]) ? i + 2 : i + 1;
    const name = tokens[at] as Token;
    const after = tokens[at + 1];
    const titled = after !== undefined && spaced(after) && (after.capitalised || after.upper);
    const titleCase = t.capitalised && !t.first;
    // opening a sentence, a cue is capitalised anyway: there only a name English mostly writes so counts
    // ("Baby Grace went home", not "Little Rock is where I work" or "Baby Hope is our appeal")
    const opening = t.first && isOrdinaryWord(name.lower);
    const named =
      strong(name) ||
      (name.capitalised && !titleCase && !opening && !blocked(name) && isListedName(name.lower));
    return !mine && spaced(name) && named && !titled ? [at, at] : undefined;
  }
  if (!CUES.test(t.lower)) return undefined;
  if (mine) return COMMA_GAP.test(n.gap) && cueName(n) ? extend(tokens, i + 3, i + 3) : undefined;
  if (!CUE_GAP.test(n.gap) && !(t.lower === "pt" && PT_GAP.test(n.gap))) return undefined;
  // "a patients mom": a possessive without its apostrophe; "my patient Nan Jones" is a name
  if (!n.capitalised && FAMILY_WORDS.has(n.lower)) return undefined;
  if (cueName(n)) return extend(tokens, i + 1, i + 1);
  const n2 = tokens[i + 2];
  if (n2 && spaced(n2) && nameish(n) && nameish(n2) && strong(n2)) return [i + 1, i + 2];
  return undefined;
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

/**
 * Names tied to a patient: after a title (Mr, Mrs, Ms, Miss, Mx), a cue ("patient", "pt", "named",
 * "called", "baby"), as a possessive before a clinical or personal detail, a known given name and a surname
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

import { BED, BED_OPENS, BED_PREPOSITION, NUMBERED_GAP } from "./name-patterns.js";
import { cueName, extend, type Span, spaced } from "./name-signs.js";
import type { Token } from "./name-tokens.js";

// Names tied to a patient by the bed they lie in, before or after it (see findNames).

/** "bed 3, Olivia", "room 12 Tomasz": a name after where a patient lies. */
export function bedded(tokens: readonly Token[], i: number): Span | undefined {
  const n = tokens[i + 1];
  if (!n || !BED.test((tokens[i] as Token).lower) || !NUMBERED_GAP.test(n.gap)) return undefined;
  return cueName(n) ? extend(tokens, i + 1, i + 1) : undefined;
}

/** "Dominic from bed 6", "Amara (bay 2)": a name, then the numbered bed it lies in. */
export function beforeBed(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const t = tokens[i] as Token;
  if (t.possessive || !cueName(t)) return undefined;
  const span = extend(tokens, i, i);
  let j = span[1] + 1;
  if (BED_PREPOSITION.test(tokens[j]?.lower ?? "") && spaced(tokens[j])) j++;
  const bed = tokens[j];
  if (!bed || !BED.test(bed.lower) || !BED_OPENS.test(bed.gap)) return undefined;
  return /^\s*\d{1,3}\b/.test(text.slice(bed.end)) ? span : undefined;
}

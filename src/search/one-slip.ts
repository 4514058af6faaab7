/**
 * The words one slip of the keys from a misspelt one (a letter dropped, added or changed, or two
 * neighbours swapped), for the typo corrector's reading of what was meant (see typo.ts).
 */
import { spokenWords } from "./dictionary.js";
import { withinEdits } from "./edit-distance.js";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/**
 * The words of the spoken list (see spokenWords) one slip from a word. Each is the word's first i
 * letters and then something else, so only places up to the longest beginning of the word that some
 * listed word shares are tried: "chnage" past "ch", a misspelling near its end nearly everywhere.
 */
export function nearWords(word: string): string[] {
  const spoken = spokenWords();
  let reach = 0;
  while (reach < word.length && spoken.begins(word.slice(0, reach + 1))) reach++;
  return oneSlipFrom(word, reach).filter((w) => spoken.holds(w));
}

/**
 * The strings one slip from a word (a letter dropped, added or changed, or two neighbours swapped) at
 * the places up to `reach`.
 */
function oneSlipFrom(word: string, reach: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= Math.min(word.length, reach); i++) {
    const [before, after] = [word.slice(0, i), word.slice(i)];
    if (after) out.add(before + after.slice(1));
    if (after.length > 1) out.add(before + after[1] + after[0] + after.slice(2));
    for (const c of ALPHABET) {
      if (after) out.add(before + c + after.slice(1));
      out.add(before + c + after);
    }
  }
  out.delete(word);
  return [...out];
}

/** True when one slip (see oneSlipFrom) turns `a` into `b`. */
export function oneSlipApart(a: string, b: string): boolean {
  if (withinEdits(a, b, 1)) return true;
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

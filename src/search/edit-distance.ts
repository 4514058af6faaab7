/**
 * Edit distance (Levenshtein): how many insertions, deletions or substitutions turn one word into
 * another, or into a part of a longer text, counted only as far as a limit.
 */

/**
 * The fewest insertions, deletions or substitutions that turn `word` into some part of `text` (the
 * edits of the best approximate match of `word` inside `text`), or a number over `max` as soon as it
 * must be over it.
 */
export function substringEdits(word: string, text: string, max: number): number {
  return edits(word, text, max, true);
}

/** True when `a` becomes `b` in at most `max` insertions, deletions or substitutions (Levenshtein). */
export function withinEdits(a: string, b: string, max: number): boolean {
  return Math.abs(a.length - b.length) <= max && edits(a, b, max, false) <= max;
}

/**
 * The fewest edits turning `word` into `text`, or into any part of it (`inside`), by rows of the edit
 * table: a number over `max` as soon as a whole row is over it.
 */
function edits(word: string, text: string, max: number, inside: boolean): number {
  // previous[j]: the fewest edits turning the word's first i letters into text up to j (inside: into a
  // part of text ending at j, so starting anywhere costs nothing). Two rows, reused between calls.
  const width = text.length + 1;
  if (rows.length < 2 * width) rows = new Int32Array(4 * width);
  let previous = 0;
  let row = width;
  for (let j = 0; j < width; j++) rows[j] = inside ? 0 : j;
  for (let i = 1; i <= word.length; i++) {
    rows[row] = i;
    let least = i;
    const letter = word.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cost = letter === text.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(
        (rows[previous + j] ?? 0) + 1,
        (rows[row + j - 1] ?? 0) + 1,
        (rows[previous + j - 1] ?? 0) + cost,
      );
      rows[row + j] = d;
      if (d < least) least = d;
    }
    if (least > max) return least;
    const done = row;
    row = previous;
    previous = done;
  }
  if (!inside) return rows[previous + width - 1] ?? 0;
  let least = Number.POSITIVE_INFINITY;
  for (let j = 0; j < width; j++) least = Math.min(least, rows[previous + j] ?? 0);
  return least;
}

/** The two rows of edits()' table, end to end: grown when a longer text comes, never shrunk. */
let rows = new Int32Array(128);

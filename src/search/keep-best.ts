/**
 * Takes `index`, of `score`, into a best-first ranking of at most `depth` entries, kept as two arrays
 * side by side (`order`, the entries; `scores`, theirs): the entries below it move down in place to make
 * room. A running insertion like this is far cheaper than sorting every entry a question touches, most
 * of which fall below the `depth`-th at once, and makes no object per entry. Between equal scores the
 * entry taken first stays ahead, or, with `lowerFirst`, the lower index.
 */
export function keepBest(
  order: number[],
  scores: number[],
  index: number,
  score: number,
  depth: number,
  lowerFirst: boolean,
): void {
  let at = order.length;
  while (at > 0) {
    const ahead = scores[at - 1] as number;
    // written as "not below", so that a score that is no number keeps its place, as it always has
    if (
      lowerFirst ? ahead > score || (ahead === score && (order[at - 1] as number) < index) : !(ahead < score)
    )
      break;
    at--;
  }
  if (at >= depth) return;
  order.push(index);
  scores.push(score);
  for (let k = order.length - 1; k > at; k--) {
    order[k] = order[k - 1] as number;
    scores[k] = scores[k - 1] as number;
  }
  order[at] = index;
  scores[at] = score;
  if (order.length > depth) {
    order.pop();
    scores.pop();
  }
}

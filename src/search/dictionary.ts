import { readFileSync } from "node:fs";
import wordListPath from "word-list";
import { englishRank } from "./frequency.js";

let words: ReadonlySet<string> | undefined;

/**
 * True for a real English word: in the word-list package (~274,000 words), or among the 10,000
 * commonest words of spoken English, which adds names ("london" is not "online"). A real word the
 * corpus does not know is a different word, not a typo, so it is never "corrected". Loaded on first use.
 */
export function isEnglishWord(word: string): boolean {
  if (!words) {
    try {
      words = new Set(readFileSync(wordListPath, "utf8").split("\n"));
    } catch {
      words = new Set();
    }
  }
  return words.has(word) || englishRank(word) !== undefined;
}

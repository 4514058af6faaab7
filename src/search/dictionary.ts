import { readFileSync } from "node:fs";
import wordListPath from "word-list";

let words: ReadonlySet<string> | undefined;

/**
 * True for a real English word (the word-list package, ~274,000 words). A real word the corpus
 * does not know is a different word, not a typo, so it is never "corrected". Loaded on first use.
 */
export function isEnglishWord(word: string): boolean {
  if (!words) {
    try {
      words = new Set(readFileSync(wordListPath, "utf8").split("\n"));
    } catch {
      words = new Set();
    }
  }
  return words.has(word);
}

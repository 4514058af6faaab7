import { wordLists } from "../words/word-lists.js";
import { englishRank } from "./frequency.js";

/**
 * True for a real English word: in the word-list package (~274,000 words), or among the 10,000
 * commonest words of spoken English, which adds names ("london" is not "online"). A real word the
 * corpus does not know is a different word, not a typo, so it is never "corrected".
 */
export function isEnglishWord(word: string): boolean {
  return wordLists().list("english").has(word) || englishRank(word) !== undefined;
}

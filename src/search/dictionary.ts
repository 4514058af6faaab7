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

/**
 * True for a word English writes, in the word-list package or anywhere in the SUBTLEX spoken-English
 * list (some 74,000 words, "romanian", "spokane" and "adventist" among them), or listed as part of a
 * person's name ("hughes", "patel"): a word the corpus lacks, but not a misspelling of one of its words.
 */
export function isRealWord(word: string): boolean {
  const lists = wordLists();
  return (
    isEnglishWord(word) ||
    lists.list("ordinary").has(word) ||
    lists.list("proper").has(word) ||
    lists.list("names").has(word)
  );
}

/**
 * True for a word of the SUBTLEX spoken-English list (some 74,000 words, in either case): a word people
 * say, where the word-list package also holds "threating" and "lawes". Not remembered (see holds): a
 * misspelling is weighed against the five hundred or so strings one slip from it.
 */
export function isSpokenWord(word: string): boolean {
  const lists = wordLists();
  return lists.list("ordinary").holds(word) || lists.list("proper").holds(word);
}

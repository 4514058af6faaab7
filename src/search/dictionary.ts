import type { SortedWords } from "../words/sorted-words.js";
import { wordLists } from "../words/word-lists.js";
import { englishRank } from "./frequency.js";

/**
 * True for a real English word: in the word-list package (~274,000 words), or among the 10,000
 * commonest words of spoken English, which adds names ("london" is not "online"). A real word the
 * corpus does not know is a different word, not a typo, so it is never "corrected".
 */
export function isEnglishWord(word: string): boolean {
  return inWordList(word) || englishRank(word) !== undefined;
}

/** True for a word of the word-list package (~274,000 words, "my" and "mac" but not "su" or "wh"). */
export function inWordList(word: string): boolean {
  return wordLists().list("english").has(word);
}

/**
 * True for a word English writes, in the word-list package or anywhere in the SUBTLEX spoken-English
 * list (some 74,000 words, "romanian", "spokane" and "adventist" among them), or listed as part of a
 * person's name ("turgeon"): a word the corpus lacks, but not a misspelling of one of its words.
 */
export function isRealWord(word: string): boolean {
  // ordinary and proper, which the guard reads anyway: the spoken list, their words in one, is read only
  // for a misspelling with a guess (see typo.ts)
  const lists = wordLists();
  return (
    isEnglishWord(word) ||
    lists.list("ordinary").has(word) ||
    lists.list("proper").has(word) ||
    lists.list("names").has(word)
  );
}

/**
 * The SUBTLEX spoken-English list (some 74,000 words, lower-cased): words people say, where the
 * word-list package also holds "threating" and "lawes". Ask it with `holds` about many words once each
 * (the strings one slip from a misspelling), which does not push out the words asked about all day.
 */
export function spokenWords(): SortedWords {
  return wordLists().list("spoken");
}

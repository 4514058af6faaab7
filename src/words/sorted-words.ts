import { remembering } from "../remembering.js";

/** How many looked-up words a list remembers (see SortedWords.has). */
const MEMO_LIMIT = 20_000;

/**
 * A sorted word list kept as one string, a word a line, and searched by bisection. Loading it is one
 * file read: no set of a hundred thousand strings to build (and collect) before the first lookup, which
 * is what a one-shot command pays for most.
 */
export class SortedWords {
  /** `text` is "\n" + the words in code-unit order, each followed by "\n" (see `SortedWords.of`). */
  private constructor(readonly text: string) {}

  /** The list of these words, sorted and without repeats or empty words. */
  static of(words: Iterable<string>): SortedWords {
    const sorted = [...new Set(words)].filter((w) => w !== "" && !w.includes("\n")).sort();
    return new SortedWords(sorted.length === 0 ? "\n" : `\n${sorted.join("\n")}\n`);
  }

  /** A list saved from `text`; undefined when the text is not one (for a cache file read back). */
  static fromText(text: string): SortedWords | undefined {
    return text.startsWith("\n") && text.endsWith("\n") ? new SortedWords(text) : undefined;
  }

  /**
   * True when the list holds `word`. Answers are remembered (see remembering): the guard asks about
   * each word of a question several times over (as a given name, a surname, an everyday word), and a
   * chat asks about the same words all day.
   */
  readonly has = remembering(MEMO_LIMIT, (word) => this.search(word));

  /**
   * True when the list holds `word`, not remembered: for asking about many words once each (the
   * strings one slip from a misspelling) without pushing out the words a chat asks about all day.
   */
  holds(word: string): boolean {
    return this.search(word);
  }

  /**
   * True when a word of the list begins with `prefix`: the first word not before it does (a word that
   * begins with it sorts after it, and before every word after it that does not).
   */
  begins(prefix: string): boolean {
    if (prefix.includes("\n")) return false;
    const at = this.firstNotBefore(prefix);
    return at < this.text.length && this.text.startsWith(prefix, at);
  }

  private search(word: string): boolean {
    if (word === "" || word.includes("\n")) return false;
    const at = this.firstNotBefore(word);
    return this.text.startsWith(word, at) && this.text.charCodeAt(at + word.length) === NEWLINE;
  }

  /** Where the first word not sorting before `word` starts (the text's length when there is none). */
  private firstNotBefore(word: string): number {
    const text = this.text;
    // [lo, hi) always starts at a word's first character, so the bisection compares whole words.
    let lo = 1;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf("\n", mid - 1) + 1;
      const end = text.indexOf("\n", start);
      if (compareAt(text, start, end, word) < 0) lo = end + 1;
      else hi = start;
    }
    return lo;
  }
}

const NEWLINE = 10;

/** How text[start, end) sorts against `word` (as `<` on strings does), without copying it out. */
function compareAt(text: string, start: number, end: number, word: string): number {
  const length = Math.min(end - start, word.length);
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(start + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - word.length;
}

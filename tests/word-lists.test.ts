import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prune, shortHash } from "../src/cache.js";
import { PostingLists } from "../src/search/posting-lists.js";
import { SortedWords } from "../src/words/sorted-words.js";
import { WordLists } from "../src/words/word-lists.js";
import { tempDir } from "./helpers.js";

describe("a sorted word list", () => {
  const words = ["grace", "ann", "zoë", "o'brien", "anne", "annette", "b", "mary-jane", "ann"];
  const list = SortedWords.of(words);

  it("finds every word it holds, first and last included", () => {
    for (const w of words) expect(list.has(w)).toBe(true);
  });

  it("finds no word it lacks: neighbours, prefixes, extensions, empty and multi-line text", () => {
    for (const w of ["an", "annet", "anne ", "annettes", "a", "c", "zz", "", "ann\nanne", "\n", "Grace"])
      expect(list.has(w)).toBe(false);
  });

  it("reads back from its saved text, and refuses text that is not one", () => {
    const saved = SortedWords.fromText(list.text);
    expect(saved?.has("o'brien")).toBe(true);
    expect(SortedWords.fromText("grace\nann")).toBeUndefined();
    expect(SortedWords.of([]).has("ann")).toBe(false);
  });

  it("says whether a word it holds begins with a text, and holds() answers as has() does", () => {
    for (const w of ["", "a", "an", "ann", "anne", "annet", "annette", "mary-", "o'", "zo", "zoë", "b"])
      expect(list.begins(w), w).toBe(true);
    for (const w of ["annettes", "annf", "c", "zz", "mary-janes", "Gr", "\n", "ann\n"])
      expect(list.begins(w), w).toBe(false);
    expect(SortedWords.of([]).begins("")).toBe(false);
    // against every beginning of every word of a larger list, and beginnings one letter past them
    const many = Array.from({ length: 600 }, (_, i) => `w${(i * 7919) % 10007}`);
    const sorted = SortedWords.of(many);
    const differ: string[] = [];
    for (const w of many)
      for (let n = 0; n <= w.length; n++)
        for (const prefix of [w.slice(0, n), `${w.slice(0, n)}9`, `${w.slice(0, n)}x`])
          if (sorted.begins(prefix) !== many.some((m) => m.startsWith(prefix))) differ.push(prefix);
    expect(differ).toEqual([]);
    for (const w of [...words, "an", "c"]) expect(list.holds(w)).toBe(list.has(w));
  });

  it("agrees with a set on a large list, word for word", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919) % 10007}`);
    const sorted = SortedWords.of(many);
    const set = new Set(many);
    // the words it answers differently from the set (one expect for all: 3,300 took ~0.1 s on their own)
    const differ: string[] = [];
    for (let i = 0; i < 10007; i += 3) if (sorted.has(`w${i}`) !== set.has(`w${i}`)) differ.push(`w${i}`);
    expect(differ).toEqual([]);
  });

  it("answers the same when asked again, past the number of words it remembers", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919) % 10007}`);
    const sorted = SortedWords.of(many);
    const set = new Set(many);
    // three passes over more distinct words than it remembers: answers from memory and from the list agree
    // (one expect for all the words it answers differently: 55,000 expects took ~1 s on their own)
    const differ: string[] = [];
    for (let pass = 0; pass < 3; pass++)
      for (let i = 0; i < 30_000; i += 1 + pass)
        if (sorted.has(`w${i}`) !== set.has(`w${i}`)) differ.push(`pass ${pass}: w${i}`);
    expect(differ).toEqual([]);
  });
});

describe("the word lists", () => {
  it("are derived once, saved with what they came from, and read back from the cache", () => {
    const cacheDir = tempDir("smg-words-");
    const first = new WordLists(cacheDir);
    expect(first.list("names").has("grace")).toBe(true);
    expect(first.list("ordinary").has("will")).toBe(true);
    expect(first.list("ordinary").has("grace")).toBe(false);
    expect(first.list("proper").has("grace")).toBe(true);
    expect(first.list("english").has("boundary")).toBe(true);
    const file = join(cacheDir, "words-names.txt");
    const [header = ""] = readFileSync(file, "utf8").split("\n");
    expect(header).toContain("people-names.txt");
    // a second process reads the saved list: what is saved is what it uses
    const saved = SortedWords.of(["only-this"]).text;
    writeFileSync(file, `${header.replace(/\t\d+$/, "")}\t${saved.length}\n${saved}`);
    const second = new WordLists(cacheDir);
    expect(second.list("names").has("only-this")).toBe(true);
    expect(second.list("names").has("grace")).toBe(false);
  });

  it("derives a list again when what it was saved from has changed", () => {
    const cacheDir = tempDir("smg-words-");
    new WordLists(cacheDir).list("names");
    writeFileSync(join(cacheDir, "words-names.txt"), `stale fingerprint\n${SortedWords.of(["x"]).text}`);
    expect(new WordLists(cacheDir).list("names").has("grace")).toBe(true);
  });

  it("derives a list again when its saved copy was cut short", () => {
    const cacheDir = tempDir("smg-words-");
    new WordLists(cacheDir).list("names");
    const file = join(cacheDir, "words-names.txt");
    const saved = readFileSync(file, "utf8");
    writeFileSync(file, saved.slice(0, saved.indexOf("\naamodt") + 1));
    expect(new WordLists(cacheDir).list("names").has("grace")).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(saved);
  });

  it("still works when the cache folder cannot be written", () => {
    const blocker = join(tempDir("smg-words-"), "a-file");
    writeFileSync(blocker, "not a folder");
    const lists = new WordLists(join(blocker, "cache"));
    expect(lists.list("names").has("grace")).toBe(true);
    expect(lists.ranked().slice(0, 3)).toEqual(["you", "i", "the"]);
  });
});

describe("the cache folder", () => {
  it("keeps only the newest derived files of a kind", () => {
    const dir = tempDir("smg-prune-");
    for (let i = 0; i < 5; i++) {
      const file = join(dir, `knowledge-${i}.json`);
      writeFileSync(file, "{}");
      utimesSync(file, 1000 + i, 1000 + i);
    }
    writeFileSync(join(dir, "words-names.txt"), "");
    prune(dir, "knowledge-", 2);
    expect(readdirSync(dir).sort()).toEqual(["knowledge-3.json", "knowledge-4.json", "words-names.txt"]);
  });

  it("names a text by a short hash that differs for different texts", () => {
    expect(shortHash("/a/knowledge")).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash("/a/knowledge")).toBe(shortHash("/a/knowledge"));
    expect(shortHash("/a/knowledge")).not.toBe(shortHash("/b/knowledge"));
  });
});

describe("posting lists", () => {
  it("give each stem its own entries and values, and the same after saving", () => {
    const lists = PostingLists.of(
      new Map([
        [
          "friend",
          [
            [0, 1],
            [3, 0.5],
          ] as [number, number][],
        ],
        ["photo", [[2, 0.6]] as [number, number][]],
      ]),
    );
    const read = (l: PostingLists, stem: string) => {
      const slot = l.slot(stem);
      if (slot < 0) return [];
      const from = l.start(slot);
      return Array.from({ length: l.start(slot + 1) - from }, (_, k) => [
        l.entries[from + k],
        l.values[from + k],
      ]);
    };
    const saved = PostingLists.restore(JSON.parse(JSON.stringify(lists.data())));
    for (const l of [lists, saved]) {
      expect(read(l, "friend")).toEqual([
        [0, 1],
        [3, 0.5],
      ]);
      expect(read(l, "photo")).toEqual([[2, 0.6]]);
      expect(read(l, "nurse")).toEqual([]);
      expect(l.has("nurse")).toBe(false);
      expect(l.slot("nurse")).toBe(-1);
    }
    expect(() => PostingLists.restore({ stems: ["a"], starts: [0], entries: [], values: [] })).toThrow();
  });
});

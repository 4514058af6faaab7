import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { filesOf } from "../src/cache.js";
import { codeParts, KEEP_COMPILED } from "../src/compiled.js";
import { createGuide, KnowledgeError, loadGuide, loadKnowledge } from "../src/index.js";
import { otherSubjects } from "../src/judge.js";
import { SearchIndex } from "../src/search/search-index.js";
import { ENGINE_DIR, fixtureCopy, tempDir, testEntry } from "./helpers.js";

const ENTRIES = join("entries", "main.yaml");

/** The one compiled file in a cache folder (or the one named), parsed. */
function compiledIn(cacheDir: string, name = readdirSync(cacheDir).find((f) => f.endsWith(".json"))) {
  return JSON.parse(readFileSync(join(cacheDir, name ?? ""), "utf8")) as { fingerprint: string };
}

describe("compiled knowledge", () => {
  it("a restored index ranks and scores every question exactly as a fresh build does", () => {
    // the engine's test corpus: synonyms, other subjects' examples, entries about whom a contact is with
    // and whom a photo shows, each a part of the index that a restored one must have too
    const knowledge = loadKnowledge(ENGINE_DIR);
    const others = otherSubjects(knowledge).map((s) => s.examples);
    expect(others.length).toBeGreaterThan(0);
    const built = new SearchIndex(knowledge.entries, knowledge.synonyms, {}, undefined, others);
    const restored = new SearchIndex(
      knowledge.entries,
      knowledge.synonyms,
      {},
      JSON.parse(JSON.stringify(built.snapshot())),
    );
    const fresh = createGuide(knowledge, { index: built });
    const again = createGuide(knowledge, { index: restored });
    const questions = [
      ...knowledge.entries.map((e) => e.questions.at(-1) ?? e.title),
      "a pateint sent me a frend request",
      "how do I pin a post on Facebook",
      "my manager keeps texting me on my days off about covering shifts, do I have to reply?",
    ];
    // the reading of danger is a function (read when first asked): compared by what it reads
    const judged = (guide: typeof fresh, q: string) => {
      const { reportsRisk, ...rest } = guide.explain(q);
      return { ...rest, reportsRisk: reportsRisk() };
    };
    for (const q of questions) expect(judged(again, q)).toEqual(judged(fresh, q));
  });

  it("a restored index keeps what each entry's phrasings say of it (the readings' kinds)", () => {
    const entries = [
      testEntry("at-risk", [
        "A patient messaged me that she wants to die",
        "A follower posted that he has taken an overdose",
        "Someone commented that her boyfriend threatened to kill her",
      ]),
      testEntry("claims", [
        "Posting that vaccines cause autism",
        "Anti-vax posts",
        "COVID misinformation online",
      ]),
      testEntry("scripts", [
        "A follower asked me to prescribe for her",
        "Write him a script?",
        "Send a prescription?",
      ]),
      testEntry("mine", ["I posted a case", "I shared a photo", "I tweeted about a shift"]),
    ];
    const built = new SearchIndex(entries, []);
    const saved = built.snapshot();
    expect(saved.items.map((i) => [i.urgent, i.opinion, i.medicine, i.poster])).toEqual([
      [true, undefined, undefined, undefined],
      [undefined, "health", undefined, undefined],
      [undefined, undefined, "prescribe", undefined],
      [undefined, undefined, undefined, "self"],
    ]);
    const restored = new SearchIndex(entries, [], {}, JSON.parse(JSON.stringify(saved)));
    expect(restored.snapshot().items).toEqual(saved.items);
  });

  it("is written on the first load and read on the next, with the same answers", async () => {
    const dir = fixtureCopy();
    const cacheDir = tempDir("smg-cache-");
    const first = await loadGuide(dir, cacheDir);
    const { fingerprint } = compiledIn(cacheDir);
    const second = await loadGuide(dir, cacheDir);
    expect(compiledIn(cacheDir).fingerprint).toBe(fingerprint);
    expect(second.knowledge).toEqual(first.knowledge);
    expect(second.ask("can I accept a friend request from a patient")).toEqual(
      first.ask("can I accept a friend request from a patient"),
    );
  });

  it("names each entry's file from the folder it is read in, not the one it was compiled in", async () => {
    const dir = fixtureCopy();
    const cacheDir = tempDir("smg-cache-");
    const elsewhere = tempDir("smg-cwd-");
    const start = process.cwd();
    try {
      process.chdir(dir);
      await loadGuide(dir, cacheDir);
      process.chdir(elsewhere);
      const read = await loadGuide(dir, cacheDir);
      const entry = read.knowledge.entries[0];
      expect(resolve(entry?.file ?? "")).toBe(join(dir, ENTRIES));
    } finally {
      process.chdir(start);
    }
  });

  it("is rebuilt when a knowledge file changes, so a moderator's edit takes effect", async () => {
    const dir = fixtureCopy();
    const cacheDir = tempDir("smg-cache-");
    const before = await loadGuide(dir, cacheDir);
    expect(before.ask("a patient asked me out for dinner on Instagram").kind).toBe("no-answer");
    const yaml = readFileSync(join(dir, ENTRIES), "utf8").replace(
      "    - Can a doctor be friends with patients on social media?",
      "    - Can a doctor be friends with patients on social media?\n    - A patient asked me out for dinner on Instagram",
    );
    writeFileSync(join(dir, ENTRIES), yaml);
    const after = await loadGuide(dir, cacheDir);
    expect(after.knowledge.entries[0]?.questions).toContain("A patient asked me out for dinner on Instagram");
    const reply = after.ask("a patient asked me out for dinner on Instagram");
    expect(reply.kind === "answer" ? reply.entry.id : reply.kind).toBe("friend-requests");
  });

  it("never hides a broken knowledge file behind an older compiled copy", async () => {
    const dir = fixtureCopy();
    const cacheDir = tempDir("smg-cache-");
    await loadGuide(dir, cacheDir);
    writeFileSync(join(dir, ENTRIES), "- id: friend-requests\n\ttitle: tab\n");
    await expect(loadGuide(dir, cacheDir)).rejects.toThrow(KnowledgeError);
  });

  it("rebuilds from the YAML when the compiled file is damaged", async () => {
    const dir = fixtureCopy();
    const cacheDir = tempDir("smg-cache-");
    const good = await loadGuide(dir, cacheDir);
    const [name = ""] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, name), '{"format": 1, "fingerprint": "x", "knowl');
    expect((await loadGuide(dir, cacheDir)).knowledge).toEqual(good.knowledge);
    expect(compiledIn(cacheDir).fingerprint).not.toBe("x");
  });

  it("keeps a copy for each build of the code that reads it, so that neither compiles the other's again", async () => {
    // the built code, as the command line runs it, beside the source this test runs
    const built: typeof import("../src/compiled.js") = await import(
      pathToFileURL(join(import.meta.dirname, "..", "dist", "src", "compiled.js")).href
    );
    const dir = fixtureCopy();
    const cacheDir = tempDir("smg-cache-");
    const written = () =>
      readdirSync(cacheDir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => `${f} ${statSync(join(cacheDir, f)).ino}`)
        .sort();
    await loadGuide(dir, cacheDir);
    await built.loadGuide(dir, cacheDir);
    const both = written();
    expect(both).toHaveLength(2);
    // each read back, not compiled and written again (a new file under the name)
    await loadGuide(dir, cacheDir);
    await built.loadGuide(dir, cacheDir);
    expect(written()).toEqual(both);
  });

  it("keeps the copy still in use when it prunes, not only the ones compiled last", async () => {
    const cacheDir = tempDir("smg-cache-");
    /** The compiled copy of `dir` in the cache folder, with its inode (a new one once compiled again). */
    const copyOf = (dir: string) =>
      readdirSync(cacheDir)
        .filter((f) => f.endsWith(".json"))
        .filter((f) => compiledIn(cacheDir, f).fingerprint.includes(join(dir, ENTRIES)))
        .map((f) => `${f} ${statSync(join(cacheDir, f)).ino}`)[0];
    const used = fixtureCopy();
    const once = Array.from({ length: KEEP_COMPILED }, () => fixtureCopy());
    await loadGuide(used, cacheDir);
    for (const dir of once.slice(0, -1)) await loadGuide(dir, cacheDir);
    const compiled = copyOf(used);
    await loadGuide(used, cacheDir);
    // one folder more than the cache keeps: the oldest not read since goes, not the one in use
    await loadGuide(once.at(-1) ?? "", cacheDir);
    expect(copyOf(used)).toBe(compiled);
    expect(copyOf(once[0] ?? "")).toBeUndefined();
    expect(readdirSync(cacheDir)).toHaveLength(KEEP_COMPILED);
  });

  it("depends on the engine's folders as written, and on a bundle's entry by its time and what it says", () => {
    const written = tempDir("smg-code-");
    for (const folder of ["knowledge", "search"]) mkdirSync(join(written, folder));
    writeFileSync(join(written, "search", "index.js"), "");
    expect(codeParts(written)).toEqual(filesOf(join(written, "search")));
    const bundled = tempDir("smg-code-");
    const entry = join(bundled, "main.js");
    // the fixed time npm gives every file of a package
    const packed = new Date("1985-10-26T08:15:00Z");
    writeFileSync(entry, 'import("./guide-Ab12Cd34.js");');
    utimesSync(entry, packed, packed);
    const before = codeParts(bundled);
    expect(before[0]).toMatch(new RegExp(`^${entry} \\d+ `));
    // a chunk rebuilt under a new hash, in a copy with the same time and size: still a change
    writeFileSync(entry, 'import("./guide-Ef56Gh78.js");');
    utimesSync(entry, packed, packed);
    expect(codeParts(bundled)[0]).toBe(before[0]);
    expect(codeParts(bundled)).not.toEqual(before);
  });

  it("still answers when the cache folder cannot be written", async () => {
    const dir = fixtureCopy();
    const blocker = join(tempDir("smg-cache-"), "a-file");
    writeFileSync(blocker, "not a folder");
    const guide = await loadGuide(dir, join(blocker, "cache"));
    expect(guide.knowledge.entries.length).toBeGreaterThan(0);
    expect(guide.ask("can I accept a friend request from a patient").kind).toBe("answer");
  });
});

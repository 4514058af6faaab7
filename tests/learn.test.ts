import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appendPhrasing } from "../app/append-phrasing.js";
import { candidateId, type LearnOptions, learn, type Reading } from "../app/learn.js";
import { main } from "../app/main.js";
import { loadConfig } from "../src/config.js";
import { createGuide } from "../src/guide.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { validateCorpus } from "../src/knowledge/validate.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import type { FeedbackStorage } from "../src/store/storage.js";
import type { Entry } from "../src/types.js";
import { KNOWLEDGE_DIR, questionsOf, tempDir } from "./helpers.js";

/** A writable copy of the shipped knowledge and the path of a database not created yet. */
function workspace() {
  const dir = tempDir("smg-learn-");
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const dbPath = join(tempDir("smg-learn-db-"), "bot.db");
  return { dir, dbPath, config: loadConfig({ KNOWLEDGE_DIR: dir, DATABASE_PATH: dbPath }) };
}

type Workspace = ReturnType<typeof workspace>;

/** Runs `func` on the workspace's database, as the bot would while people use it. */
async function withStore<T>(w: Workspace, func: (store: FeedbackStorage) => Promise<T>): Promise<T> {
  const storage = openSqliteStorage(w.dbPath);
  try {
    return await func(storage.feedback);
  } finally {
    await storage.close();
  }
}

async function runLearn(w: Workspace, options: Partial<LearnOptions> = {}, input = "", read?: Reading) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await learn(
    w.config,
    loadKnowledge(w.dir),
    { list: false, accept: [], reject: [], rest: [], ...options },
    (t) => out.push(t),
    (t) => err.push(t),
    Readable.from(input ? [input] : []),
    read,
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const fileOf = (e: Entry) => readFileSync(resolve(e.file), "utf8");
const commentLine = (text: string) => text.split("\n").find((l) => /^\s*#/.test(l));

/** An entry whose file holds a comment line, so that the test can see comments survive. */
function entryWithComment(w: Workspace): { entry: Entry; comment: string } {
  const entry = loadKnowledge(w.dir).entries.find((e) => commentLine(fileOf(e)) !== undefined);
  if (!entry) throw new Error("no entries file in the knowledge base has a comment line");
  return { entry, comment: commentLine(fileOf(entry)) ?? "" };
}

const NEW = "strangers keep piling into my replies about vaccines, what now";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("socialmedia-guidance learn", () => {
  it("accepts a piped 'a': the phrasing ends the entry's questions, comments stay, the corpus validates", async () => {
    const w = workspace();
    const { entry, comment } = entryWithComment(w);
    const before = fileOf(entry);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));

    const { code, out } = await runLearn(w, {}, "a\n");

    expect(code).toBe(0);
    expect(out).toContain(entry.title);
    expect(out).toContain("npm run eval");
    const after = fileOf(entry);
    expect(questionsOf(after, entry.id).at(-1)).toBe(NEW);
    expect(after.split("\n")).toContain(comment);
    // Nothing but the one new line changed.
    const lines = after.split("\n");
    const added = lines.findIndex((l, i) => l !== before.split("\n")[i]);
    expect(lines[added]?.trim()).toBe(`- ${NEW}`);
    expect(lines.filter((_, i) => i !== added).join("\n")).toBe(before);
    expect(validateCorpus(loadKnowledge(w.dir))).toEqual([]);
    expect(await withStore(w, (s) => s.candidates())).toEqual([]);
    expect(readdirSync(join(w.dir, "entries")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("rejects on 'r': the candidate is decided and the file is byte-identical", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    const before = fileOf(entry);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));

    const { code } = await runLearn(w, {}, "r\n");

    expect(code).toBe(0);
    expect(fileOf(entry)).toBe(before);
    expect(await withStore(w, (s) => s.candidates())).toEqual([]);
  });

  it("leaves a candidate undecided on skip, on the end of input and on an unknown answer", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    const before = fileOf(entry);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));

    for (const input of ["s\n", "", "maybe\n"]) {
      const { code, out } = await runLearn(w, {}, input);
      expect(code).toBe(0);
      expect(out).toContain("1 left undecided");
    }
    expect(fileOf(entry)).toBe(before);
    expect((await withStore(w, (s) => s.candidates())).map((c) => c.question)).toEqual([NEW]);
  });

  it("restores the file and keeps the candidate when the change would break validation", async () => {
    const w = workspace();
    const [a, b] = loadKnowledge(w.dir).entries;
    if (!a || !b) throw new Error("the knowledge base needs two entries");
    const taken = b.questions[0] ?? "";
    const before = fileOf(a);
    await withStore(w, (s) => s.recordCandidate(a.id, taken, 1));
    expect((await withStore(w, (s) => s.candidates()))[0]?.question).toBe(taken.toLowerCase());

    const { code, err } = await runLearn(w, {}, "a\n");

    expect(code).toBe(1);
    expect(err).toContain("Not accepted");
    expect(err).toContain("is also a question of");
    expect(err).toContain(b.id);
    expect(fileOf(a)).toBe(before);
    expect(await withStore(w, (s) => s.candidates())).toHaveLength(1);
  });

  it("edits a file that starts with a byte-order mark, as validation reads it", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    // the mark straight before "- id:" (before a comment line, YAML reads past it)
    writeFileSync(resolve(entry.file), `\uFEFF${fileOf(entry).replace(/^(?:#.*\n|\s*\n)*/, "")}`);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
    const { code, out, err } = await runLearn(w, {}, "a\n");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("Accepted");
    expect(fileOf(entry).startsWith("\uFEFF")).toBe(true);
    expect(questionsOf(fileOf(entry).slice(1), entry.id)).toContain(NEW);
  });

  it("never writes a phrasing twice when another learn added it after this one read the knowledge", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
    const stale = loadKnowledge(w.dir);
    // the other run accepts it first
    writeFileSync(resolve(entry.file), appendPhrasing(fileOf(entry), entry.id, NEW));
    const added = fileOf(entry);
    const err: string[] = [];
    const options = { list: false, accept: [], reject: [], rest: [] };
    const code = await learn(
      w.config,
      stale,
      options,
      () => {},
      (t) => err.push(t),
      Readable.from(["a\n"]),
    );
    expect(code).toBe(1);
    expect(err.join("\n")).toContain("is listed twice");
    expect(fileOf(entry)).toBe(added);
  });

  it("skips, without writing, a phrasing the entry already has and an entry that no longer exists", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    const before = fileOf(entry);
    const own = `  ${(entry.questions[0] ?? "").toUpperCase()}!`;
    await withStore(w, async (s) => {
      await s.recordCandidate(entry.id, own, 1);
      await s.recordCandidate("no-such-entry", NEW, 2);
      await s.recordCandidate(entry.id, "can i post about [name] on facebook", 3);
    });

    const { code, out } = await runLearn(w, {}, "a\na\na\n");

    expect(code).toBe(0);
    expect(out).toContain("already a phrasing");
    expect(out).toContain('"no-such-entry" is no longer in the knowledge base');
    expect(out).toContain("held details the guard removes");
    expect(fileOf(entry)).toBe(before);
    expect(await withStore(w, (s) => s.candidates())).toHaveLength(3);
  });

  it("lists numbered candidates, and --accept / --reject act on those numbers", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    await withStore(w, async (s) => {
      await s.recordCandidate(entry.id, "first candidate about trolls", 1);
      await s.recordCandidate(entry.id, "first candidate about trolls", 2);
      await s.recordCandidate(entry.id, NEW, 3);
    });

    const listed = await runLearn(w, { list: true });
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/1\. [0-9a-f]{8}\s+2 x {2}"first candidate about trolls"/);
    expect(listed.out).toMatch(new RegExp(`2\\. [0-9a-f]{8}\\s+1 x {2}"${NEW}"`));
    const idOf = (q: string) => new RegExp(`([0-9a-f]{8})\\s+\\d+ x {2}"${q}"`).exec(listed.out)?.[1] ?? "";

    // while the bot runs, a third is proposed more often than both, and the numbers move; the ids do not
    await withStore(w, async (s) => {
      for (const at of [4, 5, 6]) await s.recordCandidate(entry.id, "a third that people keep proposing", at);
    });
    expect((await runLearn(w, { accept: [idOf(NEW)], reject: ["2"] })).code).toBe(0);
    expect(questionsOf(fileOf(entry), entry.id).at(-1)).toBe(NEW);
    expect(questionsOf(fileOf(entry), entry.id)).not.toContain("first candidate about trolls");
    expect((await withStore(w, (s) => s.candidates())).map((c) => c.question)).toEqual([
      "a third that people keep proposing",
    ]);
    const gone = await runLearn(w, { accept: [idOf(NEW)] });
    expect(gone.code).toBe(2);
    expect(gone.err).toMatch(/^No candidate waiting has the id [0-9a-f]{8}: it was decided since/);
  });

  it("says what the bot does with each candidate today, in the walk-through and in --list", async () => {
    const w = workspace();
    const guide = createGuide(loadKnowledge(w.dir));
    const read: Reading = (q) => guide.ask(q);
    const friend = "a patient wants to add me on facebook, should i say yes";
    expect(read(friend)).toMatchObject({ kind: "answer", entry: { id: "qa-maintain-boundaries" } });
    await withStore(w, async (s) => {
      await s.recordCandidate("qa-maintain-boundaries", friend, 1);
      await s.recordCandidate("connecting-with-colleagues", friend, 1);
      await s.recordCandidate("privacy-settings", "question one", 1);
    });

    const walk = await runLearn(w, {}, "s\ns\ns\n", read);
    expect(walk.out).toContain("Today the bot already answers it with this entry (");
    expect(walk.out).toContain(
      "Today the bot answers it with another entry: Maintaining professional boundaries on social media [qa-maintain-boundaries] (",
    );
    expect(walk.out).toMatch(/Today the bot declines it \(\d+% confident\)\./);

    const list = await runLearn(w, { list: true }, "", read);
    expect(list.out.match(/today the bot /g)).toHaveLength(3);
    // Without a reading (as before), neither says anything about today.
    expect((await runLearn(w, { list: true })).out).not.toContain("today the bot");
  });

  it("refuses bad numbers and mixed flags with exit code 2", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
    const [only] = await withStore(w, (s) => s.candidates());
    if (!only) throw new Error("no candidate");
    for (const options of [
      { accept: ["0"] },
      { accept: ["x"] },
      { reject: ["2"] },
      { list: true, accept: ["1"] },
      // one candidate, by its number and by its id
      { accept: ["1"], reject: [candidateId(only)] },
    ]) {
      const { code, err } = await runLearn(w, options);
      expect(code).toBe(2);
      expect(err).toContain("learn --help");
    }
    expect(await withStore(w, (s) => s.candidates())).toHaveLength(1);
  });

  it("says so, through the command line, when there is no database or no candidate yet, and reads the candidates", async () => {
    const w = workspace();
    vi.stubEnv("KNOWLEDGE_DIR", w.dir);
    vi.stubEnv("DATABASE_PATH", w.dbPath);
    const out: string[] = [];
    const err: string[] = [];
    const cli = (args: string[]) =>
      main(
        args,
        (t) => out.push(t),
        (t) => err.push(t),
      );

    expect(await cli(["learn", "--list"])).toBe(1);
    expect(err.join("\n")).toMatch(/No database at .* yet/);
    expect(existsSync(w.dbPath)).toBe(false);

    await withStore(w, async () => undefined);
    expect(await cli(["learn", "--list"])).toBe(0);
    expect(out.join("\n")).toContain("No candidate phrasings are waiting");

    // The command reads each candidate with the bot as it stands.
    await withStore(w, (s) =>
      s.recordCandidate("qa-maintain-boundaries", "a patient wants to add me on facebook", 1),
    );
    expect(await cli(["learn", "--list"])).toBe(0);
    expect(out.join("\n")).toContain("today the bot already answers it with this entry");

    expect(await cli(["learn", "--help"])).toBe(0);
    expect(out.join("\n")).toContain("--accept <n|id>");
    expect(await cli(["help"])).toBe(0);
    expect(out.at(-1)).toContain("learn [--list]");
  });
});

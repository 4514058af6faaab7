import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appendPhrasing } from "../app/append-phrasing.js";
import { learn } from "../app/learn.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { validateCorpus } from "../src/knowledge/validate.js";
import type { Entry } from "../src/types.js";
import { questionsOf } from "./helpers.js";
import { entryWithComment, fileOf, NEW, runLearn, withStore, workspace } from "./learn-fixture.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A workspace with a candidate for an entry whose file another learn holds the lock of. */
async function heldByAnother() {
  const w = workspace();
  const { entry } = entryWithComment(w);
  await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
  const file = resolve(entry.file);
  const lock = join(dirname(file), `.${basename(file)}.lock`);
  writeFileSync(lock, "");
  return { w, entry, file, lock };
}

describe("socialmedia-guidance learn", () => {
  it("accepts a piped 'a': the phrasing ends the entry's questions, comments stay, the corpus validates", async () => {
    const w = workspace();
    const { entry, comment } = entryWithComment(w);
    const before = fileOf(entry);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));

    // a key it does not know is asked about again, saying which keys it knows
    const { code, out } = await runLearn(w, {}, "x\na\n");

    expect(code).toBe(0);
    expect(out).toContain("Type a, r, s or q (accept, reject, skip or quit).");
    expect(out).toContain(entry.title);
    // the moderator's next step is check, not a refit that check may then find worse
    expect(out).toContain("run socialmedia-guidance check");
    expect(out).not.toContain("fit --write");
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
      // a skip is said, as an accept or a reject is
      if (input === "s\n") expect(out).toContain("  Skipped: it stays for later.");
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

  it("leaves a candidate another learn decided meanwhile as that one decided it, writing nothing, and says so", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    const before = fileOf(entry);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
    const [listed] = await withStore(w, (s) => s.candidates());
    // another moderator rejects it while this one reads it; decided, it cannot be decided again
    async function* answer() {
      await withStore(w, (s) => s.decideCandidate(entry.id, listed?.question ?? "", "rejected"));
      yield "a\n";
    }
    const accepted = await runLearn(w, {}, Readable.from(answer()));
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(
      /Not decided: .+ was decided in another learn meanwhile; that decision stands/,
    );
    expect(accepted.out).toContain(
      "Accepted 0, rejected 0, 1 decided in another learn meanwhile, 0 left undecided.",
    );
    expect(fileOf(entry)).toBe(before);
    expect(await withStore(w, (s) => s.decideCandidate(entry.id, listed?.question ?? "", "accepted"))).toBe(
      false,
    );
  });

  it("says the knowledge base is broken as it is, not that the phrasing would break it, when a file changed meanwhile", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    const before = fileOf(entry);
    const other = loadKnowledge(w.dir).entries.find((e) => e.file !== entry.file);
    if (!other) throw new Error("the knowledge base needs two entries files");
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
    // someone saves another file with a tab in it while the moderator reads the candidate
    async function* answer() {
      writeFileSync(resolve(other?.file ?? ""), `${fileOf(other as Entry)}\t- id: broken\n`);
      yield "a\n";
    }
    const { code, err } = await runLearn(w, {}, Readable.from(answer()));
    expect(code).toBe(1);
    expect(err).toMatch(
      /^Not accepted: the knowledge base does not validate as it is now .* Fix this, then accept again:/,
    );
    expect(err).toContain(basename(other.file));
    expect(fileOf(entry)).toBe(before);
    expect(await withStore(w, (s) => s.candidates())).toHaveLength(1);
  });

  it("puts the file back when the database cannot record the decision (locked by another process)", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    const before = fileOf(entry);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
    const holder = new Database(w.dbPath);
    // another process takes the lock once learn has opened the database, as the moderator answers
    async function* answer() {
      holder.exec("BEGIN EXCLUSIVE");
      yield "a\n";
    }
    try {
      const { code, err } = await runLearn(w, {}, Readable.from(answer()));
      expect(code).toBe(1);
      expect(err).toMatch(/Cannot record the decision in the database .*; nothing was accepted/);
      expect(fileOf(entry)).toBe(before);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
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

  it("waits while another learn holds the entry's file, and adds to what that one wrote", async () => {
    const { w, entry, file, lock } = await heldByAnother();
    const before = fileOf(entry);
    const running = runLearn(w, {}, "a\n");
    await sleep(300);
    expect(fileOf(entry)).toBe(before);
    // what the other learn wrote meanwhile, before it let go
    const theirs = "my old placement supervisor keeps messaging me about a patient";
    writeFileSync(file, appendPhrasing(before, entry.id, theirs));
    rmSync(lock);
    const { code, err } = await running;
    expect(code, err).toBe(0);
    expect(questionsOf(fileOf(entry), entry.id).slice(-2)).toEqual([theirs, NEW]);
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock a learn that died left, over a minute old", async () => {
    const { w, entry, lock } = await heldByAnother();
    const old = new Date(Date.now() - 120_000);
    utimesSync(lock, old, old);
    const { code, err } = await runLearn(w, {}, "a\n");
    expect(code, err).toBe(0);
    expect(questionsOf(fileOf(entry), entry.id).at(-1)).toBe(NEW);
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
    // kept whole before names other than a patient's were taken out of what is stored
    const db = new Database(w.dbPath);
    db.prepare(
      "INSERT INTO candidates (entry_id, question, count, first_at, last_at) VALUES (?, ?, 1, 4, 4)",
    ).run(entry.id, "my colleague dr ahmed khan tagged me in a post");
    db.close();

    const { code, out } = await runLearn(w, {}, "a\na\na\na\n");

    expect(code).toBe(0);
    expect(out).toContain("already a phrasing");
    expect(out).toContain('"no-such-entry" is no longer in the knowledge base');
    expect(out.match(/held details the guard removes/g)).toHaveLength(2);
    expect(fileOf(entry)).toBe(before);
    expect(await withStore(w, (s) => s.candidates())).toHaveLength(4);
  });
});

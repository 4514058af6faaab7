import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { candidateId } from "../app/learn-list.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { run } from "./cli-run.js";
import { brokenKnowledge, ENGINE_DIR, FIXTURE_DIR, tempDir } from "./helpers.js";

// `socialmedia-guidance report`: the moderators' to-do list, read from the database.

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("socialmedia-guidance report", () => {
  it("prints the most 👎 entries, the most-asked unanswered questions, the phrasings to learn and the answer rate per day", async () => {
    const dbPath = join(tempDir("smg-report-"), "bot.db");
    const storage = openSqliteStorage(dbPath);
    const store = storage.feedback;
    const guide = createGuide(loadKnowledge(FIXTURE_DIR));
    const day = Date.parse("2026-11-24T10:00:00Z");
    for (const user of ["U1", "U2", "U3"])
      await store.recordVote(
        { entryId: "friend-requests", vote: "down", platform: "slack", userId: user },
        day,
      );
    await store.recordVote(
      { entryId: "patient-photos", vote: "down", platform: "discord", userId: "D1" },
      day,
    );
    await store.recordVote({ entryId: "patient-photos", vote: "up", platform: "discord", userId: "D2" }, day);
    for (const q of ["how do I cook rice", "how do I cook rice", "what is the treatment for sepsis"])
      await store.recordQuestion(guide.ask(q), day);
    await store.recordQuestion(guide.ask("can I accept a friend request from a patient?"), day);
    await store.recordCandidate("friend-requests", "may a nurse befriend a patient online", day);
    await store.recordCandidate("renamed-entry", "who do i ring about a post", day);
    await storage.close();
    const env = { DATABASE_PATH: dbPath, KNOWLEDGE_DIR: FIXTURE_DIR };
    const text = await run(["report"], { env });
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[1]).toMatch(/^\s+3 👎\s+0 👍\s+Friend requests from patients \[friend-requests\]$/);
    expect(lines[2]).toMatch(/^\s+1 👎\s+1 👍 .*\[patient-photos\]$/);
    expect(text.stdout).toMatch(/2 x {2}how do i cook rice/);
    expect(text.stdout).toMatch(/2026-11-24\s+1 of\s+4 answered {2}25%/);
    expect(text.stdout).toMatch(
      /\n\s+1 x {2}"may a nurse befriend a patient online" {2}-> {2}.+ \[friend-requests\]\n/,
    );
    // an entry renamed since: its id once, as learn --list shows it
    expect(text.stdout).toContain(
      '"who do i ring about a post"  ->  (no longer in the knowledge base) [renamed-entry]',
    );
    const json = JSON.parse((await run(["report", "--json"], { env })).stdout);
    expect(json.days).toEqual([{ day: "2026-11-24", asked: 4, answered: 1 }]);
    // with the id learn --accept takes, and whether the entry is still there
    const befriend = { entryId: "friend-requests", question: "may a nurse befriend a patient online" };
    expect(json.candidates).toContainEqual(
      expect.objectContaining({ ...befriend, id: candidateId(befriend), entryExists: true }),
    );
    expect(json.candidates).toContainEqual(
      expect.objectContaining({ entryId: "renamed-entry", entryExists: false }),
    );
  });

  it("marks an unanswered question the bot declines on purpose, or answers by now", async () => {
    const dbPath = join(tempDir("smg-report-"), "bot.db");
    const storage = openSqliteStorage(dbPath);
    const guide = createGuide(loadKnowledge(ENGINE_DIR));
    const day = Date.parse("2026-11-24T10:00:00Z");
    const declined = guide.ask("what is the normal dose of paracetamol for an adult");
    await storage.feedback.recordQuestion(declined, day);
    // declined when it was asked, before the knowledge had an answer for it
    await storage.feedback.recordQuestion(
      { ...declined, question: "should I accept a patient's friend request" },
      day,
    );
    await storage.feedback.recordQuestion(guide.ask("how do I cook rice"), day);
    // declined leaning to another subject by its words alone: a guess, not a decline on purpose
    const leaning =
      "the trust emailed me a new contract with fewer study days, can they change it without asking?";
    await storage.feedback.recordQuestion(guide.ask(leaning), day);
    await storage.close();
    const env = { DATABASE_PATH: dbPath, KNOWLEDGE_DIR: ENGINE_DIR };
    const { stdout } = await run(["report"], { env });
    expect(stdout).toMatch(
      /1 x {2}what is the normal dose of paracetamol for an adult {2}\(declined on purpose: clinical care\)\n/,
    );
    expect(stdout).toMatch(/1 x {2}should i accept a patient's friend request {2}\(answered now: .+\)\n/);
    expect(stdout).toMatch(/1 x {2}how do i cook rice\n/);
    expect(stdout).toMatch(/1 x {2}the trust emailed .+ {2}\(reads as: careers, pay and training\)\n/);
    const json = JSON.parse((await run(["report", "--json"], { env })).stdout);
    const nowOf = (start: string) =>
      json.unanswered.find((u: { question: string }) => u.question.startsWith(start))?.now;
    expect(nowOf("what is the normal dose")).toEqual({ declinedAs: "clinical care" });
    expect(nowOf("should i accept")).toEqual({ answered: expect.any(String) });
    expect(nowOf("the trust emailed")).toEqual({ readsAs: "careers, pay and training" });
    expect(nowOf("how do i cook rice")).toEqual({});
  });

  it("says there is no database at a path where none is, and creates none", async () => {
    const dbPath = join(tempDir("smg-report-"), "mistyped", "bot.db");
    const text = await run(["report"], { env: { DATABASE_PATH: dbPath } });
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toContain(`No database at ${dbPath} yet`);
    expect(existsSync(dirname(dbPath))).toBe(false);
  });

  it("reports while a knowledge file is broken, naming entries by id, and says why", async () => {
    const dbPath = join(tempDir("smg-report-"), "bot.db");
    const storage = openSqliteStorage(dbPath);
    const day = Date.parse("2026-11-24T10:00:00Z");
    await storage.feedback.recordVote(
      { entryId: "friend-requests", vote: "down", platform: "slack", userId: "U1" },
      day,
    );
    await storage.feedback.recordCandidate("friend-requests", "may a nurse befriend a patient online", day);
    await storage.close();
    const env = { DATABASE_PATH: dbPath, KNOWLEDGE_DIR: brokenKnowledge() };
    const text = await run(["report"], { env });
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(
      /^The knowledge base has a problem \(socialmedia-guidance validate says what\)/,
    );
    expect(text.stdout).toMatch(/ {3}1 👎 {4}0 👍 {2}\[friend-requests\]\n/);
    expect(text.stdout).toContain('"may a nurse befriend a patient online"  ->  [friend-requests]');
    const json = JSON.parse((await run(["report", "--json"], { env })).stdout);
    expect(json.knowledgeRead).toBe(false);
    expect(json.candidates[0]).toEqual(expect.not.objectContaining({ entryExists: expect.anything() }));
    // the other commands that read the knowledge still stop, saying what is wrong with it
    const learn = await run(["learn", "--list"], { env });
    expect(learn.code).toBe(1);
    expect(learn.stderr).toContain("Fix the knowledge base");
  });

  it("shows stored text without the escape sequences and control characters an older row may hold", async () => {
    const dbPath = join(tempDir("smg-report-"), "bot.db");
    await openSqliteStorage(dbPath).close();
    // as a row written before the bot stripped them on arrival, or by an older replica
    const db = new Database(dbPath);
    const now = Date.now();
    db.prepare("INSERT INTO unanswered (question, count, first_at, last_at) VALUES (?, 1, ?, ?)").run(
      "esc \x1b]0;PWNED\x07 here \x1b[2J and \u009b31m \u202e done",
      now,
      now,
    );
    db.prepare(
      "INSERT INTO candidates (entry_id, question, count, first_at, last_at) VALUES (?, ?, 1, ?, ?)",
    ).run("friend-requests", "red \x1b[31m text", now, now);
    db.close();
    const env = { DATABASE_PATH: dbPath, KNOWLEDGE_DIR: FIXTURE_DIR };
    for (const args of [["report"], ["learn", "--list"]]) {
      const { stdout } = await run(args, { env });
      // nothing but printable text and line breaks (no ESC, C1 or direction override)
      expect(stdout.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\u202a-\u202e]/u);
      expect(stdout).toContain("red  text");
    }
    expect((await run(["report"], { env })).stdout).toContain("esc  here  and  31m  done");
  });
});

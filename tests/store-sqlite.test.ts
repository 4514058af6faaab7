import { execFileSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  askWithin,
  createGuide,
  createLogger,
  loadKnowledge,
  RateLimits,
  UsageRecords,
} from "../src/index.js";
import { WRITE_WAIT_MS } from "../src/store/db.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import type { FeedbackStorage } from "../src/store/storage.js";
import {
  capturedLogger,
  databaseWith,
  FIXTURE_DIR,
  settle,
  tempDatabase,
  tempDir,
  tempStorage,
} from "./helpers.js";

// The SQLite file itself, and what the bot's use writes to a store; the storage contract on both backends is store.test.ts.

describe("the SQLite file", () => {
  it("refuses a damaged file with a sentence that says what to do, not a raw SQLite error", async () => {
    const path = join(tempDir("smg-db-"), "bot.db");
    const storage = openSqliteStorage(path);
    for (let i = 0; i < 2_000; i++)
      await storage.feedback.recordCandidate("entry", `question number ${i} `.repeat(5), i);
    // Closing the last connection checkpoints the write-ahead log into the file.
    await storage.close();
    // Garble the pages past the header, as a failed disk or a half-copied file would.
    const size = readFileSync(path).length;
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(size - 8_192, 0xab), 0, size - 8_192, 4_096);
    closeSync(fd);
    expect(() => openSqliteStorage(path)).toThrow(/damaged.*restore the latest backup/);
  });

  it("refuses to write on, and says so, once its file is deleted or replaced while the bot runs", async () => {
    const { dir, path, storage } = await databaseWith("a question kept", "entry");
    await storage.ping();
    unlinkSync(path);
    // what it would write now goes into a file no path leads to, lost at exit
    await expect(storage.feedback.recordCandidate("entry", "a question lost", 2)).rejects.toThrow(
      /bot\.db was deleted while the bot ran.*Restart the bot/,
    );
    await expect(storage.ping()).rejects.toThrow(/was deleted/);
    await storage.close();
    // a restore with the bot still running puts another file at the path
    const other = openSqliteStorage(join(dir, "other.db"));
    await other.close();
    const again = openSqliteStorage(path);
    renameSync(join(dir, "other.db"), path);
    // reading goes on from the file opened
    await expect(again.tips.enabledSchedules()).resolves.toEqual([]);
    await expect(again.feedback.recordCandidate("entry", "a question", 3)).rejects.toThrow(/was replaced/);
    await again.close();
  });

  it("names a file that is no database at all as probably the wrong file, and leaves it as it was", () => {
    const path = join(tempDir("smg-db-"), "package.json");
    writeFileSync(path, `${JSON.stringify({ name: "something else" }, null, 2)}\n`.repeat(100));
    const before = readFileSync(path);
    expect(() => openSqliteStorage(path)).toThrow(
      /^the file is not a SQLite database: check that DATABASE_PATH names the bot's database\. If it does, it is damaged: stop the bot, /,
    );
    expect(readFileSync(path)).toEqual(before);
  });

  it("refuses another program's database, and leaves it as it was", async () => {
    const path = join(tempDir("smg-foreign-"), "clinic.db");
    const foreign = new Database(path);
    foreign.exec("CREATE TABLE appointments (id INTEGER PRIMARY KEY, seen TEXT)");
    foreign.close();
    const before = readFileSync(path);
    expect(() => openSqliteStorage(path)).toThrow(
      /^the file is another program's database \(its tables: appointments\), not one this bot wrote\. Check that DATABASE_PATH/,
    );
    expect(readFileSync(path)).toEqual(before);
    // nor one that keeps a schema version of its own, as many programs do
    const versioned = join(tempDir("smg-foreign-"), "rota.db");
    const other = new Database(versioned);
    other.exec("CREATE TABLE shifts (id INTEGER PRIMARY KEY)");
    other.pragma("user_version = 4");
    other.close();
    const kept = readFileSync(versioned);
    expect(() => openSqliteStorage(versioned)).toThrow(/another program's database \(its tables: shifts\)/);
    expect(readFileSync(versioned)).toEqual(kept);
    // or a version and no tables at all
    const bare = join(tempDir("smg-foreign-"), "bare.db");
    const unversioned = new Database(bare);
    unversioned.pragma("user_version = 3");
    unversioned.close();
    expect(() => openSqliteStorage(bare)).toThrow(
      /another program's database \(no tables, but a schema version/,
    );
    // an empty file, as a new path or `touch` leaves it, is the bot's to use
    const empty = join(tempDir("smg-empty-"), "bot.db");
    writeFileSync(empty, "");
    await openSqliteStorage(empty).close();
  });

  it("waits only briefly for another process's lock once open, so that a locked file cannot hold every reply", () => {
    const db = tempDatabase("smg-busy-");
    expect(db.pragma("busy_timeout", { simple: true })).toBe(WRITE_WAIT_MS);
    expect(WRITE_WAIT_MS).toBeLessThan(1_000);
    db.close();
  });

  it("says at start when the file can be read but not written, instead of losing every write", async () => {
    const path = join(tempDir("smg-readonly-"), "bot.db");
    await openSqliteStorage(path).close();
    chmodSync(path, 0o444);
    // opened as the bot opens it, by a user the file's mode applies to (root, without the capability
    // that overrides file modes)
    const opener = `const { openSqliteStorage } = await import(${JSON.stringify(join(import.meta.dirname, "..", "dist", "src", "store", "sqlite.js"))}); try { openSqliteStorage(${JSON.stringify(path)}); } catch (e) { console.log(e.message); }`;
    const node = [process.execPath, "--input-type=module", "-e", opener];
    const [command, ...args] =
      process.getuid?.() === 0
        ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", ...node]
        : node;
    const said = execFileSync(command as string, args, { encoding: "utf8" });
    expect(said).toMatch(/can be read but not written: check .*bot\.db-wal/);
  });

  it("says when the database's folder is a file", () => {
    const file = join(tempDir("smg-db-"), "not-a-folder");
    writeFileSync(file, "x");
    expect(() => openSqliteStorage(join(file, "bot.db"))).toThrow(/is a file, not a folder/);
  });
});

describe("the workspace a question is counted in", () => {
  it("is Slack's alone: a Teams id's colon names none, and a Teams user is one person wherever asking", async () => {
    const guide = createGuide(loadKnowledge(FIXTURE_DIR));
    const logger = createLogger("silent");
    const storage = tempStorage();
    const records = new UsageRecords({ feedback: storage.feedback, logger });
    const limits = new RateLimits({ questionsPerMinute: 1, sharesPerHour: 1, logger });
    const ask = (channelId: string) =>
      askWithin(
        guide,
        { limits, records },
        { platform: "teams", text: "help", userId: "29:member", channelId },
        logger,
      );
    expect(await ask("19:channel-one@thread.tacv2")).toHaveProperty("reply");
    // the same person in a 1:1 chat, within the minute
    expect(await ask("a:1personal-chat")).toHaveProperty("refusal");
    await records.flush();
    expect((await storage.feedback.report()).days).toHaveLength(1);
    expect((await storage.feedback.report(10, 14, "19")).days).toEqual([]);
    await storage.close();
  });
});

describe("the bot's writes to the storage", () => {
  it("answers without waiting for the write, logs one that fails, and flush waits for those in flight", async () => {
    const guide = createGuide(loadKnowledge(FIXTURE_DIR));
    const { logger, lines } = capturedLogger();
    let finish = () => {};
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const writes = [() => slow, () => Promise.reject(new Error("Connection terminated unexpectedly"))];
    const feedback: FeedbackStorage = Object.create(tempStorage().feedback);
    feedback.recordQuestion = () => (writes.shift() ?? (() => Promise.resolve()))();
    const records = new UsageRecords({ feedback, logger });
    const ask = () =>
      askWithin(guide, { records }, { platform: "slack", text: "how do I cook rice", userId: "U1" }, logger);
    expect(await ask()).toHaveProperty("reply");
    let flushed = false;
    const flushing = records.flush().then(() => {
      flushed = true;
    });
    await settle();
    expect(flushed).toBe(false);
    finish();
    await flushing;
    expect(await ask()).toHaveProperty("reply");
    await records.flush();
    expect(lines.join("\n")).toMatch(
      /Connection terminated unexpectedly.*could not record the question's outcome/,
    );
  });
});

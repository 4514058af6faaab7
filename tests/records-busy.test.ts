import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge, UsageRecords } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { capturedLogger, ENGINE_DIR, tempDir, waitFor } from "./helpers.js";

// What the bot records while another process holds the SQLite file's write lock: a moderator's SQLite
// shell in the middle of a change, say. A write waits for the lock only briefly, on the bot's one thread.

const guide = createGuide(loadKnowledge(ENGINE_DIR));

/** A bot's records over a new SQLite file, and another connection to that file, holding its write lock. */
function locked() {
  const path = join(tempDir("smg-busy-"), "bot.db");
  const storage = openSqliteStorage(path);
  const { logger, lines } = capturedLogger();
  const records = new UsageRecords({ feedback: storage.feedback, logger });
  const shell = new Database(path);
  shell.exec("BEGIN IMMEDIATE");
  const unanswered = async () => (await storage.feedback.report()).unanswered.map((u) => u.question);
  return { storage, records, lines, shell, unanswered };
}

describe("recording while the database is locked by another process", () => {
  it("keeps the question, says once that it waits, and writes it when the lock is let go", async () => {
    const { storage, records, lines, shell, unanswered } = locked();
    for (const q of ["zebra quartz lantern", "violin harbour meteor"]) records.recordQuestion(guide.ask(q));
    await waitFor(() => lines.some((l) => l.includes("locked by another process")), { what: "the warning" });
    shell.exec("COMMIT");
    shell.close();
    await records.flush();
    expect((await unanswered()).sort()).toEqual(["violin harbour meteor", "zebra quartz lantern"]);
    expect(lines.filter((l) => l.includes("locked by another process"))).toHaveLength(1);
    expect(lines.join("\n")).not.toContain("could not record");
    await storage.close();
  });

  it("gives up at shutdown if the lock is still held, logged, with the database left sound", async () => {
    const { storage, records, lines, shell, unanswered } = locked();
    records.recordQuestion(guide.ask("zebra quartz lantern"));
    await waitFor(() => lines.some((l) => l.includes("locked by another process")), { what: "the warning" });
    await records.flush();
    expect(lines.join("\n")).toContain("could not record the question's outcome");
    shell.exec("COMMIT");
    shell.close();
    expect(await unanswered()).toEqual([]);
    await storage.close();
  });
});

import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/store/db.js";
import { FeedbackStore } from "../src/store/feedback.js";
import { tempDir } from "./helpers.js";

describe("opening the database", () => {
  it("refuses a damaged file with a sentence that says what to do, not a raw SQLite error", () => {
    const path = join(tempDir("smg-db-"), "bot.db");
    const db = openDatabase(path);
    const store = new FeedbackStore(db);
    for (let i = 0; i < 2_000; i++) store.recordCandidate("entry", `question number ${i} `.repeat(5), i);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    // Garble the pages past the header, as a failed disk or a half-copied file would.
    const size = readFileSync(path).length;
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(size - 8_192, 0xab), 0, size - 8_192, 4_096);
    closeSync(fd);
    expect(() => openDatabase(path)).toThrow(/damaged.*restore the latest backup/);
  });

  it("says when the database's folder is a file", () => {
    const file = join(tempDir("smg-db-"), "not-a-folder");
    writeFileSync(file, "x");
    expect(() => openDatabase(join(file, "bot.db"))).toThrow(/is a file, not a folder/);
  });

  it("redacts stored questions again with today's guard when the report reads them", () => {
    const db = openDatabase(join(tempDir("smg-db-"), "bot.db"));
    // As an older guard might have left them: a phone number it did not know.
    db.prepare("INSERT INTO unanswered (question, count, first_at, last_at) VALUES (?, 1, 0, 0)").run(
      "can i text my patient on 07700 900123",
    );
    db.prepare(
      "INSERT INTO candidates (entry_id, question, count, first_at, last_at) VALUES ('e', ?, 1, 0, 0)",
    ).run("patient email jo@example.com posted about me");
    const report = new FeedbackStore(db).report();
    expect(report.unanswered[0]?.question).not.toContain("07700");
    expect(report.candidates[0]?.question).not.toContain("jo@example.com");
    db.close();
  });
});

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
});

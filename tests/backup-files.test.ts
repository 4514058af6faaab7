import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { backup, restore } from "../app/backup.js";
import type { Config } from "../src/config-types.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { BIN, run } from "./cli-run.js";
import { databaseWith, tempDir } from "./helpers.js";

// What the database and its backups are made as, and what backup says where it cannot write.

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("database files", () => {
  it("makes a new database, and its -wal and -shm, readable by the bot's user alone", async () => {
    const { path, storage } = await databaseWith("mode");
    try {
      expect(modeOf(path)).toBe(0o600);
      expect(existsSync(`${path}-wal`)).toBe(true);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
    } finally {
      await storage.close();
    }
  });

  it("leaves the mode of a database that was there as its owner gave it", async () => {
    const { path, storage } = await databaseWith("mode");
    await storage.close();
    chmodSync(path, 0o640);
    const again = openSqliteStorage(path);
    await again.close();
    expect(modeOf(path)).toBe(0o640);
  });

  it("gives a backup the database's mode, not the default one readable by every user", async () => {
    for (const mode of [0o600, 0o640]) {
      const { dir, path, storage } = await databaseWith("mode");
      await storage.close();
      chmodSync(path, mode);
      const to = join(dir, "backup.db");
      const made = await run(["backup", to], { env: { DATABASE_PATH: path } });
      expect(made.code, made.stderr).toBe(0);
      expect(modeOf(to)).toBe(mode);
    }
  });
});

describe("the copy being written", () => {
  it("is as private as the database from its first byte, not readable by every user while it is copied", async () => {
    const { dir, path, storage } = await databaseWith("mode");
    await storage.close();
    const modes: number[] = [];
    const copy = Database.prototype.backup;
    const spy = vi.spyOn(Database.prototype, "backup").mockImplementation(function (
      this: Database.Database,
      to,
      ...rest
    ) {
      modes.push(modeOf(String(to)));
      return copy.call(this, to, ...rest);
    });
    try {
      const config = { databasePath: path } as Config;
      const quiet = () => undefined;
      // restore copies the backup beside the database first: that copy too
      for (const command of [backup, restore])
        expect(await command(config, [join(dir, "b.db")], quiet, quiet)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(modes).toEqual([0o600, 0o600]);
  });
});

describe("backup where it cannot write", () => {
  it("says a part of the path is a file, without a stack trace", async () => {
    const { dir, path, storage } = await databaseWith("x");
    await storage.close();
    writeFileSync(join(dir, "afile"), "");
    const to = join(dir, "afile", "b.db");
    const made = await run(["backup", to], { env: { DATABASE_PATH: path } });
    expect(made.code).toBe(1);
    expect(made.stderr.trim()).toBe(
      `Could not back up to ${to}: part of ${join(dir, "afile")} is a file, not a folder.`,
    );
  });

  it("says which folder this user may not write, not SQLite's or the file system's bare words", async () => {
    // under the system's temporary folder: the run's own is closed to other users
    const dir = mkdtempSync(join(tmpdir(), "smg-backup-closed-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    chmodSync(dir, 0o755);
    const path = join(dir, "bot.db");
    await openSqliteStorage(path).close();
    chmodSync(path, 0o644);
    const closed = join(dir, "closed");
    mkdirSync(closed, { mode: 0o755 });
    // root may write anywhere: run as nobody; anyone else, make the folder read-only
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(closed, 0o555);
    for (const to of [join(closed, "b.db"), join(closed, "sub", "b.db")]) {
      const made = spawnSync(process.execPath, [BIN, "backup", to], {
        env: { ...process.env, DATABASE_PATH: path },
        encoding: "utf8",
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      const folder = to.endsWith(join("sub", "b.db")) ? join(closed, "sub") : closed;
      expect(made.status).toBe(1);
      expect(made.stderr.trim()).toBe(
        `Could not back up to ${to}: this user may not write in ${folder}: name a file in a folder it may write, or run backup as a user who may.`,
      );
    }
    chmodSync(closed, 0o755);
  });
});

describe("the lock file restore looks for", () => {
  it("is warned of once the database has opened without it, and not where the database cannot open", async () => {
    const dir = tempDir("smg-lock-");
    const warned: string[] = [];
    const onWarning = (message: string) => warned.push(message);
    // the lock file cannot be made (a folder holds its name): the bot runs, and says restore cannot see it
    const path = join(dir, "bot.db");
    mkdirSync(`${path}-inuse`);
    const storage = openSqliteStorage(path, { onWarning });
    await storage.close();
    expect(warned).toEqual([expect.stringContaining("so a restore would not see that the bot is running")]);
    // nor can the database: only why it cannot is said, by the error
    warned.length = 0;
    writeFileSync(join(dir, "afile"), "");
    expect(() => openSqliteStorage(join(dir, "afile", "bot.db"), { onWarning })).toThrow(
      /part of .*afile is a file, not a folder/,
    );
    expect(warned).toEqual([]);
  });
});

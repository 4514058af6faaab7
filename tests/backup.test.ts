import { type ChildProcessByStdio, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  chmodSync,
  chownSync,
  closeSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { holdInUse, inUseFile, whileNotInUse } from "../src/store/in-use.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { BIN, run } from "./cli-run.js";
import { brokenKnowledge, databaseWith, tempDir } from "./helpers.js";

// backup and restore of the SQLite file, through SQLite's backup API.

/** The built SQLite storage, for a bot in another process. */
const SQLITE_MODULE = join(import.meta.dirname, "..", "dist", "src", "store", "sqlite.js");

/**
 * A bot in another process: `body` runs as an ES module with `openSqliteStorage` imported from the built
 * storage; its standard output is piped, and its standard input too when `stdin` is "pipe".
 */
function storageProcess(body: string, stdin: "pipe" | "ignore") {
  // its stdin is null when "ignore": only a caller that asked for "pipe" writes to it
  return spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { openSqliteStorage } = await import(${JSON.stringify(SQLITE_MODULE)});\n${body}`,
    ],
    { stdio: [stdin, "pipe", "inherit"] },
  ) as ChildProcessByStdio<Writable, Readable, null>;
}

/** A database holding one candidate phrasing, closed, and a backup of it made with the command line. */
async function backedUp(candidate: string) {
  const { dir, path: dbPath, storage } = await databaseWith(candidate);
  await storage.close();
  const backupPath = join(dir, "backup.db");
  expect((await cli(["backup", backupPath], dbPath)).code).toBe(0);
  return { dir, dbPath, backupPath };
}

/** The command line with DATABASE_PATH set to `dbPath`. */
const cli = async (args: string[], dbPath: string) => {
  const { code, stdout, stderr } = await run(args, { env: { DATABASE_PATH: dbPath } });
  return { code, out: stdout, err: stderr };
};

async function candidates(dbPath: string): Promise<string[]> {
  const storage = openSqliteStorage(dbPath);
  try {
    return (await storage.feedback.candidates()).map((c) => c.question);
  } finally {
    await storage.close();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("backup and restore", () => {
  it("restores exactly the backup, even over a file a crashed run left its write-ahead log beside", async () => {
    const { dir, path: dbPath, storage: first } = await databaseWith("before the backup");
    await first.close();

    const backupPath = join(dir, "backups", "backup.db");
    const made = await cli(["backup", backupPath], dbPath);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/^Backed up .* to .*backup\.db \(schema \d+/);
    // one self-contained file: no write-ahead log or shared memory left beside it
    expect(existsSync(`${backupPath}-wal`) || existsSync(`${backupPath}-shm`)).toBe(false);
    // a backup is never overwritten
    expect((await cli(["backup", backupPath], dbPath)).err).toMatch(/already exists/);
    // nor made in /proc, where creating its folder never returned
    expect((await cli(["backup", "/proc/smg-test/backup.db"], dbPath)).err).toMatch(
      /^Cannot back up to \/proc\/smg-test\/backup\.db: it is in \/proc,/,
    );

    // the bot writes on, then dies: what it wrote is still in bot.db-wal, beside the file
    const running = openSqliteStorage(dbPath);
    await running.feedback.recordCandidate("qa-maintain-boundaries", "after the backup", 2);
    const crashed = join(tempDir("smg-crashed-"), "bot.db");
    copyFileSync(dbPath, crashed);
    copyFileSync(`${dbPath}-wal`, `${crashed}-wal`);
    await running.close();
    expect(existsSync(`${crashed}-wal`)).toBe(true);

    chmodSync(crashed, 0o600);
    const restored = await cli(["restore", backupPath], crashed);
    expect(restored.code, restored.err).toBe(0);
    expect(await candidates(crashed)).toEqual(["before the backup"]);
    // it keeps the mode of the file it replaced (readable by the bot's user alone)
    expect(statSync(crashed).mode & 0o777).toBe(0o600);
    // what it replaced is kept, log and all, and a second restore keeps the first's too
    const kept =
      /The database it replaced is kept as (\S*bot\.db\.before-restore-\S+?) \(with its \S+-wal and -shm, which belong with it\)\./.exec(
        restored.out,
      )?.[1] ?? "";
    expect(await candidates(kept)).toEqual(["after the backup", "before the backup"]);
    expect((await cli(["restore", backupPath], crashed)).code).toBe(0);
    expect(await candidates(kept)).toEqual(["after the backup", "before the backup"]);
  });

  it("backs up only the bot's database, not an empty file, /dev/null or another program's database", async () => {
    const empty = join(tempDir("smg-backup-"), "empty.db");
    writeFileSync(empty, "");
    const other = join(tempDir("smg-backup-"), "shop.db");
    new Database(other).exec("CREATE TABLE orders (id INTEGER); PRAGMA user_version = 3;").close();
    for (const path of [empty, "/dev/null", other]) {
      const to = join(tempDir("smg-backup-"), "copy.db");
      const made = await cli(["backup", to], path);
      expect(made.code).toBe(1);
      expect(made.err).toContain(`${path} is not a database this bot wrote: nothing was backed up.`);
      expect(existsSync(to)).toBe(false);
    }
  });

  it("backs up as a user who may read the database but not write beside it, with no bot running, and says what to check where it must write", async () => {
    // a backup user, or a read-only mount: SQLite's reader of a WAL database writes a -shm beside it
    const root = mkdtempSync(join(tmpdir(), "smg-backup-user-"));
    try {
      chmodSync(root, 0o755);
      const data = join(root, "data");
      const out = join(root, "out");
      mkdirSync(data);
      mkdirSync(out, { mode: 0o777 });
      chmodSync(out, 0o777);
      const dbPath = join(data, "bot.db");
      const storage = openSqliteStorage(dbPath);
      await storage.feedback.recordCandidate("qa-maintain-boundaries", "read without writing", 2);
      await storage.close();
      chmodSync(dbPath, 0o644);
      // root may write anywhere: run as nobody; anyone else, make the folder read-only
      const asRoot = process.getuid?.() === 0;
      if (!asRoot) chmodSync(data, 0o555);
      const to = join(out, "b.db");
      const made = spawnSync(process.execPath, [BIN, "backup", to], {
        env: { ...process.env, DATABASE_PATH: dbPath },
        encoding: "utf8",
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(made.status, made.stderr).toBe(0);
      expect(await candidates(to)).toEqual(["read without writing"]);
      // the moderators' report, which writes, says what to check, not SQLite's bare words
      const report = spawnSync(process.execPath, [BIN, "report"], {
        env: { ...process.env, DATABASE_PATH: dbPath },
        encoding: "utf8",
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(report.status).toBe(1);
      expect(report.stderr).toContain(
        `check that ${data} exists and the bot's user may write in it, where SQLite keeps the database's -wal and -shm files.`,
      );
      chmodSync(data, 0o755);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("writes a backup under its name only once it is whole, over what a cut-off run left", async () => {
    const { dir, path: dbPath, storage } = await databaseWith("kept in the backup");
    await storage.close();
    const to = join(dir, "nightly.db");
    // a run cut off partway (a cron time-out, Ctrl-C) left its part and journal under another name
    writeFileSync(`${to}.partial`, "SQLite format 3\0 and then nothing");
    writeFileSync(`${to}.partial-journal`, "x");
    const made = await cli(["backup", to], dbPath);
    expect(made.code, made.err).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith("nightly"))).toEqual(["nightly.db"]);
    expect(await candidates(to)).toEqual(["kept in the backup"]);
  });

  it("backs up and restores while a knowledge file is broken: neither reads the knowledge", async () => {
    const { dir, path: dbPath, storage: first } = await databaseWith("before the backup");
    await first.close();
    const broken = brokenKnowledge();
    const env = { DATABASE_PATH: dbPath, KNOWLEDGE_DIR: broken };
    expect((await run(["validate"], { env })).code).toBe(1);
    const backupPath = join(dir, "backup.db");
    const made = await run(["backup", backupPath], { env });
    expect(made.code, made.stderr).toBe(0);
    const restored = await run(["restore", backupPath], { env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(await candidates(dbPath)).toEqual(["before the backup"]);
  });

  it("restores the file a linked DATABASE_PATH names, keeping the link, and sees a bot on the link", async () => {
    const { dir, dbPath, backupPath } = await backedUp("before the backup");
    // the database on a volume, DATABASE_PATH a link to it
    mkdirSync(join(dir, "app"));
    const link = join(dir, "app", "bot.db");
    symlinkSync(dbPath, link);
    const running = openSqliteStorage(link);
    await running.feedback.recordCandidate("qa-maintain-boundaries", "after the backup", 2);
    // asked by the file's own path while a bot has it open by the link: refused
    const refused = await cli(["restore", backupPath], dbPath);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is open in a running bot/);
    await running.close();
    const restored = await cli(["restore", backupPath], link);
    expect(restored.code, restored.err).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await candidates(dbPath)).toEqual(["before the backup"]);
  });

  it("refuses to restore while the bot has the database open, in this process or another", async () => {
    const { dbPath, backupPath } = await backedUp("before the backup");
    const running = openSqliteStorage(dbPath);
    await running.feedback.recordCandidate("qa-maintain-boundaries", "after the backup", 2);
    const refused = await cli(["restore", backupPath], dbPath);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is open in a running bot .*: stop it, then restore\. Nothing was changed\./);
    expect(await running.feedback.candidates()).toHaveLength(2);
    // a bot in another process, holding it open until told to stop
    const child = storageProcess(
      `const s = openSqliteStorage(${JSON.stringify(dbPath)});
       process.stdout.write("open\\n");
       process.stdin.once("data", async () => { await s.close(); process.exit(0); });`,
      "pipe",
    );
    await once(child.stdout, "data");
    await running.close();
    expect((await cli(["restore", backupPath], dbPath)).err).toMatch(/is open in a running bot/);
    child.stdin.write("stop\n");
    await once(child, "exit");
    const restored = await cli(["restore", backupPath], dbPath);
    expect(restored.code, restored.err).toBe(0);
    expect(await candidates(dbPath)).toEqual(["before the backup"]);
  });

  it("a bot started during a restore waits for it, then opens the restored file", async () => {
    const { dir, dbPath, backupPath } = await backedUp("before the backup");
    const restoring = await whileNotInUse(dbPath, async () => {
      const child = storageProcess(
        `process.stdout.write("opening\\n");
         const s = openSqliteStorage(${JSON.stringify(dbPath)});
         await s.feedback.recordCandidate("qa-maintain-boundaries", "written by the bot started meanwhile", 3);
         await s.close();`,
        "ignore",
      );
      await once(child.stdout, "data");
      await sleep(300); // the bot is waiting for the lock now; the restore swaps the file meanwhile
      // as restore swaps: the database and its log files moved aside, the backup put in its place
      for (const suffix of ["", "-wal", "-shm"])
        if (existsSync(`${dbPath}${suffix}`))
          renameSync(`${dbPath}${suffix}`, join(dir, `swapped-out.db${suffix}`));
      copyFileSync(backupPath, dbPath);
      return child;
    });
    if (restoring === "in use") throw new Error("nothing should have had the database open");
    await once(restoring, "exit");
    expect(await candidates(dbPath)).toContain("written by the bot started meanwhile");
  });

  it("says the file system refused the lock (a network file system without locking) and runs nothing", async () => {
    const { path: dbPath, storage } = await databaseWith("x");
    await storage.close();
    // SQLite's own words on such a file system: a disk I/O error when the exclusive lock is asked for
    const exec = Database.prototype.exec;
    const refuse = vi.spyOn(Database.prototype, "exec").mockImplementation(function (
      this: Database.Database,
      sql,
    ) {
      if (sql === "BEGIN EXCLUSIVE")
        throw Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_LOCK" });
      return exec.call(this, sql);
    });
    const fn = vi.fn();
    try {
      await expect(whileNotInUse(dbPath, fn)).rejects.toThrow(
        /refused the lock .*SQLITE_IOERR_LOCK; a network file system without locking\?\): restore on a local disk/,
      );
    } finally {
      refuse.mockRestore();
    }
    expect(fn).not.toHaveBeenCalled();
  });

  it("makes the lock file readable by the database's owner, with the database's mode", async () => {
    const { path: dbPath, storage } = await databaseWith("x");
    await storage.close();
    rmSync(inUseFile(dbPath), { force: true });
    chmodSync(dbPath, 0o640);
    const owner = process.getuid?.() === 0 ? 65534 : statSync(dbPath).uid;
    if (owner !== statSync(dbPath).uid) chownSync(dbPath, owner, owner);
    holdInUse(dbPath)();
    expect(statSync(inUseFile(dbPath)).mode & 0o777).toBe(0o640);
    expect(statSync(inUseFile(dbPath)).uid).toBe(owner);
  });

  it("says plainly what it cannot do: read the database, or restore files another user owns", async () => {
    const dir = tempDir("smg-unreadable-");
    // a path that cannot be opened as a database (as a file the user may not read cannot, run as them)
    expect((await cli(["restore", dir], join(dir, "bot.db"))).err).toMatch(
      /is not a file: name the backup file/,
    );
    // a backup cut short (a copy that stopped half-way)
    const { path: whole, storage: full } = await databaseWith("whole");
    await full.close();
    const cut = join(dir, "cut.db");
    writeFileSync(cut, readFileSync(whole).subarray(0, 8192));
    expect((await cli(["restore", cut], join(dir, "bot.db"))).err).toMatch(
      /it is damaged \(cut short, or changed since it was made\): try an older backup\. Nothing was changed\./,
    );
    // a folder named as the database: neither backed up, nor moved aside whole by a restore
    for (const args of [
      ["backup", join(dir, "b.db")],
      ["restore", cut],
    ]) {
      const refused = await cli(args, dir);
      expect(refused.code, args[0]).toBe(1);
      expect(refused.err).toContain(
        `DATABASE_PATH (${dir}) is a folder: it must name the database file in it`,
      );
    }
    expect(existsSync(cut)).toBe(true);
    const { dbPath, backupPath } = await backedUp("theirs");
    // run as a user who neither owns the database nor is root
    const me = statSync(dbPath).uid + 1;
    const getuid = vi.spyOn(process, "getuid").mockReturnValue(me);
    try {
      const refused = await cli(["restore", backupPath], dbPath);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /belongs to another user \(uid \d+\).*Run restore as that user, or as root\. Nothing was changed\./,
      );
    } finally {
      getuid.mockRestore();
    }
  });

  it("restores over a database whose file is damaged, as the bot's start-up message advises", async () => {
    const { dbPath, backupPath } = await backedUp("kept in the backup");
    // the header overwritten: SQLite no longer reads it as a database
    const fd = openSync(dbPath, "r+");
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
    const restored = await cli(["restore", backupPath], dbPath);
    expect(restored.code, restored.err).toBe(0);
    expect(await candidates(dbPath)).toEqual(["kept in the backup"]);
  });

  it("refuses what it cannot restore from, and changes nothing", async () => {
    const { dir, path: dbPath, storage } = await databaseWith("kept");
    await storage.close();
    const notADb = join(dir, "notes.txt");
    writeFileSync(notADb, "not a database at all, just some text that is long enough to look like a file");
    for (const [args, said] of [
      [["restore", notADb], /not a SQLite database\. Nothing was changed/],
      [["restore", join(dir, "missing.db")], /No backup at/],
      [["restore", dbPath], /is the database itself/],
      [["restore"], /Usage: socialmedia-guidance restore <file>/],
    ] as const) {
      const result = await cli([...args], dbPath);
      expect(result.code).toBeGreaterThan(0);
      expect(result.err).toMatch(said);
    }
    expect(await candidates(dbPath)).toEqual(["kept"]);
  });
});

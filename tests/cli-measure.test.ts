import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { check } from "../app/check.js";
import { folderAsDatabase } from "../app/lazy.js";
import { fs } from "../src/builtins.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { run } from "./cli-run.js";
import { FIXTURE_DIR, fixtureCopy, KNOWLEDGE_DIR, tempDir } from "./helpers.js";

// The command line's measuring and previewing commands: check, eval, guard-eval, selftest, tips preview.

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the measuring commands", () => {
  it("check: says whether quality held against the recorded figures, and which answers changed", async () => {
    const held = await run(["check"]);
    expect(held.code, held.stderr).toBe(0);
    expect(held.stdout).toContain("Quality held");
    // A knowledge folder with the shipped confidence model at a threshold no answer reaches: every answer
    // turns into a decline. The small fixture corpus, not a copy of the shipped one: check measures the
    // same sets against the same record either way, and it reads and indexes in a moment.
    const model = JSON.parse(readFileSync(join(KNOWLEDGE_DIR, "confidence.json"), "utf8"));
    const dir = fixtureCopy({ "confidence.json": JSON.stringify({ ...model, threshold: 0.999 }) });
    const fell = await run(["check"], { env: { KNOWLEDGE_DIR: dir } });
    expect(fell.code).toBe(1);
    expect(fell.stdout).toMatch(/top1 \d+\.\d% -> 0\.0% \(fell\)/);
    expect(fell.stdout).toMatch(/changed: ".+" [a-z-]+ -> \(declined\)/);
    expect(fell.stdout).toContain("Quality fell");
  });

  it("eval and guard-eval: refuse an empty file, and warn of a label no entry has", async () => {
    const dir = tempDir("smg-eval-");
    writeFileSync(join(dir, "empty.jsonl"), "\n");
    const empty = await run(["eval", join(dir, "empty.jsonl")], { env: { KNOWLEDGE_DIR: FIXTURE_DIR } });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/it has no questions/);
    const guard = await run(["guard-eval", join(dir, "empty.jsonl")]);
    expect(guard.code).toBe(1);
    expect(guard.stderr).toMatch(/it has no cases/);
    const rows = [
      { q: "Should I accept a friend request from a patient?", accept: ["friend-requests"] },
      { q: "Can I post a photo of a patient?", accept: ["patient-photoes"] },
    ];
    writeFileSync(join(dir, "typo.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n"));
    const typo = await run(["eval", join(dir, "typo.jsonl")], { env: { KNOWLEDGE_DIR: FIXTURE_DIR } });
    expect(typo.code).toBe(0);
    expect(typo.stderr).toMatch(/^Warning: .* accepts an id no entry has \(patient-photoes\)/);
    // no question to decline in the file: no abstain figure, rather than 100% of none
    expect(typo.stdout).toContain("out-of-scope: 0 questions, abstain n/a");
    expect(typo.stdout).toContain("abstain n/a (0 out of scope)");
    // ... and none to answer: no top-1, top-3 or ranking figure
    writeFileSync(join(dir, "declines.jsonl"), JSON.stringify({ q: "how do I cook rice", accept: [] }));
    const declines = await run(["eval", join(dir, "declines.jsonl")], {
      env: { KNOWLEDGE_DIR: FIXTURE_DIR },
    });
    expect(declines.stdout).toContain("in-scope:     0 questions, top-1 n/a, top-3 n/a");
    expect(declines.stdout).toContain("first right n/a, right in the first three n/a");
  });

  it("tips preview: shows the defaults where there is no database yet, and creates none", async () => {
    const dbPath = join(tempDir("smg-preview-"), "data", "bot.db");
    const result = await run(["tips", "preview", "--channel", "C1", "--days", "3"], {
      env: { DATABASE_PATH: dbPath },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`No database at ${dbPath} yet`);
    expect(result.stdout.match(/\[[a-z0-9-]+\]$/gm)).toHaveLength(3);
    expect(existsSync(dirname(dbPath))).toBe(false);
  });

  it("tips channels: lists every platform's channels whose daily tip is on", async () => {
    const dbPath = join(tempDir("smg-channels-"), "bot.db");
    const storage = openSqliteStorage(dbPath);
    const at = Date.UTC(2026, 10, 25);
    const turnedOn = [
      ["slack", "C1", "08:30", "Europe/London", true, "command"],
      ["mattermost", "m".repeat(26), "09:00", "UTC", false, "env"],
      ["discord", "123456789012345678", "10:00", "UTC", false, "command"],
    ] as const;
    for (const [platform, channel, time, timeZone, weekdaysOnly, origin] of turnedOn)
      await storage.tips.enable(platform, channel, { time, timeZone, weekdaysOnly }, origin, at);
    await storage.tips.disable("discord", "123456789012345678", at);
    await storage.close();
    const bytes = readFileSync(dbPath);
    const files = readdirSync(dirname(dbPath));
    const text = await run(["tips", "channels"], { env: { DATABASE_PATH: dbPath } });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.trim().split("\n")).toEqual([
      `mattermost  ${"m".repeat(26)}  09:00 UTC  (environment)`,
      "slack  C1  08:30 Europe/London weekdays  (tips on)",
    ]);
    const json = await run(["tips", "channels", "--json"], { env: { DATABASE_PATH: dbPath } });
    expect(JSON.parse(json.stdout)).toHaveLength(2);
    // tips preview finds the channel's platform without --platform, and says where it looked when none
    const mattermost = await run(["tips", "preview", "--channel", "m".repeat(26), "--days", "1"], {
      env: { DATABASE_PATH: dbPath },
    });
    expect(mattermost.code, mattermost.stderr).toBe(0);
    expect(mattermost.stdout).not.toContain("no daily tip");
    expect(mattermost.stdout).toMatch(/, 09:00 UTC {2}/);
    const nowhere = await run(["tips", "preview", "--channel", "C9", "--days", "1"], {
      env: { DATABASE_PATH: dbPath },
    });
    expect(nowhere.stdout).toContain("(C9 has no daily tip on any platform yet; showing the defaults");
    // a file the bot never wrote (empty) is neither read as an older version's nor given the bot's tables
    const empty = join(tempDir("smg-empty-"), "bot.db");
    writeFileSync(empty, "");
    for (const args of [["tips", "channels"], ["report"]]) {
      const refused = await run(args, { env: { DATABASE_PATH: empty } });
      expect(refused.code, args.join(" ")).toBe(1);
      expect(refused.stderr).toContain("the file has none of the bot's tables");
    }
    expect(readFileSync(empty)).toHaveLength(0);
    // a folder named as the database: one sentence saying so, whatever the command
    const folder = tempDir("smg-folder-");
    for (const args of [["tips", "channels"], ["report"], ["start"]]) {
      const refused = await run(args, { env: { DATABASE_PATH: folder } });
      expect(refused.code, args.join(" ")).toBe(1);
      expect(refused.stderr).toContain(
        `DATABASE_PATH (${folder}) is a folder: it must name the database file in it`,
      );
    }
    // a folder on the way that may not be looked into (EACCES, run as another user): no stack trace, but
    // no verdict either, and opening the file then says why in SQLite's words
    const denied = vi.spyOn(fs, "statSync").mockImplementation(() => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    });
    try {
      expect(folderAsDatabase(join(folder, "locked", "bot.db"))).toBeUndefined();
    } finally {
      denied.mockRestore();
    }
    // a place in /proc, where Node's creation of the missing folder never returned: refused before it
    expect(folderAsDatabase("/proc/x/y.db")).toMatch(
      /^DATABASE_PATH \(\/proc\/x\/y\.db\) is in \/proc, the system's view/,
    );
    expect(folderAsDatabase("/sys/bot.db")).toMatch(/is in \/sys, /);
    expect(folderAsDatabase("/processes/bot.db")).toBeUndefined();
    // it only reads: run as another user with the bot stopped, a -wal or -shm it left stopped the bot
    expect(readdirSync(dirname(dbPath))).toEqual(files);
    expect(files).not.toContain("bot.db-wal");
    expect(readFileSync(dbPath).equals(bytes)).toBe(true);
  });

  it("check: says so plainly where there are no sets to measure (an installed copy) or the record cannot be written", () => {
    const guide = createGuide(loadKnowledge(FIXTURE_DIR));
    const errors: string[] = [];
    const quiet = () => {};
    expect(check(guide, true, quiet, (l) => errors.push(l), tempDir("smg-no-sets-"))).toBe(1);
    expect(errors.pop()).toMatch(/^check compares the project's evaluation sets, and there are none in /);
    const dir = tempDir("smg-sets-");
    writeFileSync(
      join(dir, "project.jsonl"),
      '{"q": "can I accept a friend request from a patient?", "accept": ["friend-requests"]}\n',
    );
    mkdirSync(join(dir, "recorded.json")); // where the record would go, something that cannot be written
    expect(check(guide, true, quiet, (l) => errors.push(l), dir)).toBe(1);
    expect(errors.pop()).toMatch(/^Cannot write .*recorded\.json: EISDIR/);
  });

  it("selftest: asks the knowledge its own phrasings and says where they went", async () => {
    const result = await run(["selftest"], { env: { KNOWLEDGE_DIR: fixtureCopy() } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\d+ phrasings, \d+\.\d% find their own entry first/);
    expect(result.stdout).toContain("Entries whose phrasings find them least:");
  });
});

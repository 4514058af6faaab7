import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

const CHILD = join(import.meta.dirname, "fixtures", "soak-child.mjs");

/** Starts the child, waits for it to record and say ready, sends SIGTERM; resolves with how it ended. */
function cycle(
  dbPath: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dbPath], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) child.kill("SIGTERM");
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe("starting and stopping, again and again", () => {
  it("opens, records a question and a vote, and exits cleanly on SIGTERM, 50 times on one database", async () => {
    const dbPath = join(tempDir("smg-soak-"), "bot.db");
    const ends: Awaited<ReturnType<typeof cycle>>[] = [];
    // Two at a time, as a restart overlapping the old process would.
    for (let i = 0; i < 50; i += 2) ends.push(...(await Promise.all([cycle(dbPath), cycle(dbPath)])));
    expect(ends.filter((e) => e.code !== 0 || e.signal !== null || e.stderr !== "")).toEqual([]);
  }, 60_000);
});

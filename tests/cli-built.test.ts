import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "./cli-run.js";
import { fixtureCopy, tempDir, waitFor } from "./helpers.js";

// The command line as installed: bin/socialmedia-guidance.js run as a child process.

describe("the installed command (built)", () => {
  it("runs bin/socialmedia-guidance.js: ask --json prints the JSON contract and exits 0", () => {
    const result = spawnSync(
      process.execPath,
      [BIN, "ask", "--json", "can I accept a friend request from a patient?"],
      { input: "", encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    const reply = JSON.parse(result.stdout);
    expect(reply.question).toBe("can I accept a friend request from a patient?");
    // with no KNOWLEDGE_DIR it reads the knowledge it was installed with; what that answers is measured
    // by the evaluation floors, not here
    expect(Object.keys(reply).sort()).toEqual(["answer", "flags", "question", "suggestions"]);
    // it runs the bundle, and the knowledge it compiled depends on the bundle's files: a rebuild of the
    // engine compiles the knowledge again rather than serving the old build's index
    const bundle = join(import.meta.dirname, "..", "dist", "bundle");
    const cache = join(import.meta.dirname, "..", "node_modules", ".cache", "socialmedia-guidance");
    const fingerprints = readdirSync(cache)
      .filter((f) => f.startsWith("knowledge-"))
      .map((f) => (JSON.parse(readFileSync(join(cache, f), "utf8")) as { fingerprint: string }).fingerprint);
    expect(fingerprints.some((f) => f.includes(`${join(bundle, "main.js")} `))).toBe(true);
  });

  it("prints a text answer without loading a syntax highlighter (no answer holds code)", () => {
    // every module the process loads, as the loader reads it
    const hooks = `data:text/javascript,import{registerHooks}from"node:module";registerHooks({load(u,c,n){process.stderr.write("loaded "+u+"\\n");return n(u,c)}})`;
    const result = spawnSync(
      process.execPath,
      ["--import", hooks, BIN, "ask", "can I accept a friend request from a patient?"],
      {
        input: "",
        encoding: "utf8",
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^## /);
    expect(result.stderr).toMatch(/loaded .*marked-terminal|loaded .*dist\/bundle\/render-/);
    expect(result.stderr).not.toMatch(/highlight\.js|cli-highlight/);
  });

  it("answers nothing piped in after quit in the console chat", () => {
    const result = spawnSync(process.execPath, [BIN, "start"], {
      input: "quit\nhow do I cook rice\n",
      encoding: "utf8",
      env: { ...process.env, DATABASE_PATH: join(tempDir("smg-quit-"), "usage.db") },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trimEnd().endsWith("Goodbye.")).toBe(true);
    expect(result.stdout).not.toContain("I have no guidance on that.");
  });

  it("says what is missing, and exits 1, when it starts with no platform settings and no input (a service)", () => {
    const result = spawnSync(process.execPath, [BIN, "start"], {
      input: "",
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", DATABASE_PATH: join(tempDir("smg-service-"), "usage.db") },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^No platform is set up \(SLACK_BOT_TOKEN, .*\.env in the folder the bot starts in/,
    );
  });

  it("picks up a knowledge edit in the console chat, says so, and keeps the last good knowledge while an edit is broken", async () => {
    const dir = fixtureCopy();
    const child = spawn(process.execPath, [BIN, "start"], {
      env: { PATH: process.env.PATH ?? "", KNOWLEDGE_DIR: dir, RECORD_CONSOLE: "false" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    const question = "a patient asked me out for dinner on Instagram\n";
    const answers = () => stdout.split("\n> ").length - 1;
    const file = join(dir, "entries", "main.yaml");
    const before = readFileSync(file, "utf8");
    try {
      // a child that compiles a fresh copy of the knowledge first starts slowly on a loaded machine
      await waitFor(() => answers() === 1, { what: "the prompt", timeoutMs: 10_000 });
      child.stdin.write(question);
      await waitFor(() => answers() === 2, { what: "the first answer" });
      expect(stdout).toContain("I have no guidance on that");
      writeFileSync(
        file,
        before.replace(
          "    - Can a doctor be friends with patients on social media?",
          "    - Can a doctor be friends with patients on social media?\n    - A patient asked me out for dinner on Instagram",
        ),
      );
      await waitFor(() => stderr.includes("(Knowledge reloaded: "), {
        what: "the reload",
        timeoutMs: 10_000,
      });
      child.stdin.write(question);
      await waitFor(() => answers() === 3, { what: "the second answer" });
      expect(stdout.split("\n> ")[2]).toContain("Friend requests from patients");
      writeFileSync(file, before.replace("  title: Friend requests from patients", "\ttitle: broken"));
      await waitFor(() => stderr.includes("(Knowledge not reloaded"), {
        what: "the refusal",
        timeoutMs: 10_000,
      });
      // one line, without the bullet of the validate list the problem comes from
      expect(stderr).toMatch(/1 problem, the first: [^\s-][^\n]*main\.yaml:\d+:1: .*tab/);
      child.stdin.write(question);
      await waitFor(() => answers() === 4, { what: "the third answer" });
      expect(stdout.split("\n> ")[3]).toContain("Friend requests from patients");
    } finally {
      child.stdin.end();
      await once(child, "exit");
    }
  });

  it("says once in the console chat that it could not record its use, when its database is deleted under it", async () => {
    const db = join(tempDir("smg-gone-"), "usage.db");
    const child = spawn(process.execPath, [BIN, "start"], {
      env: { PATH: process.env.PATH ?? "", KNOWLEDGE_DIR: fixtureCopy(), DATABASE_PATH: db },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    const answers = () => stdout.split("\n> ").length - 1;
    try {
      await waitFor(() => answers() === 1, { what: "the prompt", timeoutMs: 10_000 });
      child.stdin.write("should I accept a friend request from a patient\n");
      await waitFor(() => answers() === 2, { what: "the first answer" });
      for (const file of [db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
      for (const n of [3, 4]) {
        child.stdin.write("should I accept a friend request from a patient\n");
        await waitFor(() => answers() === n, { what: `answer ${n - 1}` });
      }
      await waitFor(() => stderr.includes("(Note: could not record"), { what: "the note" });
      expect(stderr.match(/\(Note: /g)).toHaveLength(1);
    } finally {
      child.stdin.end();
      await once(child, "exit");
    }
  });

  it("ends quietly when its reader goes away (| head)", async () => {
    const child = spawn(process.execPath, [BIN, "tips", "list"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    // the reader closes before the output comes, as `| head` does once it has its lines
    child.stdout.destroy();
    const [code] = await once(child, "exit");
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("ends the console chat quietly, exit 0, when its reader goes away (start | head)", async () => {
    const child = spawn(process.execPath, [BIN, "start"], {
      env: { PATH: process.env.PATH ?? "", KNOWLEDGE_DIR: fixtureCopy(), RECORD_CONSOLE: "false" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    child.stdout.destroy();
    child.stdin.end("can I friend a patient\nwhat about twitter\n");
    const [code] = await once(child, "exit");
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("says once that it could not write its output, and exits 1, on a full disk (/dev/full)", () => {
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [BIN, "ask", "can I text patients?"], {
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
      });
      expect(result.stderr).toBe("Could not write the output: ENOSPC: no space left on device, write\n");
      expect(result.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});

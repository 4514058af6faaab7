import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "..", "bin", "socialmedia-guidance.js");

/** A stand-in for Slack's Web API on 127.0.0.1: auth.test answers with `auth`. */
let api: Server;
let apiUrl = "";
let auth: Record<string, unknown> = { ok: true };

beforeAll(async () => {
  api = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(req.url?.includes("auth.test") ? auth : { ok: true }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/`;
});

afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

function launch(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [BIN, "start"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (d) => {
    text += d.toString();
  });
  child.stderr?.on("data", (d) => {
    text += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exit };
}

async function until(check: () => boolean, ms = 8000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("npm start with Slack settings", () => {
  it("starts the Slack adapter in HTTP mode, logs one start line, and shuts down on SIGTERM", async () => {
    auth = { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" };
    const bot = launch({
      SLACK_BOT_TOKEN: "xoxb-start-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: apiUrl,
      PORT: "0",
    });
    await until(() => bot.output().includes('"msg":"started"'));
    const started = JSON.parse(
      bot
        .output()
        .split("\n")
        .find((l) => l.includes('"msg":"started"')) ?? "{}",
    );
    expect(started).toMatchObject({ platforms: ["slack"], entries: expect.any(Number) });
    bot.child.kill("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
    expect(bot.output()).not.toContain("xoxb-start-test");
  });

  it("refuses to start with a clear message when Slack rejects the token", async () => {
    auth = { ok: false, error: "invalid_auth" };
    const bot = launch({
      SLACK_BOT_TOKEN: "xoxb-bad",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: apiUrl,
      PORT: "0",
    });
    expect(await bot.exit).toBe(1);
    expect(bot.output()).toContain("Slack rejected the bot token (invalid_auth)");
    expect(bot.output()).not.toContain("xoxb-bad");
  });

  it("names every invalid setting at once", async () => {
    const bot = launch({ SLACK_BOT_TOKEN: "not-a-token", PORT: "abc" });
    expect(await bot.exit).toBe(1);
    expect(bot.output()).toContain("SLACK_BOT_TOKEN");
    expect(bot.output()).toContain("PORT");
    expect(bot.output()).not.toContain("not-a-token");
  });
});

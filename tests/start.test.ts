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

describe("npm run discord:deploy", () => {
  it("PUTs the command definitions to the guild route, from the built command line", async () => {
    const seen: { method?: string; url?: string; body: string; auth?: string }[] = [];
    const discord = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, body, auth: req.headers.authorization });
        res.setHeader("content-type", "application/json");
        res.end("[]");
      });
    });
    await new Promise<void>((resolve) => discord.listen(0, "127.0.0.1", resolve));
    const port = (discord.address() as AddressInfo).port;
    const run = spawn(process.execPath, [BIN, "discord", "deploy"], {
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: "deploy-test-token-0123456789",
        DISCORD_APPLICATION_ID: "1100000000000000001",
        DISCORD_GUILD_ID: "1200000000000000001",
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      },
    });
    let out = "";
    run.stdout.on("data", (d) => {
      out += d.toString();
    });
    run.stderr.on("data", (d) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => run.on("exit", resolve));
    await new Promise<void>((resolve) => discord.close(() => resolve()));
    expect(code, out).toBe(0);
    expect(out).toContain("Registered 2 commands in server 1200000000000000001");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: "PUT",
      url: "/api/v10/applications/1100000000000000001/guilds/1200000000000000001/commands",
      auth: "Bot deploy-test-token-0123456789",
    });
    expect(JSON.parse(seen[0]?.body ?? "[]").map((c: { name: string }) => c.name)).toEqual([
      "socialmedia-guidance",
      "socialmedia-guidance-tips",
    ]);
  });
});

describe("npm start with Discord settings", () => {
  it("refuses to start with a clear message when Discord rejects the token", async () => {
    const discord = createServer((_req, res) => {
      res.statusCode = 401;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ message: "401: Unauthorized", code: 0 }));
    });
    await new Promise<void>((resolve) => discord.listen(0, "127.0.0.1", resolve));
    const bot = launch({
      DISCORD_TOKEN: "bad-discord-token-0123456789",
      DISCORD_APPLICATION_ID: "1100000000000000001",
      DISCORD_API_URL: `http://127.0.0.1:${(discord.address() as AddressInfo).port}/api`,
    });
    const code = await bot.exit;
    await new Promise<void>((resolve) => discord.close(() => resolve()));
    expect(code).toBe(1);
    expect(bot.output()).toContain("Discord rejected the bot token");
    expect(bot.output()).not.toContain("bad-discord-token");
  });
});

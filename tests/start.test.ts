import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../app/main.js";
import { tempDir } from "./helpers.js";
import { launchStart } from "./launch-start.js";

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

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The command line, run in this process with `env` over the environment: code, output, all it printed. */
async function run(args: string[], env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  let stdout = "";
  let output = "";
  const code = await main(
    args,
    (t) => {
      stdout += `${t}\n`;
      output += `${t}\n`;
    },
    (t) => {
      output += `${t}\n`;
    },
  );
  return { code, stdout, output };
}

async function until(check: () => boolean, ms = 8000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("npm start with Slack settings", () => {
  it("starts the Slack adapter in HTTP mode, logs one start line, and shuts down on SIGTERM, closing the database", async () => {
    auth = { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" };
    const dbPath = join(tempDir("smg-start-"), "bot.db");
    const bot = launchStart({
      SLACK_BOT_TOKEN: "xoxb-start-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: apiUrl,
      PORT: "0",
      DATABASE_PATH: dbPath,
      SLACK_TIP_CHANNELS: "C0TIPS0001,C0TIPS0002",
    });
    await until(() => bot.output().includes('"msg":"started"'));
    const started = JSON.parse(
      bot
        .output()
        .split("\n")
        .find((l) => l.includes('"msg":"started"')) ?? "{}",
    );
    // with the database it opened
    expect(started).toMatchObject({
      platforms: ["slack"],
      entries: expect.any(Number),
      tipSchedules: 2,
      database: dbPath,
    });
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    bot.child.kill("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
    // the last connection closing checkpoints and removes the write-ahead log
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(existsSync(dbPath)).toBe(true);
    expect(bot.output()).not.toContain("xoxb-start-test");
  });

  it("refuses a signed Slack request replayed after a restart, on SQLite", async () => {
    auth = { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" };
    const dbPath = join(tempDir("smg-replay-"), "bot.db");
    const env = {
      SLACK_BOT_TOKEN: "xoxb-replay-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: apiUrl,
    };
    const body = new URLSearchParams({
      ...{ command: "/socialmedia-guidance", text: "help", user_id: "U1", channel_id: "C1", team_id: "T1" },
      response_url: `${apiUrl}hooks/1`,
    }).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `v0=${createHmac("sha256", "secret").update(`v0:${ts}:${body}`).digest("hex")}`;
    const statuses: number[] = [];
    for (let run = 0; run < 2; run++) {
      const bot = launchStart({ ...env, PORT: "0", DATABASE_PATH: dbPath });
      await until(() => bot.output().includes('"msg":"listening for HTTP"'));
      const port = JSON.parse(
        bot
          .output()
          .split("\n")
          .find((l) => l.includes("listening for HTTP")) ?? "{}",
      ).port;
      const reply = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": ts,
          "x-slack-signature": signature,
        },
        body,
      });
      statuses.push(reply.status);
      bot.child.kill("SIGTERM");
      expect(await bot.exit).toBe(0);
    }
    expect(statuses).toEqual([200, 401]);
  });

  it("refuses to start with a clear message when Slack rejects the token", async () => {
    auth = { ok: false, error: "invalid_auth" };
    const bot = launchStart({
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
    const { code, output } = await run(["start"], { SLACK_BOT_TOKEN: "not-a-token", PORT: "abc" });
    expect(code).toBe(1);
    expect(output).toContain("SLACK_BOT_TOKEN");
    expect(output).toContain("PORT");
    expect(output).not.toContain("not-a-token");
  });
});

describe("npm run discord:deploy", () => {
  it("PUTs the command definitions to the guild route", async () => {
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
    const { code, output: out } = await run(["discord", "deploy"], {
      DISCORD_TOKEN: "deploy-test-token-0123456789",
      DISCORD_APPLICATION_ID: "1100000000000000001",
      DISCORD_GUILD_ID: "1200000000000000001",
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
    });
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

describe("discord invite and a deploy before the invite", () => {
  const env = (port: number) => ({
    DISCORD_TOKEN: "deploy-test-token-0123456789",
    DISCORD_APPLICATION_ID: "1100000000000000001",
    DISCORD_GUILD_ID: "1200000000000000001",
    DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
  });

  it("prints the invite link, and explains Missing Access (50001) with it", async () => {
    const invite = await run(["discord", "invite"], env(9));
    expect(invite.code).toBe(0);
    expect(invite.output).toContain("client_id=1100000000000000001");
    expect(invite.output).toContain("scope=bot+applications.commands");
    const discord = createServer((_req, res) => {
      res.statusCode = 403;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ message: "Missing Access", code: 50001 }));
    });
    await new Promise<void>((resolve) => discord.listen(0, "127.0.0.1", resolve));
    const port = (discord.address() as AddressInfo).port;
    const deploy = await run(["discord", "deploy"], env(port));
    await new Promise<void>((resolve) => discord.close(() => resolve()));
    expect(deploy.code).toBe(1);
    expect(deploy.output).toContain("The bot is not in server 1200000000000000001 yet: add it with");
    expect(deploy.output).toContain("client_id=1100000000000000001");
  });

  it("says that Discord could not be reached, and where to look, when nothing answers", async () => {
    // a port nothing listens on: the connection is refused
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const deploy = await run(["discord", "deploy"], env(port));
    expect(deploy.code).toBe(1);
    expect(deploy.output).toMatch(
      /Could not register the commands\. Could not reach Discord \(.+\): check the network, or DISCORD_API_URL/,
    );
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
    const bot = launchStart({
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

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../app/main.js";
import { tempDir, waitFor, within } from "./helpers.js";
import { launchStart } from "./launch-start.js";
import { CHANNEL, MEMBER } from "./mattermost-stand-in.js";

// `npm start` with Mattermost beside Slack in HTTP mode: one process, one HTTP front on PORT. The built
// bot runs as a child process; Slack's Web API and Mattermost's REST API are one stand-in on 127.0.0.1.

const COMMAND_TOKEN = "commandtoken00000000000000";

let api: Server;
let apiUrl = "";

beforeAll(async () => {
  api = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/api/v4/users/me") {
      res.end(JSON.stringify({ id: "bot0", username: "socialmedia-guidance", roles: "system_user" }));
    } else {
      res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    }
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The environment of a bot with Slack in HTTP mode and Mattermost, on `port`. */
function settings(port: number): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: "xoxb-start-test",
    SLACK_SIGNING_SECRET: "secret",
    SLACK_API_URL: `${apiUrl}/api/`,
    MATTERMOST_URL: apiUrl,
    MATTERMOST_BOT_TOKEN: "bottoken0000000000000000aa",
    MATTERMOST_COMMAND_TOKEN: COMMAND_TOKEN,
    PORT: String(port),
    DATABASE_PATH: join(tempDir("smg-mattermost-start-"), "bot.db"),
  };
}

describe("npm start with Mattermost settings", () => {
  it("serves Mattermost and Slack on one port, with /healthz, and stops on SIGTERM", async () => {
    const bot = launchStart(settings(0));
    const line = await waitFor(
      () =>
        bot
          .output()
          .split("\n")
          .find((l) => l.includes('"msg":"started"')),
      {
        what: "the start line",
        timeoutMs: 15_000,
      },
    );
    const started = JSON.parse(line);
    expect(started).toMatchObject({ platforms: ["slack", "mattermost"], port: expect.any(Number) });
    const base = `http://127.0.0.1:${started.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const form = new URLSearchParams({
      token: COMMAND_TOKEN,
      user_id: MEMBER,
      channel_id: CHANNEL,
      text: "help",
    });
    const command = await fetch(`${base}/mattermost/command`, { method: "POST", body: form });
    expect(command.status).toBe(200);
    expect(await command.json()).toMatchObject({ response_type: "ephemeral" });
    expect((await fetch(`${base}/slack/events`, { method: "POST", body: "text=hi" })).status).toBe(401);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    bot.child.kill("SIGTERM");
    expect(await within(bot.exit, "the bot to stop", 15_000)).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
    expect(bot.output()).not.toContain("bottoken0000000000000000aa");
  });

  it("says plainly that its port is taken, and stops", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    const bot = launchStart(settings(port));
    const code = await within(bot.exit, "the bot to give up", 15_000);
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    expect(code).toBe(1);
    expect(bot.output()).toContain(
      `Port ${port} is already in use: stop what uses it, or set PORT to another port.`,
    );
  });

  it("names every missing Mattermost setting at once", async () => {
    vi.stubEnv("MATTERMOST_URL", "https://chat.example.org");
    let output = "";
    const code = await main(
      ["start"],
      (t) => {
        output += `${t}\n`;
      },
      (t) => {
        output += `${t}\n`;
      },
    );
    expect(code).toBe(1);
    expect(output).toContain("MATTERMOST_BOT_TOKEN: required with MATTERMOST_URL");
    expect(output).toContain("MATTERMOST_COMMAND_TOKEN: required with MATTERMOST_URL");
  });
});

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { expect, it, onTestFinished } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import { createSlackBot } from "../adapters/slack/app.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { TokenCipher } from "../src/store/token-cipher.js";
import { capturedLogger, FIXTURE_DIR, tempDir } from "./helpers.js";
import { SLACK_TEST, slackOAuthSettings } from "./slack-settings.js";
import { slackStandIn } from "./slack-stand-in.js";

// The exchange of an install's code with Slack, which anyone may start with a made-up code: tried once,
// with the bot's production limits on its other calls (retries waited out instantly here).

const { logger } = capturedLogger();
const OAUTH = slackOAuthSettings(randomBytes(32), "base64");

it("answers a callback after one try when Slack limits the code's exchange, not after the bot's retries", async () => {
  const standIn = await slackStandIn(OAUTH.clientId);
  const storage = openSqliteStorage(join(tempDir("smg-oauth-limits-"), "bot.db"));
  const front = new HttpFront({ port: 0, host: "127.0.0.1", log: logger });
  const bot = createSlackBot(
    {
      guide: createGuide(loadKnowledge(FIXTURE_DIR)),
      logger,
      calls: { wait: () => Promise.resolve() },
      installations: storage.installations(new TokenCipher(randomBytes(32))),
      config: { mode: "http", signingSecret: SLACK_TEST.secret, port: 0, apiUrl: standIn.url, oauth: OAUTH },
    },
    front,
  );
  onTestFinished(async () => {
    await Promise.all([bot.stop(), front.stop()]);
    await storage.close();
    standIn.server.closeAllConnections();
    standIn.server.close();
  });
  await bot.start();
  await front.start();
  const base = `http://127.0.0.1:${front.boundPort}`;
  const page = await fetch(`${base}/slack/install`);
  const link =
    /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(await page.text())?.[1] ?? "";
  const state = new URL(link.replace(/&amp;/g, "&")).searchParams.get("state") ?? "";
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const back = await fetch(
    `${base}/slack/oauth_redirect?code=code-ratelimited&state=${encodeURIComponent(state)}`,
    {
      headers: { cookie },
    },
  );
  await back.text();
  expect(back.status).toBeGreaterThanOrEqual(400);
  expect(standIn.calls.filter((c) => c.method === "oauth.v2.access")).toHaveLength(1);
});

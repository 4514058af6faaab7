import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import manifest from "../adapters/slack/manifest.distributed.json" with { type: "json" };
import { BOT_SCOPES } from "../adapters/slack/oauth.js";
import { createGuide, loadKnowledge, PostFailure } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import type { Storage } from "../src/store/storage.js";
import { TokenCipher } from "../src/store/token-cipher.js";
import { TipChannels } from "../src/tips/channels.js";
import {
  capturedLogger,
  FIXTURE_DIR,
  TIP_DEFAULTS,
  tempDir,
  testScheduler,
  waitFor,
  within,
} from "./helpers.js";
import { SLACK_TEST, slackOAuthSettings } from "./slack-settings.js";
import { postSigned, type SlackStandIn, slackStandIn, tokenOf } from "./slack-stand-in.js";

// Many workspaces: Bolt's OAuth flow (InstallProvider) on our HTTP front, against a stand-in for
// Slack's Web API on 127.0.0.1 (slack-stand-in.ts) that answers oauth.v2.access for two workspaces and
// records every call with the token it came with.

const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const { logger, lines } = capturedLogger();
const KEY = randomBytes(32);
const OAUTH = slackOAuthSettings(KEY, "base64");
const TEAMS = ["T111", "T222"] as const;

let standIn: SlackStandIn;
let front: HttpFront;
let bot: SlackBot;
let storage: Storage;
let dbPath: string;
let base: string;

/** The bot as a distributable app on `front`, its installations on the test's database under `key`. */
function distributedBot(key: Buffer, on: HttpFront): SlackBot {
  const tips = new TipChannels({
    store: storage.tips,
    tips: guide.tips(),
    logger,
    defaults: TIP_DEFAULTS,
  });
  return createSlackBot(
    {
      guide,
      logger,
      calls: { retries: 0, timeoutMs: 2_000 },
      tips,
      installations: storage.installations(new TokenCipher(key)),
      config: { mode: "http", signingSecret: SLACK_TEST.secret, port: 0, apiUrl: standIn.url, oauth: OAUTH },
    },
    on,
  );
}

beforeAll(async () => {
  standIn = await slackStandIn(OAUTH.clientId);
  dbPath = join(tempDir("smg-oauth-"), "bot.db");
  storage = openSqliteStorage(dbPath);
  front = new HttpFront({ port: 0, host: "127.0.0.1", log: logger });
  bot = distributedBot(KEY, front);
  await bot.start();
  await front.start();
  base = `http://127.0.0.1:${front.boundPort}`;
});

afterAll(async () => {
  await bot.stop();
  await front.stop();
  await storage.close();
  standIn.server.closeAllConnections();
  standIn.server.close();
});

/** Starts an install at /slack/install: the state in Slack's authorize link, and the cookie it must come back with. */
async function beginInstall(): Promise<{ state: string; cookie: string }> {
  const page = await fetch(`${base}/slack/install`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const link = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(html)?.[1] ?? "";
  const params = new URL(link.replace(/&amp;/g, "&")).searchParams;
  expect(params.get("client_id")).toBe(OAUTH.clientId);
  expect(params.get("scope")?.split(",")).toEqual([...BOT_SCOPES]);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { state: params.get("state") ?? "", cookie };
}

/** Slack sending the admin back with `code`: the callback's status. */
async function comeBack(code: string, state: string, cookie?: string): Promise<number> {
  const url = `${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`;
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  await res.text();
  return res.status;
}

/** POSTs a signed Events API envelope from `team`. */
async function sendEvent(team: string, event: Record<string, unknown>, id: string): Promise<number> {
  const body = JSON.stringify({
    team_id: team,
    api_app_id: "A1",
    type: "event_callback",
    event_id: id,
    event_time: 1,
    authorizations: [{ team_id: team, user_id: `UB${team}`, is_bot: true }],
    event,
  });
  return postSigned(base, body, "application/json");
}

/** A signed slash command from `team`'s channel C1; its reply goes to the stand-in's hook. */
async function sendSlash(team: string, text: string): Promise<number> {
  const body = new URLSearchParams({
    team_id: team,
    channel_id: "C1",
    user_id: "U1",
    command: "/socialmedia-guidance",
    text,
    response_url: `${standIn.url}hook.${team}`,
    trigger_id: "1.2.3",
  }).toString();
  return postSigned(base, body, "application/x-www-form-urlencoded");
}

const mention = (channel: string, ts: string) => ({
  type: "app_mention",
  user: "U1",
  text: "<@UBOT> help",
  ts,
  channel,
  event_ts: ts,
});
const callsTo = (method: string) => standIn.calls.filter((c) => c.method === method);

describe("Slack installed in many workspaces", () => {
  it("asks at install for the scopes its manifest declares, which subscribes to uninstalls", () => {
    expect([...BOT_SCOPES]).toEqual(manifest.oauth_config.scopes.bot);
    expect(manifest.oauth_config.redirect_urls[0]).toMatch(/\/slack\/oauth_redirect$/);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["app_mention", "message.im", "app_uninstalled", "tokens_revoked"]),
    );
  });

  it("refuses a callback whose state was not issued to this browser, and installs nothing", async () => {
    const { state, cookie } = await beginInstall();
    expect(await comeBack("code-T111", state)).not.toBe(200);
    expect(await comeBack("code-T111", `${state}x`, cookie)).not.toBe(200);
    expect(await comeBack("code-T111", "forged", "slack-app-oauth-state=forged")).not.toBe(200);
    expect(callsTo("oauth.v2.access")).toEqual([]);
    expect(await storage.installations(new TokenCipher(KEY)).find("T111")).toBeUndefined();
  });

  it("tells an admin who cancelled in Slack, or came back on a stale link, that nothing was installed, in plain words", async () => {
    const { state, cookie } = await beginInstall();
    const cancelled = await fetch(
      `${base}/slack/oauth_redirect?error=access_denied&state=${encodeURIComponent(state)}`,
      { headers: { cookie } },
    );
    expect(cancelled.status).toBe(400);
    const page = await cancelled.text();
    expect(page).toContain("The app was not installed: the install was cancelled in Slack.");
    expect(page).toContain('href="/slack/install"');
    expect(page).not.toMatch(/Oops|contact the app owner/);
    const stale = await fetch(`${base}/slack/oauth_redirect?code=code-T111&state=forged`);
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain("this link has expired, was already used");
    expect(callsTo("oauth.v2.access")).toEqual([]);
  });

  it("installs two workspaces through the OAuth flow, each token sealed in the database", async () => {
    for (const team of TEAMS) {
      const { state, cookie } = await beginInstall();
      expect(await comeBack(`code-${team}`, state, cookie)).toBe(200);
    }
    expect(callsTo("oauth.v2.access").map((c) => c.fields.code)).toEqual(["code-T111", "code-T222"]);
    const rows = new Database(dbPath, { readonly: true });
    try {
      const stored = rows.prepare("SELECT id, sealed FROM slack_installations ORDER BY id").all();
      expect(stored.map((r) => (r as { id: string }).id)).toEqual([...TEAMS]);
      expect(JSON.stringify(stored)).not.toContain("xoxb-");
    } finally {
      rows.close();
    }
    const tip = guide.tips()[0];
    if (!tip) throw new Error("the fixture has no tips");
    const wrongKey = distributedBot(randomBytes(32), new HttpFront({ port: 0, log: logger }));
    // what its sentences tell an admin to type: the slash command (a reply renames it as it was typed)
    expect(wrongKey.tipPoster().command?.("status")).toBe("`/socialmedia-guidance tips status`");
    await expect(wrongKey.tipPoster().post("T111:C1", tip)).rejects.toMatchObject({
      code: "installation_unreadable",
      // what the store said goes to the log; tips status, which anyone in the channel may ask, says less
      message: "The app's installation for this workspace could not be read: the bot's log says why.",
      detail: expect.stringContaining(
        "a stored Slack installation was encrypted with another key: set SLACK_TOKEN_ENCRYPTION_KEY",
      ),
    });
    await wrongKey.stop();
  });

  it("answers each workspace with its own token", async () => {
    expect(await sendEvent("T111", mention("C1", "10.1"), "Ev1")).toBe(200);
    expect(await sendEvent("T222", mention("C1", "10.2"), "Ev2")).toBe(200);
    const posts = await waitFor(
      () => callsTo("chat.postMessage").length === 2 && callsTo("chat.postMessage"),
      {
        what: "both replies",
      },
    );
    expect(posts.map((p) => [p.token, p.fields.thread_ts]).sort()).toEqual([
      [tokenOf("T111"), "10.1"],
      [tokenOf("T222"), "10.2"],
    ]);
  });

  it("keeps each workspace's tips apart, and posts them with that workspace's token", async () => {
    for (const team of TEAMS) expect(await sendSlash(team, "tips on 07:30 UTC")).toBe(200);
    await waitFor(() => standIn.calls.filter((c) => c.method.startsWith("hook.")).length === 2, {
      what: "both slash replies",
    });
    for (const hook of standIn.calls.filter((c) => c.method.startsWith("hook.")))
      expect(String(hook.fields.text)).toMatch(/^Daily tip on/);
    const schedules = await storage.tips.enabledSchedules();
    expect(schedules.map((s) => s.channelId).sort()).toEqual(["T111:C1", "T222:C1"]);
    const checks = callsTo("users.info").map((c) => c.token);
    expect(checks.sort()).toEqual([tokenOf("T111"), tokenOf("T222")]);
    // The next morning's slot, as the scheduler of any replica would post it.
    const morning = new Date();
    morning.setUTCDate(morning.getUTCDate() + 1);
    morning.setUTCHours(7, 31, 0, 0);
    const scheduler = testScheduler({
      store: storage.tips,
      tips: guide.tips(),
      posters: { slack: bot.tipPoster() },
      logger,
      graceMs: 3_600_000,
      now: () => morning,
    });
    const before = callsTo("chat.postMessage").length;
    await within(scheduler.tick(), "the scheduler's round");
    const posts = callsTo("chat.postMessage").slice(before);
    expect(posts.map((p) => [p.token, p.fields.channel]).sort()).toEqual([
      [tokenOf("T111"), "C1"],
      [tokenOf("T222"), "C1"],
    ]);
  });

  it("forgets a workspace that uninstalls, with its tips, and keeps serving the other", async () => {
    expect(await sendEvent("T111", { type: "app_uninstalled", event_ts: "20.0" }, "Ev3")).toBe(200);
    await waitFor(() => lines.some((l) => l.includes("app uninstalled")), { what: "the uninstall" });
    const installations = storage.installations(new TokenCipher(KEY));
    expect(await installations.find("T111")).toBeUndefined();
    expect(await installations.find("T222")).toBeDefined();
    expect((await storage.tips.enabledSchedules()).map((s) => s.channelId)).toEqual(["T222:C1"]);
    const tip = guide.tips()[0];
    if (!tip) throw new Error("the fixture has no tips");
    await expect(bot.tipPoster().post("T111:C1", tip)).rejects.toBeInstanceOf(PostFailure);
    const before = callsTo("chat.postMessage").length;
    expect(await sendEvent("T222", mention("C2", "30.1"), "Ev4")).toBe(200);
    const reply = await waitFor(() => callsTo("chat.postMessage")[before], { what: "the reply in T222" });
    expect(reply).toMatchObject({ token: tokenOf("T222"), fields: { channel: "C2" } });
  });

  it("acknowledges a workspace it is not installed in, and answers nothing there", async () => {
    const before = standIn.calls.length;
    expect(await sendSlash("T999", "help")).toBe(200);
    expect(await sendEvent("T999", mention("C1", "35.1"), "Ev9")).toBe(200);
    await waitFor(() => lines.filter((l) => l.includes("T999")).length >= 2, {
      what: "both refusals logged",
    });
    expect(standIn.calls.slice(before)).toEqual([]);
  });

  it("forgets a workspace whose bot token is revoked", async () => {
    expect(
      await sendEvent(
        "T222",
        { type: "tokens_revoked", tokens: { bot: ["UBT222"] }, event_ts: "40.0" },
        "Ev5",
      ),
    ).toBe(200);
    await waitFor(() => lines.some((l) => l.includes("bot token revoked")), { what: "the revocation" });
    expect(await storage.installations(new TokenCipher(KEY)).find("T222")).toBeUndefined();
    expect(await storage.tips.enabledSchedules()).toEqual([]);
    expect(lines.join("\n")).not.toContain("xoxb-");
  });
});

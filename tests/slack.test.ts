import { once } from "node:events";
import type { Server } from "node:http";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { createGuide, LogPolicy, loadKnowledge, RateLimits, UsageRecords } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import {
  capturedLogger,
  commandScheduler,
  FIXTURE_DIR,
  SLACK_HTTP_CONFIG,
  SLACK_TEST,
  settle,
  slackSignature,
  slashForm,
  tempDatabase,
  testUsage,
  waitFor,
  within,
} from "./helpers.js";

const { secret: SECRET, api: API, hooks: HOOKS } = SLACK_TEST;
const HTTP_CONFIG = SLACK_HTTP_CONFIG;
const guide = createGuide(loadKnowledge(FIXTURE_DIR));

const { logger, lines: logLines } = capturedLogger();
/** Votes go to the real store, on a database of this file's own. */
const votesDb = tempDatabase("smg-slack-votes-");
const { feedback } = openSqliteStorage(votesDb.name);
let bot: SlackBot;
let base = "";

async function send(body: string, type: string, options: { ts?: number; secret?: string } = {}) {
  const ts = options.ts ?? Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": type,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": slackSignature(body, ts, options.secret ?? SECRET),
    },
    body,
  });
}

/** Starts a bot on a free port of 127.0.0.1 and returns its base URL. */
async function listen(b: SlackBot): Promise<string> {
  const server = (await b.start({ port: 0, host: "127.0.0.1" })) as Server;
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

let hookCount = 0;
/** A slash command with a fresh response_url; resolves with what the bot posted to it. */
async function slash(text: string, options: { ts?: number; secret?: string; user?: string } = {}) {
  const path = `/commands/T1/${++hookCount}`;
  const posted = expectPost(HOOKS, path);
  const form = slashForm(text, `${HOOKS}${path}`, options.user);
  const response = await send(form, "application/x-www-form-urlencoded", options);
  return { response, posted };
}

/** A button press on one of our messages. */
async function press(actionId: string, value: string) {
  const path = `/actions/T1/${++hookCount}`;
  const posted = expectPost(HOOKS, path);
  const payload = {
    type: "block_actions",
    team: { id: "T1" },
    user: { id: "U1" },
    channel: { id: "C1" },
    container: { type: "message", is_ephemeral: true },
    api_app_id: "A1",
    trigger_id: "1.2.3",
    response_url: `${HOOKS}${path}`,
    actions: [{ type: "button", action_id: actionId, block_id: "b1", value, action_ts: "1" }],
  };
  const response = await send(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    "application/x-www-form-urlencoded",
  );
  return { response, posted };
}

async function event(inner: Record<string, unknown>) {
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `Ev${++hookCount}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: inner,
  });
  return send(body, "application/json");
}

interface Posted {
  text?: string;
  blocks?: {
    type: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; text?: unknown }[];
  }[];
  response_type?: string;
  replace_original?: boolean;
  channel?: string;
  thread_ts?: string;
}

/** Resolves with the JSON (or form) body of the next POST to host+path. */
function expectPost(host: string, path: string, reply: nock.ReplyBody = { ok: true }, status = 200) {
  return new Promise<Posted>((resolve) => {
    nock(host)
      .post(path, (body) => {
        resolve(body as Posted);
        return true;
      })
      .reply(status, reply);
  });
}

const allText = (p: Posted) => JSON.stringify(p);
const buttons = (p: Posted) =>
  (p.blocks ?? []).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).map((e) => e.action_id);

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  nock(API)
    .persist()
    .post("/api/auth.test")
    .reply(200, { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "socialmedia-guidance" });
  bot = createSlackBot({
    guide,
    logger,
    calls: { retries: 0, timeoutMs: 300 },
    tips: commandScheduler(guide, logger),
    ...testUsage({ feedback, logger }),
    config: HTTP_CONFIG,
  });
  base = await listen(bot);
});

afterAll(async () => {
  await bot.stop();
  nock.cleanAll();
  nock.enableNetConnect();
});

beforeEach(() => {
  logLines.length = 0;
});

afterEach(() => {
  // every interception a test set up was used
  expect(nock.pendingMocks().filter((m) => !m.includes("auth.test"))).toEqual([]);
});

describe("Slack slash command", () => {
  it("acknowledges at once and answers privately in Block Kit, with a text fallback", async () => {
    const { response, posted } = await slash("can I accept a friend request from a patient?");
    expect(response.status).toBe(200);
    const body = await within(posted);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("Friend requests from patients");
    expect(body.blocks?.[0]).toMatchObject({ type: "header" });
    expect(allText(body)).toContain("Sources:");
    expect(allText(body)).toContain("not legal advice");
    expect(buttons(body)).toEqual(
      expect.arrayContaining(["smg_share", "smg_vote_up", "smg_vote_down", "smg_open_0"]),
    );
    expect(logLines.join("\n")).toContain('"entry":"friend-requests"');
    expect(logLines.join("\n")).not.toContain("friend request from a patient");
  });

  it.each(["", "help"])("shows help for %j", async (text) => {
    const body = await within((await slash(text)).posted);
    expect(body.response_type).toBe("ephemeral");
    expect(allText(body)).toContain("/socialmedia-guidance tips on");
  });

  it("lists the topics", async () => {
    const body = await within((await slash("topics")).posted);
    expect(body.blocks?.[0]).toMatchObject({ type: "header", text: { text: "Topics" } });
    expect(allText(body)).toContain(
      "*Boundaries*\\n• Friend requests from patients\\n• Networking with colleagues",
    );
    expect(allText(body)).toContain("*Privacy*\\n• Posting photos of patients");
  });

  it("shows a tip with a Learn more button", async () => {
    const body = await within((await slash("tip")).posted);
    expect(body.blocks?.[0]).toMatchObject({ type: "header", text: { text: "Tip" } });
    expect(buttons(body)).toEqual(["smg_open_0"]);
    expect(allText(body)).toContain("Source:");
  });

  it("lets an admin turn the channel's daily tip on, reports its status, and turns it off", async () => {
    const admin = nock(API)
      .post("/api/users.info")
      .times(3)
      .reply(200, { ok: true, user: { id: "U1", is_admin: true } });
    const on = await within((await slash("tips on 08:00 Europe/London")).posted);
    expect(on.response_type).toBe("ephemeral");
    expect(on.text).toMatch(/^Daily tip on: every day at 08:00 \(Europe\/London\)\. Next tip: /);
    const status = await within((await slash("tips status")).posted);
    expect(status.text).toMatch(/Daily tip: on, every day at 08:00/);
    expect((await within((await slash("tips off")).posted)).text).toBe("Daily tip off for this channel.");
    expect((await within((await slash("tips on 26:00")).posted)).text).toMatch(/not a time of day/);
    expect(admin.isDone()).toBe(true);
  });

  it("lets the channel's creator manage its tip, and refuses other members", async () => {
    nock(API)
      .post("/api/users.info")
      .twice()
      .reply(200, { ok: true, user: { id: "U1", is_admin: false } });
    nock(API)
      .post("/api/conversations.info")
      .reply(200, { ok: true, channel: { id: "C1", creator: "U1" } });
    nock(API)
      .post("/api/conversations.info")
      .reply(200, { ok: true, channel: { id: "C1", creator: "U42" } });
    expect((await within((await slash("tips on 07:00")).posted)).text).toMatch(/^Daily tip on/);
    const refused = await within((await slash("tips off")).posted);
    expect(refused.text).toMatch(/Only workspace admins and owners, or whoever created this channel/);
  });

  it("refuses, and logs why, when it cannot check the member's role", async () => {
    nock(API).post("/api/users.info").reply(200, { ok: false, error: "missing_scope" });
    const refused = await within((await slash("tips on 07:00")).posted);
    expect(refused.text).toMatch(/Only workspace admins/);
    expect(JSON.parse(await waitForLog("could not check who may manage tips"))).toMatchObject({
      code: "missing_scope",
    });
  });

  it("declines off-topic questions with did-you-mean buttons or the topics, and never echoes a mention", async () => {
    const body = await within((await slash("<!channel> <@U999> <!here|here> how do I cook rice")).posted);
    expect(body.text).toBe("I have no guidance on that.");
    const raw = allText(body);
    expect(raw).not.toMatch(/<!channel>|<!here|<@U999>/);
  });

  it("rejects a wrong or stale signature with 401 and no answer", async () => {
    const wrong = await send("text=hi", "application/x-www-form-urlencoded", { secret: "not-the-secret" });
    expect(wrong.status).toBe(401);
    const stale = await send("text=hi", "application/x-www-form-urlencoded", {
      ts: Math.floor(Date.now() / 1000) - 60 * 10,
    });
    expect(stale.status).toBe(401);
  });

  it("keeps running when the response URL fails, and logs it", async () => {
    const path = `/commands/T1/${++hookCount}`;
    nock(HOOKS).post(path).reply(404, "expired_url");
    const form = slashForm("topics", `${HOOKS}${path}`);
    expect((await send(form, "application/x-www-form-urlencoded")).status).toBe(200);
    await waitForLog("reply to slash command failed");
    const body = await within((await slash("help")).posted);
    expect(body.response_type).toBe("ephemeral");
  });
});

describe("Slack buttons", () => {
  it("shares an answer in the channel, saying who shared it", async () => {
    const { response, posted } = await press("smg_share", "friend-requests");
    expect(response.status).toBe(200);
    const body = await within(posted);
    expect(body).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(allText(body)).toContain("Shared by <@U1>");
    expect(buttons(body)).not.toContain("smg_share");
  });

  it("answers a related entry when clicked", async () => {
    const body = await within((await press("smg_open_1", "patient-photos")).posted);
    expect(body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(body.text).toContain("Posting photos of patients");
  });

  it("records a vote once per person in the store and acknowledges it", async () => {
    const first = await within((await press("smg_vote_down", "colleague-networking")).posted);
    expect(first.text).toBe("Thanks, your vote is recorded.");
    const again = await within((await press("smg_vote_down", "colleague-networking")).posted);
    expect(again.text).toMatch(/already voted/);
    expect(votesDb.prepare("SELECT entry_id, vote, platform FROM feedback").all()).toEqual([
      { entry_id: "colleague-networking", vote: "down", platform: "slack" },
    ]);
  });
});

describe("Slack mentions and direct messages", () => {
  it("answers a mention in a thread", async () => {
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "2.0" });
    const response = await event({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> can I post a photo of a patient?",
      ts: "1700000000.000100",
      channel: "C1",
      event_ts: "1700000000.000100",
    });
    expect(response.status).toBe(200);
    const body = await within(posted);
    expect(body.channel).toBe("C1");
    expect(body.thread_ts).toBe("1700000000.000100");
    // the Web API client sends a form: the blocks travel as a JSON string
    const blocks = JSON.parse(String(body.blocks)) as Posted["blocks"];
    expect(blocks?.[0]).toMatchObject({ type: "header", text: { text: "Posting photos of patients" } });
    expect(allText(body)).toContain("explicit consent");
  });

  it("answers a direct message", async () => {
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "3.0" });
    await event({
      type: "message",
      channel_type: "im",
      user: "U1",
      text: "topics",
      ts: "1700000001.000100",
      channel: "D1",
      event_ts: "1700000001.000100",
    });
    const body = await within(posted);
    expect(body.channel).toBe("D1");
    expect(allText(body)).toContain("Topics");
  });

  it.each([
    ["not_in_channel", 200, { ok: false, error: "not_in_channel" }, "not_in_channel"],
    ["channel_not_found", 200, { ok: false, error: "channel_not_found" }, "channel_not_found"],
    ["invalid_auth", 200, { ok: false, error: "invalid_auth" }, "invalid_auth"],
    ["rate_limited", 429, { ok: false, error: "ratelimited" }, "rate_limited"],
  ] as const)("logs a %s error from the Web API and stays up", async (_name, status, reply, code) => {
    const scope = nock(API)
      .post("/api/chat.postMessage")
      .reply(status, reply, status === 429 ? { "retry-after": "7" } : {});
    await event({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> help",
      ts: "1700000002.000100",
      channel: "C9",
      event_ts: "1700000002.000100",
    });
    const line = await waitForLog("reply to mention failed");
    expect(JSON.parse(line)).toMatchObject({ code, channel: "C9" });
    expect(scope.isDone()).toBe(true);
    expect(line).not.toContain("xoxb-");
  });

  it("logs a timeout and stays up", async () => {
    nock(API).post("/api/chat.postMessage").delay(2000).reply(200, { ok: true });
    await event({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> help",
      ts: "1700000003.000100",
      channel: "C8",
      event_ts: "1700000003.000100",
    });
    const line = await waitForLog("reply to mention failed");
    expect(JSON.parse(line)).toMatchObject({ channel: "C8" });
    const body = await within((await slash("help")).posted);
    expect(body.response_type).toBe("ephemeral");
  });
});

/** The first log line with this message, once there is one. */
function waitForLog(msg: string): Promise<string> {
  return waitFor(() => logLines.find((l) => l.includes(`"msg":"${msg}"`)), { what: `log line "${msg}"` });
}

describe("Slack with limits, the guard and the feedback store", () => {
  let limited: SlackBot;
  let previous = "";
  const db = tempDatabase("smg-slack-usage-");

  beforeAll(async () => {
    limited = createSlackBot({
      guide,
      logger,
      calls: { retries: 0, timeoutMs: 300 },
      limits: new RateLimits({ questionsPerMinute: 2, sharesPerHour: 1, logger }),
      records: new UsageRecords({ feedback: openSqliteStorage(db.name).feedback, logger }),
      logPolicy: new LogPolicy({ logQuestions: true }),
      tips: {
        on: () => {
          throw new Error("database is locked");
        },
        off: () => {
          throw new Error("database is locked");
        },
        status: () => {
          throw new Error("database is locked");
        },
      },
      config: HTTP_CONFIG,
    });
    previous = base;
    base = await listen(limited);
  });

  afterAll(async () => {
    base = previous;
    await limited.stop();
  });

  it("limits each person's questions per minute with a private message", async () => {
    for (let i = 0; i < 2; i++) {
      const ok = await within(
        (await slash("can I accept a friend request from a patient?", { user: "U5" })).posted,
      );
      expect(ok.text).toContain("Friend requests from patients");
    }
    const third = await within(
      (await slash("can I accept a friend request from a patient?", { user: "U5" })).posted,
    );
    expect(third.response_type).toBe("ephemeral");
    expect(third.text).toMatch(/asking questions very quickly\. Please wait \d+ seconds/);
    const other = await within((await slash("topics", { user: "U6" })).posted);
    expect(other.text).not.toMatch(/very quickly/);
  });

  it("answers a mention holding patient details privately, without repeating or logging them", async () => {
    const posted = expectPost(API, "/api/chat.postEphemeral", { ok: true });
    await event({
      type: "app_mention",
      user: "U7",
      text: "<@UBOT> my patient Mrs Alvarez (07700 900123) sent me a friend request",
      ts: "1700000009.000100",
      channel: "C1",
      event_ts: "1700000009.000100",
    });
    const body = await within(posted);
    expect(body).toMatchObject({ channel: "C1", user: "U7" });
    expect(allText(body)).toContain("looked like it contained patient details");
    expect(allText(body)).not.toMatch(/Alvarez|07700/);
    await waitForLog("answered");
    expect(logLines.join("\n")).not.toMatch(/Alvarez|07700/);
    expect(logLines.join("\n")).toContain('"flagged":true');
  });

  it("says so privately when the tips store fails, and logs it", async () => {
    const body = await within((await slash("tips status", { user: "U9" })).posted);
    expect(body.text).toMatch(/could not change the daily tip/);
    await waitForLog("tips command failed");
  });

  it("logs question text only when LOG_QUESTIONS is on", async () => {
    await within((await slash("can I post a photo of a patient?", { user: "U8" })).posted);
    expect(logLines.join("\n")).toContain('"question":"can I post a photo of a patient?"');
  });

  it("limits shares per channel, and stores votes", async () => {
    const first = await within((await press("smg_share", "colleague-networking")).posted);
    expect(first.response_type).toBe("in_channel");
    const second = await within((await press("smg_share", "colleague-networking")).posted);
    expect(second.response_type).toBe("ephemeral");
    expect(second.text).toMatch(/shared in this channel recently/);
    await within((await press("smg_vote_up", "colleague-networking")).posted);
    expect(db.prepare("SELECT entry_id, vote, platform FROM feedback").all()).toEqual([
      { entry_id: "colleague-networking", vote: "up", platform: "slack" },
    ]);
  });
});

describe("Slack in Socket Mode", () => {
  it("connects with the app-level token, after checking the bot token", async () => {
    const opened = new Promise<unknown>((resolve) => {
      nock(API)
        .post("/api/apps.connections.open")
        .reply(function () {
          resolve(this.req.headers.authorization);
          return [200, { ok: false, error: "invalid_auth" }];
        });
    });
    const socket = createSlackBot({
      guide,
      logger,
      calls: { retries: 0 },
      config: {
        botToken: "xoxb-test-token",
        mode: "socket",
        appToken: "xapp-test-token",
        port: 3000,
        apiUrl: `${API}/api`,
      },
    });
    await expect(socket.start()).rejects.toMatchObject({ data: { error: "invalid_auth" } });
    expect(await within(opened, "apps.connections.open")).toBe("Bearer xapp-test-token");
  });
});

describe("Slack shutdown", () => {
  it("waits for a reply in flight before it resolves", async () => {
    const stopping = createSlackBot({
      guide,
      logger,
      calls: { retries: 0, timeoutMs: 5_000 },
      config: HTTP_CONFIG,
    });
    const server = (await stopping.start({ port: 0, host: "127.0.0.1" })) as Server;
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    // Slack holds the reply until the test lets it through.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let received = false;
    const path = `/commands/T1/${++hookCount}`;
    nock(HOOKS)
      .post(path)
      .reply(200, (_uri, _body, callback) => {
        received = true;
        void held.then(() => callback(null, "ok"));
      });
    const previous = base;
    base = url;
    const form = slashForm("topics", `${HOOKS}${path}`);
    expect((await send(form, "application/x-www-form-urlencoded")).status).toBe(200);
    base = previous;
    await waitFor(() => received, { what: "the reply to reach Slack" });
    const closed = once(server, "close");
    let stopped = false;
    const stop = stopping.stop().then(() => {
      stopped = true;
    });
    await closed; // no more requests are taken...
    await settle();
    expect(stopped).toBe(false); // ...but the reply is still on its way
    release();
    await within(stop, "stop()");
    expect(logLines.join("\n")).not.toContain("reply to slash command failed");
  });
});

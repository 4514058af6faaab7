import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { Outbound } from "../adapters/slack/outbound.js";
import { RequestVerifier } from "../adapters/slack/verify.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import {
  capturedLogger,
  FIXTURE_DIR,
  SLACK_HTTP_CONFIG,
  SLACK_TEST,
  settle,
  slackSignature,
  slashForm,
  waitFor,
  within,
} from "./helpers.js";

// Issue 18: the HTTP mode's limits. Slack's Web API and the response_url are nock's; the stalled
// response_url is a real server on 127.0.0.1 that takes requests and never answers.

const { secret: SECRET, api: API, hooks: HOOKS } = SLACK_TEST;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const { logger, lines } = capturedLogger();
const now = () => Math.floor(Date.now() / 1000);

const HTTP_CONFIG = SLACK_HTTP_CONFIG;

type BotOptions = Partial<Parameters<typeof createSlackBot>[0]>;
const DEFAULTS = { guide, logger, calls: { retries: 0, timeoutMs: 1_000 }, config: HTTP_CONFIG };
const bots: SlackBot[] = [];

/** A bot on a free port of 127.0.0.1, stopped after the file; resolves with it and its base URL. */
async function startBot(options: BotOptions = {}): Promise<{ bot: SlackBot; base: string }> {
  const bot = createSlackBot({ ...DEFAULTS, ...options, calls: { ...DEFAULTS.calls, ...options.calls } });
  bots.push(bot);
  const server = (await bot.start({ port: 0, host: "127.0.0.1" })) as Server;
  return { bot, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** POSTs `body` to the bot, signed at `ts` unless `signature` is given. */
function send(base: string, body: string, type: string, ts: string | number = now(), signature?: string) {
  return fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": type,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature ?? slackSignature(body, ts, SECRET),
    },
    body,
  });
}

let hooks = 0;
/** A slash command's form, answered at `responseUrl` (a fresh nock path by default). */
function slash(text: string, responseUrl = `${HOOKS}/commands/${++hooks}`): string {
  return slashForm(text, responseUrl);
}

/** An Events API envelope: the bot mentioned in `channel`. */
function mention(channel: string, eventId: string): string {
  return JSON.stringify({
    team_id: "T1",
    type: "event_callback",
    event_id: eventId,
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event: { type: "app_mention", user: "U1", text: "<@UBOT> help", ts: "1.0", channel, event_ts: "1.0" },
  });
}

/** The first log line with this message. */
const logLine = (msg: string) =>
  waitFor(() => lines.find((l) => l.includes(`"msg":"${msg}"`)), { what: `log line "${msg}"` });

/** A server on 127.0.0.1 that takes requests and never answers; counts those still open. */
async function stalledServer() {
  const counts = { requests: 0, open: 0 };
  const server = createServer((_req, res) => {
    counts.requests++;
    counts.open++;
    res.on("close", () => counts.open--);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  stalled.push(server);
  return { url, counts };
}

/** Resolves with the body of the next POST to HOOKS or API at `path`, answered 200. */
function expectPost(host: string, path: string, reply: nock.ReplyBody = "ok") {
  return new Promise<Record<string, unknown>>((resolve) => {
    nock(host)
      .post(path, (body) => {
        resolve(body);
        return true;
      })
      .reply(200, reply);
  });
}

/** A wait that records how long it was asked to wait, and returns at once. */
function recordedWaits() {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
}

/** The stalled servers, closed after the file. */
const stalled: Server[] = [];
const rejections = vi.fn();
/** A bot with the defaults, for the requests it must refuse. */
let plain = "";

beforeAll(async () => {
  process.on("unhandledRejection", rejections);
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  nock(API)
    .persist()
    .post("/api/auth.test")
    .reply(200, { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
  plain = (await startBot()).base;
});

afterAll(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  for (const server of stalled) {
    server.closeAllConnections();
    server.close();
  }
  process.off("unhandledRejection", rejections);
  nock.cleanAll();
  nock.enableNetConnect();
});

afterEach(() => {
  lines.length = 0;
  expect(nock.pendingMocks().filter((m) => !m.includes("auth.test"))).toEqual([]);
});

describe("Slack outbound calls", () => {
  it("gives up on a stalled response_url after each attempt's time limit, and drops its requests", async () => {
    const hook = await stalledServer();
    const { base } = await startBot({ calls: { timeoutMs: 200, retries: 1, wait: async () => {} } });
    expect((await send(base, slash("topics", hook.url), FORM)).status).toBe(200);
    const line = await within(logLine("reply to slash command failed"), "the reply to give up", 2_000);
    expect(JSON.parse(line)).toMatchObject({ code: "timeout" });
    expect(hook.counts.requests).toBe(2); // the first attempt and one retry
    await waitFor(() => hook.counts.open === 0, { what: "the stalled requests to be dropped" });
  });

  it("stops within the grace period with a reply still stalled, ending the call", async () => {
    const hook = await stalledServer();
    const { bot, base } = await startBot({ calls: { timeoutMs: 30_000, graceMs: 300 } });
    expect((await send(base, slash("topics", hook.url), FORM)).status).toBe(200);
    await waitFor(() => hook.counts.requests === 1, { what: "the reply to reach the stalled server" });
    await within(bot.stop(), "stop() within the grace period", 1_500);
    await waitFor(() => hook.counts.open === 0, { what: "the stalled request to be dropped" });
    await logLine("reply to slash command failed");
  });

  it("waits out a 429's Retry-After on chat.postMessage and posts the reply", async () => {
    const { waits, wait } = recordedWaits();
    const { base } = await startBot({ calls: { retries: 2, wait } });
    nock(API)
      .post("/api/chat.postMessage")
      .reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "2.0" });
    expect((await send(base, mention("C4", "Ev429"), JSON_TYPE)).status).toBe(200);
    expect(await within(posted, "the retried chat.postMessage")).toMatchObject({
      channel: "C4",
      thread_ts: "1.0",
    });
    expect(waits).toEqual([1_000]);
    expect(lines.join("\n")).not.toContain("reply to mention failed");
  });

  it("does not wait out a Retry-After over 30 s: the reply fails as rate limited at once", async () => {
    const { waits, wait } = recordedWaits();
    const { base } = await startBot({ calls: { retries: 2, wait } });
    const limited = nock(API)
      .post("/api/chat.postMessage")
      .reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "120" });
    expect((await send(base, mention("C5", "Ev120"), JSON_TYPE)).status).toBe(200);
    expect(JSON.parse(await logLine("reply to mention failed"))).toMatchObject({
      code: "rate_limited",
      retryAfter: 120,
    });
    expect(limited.isDone()).toBe(true);
    expect(waits).toEqual([]);
  });

  it("runs a few calls to one host at once, queues a few more, and refuses the rest at once", async () => {
    const hook = await stalledServer();
    const outbound = new Outbound({ timeoutMs: 5_000, retries: 0, perHost: 2, queuePerHost: 1 });
    const calls = Array.from({ length: 4 }, () =>
      outbound.fetch(hook.url, { method: "POST", body: "{}" }).then(
        () => "answered",
        (error: Error) => error.name,
      ),
    );
    expect(await within(calls[3] as Promise<string>, "the refusal")).toBe("OutboundBusy");
    await waitFor(() => hook.counts.requests === 2, { what: "two calls in progress" });
    await settle();
    expect(hook.counts.requests).toBe(2); // the third waits for a slot
    outbound.close();
    const names = await within(Promise.all(calls), "the calls to end");
    expect(names).toEqual([...Array(3).fill("AbortError"), "OutboundBusy"]);
    await waitFor(() => hook.counts.open === 0, { what: "the stalled requests to be dropped" });
  });

  it("retries a response_url that answers 503 once, with backoff", async () => {
    const { waits, wait } = recordedWaits();
    const { base } = await startBot({ calls: { retries: 2, wait } });
    const path = `/commands/${++hooks}`;
    nock(HOOKS).post(path).reply(503);
    const posted = expectPost(HOOKS, path);
    expect((await send(base, slash("topics", `${HOOKS}${path}`), FORM)).status).toBe(200);
    expect(await within(posted, "the retried reply")).toMatchObject({ response_type: "ephemeral" });
    expect(waits).toEqual([500]);
  });
});

describe("Slack request signatures", () => {
  it("answers a signed request once and refuses the same request sent again", async () => {
    const [form, ts] = [slash("topics"), now()];
    const posted = expectPost(HOOKS, `/commands/${hooks}`);
    expect((await send(plain, form, FORM, ts)).status).toBe(200);
    expect((await send(plain, form, FORM, ts)).status).toBe(401);
    await within(posted, "the one reply");
    expect(JSON.parse(await logLine("Slack request refused"))).toMatchObject({ reason: "replayed" });
  });

  it("refuses a request replayed to another replica when the replicas share their replay memory", async () => {
    const seen = new Set<string>();
    const shared = {
      first: async (signature: string) => !seen.has(signature) && Boolean(seen.add(signature)),
    };
    const [one, other] = [
      new RequestVerifier(SECRET, Date.now, shared),
      new RequestVerifier(SECRET, Date.now, shared),
    ];
    const body = Buffer.from(slash("topics"));
    const ts = String(now());
    const signature = slackSignature(body.toString(), ts, SECRET);
    expect(await one.check(ts, signature, body)).toBeUndefined();
    expect(await other.check(ts, signature, body)).toBe("replayed");
  });

  it.each([
    ["400 s ahead", () => now() + 400],
    ["a year ahead", () => now() + 365 * 24 * 3600],
    ["Infinity", () => "Infinity"],
    ["a fraction of a second", () => `${now()}.5`],
    ["1700000000.5", () => "1700000000.5"],
  ])("refuses a timestamp %s, even signed", async (_name, ts) => {
    expect((await send(plain, slash("topics"), FORM, ts())).status).toBe(401);
  });
});

/** A button press with no `user`: Bolt answered it with 500. */
const BLOCK_ACTIONS_WITHOUT_USER = new URLSearchParams({
  payload: JSON.stringify({
    type: "block_actions",
    team: { id: "T1" },
    actions: [{ action_id: "smg_vote_up" }],
  }),
}).toString();

describe("Slack request bodies", () => {
  it("answers 413 to a 4 MB unsigned body without reading it", async () => {
    const started = Date.now();
    const response = await within(send(plain, "x".repeat(4 * 1024 * 1024), FORM, now(), "v0=0"), "413");
    expect(response.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("answers 413 to a body without a length once it passes the cap, without waiting for the rest", async () => {
    // 128 KB, then a body that never ends: an answer means the bot stopped reading at the cap
    let chunks = 2;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        chunks-- > 0 ? controller.enqueue(new Uint8Array(64 * 1024).fill(120)) : new Promise(() => {}),
    });
    const init = { method: "POST", headers: { "content-type": FORM }, body, duplex: "half" };
    const response = await within(fetch(`${plain}/slack/events`, init as RequestInit), "413");
    expect(response.status).toBe(413);
  });

  it.each([
    ["payload=null", "payload=null", FORM],
    ["a payload that is not JSON", "payload=%7Bnope", FORM],
    ["a JSON null body", "null", JSON_TYPE],
    ["a JSON array body", "[]", JSON_TYPE],
    ["an event without its event", JSON.stringify({ type: "event_callback", team_id: "T1" }), JSON_TYPE],
    ["duplicate text fields", `${slash("topics")}&text=again`, FORM],
    ["a form that is no slash command", "text=hi", FORM],
    ["block_actions without user", BLOCK_ACTIONS_WITHOUT_USER, FORM],
  ])("answers 400 to %s, signed, with no unhandled rejection", async (_name, body, type) => {
    const response = await within(send(plain, body, type), "an answer");
    expect(response.status).toBe(400);
    await logLine("Slack request refused: malformed");
    expect(rejections).not.toHaveBeenCalled();
  });
});

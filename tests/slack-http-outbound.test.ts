import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, describe, expect, it } from "vitest";
import { Outbound } from "../adapters/slack/outbound.js";
import { settle, waitFor, within } from "./helpers.js";
import { expectPost, FORM, JSON_TYPE, slackHttpFixture } from "./slack-http-fixture.js";
import { SLACK_TEST } from "./slack-settings.js";

// Slack's HTTP mode, calling out: time limits, retries, Retry-After and the cap on calls to one host.

const { api: API, hooks: HOOKS } = SLACK_TEST;
let hooks = 0;
const { lines, startBot, send, slash, logLine } = slackHttpFixture(() => ++hooks);

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

/** A wait that records how long it was asked to wait, and returns at once. */
function recordedWaits() {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
}

/** The stalled servers, closed after the file. */
const stalled: Server[] = [];

afterAll(() => {
  for (const server of stalled) {
    server.closeAllConnections();
    server.close();
  }
});

describe("Slack outbound calls", () => {
  it("gives up on a stalled response_url at its time limit, sends the reply no second time, and drops it", async () => {
    const hook = await stalledServer();
    const { base } = await startBot({ calls: { timeoutMs: 200, retries: 1, wait: async () => {} } });
    expect((await send(base, slash("topics", hook.url), FORM)).status).toBe(200);
    const line = await within(logLine("reply to slash command failed"), "the reply to give up", 2_000);
    expect(JSON.parse(line)).toMatchObject({ code: "timeout" });
    // a POST cut off by its time limit may have been acted on: sent again, it could be posted twice
    expect(hook.counts.requests).toBe(1);
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

  it("refuses as busy a call whose time ran out while it waited for a slot: it was never sent", async () => {
    const hook = await stalledServer();
    const outbound = new Outbound({ timeoutMs: 500, retries: 0, perHost: 1 });
    const ended = (signal?: AbortSignal) =>
      outbound.fetch(hook.url, { method: "POST", body: "{}", ...(signal ? { signal } : {}) }).then(
        () => "answered",
        (error: Error) => error.name,
      );
    // the second's own time runs out while the first still holds the host's one slot
    const [sent, waited] = await within(
      Promise.all([ended(), ended(AbortSignal.timeout(50))]),
      "both calls to give up",
    );
    // the first went and may have been acted on; the second never left, so no one may take it as sent
    expect(sent).toBe("TimeoutError");
    expect(waited).toBe("OutboundBusy");
    expect(hook.counts.requests).toBe(1);
    outbound.close();
    await waitFor(() => hook.counts.open === 0, { what: "the stalled requests to be dropped" });
  });

  it("tries a timed-out GET again, but never a timed-out POST, which may have been acted on", async () => {
    const hook = await stalledServer();
    const outbound = new Outbound({ timeoutMs: 100, retries: 2, wait: async () => {} });
    const ended = (init: RequestInit) =>
      outbound.fetch(hook.url, init).then(
        () => "answered",
        (error: Error) => error.name,
      );
    expect(await within(ended({ method: "POST", body: "{}" }), "the POST to give up")).toBe("TimeoutError");
    expect(hook.counts.requests).toBe(1);
    expect(await within(ended({ method: "GET" }), "the GET to give up")).toBe("TimeoutError");
    expect(hook.counts.requests).toBe(4); // the POST's one, and the GET's three
    outbound.close();
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

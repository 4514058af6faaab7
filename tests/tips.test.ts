import nock from "nock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackBot } from "../adapters/slack/app.js";
import { createGuide, loadKnowledge, readRequest, type TipPoster } from "../src/index.js";
import { TipChannels } from "../src/tips/channels.js";
import { nextTip, orderFor } from "../src/tips/rotation.js";
import { TipScheduler } from "../src/tips/scheduler.js";
import { storageBackends, type TestBackend } from "./backends.js";
import { capturedLogger, FIXTURE_DIR } from "./helpers.js";

const API = "https://slack.test";
const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const tips = guide.tips().slice(0, 5);
const { logger, lines: logLines } = capturedLogger();

/** The real Slack adapter's poster, talking to nock. */
const slackPoster: TipPoster = createSlackBot({
  guide,
  logger,
  calls: { retries: 0, timeoutMs: 1000 },
  config: { botToken: "xoxb-test", mode: "http", signingSecret: "s", port: 0, apiUrl: `${API}/api` },
}).tipPoster();

interface Post {
  channel: string;
  text: string;
  blocks: unknown[];
}
let posts: Post[] = [];
/** Channels that answer with this Slack error instead of accepting the post. */
let failing: Record<
  string,
  { status: number; body: Record<string, unknown>; headers?: Record<string, string> }
> = {};

let clock = new Date("2026-11-26T08:00:00Z");
const BACKENDS = storageBackends();

/** The scheduler and the tips subcommands of one channel set, on the database at `where`. */
async function schedulerOn(
  backend: TestBackend,
  where: string,
  extra: Partial<ConstructorParameters<typeof TipScheduler>[0]> = {},
) {
  const { tips: store } = await backend.open(where);
  const channels = new TipChannels({
    store,
    tips,
    logger,
    defaults: { time: "09:00", timeZone: "UTC" },
    now: () => clock,
  });
  const s = new TipScheduler({
    store,
    tips,
    posters: { slack: slackPoster },
    logger,
    defaults: { time: "09:00", timeZone: "UTC" },
    graceMs: 6 * 3600_000,
    maxAttempts: 3,
    retryBaseMs: 60_000,
    now: () => clock,
    ...extra,
  });
  /** The text form of the tips commands, read as the conversation reads it, onto the typed port. */
  const run = async ({
    platform,
    channelId,
    args,
  }: {
    platform: "slack";
    channelId: string;
    args: string;
  }) => {
    const request = readRequest(`tips ${args}`);
    if (request.kind !== "tips") throw new Error(`not a tips command: ${args}`);
    const { change } = request;
    const channel = { platform, channelId };
    if (change.action === "off") return channels.off(channel);
    if (change.action === "status") return channels.status(channel);
    if (change.action === "unclear") return `unclear: ${change.word}`;
    const { action: _on, ...settings } = change;
    return channels.on(channel, settings);
  };
  return Object.assign(s, { run, tipStore: store, preview: channels.preview.bind(channels) });
}

const at = (iso: string) => {
  clock = new Date(iso);
};
const postsTo = (channel: string) => posts.filter((p) => p.channel === channel);

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  nock(API)
    .persist()
    .post("/api/chat.postMessage")
    .reply((_uri, raw) => {
      // the Web API client sends a form; blocks travel as a JSON string inside it
      const form =
        typeof raw === "string"
          ? Object.fromEntries(new URLSearchParams(raw))
          : (raw as Record<string, string>);
      const post: Post = {
        channel: form.channel ?? "",
        text: form.text ?? "",
        blocks: JSON.parse(form.blocks ?? "[]"),
      };
      const fail = failing[post.channel];
      if (fail) return [fail.status, fail.body, fail.headers ?? {}];
      posts.push(post);
      return [200, { ok: true, channel: post.channel, ts: `${posts.length}.000` }];
    });
});

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

beforeEach(() => {
  posts = [];
  failing = {};
  logLines.length = 0;
});

describe.each(BACKENDS)("on $name", (backend) => {
  const fresh = () => backend.fresh();
  const scheduler = (where: string, extra: Parameters<typeof schedulerOn>[2] = {}) =>
    schedulerOn(backend, where, extra);

  describe("daily tips: exactly one a day", () => {
    it("posts a due tip once, natively, and not again on later checks", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 UTC" })).toMatch(
        /Daily tip on: every day at 09:00 \(UTC\)/,
      );
      at("2026-11-26T08:59:00Z");
      await s.tick();
      expect(posts).toHaveLength(0);
      at("2026-11-26T09:00:30Z");
      await s.tick();
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(JSON.stringify(posts[0]?.blocks)).toContain("Tip of the day");
      expect(JSON.stringify(posts[0]?.blocks)).toContain("smg_open_0");
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /Last tip: Thu, 26 Nov 2026, 09:00 UTC/,
      );
    });

    it("does not post again after a restart", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      await (await scheduler(path)).run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      at("2026-11-26T09:01:00Z");
      await (await scheduler(path)).tick();
      at("2026-11-26T09:05:00Z");
      await (await scheduler(path)).tick();
      expect(postsTo("C1")).toHaveLength(1);
    });

    it("posts once with two schedulers on one database", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      await (await scheduler(path)).run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      at("2026-11-26T09:01:00Z");
      const a = await scheduler(path);
      const b = await scheduler(path);
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      expect(postsTo("C1")).toHaveLength(1);
    });

    it("catches up once on start inside the grace window, and skips with a log line outside it", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(path);
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "C2", args: "on 02:00" });
      at("2026-11-26T12:00:00Z"); // 3 hours after C1's time, 10 hours after C2's
      await (await scheduler(path)).tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(postsTo("C2")).toHaveLength(0);
      expect(logLines.join("\n")).toMatch(/"channel":"C2".*daily tip skipped/);
    });

    it("posts once on the days the clocks change", async () => {
      const path = await fresh();
      at("2026-03-27T12:00:00Z");
      const s = await scheduler(path);
      await s.run({ platform: "slack", channelId: "C1", args: "on 01:30 Europe/London" });
      // 29 March 2026: 01:30 does not exist in London (01:00 GMT becomes 02:00 BST); the tip goes at 02:00 BST
      at("2026-03-29T00:59:00Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(0);
      at("2026-03-29T01:00:30Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      // 25 October 2026: 01:30 happens twice (BST, then GMT); one tip only
      at("2026-10-24T12:00:00Z");
      await s.run({ platform: "slack", channelId: "C2", args: "on 01:30 Europe/London" });
      at("2026-10-25T00:30:30Z");
      await s.tick();
      at("2026-10-25T01:30:30Z");
      await s.tick();
      expect(postsTo("C2")).toHaveLength(1);
    });

    it("keeps to weekdays when asked", async () => {
      at("2026-11-27T10:00:00Z"); // a Friday
      const s = await scheduler(await fresh());
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 UTC weekdays" })).toMatch(
        /every weekday/,
      );
      at("2026-11-28T09:00:30Z"); // Saturday
      await s.tick();
      at("2026-11-29T09:00:30Z"); // Sunday
      await s.tick();
      expect(posts).toHaveLength(0);
      at("2026-11-30T09:00:30Z"); // Monday
      await s.tick();
      expect(posts).toHaveLength(1);
    });
  });

  describe("daily tips: failures", () => {
    it("retries a failing channel with backoff, then marks it failing, while another channel still posts", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "CBAD", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "CGOOD", args: "on 09:00" });
      failing.CBAD = { status: 200, body: { ok: false, error: "channel_not_found" } };
      at("2026-11-26T09:00:10Z");
      await s.tick();
      expect(postsTo("CGOOD")).toHaveLength(1);
      expect(await s.run({ platform: "slack", channelId: "CBAD", args: "status" })).toMatch(
        /last post failed \(channel_not_found\); trying again at Thu, 26 Nov 2026, 09:01/,
      );
      at("2026-11-26T09:00:50Z"); // before the first retry is due
      await s.tick();
      at("2026-11-26T09:01:20Z"); // second attempt; the next waits 4 minutes
      await s.tick();
      at("2026-11-26T09:03:00Z");
      await s.tick();
      at("2026-11-26T09:05:30Z"); // third attempt: the last
      await s.tick();
      const status = await s.run({ platform: "slack", channelId: "CBAD", args: "status" });
      expect(status).toMatch(/Failing since Thu, 26 Nov 2026, 09:05 UTC \(channel_not_found\)/);
      expect(
        logLines.filter((l) => l.includes('"channel":"CBAD"') && l.includes("daily tip failed")),
      ).toHaveLength(3);
      expect(postsTo("CGOOD")).toHaveLength(1);
      // the next day the channel is tried again, and a success clears the failing mark
      delete failing.CBAD;
      at("2026-11-27T09:00:10Z");
      await s.tick();
      expect(postsTo("CBAD")).toHaveLength(1);
      expect(await s.run({ platform: "slack", channelId: "CBAD", args: "status" })).not.toMatch(/Failing/);
    });

    it("waits as long as a rate limit asks", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      failing.C1 = {
        status: 429,
        body: { ok: false, error: "ratelimited" },
        headers: { "retry-after": "600" },
      };
      at("2026-11-26T09:00:10Z");
      await s.tick();
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /\(rate_limited\); trying again at Thu, 26 Nov 2026, 09:10/,
      );
    });

    it("re-posts a slot claimed by a process that died before sending, but never one that died while sending", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(path, { leaseMs: 60_000 });
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "C2", args: "on 09:00" });
      // As a process that died left them: one slot claimed before sending, one while sending.
      const due = Date.parse("2026-11-26T09:00:00Z");
      for (const [channelId, status] of [
        ["C1", "claimed"],
        ["C2", "sending"],
      ] as const) {
        await s.tipStore.insertSlot({
          ...{ platform: "slack", channelId, day: "2026-11-26", dueAt: due, tipId: tips[0]?.id, cycle: 0 },
          ...{ status, claimToken: "dead", claimedAt: due, attempts: 0 },
        });
      }
      at("2026-11-26T09:05:00Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(postsTo("C2")).toHaveLength(0);
      expect(await s.run({ platform: "slack", channelId: "C2", args: "status" })).toMatch(
        /may not have been posted/,
      );
      expect(logLines.join("\n")).toMatch(/"channel":"C2".*daily tip uncertain/);
    });
  });

  describe("daily tips: rotation", () => {
    it("gives a channel every tip once before any repeats, in an order of its own", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "C2", args: "on 09:00" });
      for (let day = 26; day < 26 + tips.length * 2; day++) {
        at(new Date(Date.UTC(2026, 10, day, 9, 0, 30)).toISOString());
        await s.tick();
      }
      const ids = (c: string) => postsTo(c).map((p) => p.text);
      const c1 = ids("C1");
      expect(new Set(c1.slice(0, tips.length)).size).toBe(tips.length);
      expect(new Set(c1.slice(tips.length)).size).toBe(tips.length);
      expect(c1[tips.length]).not.toBe(c1[tips.length - 1]);
      expect(ids("C2")).not.toEqual(c1);
    });

    it("previews the next tips without posting or changing anything", async () => {
      at("2026-11-25T12:00:00Z");
      const path = await fresh();
      const s = await scheduler(path);
      await s.run({ platform: "slack", channelId: "C1", args: "on 07:15 Europe/Paris" });
      const next = await s.preview("slack", "C1", 7);
      expect(next).toHaveLength(7);
      expect(next[0]?.at.toISOString()).toBe("2026-11-26T06:15:00.000Z");
      expect(new Set(next.slice(0, 5).map((n) => n.tip.id)).size).toBe(5);
      expect(await s.preview("slack", "C1", 7)).toEqual(next);
      expect(posts).toHaveLength(0);
    });
  });

  describe("tips commands", () => {
    it("validates time and time zone, and turns tips off", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 25:00" })).toMatch(
        /not a time of day/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 Mars/Olympus" })).toMatch(
        /not a time zone/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(/no daily tip/);
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 8:05 america/new_york" })).toMatch(
        /at 08:05 \(America\/New_York\)\. Next tip: Wed, 25 Nov 2026, 08:05 GMT-5/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "off" })).toBe(
        "Daily tip off for this channel.",
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "off" })).toMatch(
        /no daily tip to turn off/,
      );
    });

    it("seeds channels from the environment without undoing an admin's tips off", async () => {
      at("2026-11-25T12:00:00Z");
      const path = await fresh();
      const s = await scheduler(path);
      await s.seedChannels("slack", ["C1", "C2"]);
      await s.run({ platform: "slack", channelId: "C2", args: "off" });
      await (await scheduler(path)).seedChannels("slack", ["C1", "C2"]);
      const active = await (await scheduler(path)).activeSchedules();
      expect(active.map((x) => x.channelId)).toEqual(["C1"]);
    });
  });
});

describe("daily tips: rotation order", () => {
  it("orders differ between channels and cycles, and nextTip never repeats the last tip", () => {
    const all = guide.tips().map((t) => t.id);
    expect(orderFor("slack:C1", 0, all)).not.toEqual(orderFor("slack:C2", 0, all));
    expect(orderFor("slack:C1", 0, all)).not.toEqual(orderFor("slack:C1", 1, all));
    expect([...orderFor("slack:C1", 0, all)].sort()).toEqual([...all].sort());
    const last = orderFor("slack:C1", 1, all)[0];
    expect(nextTip("slack:C1", 0, all, new Set(all), last)?.tipId).not.toBe(last);
  });
});

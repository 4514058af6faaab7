import nock from "nock";
import { beforeAll, beforeEach, describe } from "vitest";
import { createSlackBot } from "../adapters/slack/app.js";
import { createGuide, loadKnowledge, readRequest, type TipPoster } from "../src/index.js";
import type { TipStorage } from "../src/store/storage.js";
import { TipChannels } from "../src/tips/channels.js";
import type { TipScheduler } from "../src/tips/scheduler.js";
import { storageBackends, type TestBackend } from "./backends.js";
import { capturedLogger, FIXTURE_DIR, TIP_DEFAULTS, testScheduler } from "./helpers.js";
import { offline } from "./nock-offline.js";
import { SLACK_TEST } from "./slack-settings.js";

const { api: API } = SLACK_TEST;

/** A tip the real Slack adapter posted, as chat.postMessage received it. */
interface Post {
  channel: string;
  text: string;
  blocks: unknown[];
}

/**
 * The tips scheduler's options that a test may set, and whether `tips on` announces itself in the
 * channel through the Slack poster (as the running bot's does).
 */
type SchedulerOptions = Partial<ConstructorParameters<typeof TipScheduler>[0]> & { announce?: boolean };

/**
 * One test file's daily tips: schedulers on the storage backends, posting through the real Slack
 * adapter to nock's chat.postMessage (every post in `posts`; the channels in `failing` answer with their
 * error instead), on a clock that `at` sets. Nothing but 127.0.0.1 may be reached; `posts`, `failing`
 * and `logLines` are emptied before each test.
 */
export function tipsFixture() {
  const guide = createGuide(loadKnowledge(FIXTURE_DIR));
  const tips = guide.tips().slice(0, 5);
  const { logger, lines: logLines } = capturedLogger();
  const backends = storageBackends();

  /** The real Slack adapter's poster, talking to nock. */
  const slackPoster: TipPoster = createSlackBot({
    guide,
    logger,
    calls: { retries: 0, timeoutMs: 1000 },
    config: { botToken: "xoxb-test", mode: "http", signingSecret: "s", port: 0, apiUrl: `${API}/api` },
  }).tipPoster();

  const posts: Post[] = [];
  /** Channels that answer with this Slack error instead of accepting the post. */
  const failing: Record<
    string,
    { status: number; body: Record<string, unknown>; headers?: Record<string, string> }
  > = {};

  let clock = new Date("2026-11-26T08:00:00Z");

  /** The scheduler and the tips subcommands of one channel set, on the database at `where`. */
  async function schedulerOn(
    backend: TestBackend,
    where: string,
    { announce, ...extra }: SchedulerOptions = {},
  ) {
    const { tips: store } = await backend.open(where);
    const channels = new TipChannels({
      store,
      tips,
      logger,
      defaults: TIP_DEFAULTS,
      ...(announce ? { posters: { slack: slackPoster } } : {}),
      now: () => clock,
    });
    const s = testScheduler({
      store,
      tips,
      posters: { slack: slackPoster },
      logger,
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

  /** Sets the clock to `iso`. */
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  /** The tips posted to `channel`. */
  const postsTo = (channel: string) => posts.filter((p) => p.channel === channel);

  /**
   * `body`'s tests for each storage backend, given a fresh database, a scheduler on one, and a fresh
   * database with a scheduler on it that turned a channel's daily tip on.
   */
  function describeEachBackend(
    body: (on: {
      fresh: () => Promise<string>;
      scheduler: (where: string, extra?: SchedulerOptions) => ReturnType<typeof schedulerOn>;
      turnedOn: (
        channel: string,
      ) => Promise<{ path: string; first: Awaited<ReturnType<typeof schedulerOn>> }>;
    }) => void,
  ): void {
    describe.each(backends)("on $name", (backend) => {
      const fresh = () => backend.fresh();
      const scheduler = (where: string, extra: SchedulerOptions = {}) => schedulerOn(backend, where, extra);
      /** A fresh database, and a scheduler on it that turned `channel`'s daily tip on at 09:00 the day before. */
      async function turnedOn(channel: string) {
        const path = await fresh();
        at("2026-11-25T12:00:00Z");
        const first = await scheduler(path);
        await first.run({ platform: "slack", channelId: channel, args: "on 09:00" });
        return { path, first };
      }
      body({ fresh, scheduler, turnedOn });
    });
  }

  offline();
  beforeAll(() => {
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
  beforeEach(() => {
    posts.length = 0;
    for (const channel of Object.keys(failing)) delete failing[channel];
    logLines.length = 0;
  });
  return { guide, tips, logLines, posts, failing, at, postsTo, describeEachBackend, slackPoster };
}

/** The store, with its updateSlot replaced by `updateSlot`: for a test to act, or fail, at a slot's step. */
export function withUpdateSlot(store: TipStorage, updateSlot: TipStorage["updateSlot"]): TipStorage {
  return withMethod(store, "updateSlot", updateSlot);
}

/** `store` with one method replaced (to make it fail at a chosen moment). */
export function withMethod<K extends keyof TipStorage>(
  store: TipStorage,
  name: K,
  method: TipStorage[K],
): TipStorage {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === name) return method;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

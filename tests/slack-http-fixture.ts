import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { capturedLogger, FIXTURE_DIR, waitFor } from "./helpers.js";
import { offline } from "./nock-offline.js";
import { SLACK_HTTP_CONFIG, SLACK_TEST, slackSignature, slashForm } from "./slack-settings.js";

// Issue 18: the HTTP mode's limits. Slack's Web API and the response_url are nock's; the stalled
// response_url is a real server on 127.0.0.1 that takes requests and never answers.

const { secret: SECRET, api: API, hooks: HOOKS } = SLACK_TEST;
/** A form's content type. */
export const FORM = "application/x-www-form-urlencoded";
/** JSON's content type. */
export const JSON_TYPE = "application/json";
/** The time now, in Slack's seconds. */
export const now = () => Math.floor(Date.now() / 1000);

type BotOptions = Partial<Parameters<typeof createSlackBot>[0]>;

/** Resolves with the body of the next POST to HOOKS or API at `path`, answered 200. */
export function expectPost(host: string, path: string, reply: nock.ReplyBody = "ok") {
  return new Promise<Record<string, unknown>>((resolve) => {
    nock(host)
      .post(path, (body) => {
        resolve(body);
        return true;
      })
      .reply(200, reply);
  });
}

/**
 * One test file's bots in HTTP mode, each on a free port of 127.0.0.1 and stopped after the file, and
 * what is sent to them: signed requests, and slash commands answered at fresh response_urls (numbered by
 * `hook()`). Slack's Web API is nock's, and auth.test always succeeds; nothing else may be reached, and
 * each test must use every interception it sets up. The log is in `lines`, cleared after each test.
 */
export function slackHttpFixture(hook: () => number) {
  const guide = createGuide(loadKnowledge(FIXTURE_DIR));
  const { logger, lines } = capturedLogger();
  const DEFAULTS = { guide, logger, calls: { retries: 0, timeoutMs: 1_000 }, config: SLACK_HTTP_CONFIG };
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

  /** A slash command's form, answered at `responseUrl` (a fresh nock path by default). */
  function slash(text: string, responseUrl = `${HOOKS}/commands/${hook()}`): string {
    return slashForm(text, responseUrl);
  }

  /** The first log line with this message. */
  const logLine = (msg: string) =>
    waitFor(() => lines.find((l) => l.includes(`"msg":"${msg}"`)), { what: `log line "${msg}"` });

  offline({ everyMockUsed: true, except: "auth.test" });
  beforeAll(() => {
    nock(API)
      .persist()
      .post("/api/auth.test")
      .reply(200, { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
  });
  afterEach(() => {
    lines.length = 0;
  });
  return { lines, startBot, send, slash, logLine };
}

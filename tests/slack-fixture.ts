import type { Server } from "node:http";
import nock from "nock";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import {
  capturedLogger,
  commandScheduler,
  FIXTURE_DIR,
  tempDatabase,
  testUsage,
  waitFor,
} from "./helpers.js";
import { offline } from "./nock-offline.js";
import { SLACK_HTTP_CONFIG, SLACK_TEST, slackSignature, slashForm } from "./slack-settings.js";

const { secret: SECRET, api: API, hooks: HOOKS } = SLACK_TEST;

/** What the bot posted to a response_url or the Web API. */
export interface Posted {
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

/** All of a post, as text. */
export const allText = (p: Posted) => JSON.stringify(p);
/** The action ids of a post's buttons. */
export const buttons = (p: Posted) =>
  (p.blocks ?? []).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).map((e) => e.action_id);

/** Starts a bot on a free port of 127.0.0.1 and returns its base URL. */
export async function listen(b: SlackBot): Promise<string> {
  const server = (await b.start({ port: 0, host: "127.0.0.1" })) as Server;
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

/** Resolves with the JSON (or form) body of the next POST to host+path. */
export function expectPost(host: string, path: string, reply: nock.ReplyBody = { ok: true }, status = 200) {
  return new Promise<Posted>((resolve) => {
    nock(host)
      .post(path, (body) => {
        resolve(body as Posted);
        return true;
      })
      .reply(status, reply);
  });
}

/**
 * One test file's Slack surroundings: signed requests to the bot at `where.base()`, slash commands and
 * button presses answered at fresh response_urls (numbered by `where.hook()`), events, and the log in
 * `logLines` (cleared before each test). Slack's Web API is nock's, and auth.test always succeeds;
 * nothing else may be reached, and each test must use every interception it sets up. Without
 * `where.base`, requests go to the main bot, started before the file's tests with the `tips` subcommands
 * and its votes in a real store on a database of the file's own (`votesDb`); with it, the file starts
 * its own bots.
 */
export function slackFixture(where: { base?: () => string; hook?: () => number } = {}) {
  const guide = createGuide(loadKnowledge(FIXTURE_DIR));
  const { logger, lines: logLines } = capturedLogger();
  const votesDb = tempDatabase("smg-slack-votes-");
  const bots: SlackBot[] = [];
  let hooks = 0;
  const hook = where.hook ?? (() => ++hooks);
  let main = "";
  const base = where.base ?? (() => main);

  /** POSTs `body` to the bot, signed with the test secret (or `options.secret`) at now (or `options.ts`). */
  async function send(body: string, type: string, options: { ts?: number; secret?: string } = {}) {
    const ts = options.ts ?? Math.floor(Date.now() / 1000);
    return fetch(`${base()}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": type,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": slackSignature(body, ts, options.secret ?? SECRET),
      },
      body,
    });
  }

  /** A slash command with a fresh response_url; resolves with what the bot posted to it. */
  async function slash(text: string, options: { ts?: number; secret?: string; user?: string } = {}) {
    const path = `/commands/T1/${hook()}`;
    const posted = expectPost(HOOKS, path);
    const form = slashForm(text, `${HOOKS}${path}`, options.user);
    const response = await send(form, "application/x-www-form-urlencoded", options);
    return { response, posted };
  }

  /**
   * A button press on one of our messages, in channel C1 or `options.channel`. With `options.refused`,
   * the response_url refuses the bot's first post (404), and `after` resolves with what it posts next.
   */
  async function press(
    actionId: string,
    value: string,
    options: { channel?: string; refused?: boolean } = {},
  ) {
    const path = `/actions/T1/${hook()}`;
    const posted = options.refused
      ? expectPost(HOOKS, path, "channel_not_found", 404)
      : expectPost(HOOKS, path);
    const after = options.refused ? expectPost(HOOKS, path) : undefined;
    const payload = {
      type: "block_actions",
      team: { id: "T1" },
      user: { id: "U1" },
      channel: { id: options.channel ?? "C1" },
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
    return { response, posted, after };
  }

  /** An Events API callback carrying `inner`: a new event, or the one with `id`, sent `later` seconds on. */
  async function event(inner: Record<string, unknown>, as: { id?: string; later?: number } = {}) {
    const body = JSON.stringify({
      token: "legacy",
      team_id: "T1",
      api_app_id: "A1",
      type: "event_callback",
      event_id: as.id ?? `Ev${hook()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event: inner,
    });
    return send(body, "application/json", { ts: Math.floor(Date.now() / 1000) + (as.later ?? 0) });
  }

  /** The first log line with this message, once there is one. */
  function waitForLog(msg: string): Promise<string> {
    return waitFor(() => logLines.find((l) => l.includes(`"msg":"${msg}"`)), { what: `log line "${msg}"` });
  }

  offline({ everyMockUsed: true, except: "auth.test" });
  beforeAll(() => {
    nock(API)
      .persist()
      .post("/api/auth.test")
      .reply(200, { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "socialmedia-guidance" });
  });
  beforeAll(async () => {
    if (where.base) return;
    const bot = createSlackBot({
      guide,
      logger,
      calls: { retries: 0, timeoutMs: 300 },
      tips: commandScheduler(guide, logger),
      ...testUsage({ feedback: openSqliteStorage(votesDb.name).feedback, logger }),
      config: SLACK_HTTP_CONFIG,
    });
    bots.push(bot);
    main = await listen(bot);
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
  });
  beforeEach(() => {
    logLines.length = 0;
  });
  return { guide, logger, logLines, votesDb, send, slash, press, event, waitForLog };
}

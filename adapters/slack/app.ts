import type { Server } from "node:http";
import { App, type Logger as BoltLogger, type Installation, LogLevel } from "@slack/bolt";
import {
  type Card,
  InFlight,
  type InstallationStorage,
  type Logger,
  noticeCard,
  PostFailure,
  REPLY_GRACE_MS,
  redactSecrets,
  splitChannelKey,
  type TipPoster,
  tipCard,
  tipsTyped,
} from "../../src/index.js";
import type { HttpFront } from "../http/front.js";
import { SLASH_COMMAND, TypedNames, writtenAs } from "./command.js";
import { describeSlackError } from "./errors.js";
import { SLACK_WHO_MAY_CHANGE } from "./listeners/context.js";
import { createInstaller, mountOAuth } from "./oauth.js";
import { Outbound } from "./outbound.js";
import { SignedReceiver, SLACK_EVENTS_PATH } from "./receiver.js";
import { register, type SlackDeps } from "./register.js";
import { renderCard } from "./render.js";

export { describeStartFailure } from "./errors.js";
export { SLASH_COMMAND, type SlackDeps } from "./register.js";

/** The running Slack adapter. */
export interface SlackBot {
  readonly app: InstanceType<typeof App>;
  /**
   * Connects (Socket Mode) or listens (HTTP); resolves with the HTTP server in HTTP mode when the bot has
   * a front of its own, and with undefined on a shared front, which the composition root starts.
   */
  start(listen?: { port: number; host?: string }): Promise<Server | undefined>;
  /**
   * Stops taking requests, lets replies in flight finish (a grace period) and, once `after` has settled
   * too (a tip post's moment at shutdown), closes the platform's client.
   */
  stop(after?: Promise<unknown>): Promise<void>;
  /** Posts scheduled tips ("Tip of the day") through the Web API. */
  tipPoster(): TipPoster;
}

/**
 * Builds the Bolt app: the slash command, buttons, mentions and direct messages. In HTTP mode its
 * /slack/events mounts on `front` when one is given (shared with the other HTTP platforms), else on a
 * front of its own that start() opens.
 */
export function createSlackBot(deps: SlackDeps, front?: HttpFront): SlackBot {
  const { guide, config } = deps;
  const log = deps.logger.child({ platform: "slack" });
  const outbound = new Outbound({
    timeoutMs: deps.calls?.timeoutMs ?? 10_000,
    retries: deps.calls?.retries ?? 2,
    ...(deps.calls?.wait ? { wait: deps.calls.wait } : {}),
  });
  const graceMs = deps.calls?.graceMs ?? REPLY_GRACE_MS;
  const logger = boltLogger(log);
  const receiver =
    config.mode === "http"
      ? new SignedReceiver({
          signingSecret: config.signingSecret ?? "",
          ...(front ? { front } : {}),
          port: config.port,
          log,
          boltLogger: logger,
          graceMs,
          ...(deps.replays ? { replays: deps.replays } : {}),
        })
      : undefined;
  const apiUrl = config.apiUrl ? withSlash(config.apiUrl) : undefined;
  // Web API calls and respond() both go through an Outbound fetch: it owns timeouts and retries, so the
  // WebClient's own are off, and a 429 still left after it gives up is reported, not waited for.
  const through = (fetch: typeof outbound.fetch) => ({
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    fetch,
    timeout: 0,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const clientOptions = through(outbound.fetch);
  // The exchange of an install's code is tried once: anyone may start an install and send a made-up
  // code, and with the WebClient's defaults (no time limit, 10 retries over half an hour), or even the
  // bot's own retries, once Slack limited the app every callback, a real admin's too, was held (reviews).
  const exchange = new Outbound({ timeoutMs: deps.calls?.timeoutMs ?? 10_000, retries: 0 });
  const installer = config.oauth
    ? createInstaller(config.oauth, installationsOf(deps), logger, through(exchange.fetch))
    : undefined;
  if (installer) mountOAuth(frontFor(front, receiver), installer, log);
  const app = new App({
    // Many workspaces: each request's token comes from its installation, through Bolt's authorize.
    ...(installer ? { authorize: installer.authorize } : { token: config.botToken }),
    ...(receiver ? { receiver } : { appToken: config.appToken, socketMode: true }),
    logger,
    // auth.test runs in start(), where a bad token becomes an error we can report, not a crash
    deferInitialization: true,
    logLevel: LogLevel.WARN,
    clientOptions,
  });

  const inFlight = new InFlight();
  const typedNames = new TypedNames();
  register(app, deps, inFlight, typedNames);

  return {
    app,
    async start(listen) {
      await app.init();
      if (config.mode === "socket") {
        await app.start();
        log.info({ mode: "socket" }, "connected to Slack");
        return undefined;
      }
      const server = (await app.start(listen ?? config.port)) as Server | undefined;
      if (server)
        log.info({ mode: "http", port: portOf(server) }, `listening for Slack at ${SLACK_EVENTS_PATH}`);
      else log.info({ mode: "http", path: SLACK_EVENTS_PATH }, "Slack mounted on the HTTP front");
      return server;
    },
    async stop(after) {
      // stop taking requests and let replies in flight finish, for the grace period; then end them
      await Promise.all([app.stop(), inFlight.drain(graceMs), after]);
      outbound.close();
      exchange.close();
    },
    tipPoster: () => {
      /** Posts a card into a channel as the bot (of that channel's workspace). */
      const send = async (channelKey: string, card: Card) => {
        const { channelId, token } = await postingAs(channelKey, deps);
        try {
          const result = await app.client.chat.postMessage({
            channel: channelId,
            ...(token ? { token } : {}),
            ...renderCard(card),
          });
          return { messageId: result.ts };
        } catch (error) {
          const failure = describeSlackError(error);
          throw PostFailure.described(failure, error);
        }
      };
      return {
        post: (channelKey, tip) => send(channelKey, tipCard(guide, tip, "Tip of the day")),
        // named as typed in the channel: the notice follows the `tips on` typed there
        announce: (channelKey, text) =>
          send(channelKey, noticeCard(writtenAs(text, typedNames.nameIn(channelKey)))),
        // a reply to the command renames it as typed too (underName, listeners/slash-command.ts)
        command: (what) => tipsTyped(what, `${SLASH_COMMAND} `),
        whoMayChange: SLACK_WHO_MAY_CHANGE,
      };
    },
  };
}

/** The installations a distributable app needs; refused plainly when the composition root gave none. */
function installationsOf(deps: SlackDeps): InstallationStorage {
  if (!deps.installations) throw new Error("A distributable Slack app needs the installations' storage");
  return deps.installations;
}

/** The install pages share the front /slack/events is on; a distributable app runs in HTTP mode only. */
function frontFor(front: HttpFront | undefined, receiver: SignedReceiver | undefined): HttpFront {
  if (!front || !receiver)
    throw new Error("A distributable Slack app runs in HTTP mode on the shared HTTP front");
  return front;
}

/**
 * Where a tip goes and with which token: a channel of one workspace with the bot's own token, or
 * ("T123:C456") with the token of that workspace's installation.
 */
async function postingAs(key: string, deps: SlackDeps): Promise<{ channelId: string; token?: string }> {
  if (!deps.config.oauth) return { channelId: key };
  const { teamId, channelId } = splitChannelKey(key);
  const record = teamId
    ? await deps.installations?.find(teamId).catch((error: Error) => {
        // a key that does not open it, or a damaged row: said as the sentence the store wrote
        throw new PostFailure(
          "installation_unreadable",
          "The app's installation for this workspace could not be read: the bot's log says why.",
          undefined,
          true,
          error.message,
        );
      })
    : undefined;
  const token = record ? (JSON.parse(record.json) as Installation).bot?.token : undefined;
  if (!token)
    throw new PostFailure(
      "not_installed",
      `The app is no longer installed in ${teamId ?? key}.`,
      undefined,
      true,
    );
  return { channelId, token };
}

function portOf(server: Server): number | undefined {
  const address = server.address();
  return typeof address === "object" && address ? address.port : undefined;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * A Bolt log message as it may be logged: Bolt's debug lines print request bodies, and some warnings
 * quote the start of one, so every field that can carry a user's words is blanked, secrets are
 * redacted, and the line is cut short.
 */
export function boltLogText(msg: readonly unknown[]): string {
  const text = msg
    .map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : safeJson(m)))
    .join(" ");
  return redactSecrets(text)
    .replace(/\b(text|payload|body|user_name|value|message)=[^&\s]*/gi, "$1=[redacted]")
    .replace(
      /"(text|payload|body|user_name|value|message|rawBody)"\s*:\s*"(?:[^"\\]|\\.)*"/gi,
      '"$1":"[redacted]"',
    )
    .slice(0, 500);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Bolt's logger interface on top of ours, so that its messages land in the same JSON log, redacted. */
function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = boltLogText;
  return {
    debug: (...msg) => log.debug({ source: "bolt" }, text(msg)),
    info: (...msg) => log.info({ source: "bolt" }, text(msg)),
    warn: (...msg) => log.warn({ source: "bolt" }, text(msg)),
    error: (...msg) => log.error({ source: "bolt" }, text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

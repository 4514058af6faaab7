import { PUBLIC, withOverrides } from "@microsoft/teams.api";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import { createTeamsBot, type TeamsBot, type TeamsDeps } from "../adapters/teams/bot.js";
import { createGuide, type FeedbackVote, loadKnowledge } from "../src/index.js";
import { TipChannels } from "../src/tips/channels.js";
import { capturedLogger, FIXTURE_DIR, tempStorage, testUsage, votingStore, waitFor } from "./helpers.js";
import { offline } from "./nock-offline.js";
import { APP_ID, CHANNEL, MEMBER_AAD, type Received, StandIn, TEAM, TENANT } from "./teams-stand-in.js";

// Teams end to end, without Microsoft's cloud: the real SDK (@microsoft/teams.apps) mounted on our HTTP
// front on 127.0.0.1; incoming activities carry a serviceUrl pointing at a local stand-in for the Bot
// Connector (teams-stand-in.ts), which also stands in for Microsoft Graph (team owners) and serves the
// JWKS whose key signs the test's tokens. The SDK's tokens come from its custom token provider, so
// nothing asks Microsoft's login service.

/** The 1:1 chat's conversation. */
export const PERSONAL = "a:1personal-chat";
/** The channel thread a mention starts. */
export const THREAD = `${CHANNEL};messageid=1700000000001`;
/** The group chat's conversation. */
export const GROUP = "19:group-chat@thread.v2";

/** The token the SDK is given for its calls out (its custom token provider): the SDK reads it as a JWT. */
export const BOT_TOKEN = [{ alg: "none" }, { aud: "https://api.botframework.com", appid: APP_ID }, "x"]
  .map((p, i) => (i < 2 ? Buffer.from(JSON.stringify(p)).toString("base64url") : p))
  .join(".");

/** The clock of `tips on` and of the scheduler: a Monday morning in London (GMT). */
export const MONDAY = new Date("2026-03-02T07:00:00Z");

/** The text of everything in a sent activity: its text and its cards' text blocks and buttons. */
export function allText(received: Received | undefined): string {
  return JSON.stringify(received?.body ?? {});
}

/** What a message extension's invoke is answered with. */
interface InvokeBody {
  composeExtension?: {
    type?: string;
    text?: string;
    attachments?: {
      contentType: string;
      content: Record<string, unknown>;
      preview?: { content: Record<string, unknown> };
    }[];
  };
}

/**
 * One test file's Teams world: the stand-in, a storage, a log, the votes recorded, and the main bot (with
 * the `tips` subcommands on MONDAY's clock) on a front of its own; all started before the file's tests
 * and stopped after them, with the stand-in's record cleared after each test.
 */
export function teamsFixture() {
  const guide = createGuide(loadKnowledge(FIXTURE_DIR));
  const { logger, lines } = capturedLogger();
  const standIn = new StandIn();
  const storage = tempStorage("smg-teams-");
  const votes: FeedbackVote[] = [];
  const started: { bot: TeamsBot; front: HttpFront; url: string }[] = [];
  const token = standIn.token.bind(standIn);
  const main = () => {
    if (!started[0]) throw new Error("the main bot has not started");
    return started[0];
  };

  /** The bot on a front of its own on 127.0.0.1: signed activities unless `localTesting`. */
  async function startBot(options: Partial<TeamsDeps> & { localTesting?: boolean } = {}) {
    const front = new HttpFront({ port: 0, host: "127.0.0.1", log: logger, graceMs: 100 });
    const { localTesting, ...deps } = options;
    const bot = createTeamsBot({
      guide,
      logger,
      front,
      addresses: storage.addresses,
      config: localTesting
        ? {}
        : { credentials: { clientId: APP_ID, clientSecret: "unused", tenantId: TENANT } },
      cloud: withOverrides(PUBLIC, {
        // Entra's sign-in too: a token it issues is never checked against login.microsoftonline.com
        loginEndpoint: standIn.url,
        openIdMetadataUrl: `${standIn.url}/v1/.well-known/openidconfiguration`,
        graphScope: `${standIn.url}/.default`,
      }),
      token: () => BOT_TOKEN,
      ...testUsage({ feedback: votingStore(votes), logger }),
      calls: { retries: 2, timeoutMs: 400, wait: () => Promise.resolve(), graceMs: 1_000 },
      ...deps,
    });
    await bot.start();
    await front.start();
    const url = `http://127.0.0.1:${front.boundPort}/api/messages`;
    started.push({ bot, front, url });
    return { bot, front, url };
  }

  /** An activity as Teams sends it, from `user` in `where`, with the fields given over it. */
  function activity(
    fields: Record<string, unknown>,
    where: "personal" | "channel" | "groupChat" = "personal",
  ) {
    const conversation =
      where === "channel"
        ? { id: THREAD, conversationType: "channel", tenantId: TENANT }
        : where === "groupChat"
          ? { id: GROUP, conversationType: "groupChat", tenantId: TENANT }
          : { id: PERSONAL, conversationType: "personal", tenantId: TENANT };
    return {
      type: "message",
      id: String(Date.now()),
      channelId: "msteams",
      serviceUrl: standIn.url,
      from: { id: "29:member", aadObjectId: MEMBER_AAD, name: "A Member" },
      recipient: { id: `28:${APP_ID}`, name: "socialmedia-guidance" },
      conversation,
      channelData: {
        tenant: { id: TENANT },
        ...(where === "channel" ? { team: { id: TEAM }, channel: { id: CHANNEL } } : {}),
      },
      ...fields,
    };
  }

  /** A message mentioning the bot, as a channel or group chat carries it. */
  function mention(text: string, where: "channel" | "groupChat" = "channel", from?: object) {
    return activity(
      {
        text: `<at>socialmedia-guidance</at> ${text}`,
        entities: [
          {
            type: "mention",
            text: "<at>socialmedia-guidance</at>",
            mentioned: { id: `28:${APP_ID}`, name: "socialmedia-guidance" },
          },
        ],
        ...(from ? { from } : {}),
      },
      where,
    );
  }

  /** POSTs an activity to the bot, signed by the test's key unless `authorization` says otherwise. */
  async function send(body: unknown, authorization: string | null = `Bearer ${token()}`, url = main().url) {
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
  }

  /** Sends `body` (acknowledged with 200 at once) and resolves with the next activity sent into `conversation`. */
  async function ask(body: unknown, conversation: string, url = main().url): Promise<Received> {
    const before = standIn.activities(conversation).length;
    const response = await send(body, `Bearer ${token()}`, url);
    expect(response.status).toBe(200);
    return waitFor(() => standIn.activities(conversation)[before], { what: `a reply in ${conversation}` });
  }

  /** The first log line with this message. */
  const logLine = (msg: string) =>
    waitFor(() => lines.find((l) => l.includes(`"msg":"${msg}"`)), { what: `log line "${msg}"` });

  /** An invoke activity (the message extension), answered in the HTTP response. */
  async function invoke(
    name: string,
    value: unknown,
    where: "personal" | "channel" = "channel",
    url = main().url,
  ) {
    const response = await send(activity({ type: "invoke", name, value }, where), `Bearer ${token()}`, url);
    return { status: response.status, body: (await response.json().catch(() => undefined)) as InvokeBody };
  }

  /** The `tips` subcommands on MONDAY's clock, over the fixture's storage. */
  const tipChannels = () =>
    new TipChannels({
      store: storage.tips,
      tips: guide.tips(),
      logger,
      defaults: { time: "09:00", timeZone: "UTC" },
      now: () => MONDAY,
    });

  offline();
  beforeAll(async () => {
    await standIn.start();
    await startBot({ tips: tipChannels() });
  });
  afterEach(() => {
    standIn.reset();
  });
  afterAll(async () => {
    for (const { bot, front } of started) {
      await front.stop();
      await bot.stop();
    }
    await standIn.stop();
    await storage.close();
  });

  return {
    ...{ guide, logger, lines, standIn, storage, votes, token, main },
    ...{ startBot, tipChannels, activity, mention, send, ask, logLine, invoke },
  };
}

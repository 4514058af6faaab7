import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PUBLIC, withOverrides } from "@microsoft/teams.api";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import { createTeamsBot, type TeamsBot, type TeamsDeps } from "../adapters/teams/bot.js";
import { createGuide, type FeedbackVote, loadKnowledge } from "../src/index.js";
import type { Storage } from "../src/store/storage.js";
import { TipChannels } from "../src/tips/channels.js";
import { TipScheduler } from "../src/tips/scheduler.js";
import {
  capturedLogger,
  FIXTURE_DIR,
  settle,
  tempStorage,
  testUsage,
  votingStore,
  waitFor,
  within,
} from "./helpers.js";

// Teams end to end, without Microsoft's cloud: the real SDK (@microsoft/teams.apps) mounted on our HTTP
// front on 127.0.0.1; incoming activities carry a serviceUrl pointing at a local stand-in for the Bot
// Connector, which also stands in for Microsoft Graph (team owners) and serves the JWKS whose key signs
// the test's tokens. The SDK's tokens come from its custom token provider, so nothing asks Microsoft's
// login service.

const APP_ID = "11111111-2222-3333-4444-555555555555";
const TENANT = "99999999-8888-7777-6666-555555555555";
const TEAM = "19:team-general@thread.tacv2";
const TEAM_GROUP = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const CHANNEL = "19:channel-one@thread.tacv2";
const OWNER_AAD = "0000aaaa-0000-0000-0000-000000000001";
const MEMBER_AAD = "0000aaaa-0000-0000-0000-000000000002";
const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const { logger, lines } = capturedLogger();

/** What the stand-in was sent. */
interface Received {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: Record<string, unknown>;
}

/** How the stand-in answers one request: normally, with a status, or not at all. */
type Behaviour =
  | "normal"
  | "silence"
  | { readonly status: number; readonly headers?: Record<string, string> };

/** The signing key the test controls, and the JWKS that publishes it. */
const KEY_ID = "test-key";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

/**
 * The Bot Connector, Microsoft Graph and the token keys, on one port of 127.0.0.1: records every
 * request and answers as Teams would, or as `next` says for the next request to a path.
 */
class StandIn {
  readonly received: Received[] = [];
  readonly owners = new Set([OWNER_AAD]);
  private readonly plans: { readonly path: RegExp; readonly behaviour: Behaviour }[] = [];
  private readonly held: ServerResponse[] = [];
  private server?: Server;
  private seq = 0;

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error("the stand-in is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The next request to a path matching `path` gets `behaviour` (in the order planned). */
  next(path: RegExp, behaviour: Behaviour): void {
    this.plans.push({ path, behaviour });
  }

  /** Activities sent to a conversation (replies and posts), in order. */
  activities(conversation?: string): Received[] {
    return this.received.filter(
      (r) =>
        r.method === "POST" &&
        /\/v3\/conversations\/[^/]+\/activities$/.test(r.path) &&
        (conversation === undefined ||
          decodeURIComponent(r.path).includes(`/conversations/${conversation}/`)),
    );
  }

  reset(): void {
    this.received.length = 0;
    this.plans.length = 0;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = req.url ?? "/";
    this.received.push({
      method: req.method ?? "",
      path,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    });
    const planned = this.plans.findIndex((p) => p.path.test(path));
    const behaviour = planned >= 0 ? this.plans.splice(planned, 1)[0]?.behaviour : "normal";
    if (behaviour === "silence") {
      this.held.push(res);
      return;
    }
    if (behaviour && behaviour !== "normal") {
      res.writeHead(behaviour.status, behaviour.headers).end(JSON.stringify({ error: { code: "Failed" } }));
      return;
    }
    this.normal(req.method ?? "", path, res);
  }

  private normal(method: string, path: string, res: ServerResponse): void {
    const [status, body] = this.answerTo(method, path);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  /** What Teams, Graph or the key service would answer. */
  private answerTo(method: string, path: string): [number, unknown] {
    if (path === "/v1/.well-known/keys") {
      return [
        200,
        { keys: [{ ...publicKey.export({ format: "jwk" }), kid: KEY_ID, use: "sig", alg: "RS256" }] },
      ];
    }
    if (method === "POST" && path.startsWith("/v3/conversations/")) return [201, { id: `m${++this.seq}` }];
    if (method === "GET" && path.startsWith("/v3/teams/")) return [200, { id: TEAM, aadGroupId: TEAM_GROUP }];
    const member = /^\/v1\.0\/teams\/([^/]+)\/members\?(.*)$/.exec(path);
    if (method === "GET" && member) {
      const filter = new URLSearchParams(member[2]).get("$filter") ?? "";
      const user = /userId eq '([^']+)'/.exec(filter)?.[1] ?? "";
      return [200, { value: [{ userId: user, roles: this.owners.has(user) ? ["owner"] : [] }] }];
    }
    return [404, { error: { code: "NotFound" } }];
  }
}

/** A Bot Framework token for the bot, signed by `key` (the test's, unless another is given). */
function token(claims: Record<string, unknown> = {}, key: KeyObject = privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const head = part({ alg: "RS256", typ: "JWT", kid: KEY_ID });
  const body = part({
    iss: "https://api.botframework.com",
    aud: APP_ID,
    serviceurl: standIn.url,
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  });
  const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key, "base64url");
  return `${head}.${body}.${signature}`;
}

const standIn = new StandIn();
/** The token the SDK is given for its calls out (its custom token provider): the SDK reads it as a JWT. */
const BOT_TOKEN = [{ alg: "none" }, { aud: "https://api.botframework.com", appid: APP_ID }, "x"]
  .map((p, i) => (i < 2 ? Buffer.from(JSON.stringify(p)).toString("base64url") : p))
  .join(".");
let storage: Storage;
const votes: FeedbackVote[] = [];
const started: { bot: TeamsBot; front: HttpFront }[] = [];

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
  started.push({ bot, front });
  return { bot, front, url: `http://127.0.0.1:${front.boundPort}/api/messages` };
}

let messages = "";

/** An activity as Teams sends it, from `user` in `where`, with the fields given over it. */
function activity(fields: Record<string, unknown>, where: "personal" | "channel" | "groupChat" = "personal") {
  const conversation =
    where === "channel"
      ? { id: `${CHANNEL};messageid=1700000000001`, conversationType: "channel", tenantId: TENANT }
      : where === "groupChat"
        ? { id: "19:group-chat@thread.v2", conversationType: "groupChat", tenantId: TENANT }
        : { id: "a:1personal-chat", conversationType: "personal", tenantId: TENANT };
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
async function send(body: unknown, authorization: string | null = `Bearer ${token()}`, url = messages) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
}

/** The text of everything in a sent activity: its text and its cards' text blocks and buttons. */
function allText(received: Received | undefined): string {
  return JSON.stringify(received?.body ?? {});
}

const PERSONAL = "a:1personal-chat";
const THREAD = `${CHANNEL};messageid=1700000000001`;
const GROUP = "19:group-chat@thread.v2";

/** Sends `body` (acknowledged with 200 at once) and resolves with the next activity sent into `conversation`. */
async function ask(body: unknown, conversation: string, url = messages): Promise<Received> {
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
  url = messages,
) {
  const response = await send(activity({ type: "invoke", name, value }, where), `Bearer ${token()}`, url);
  return { status: response.status, body: (await response.json().catch(() => undefined)) as InvokeBody };
}

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

/** The clock of `tips on` and of the scheduler: a Monday morning in London (GMT). */
const MONDAY = new Date("2026-03-02T07:00:00Z");
let main: TeamsBot;

beforeAll(async () => {
  // Nothing but the stand-ins may be reached: a call to Microsoft's login service (or anywhere else)
  // fails, and the test that caused it with it.
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  await standIn.start();
  storage = tempStorage("smg-teams-");
  const tips = new TipChannels({
    store: storage.tips,
    tips: guide.tips(),
    logger,
    defaults: { time: "09:00", timeZone: "UTC" },
    now: () => MONDAY,
  });
  const started = await startBot({ tips });
  main = started.bot;
  messages = started.url;
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
  nock.enableNetConnect();
});

describe("Teams: messages", () => {
  it("answers a question in a 1:1 chat with an Adaptive Card, through the activity's Bot Connector", async () => {
    const sent = await ask(activity({ text: "Should I accept a friend request from a patient?" }), PERSONAL);
    expect(sent.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const attachment = (sent.body.attachments as { contentType: string }[])[0];
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(allText(sent)).toContain("Friend requests from patients");
    expect(allText(sent)).toContain("Decline politely");
    expect(allText(sent)).toContain('"smg":"vote","vote":"up","entry":"friend-requests"');
    // never a mention: no mention entities, and nothing quoted back
    expect(sent.body.entities).toBeUndefined();
  });

  it("reads help, topics and tip as commands", async () => {
    expect(allText(await ask(activity({ text: "help" }), PERSONAL))).toContain(
      "How to use socialmedia-guidance",
    );
    expect(allText(await ask(activity({ text: "topics" }), PERSONAL))).toContain("Topics");
    expect(allText(await ask(activity({ text: "tip" }), PERSONAL))).toMatch(/"text":"Tip"/);
  });

  it("answers a mention in a channel in its thread, without the mention, and learns the channel's address", async () => {
    const sent = await ask(mention("can I post a photo of a patient?"), THREAD);
    expect(sent.path).toBe(`/v3/conversations/${THREAD}/activities`);
    expect(allText(sent)).toContain("Posting photos of patients");
    const kept = JSON.parse((await storage.addresses.lookup("teams", CHANNEL)) ?? "{}");
    expect(kept).toEqual({ serviceUrl: standIn.url, conversationId: CHANNEL, tenantId: TENANT });
  });

  it("answers a mention in a group chat there", async () => {
    expect(allText(await ask(mention("topics", "groupChat"), GROUP))).toContain("Topics");
  });

  it("leaves alone a channel message that does not mention it", async () => {
    await send(activity({ text: "can I post a photo of a patient?" }, "channel"));
    const sent = await ask(mention("help"), THREAD);
    expect(standIn.activities(THREAD)).toHaveLength(1);
    expect(allText(sent)).toContain("How to use");
  });

  it("never echoes a question holding patient details, nor logs it", async () => {
    const sent = await ask(mention("my patient Mrs Alvarez (07700 900123) sent me a friend request"), THREAD);
    expect(allText(sent)).toContain("looked like it contained patient details");
    expect(allText(sent)).not.toMatch(/Alvarez|07700/);
    await logLine("answered");
    expect(lines.join("\n")).not.toMatch(/Alvarez|07700/);
  });
});

describe("Teams: limits", () => {
  let url = "";

  beforeAll(async () => {
    url = (await startBot(testUsage({ questionsPerMinute: 1, sharesPerHour: 1, logger }))).url;
  });

  it("limits each person's questions per minute", async () => {
    const first = await ask(activity({ text: "can I post a photo of a patient?" }), PERSONAL, url);
    expect(allText(first)).toContain("Posting photos of patients");
    const second = await ask(activity({ text: "can I post a photo of a patient?" }), PERSONAL, url);
    expect(second.body.text).toMatch(/asking questions very quickly\. Please wait \d+ seconds/);
  });

  it("limits the answers inserted into one conversation per hour", async () => {
    const pick = { smg: "pick", entry: "friend-requests" };
    const first = await invoke("composeExtension/selectItem", pick, "channel", url);
    expect(first.body.composeExtension?.type).toBe("result");
    const second = await invoke("composeExtension/selectItem", pick, "channel", url);
    expect(second.body.composeExtension).toMatchObject({ type: "message" });
    expect(second.body.composeExtension?.text).toMatch(
      /Many answers have been shared in this channel recently/,
    );
  });
});

describe("Teams: card buttons", () => {
  it("records a 👍 from an answer's button (Action.Submit) and thanks the voter", async () => {
    votes.length = 0;
    const value = { smg: "vote", vote: "up", entry: "friend-requests" };
    const sent = await ask(activity({ value }, "channel"), THREAD);
    expect(sent.body.text).toBe("Thanks, your vote is recorded.");
    expect(votes).toEqual([
      { entryId: "friend-requests", vote: "up", platform: "teams", userId: "29:member", channelId: CHANNEL },
    ]);
  });

  it("opens a related entry or a suggestion from its button", async () => {
    const sent = await ask(activity({ value: { smg: "open", entry: "patient-photos" } }), PERSONAL);
    expect(allText(sent)).toContain("Only with explicit consent");
  });

  it("ignores another app's card and a button for an entry that is gone says so", async () => {
    await send(activity({ value: { action: "someone-elses" } }));
    const sent = await ask(activity({ value: { smg: "open", entry: "no-such-entry" } }), PERSONAL);
    expect(standIn.activities(PERSONAL)).toHaveLength(1);
    expect(sent.body.text).toContain("That answer is no longer available.");
  });
});

describe("Teams: the message extension", () => {
  it("finds entries for what is typed, each to insert when picked", async () => {
    const { status, body } = await invoke("composeExtension/query", {
      commandId: "searchGuidance",
      parameters: [{ name: "query", value: "friend request patient" }],
      queryOptions: { skip: 0, count: 25 },
    });
    expect(status).toBe(200);
    expect(body.composeExtension?.type).toBe("result");
    const first = body.composeExtension?.attachments?.[0];
    expect(first?.preview?.content).toMatchObject({
      title: "Friend requests from patients",
      tap: { type: "invoke", value: { smg: "pick", entry: "friend-requests" } },
    });
    expect(lines.join("\n")).not.toContain("friend request patient");
  });

  it("lists entries before anything is typed (the command's first run)", async () => {
    const { body } = await invoke("composeExtension/query", {
      commandId: "searchGuidance",
      parameters: [{ name: "initialRun", value: "true" }],
    });
    expect(body.composeExtension?.attachments?.length).toBeGreaterThan(1);
  });

  it("gives the picked entry's answer card to insert", async () => {
    const { body } = await invoke("composeExtension/selectItem", { smg: "pick", entry: "patient-photos" });
    const inserted = body.composeExtension?.attachments?.[0];
    expect(inserted?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(inserted?.content)).toContain("Only with explicit consent");
  });

  it("records a vote from a button on an inserted answer", async () => {
    votes.length = 0;
    const { status } = await invoke("composeExtension/onCardButtonClicked", {
      smg: "vote",
      vote: "down",
      entry: "patient-photos",
    });
    expect(status).toBe(200);
    const thanks = await waitFor(() => standIn.activities(THREAD)[0], { what: "the thanks" });
    expect(thanks.body.text).toBe("Thanks, your vote is recorded.");
    expect(votes).toEqual([
      { entryId: "patient-photos", vote: "down", platform: "teams", userId: "29:member", channelId: CHANNEL },
    ]);
  });
});

describe("Teams: daily tips", () => {
  const owner = { id: "29:owner", aadObjectId: OWNER_AAD, name: "An Owner" };

  it("turns a channel's tip on for a team owner, checked with Microsoft Graph", async () => {
    const sent = await ask(mention("tips on 08:30 Europe/London", "channel", owner), THREAD);
    expect(sent.body.text).toMatch(/^Daily tip on: every day at 08:30 \(Europe\/London\)/);
    const graph = standIn.received.find((r) => r.path.startsWith(`/v1.0/teams/${TEAM_GROUP}/members`));
    expect(decodeURIComponent(graph?.path ?? "")).toContain(`userId eq '${OWNER_AAD}'`);
    expect(graph?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("refuses others politely, and tells anyone the status", async () => {
    const refused = await ask(mention("tips off"), THREAD);
    expect(refused.body.text).toBe("⚠️ Only the team's owners can turn this channel's daily tip on or off.");
    expect((await ask(mention("tips status"), THREAD)).body.text).toMatch(
      /^Daily tip: on, every day at 08:30 \(Europe\/London\)/,
    );
  });

  it("refuses when Graph cannot say who the owners are, and logs why", async () => {
    standIn.next(/^\/v1\.0\/teams\//, { status: 403 });
    const sent = await ask(mention("tips off", "channel", owner), THREAD);
    expect(sent.body.text).toContain("Only the team's owners");
    await logLine("could not check who may manage tips");
  });

  it("says where tips are set up when asked in a 1:1 chat", async () => {
    const sent = await ask(activity({ text: "tips on 08:30" }), PERSONAL);
    expect(sent.body.text).toContain("Daily tips are set up in a team's channel by one of its owners");
  });

  it("posts the tip through the scheduler to the channel's kept address", async () => {
    // `tips on` is itself a mention: it leaves the channel's address behind
    await ask(mention("tips on 08:30 Europe/London", "channel", owner), THREAD);
    const scheduler = new TipScheduler({
      store: storage.tips,
      tips: guide.tips(),
      posters: { teams: main.tipPoster() },
      logger,
      defaults: { time: "09:00", timeZone: "UTC" },
      graceMs: 3600_000,
      now: () => new Date("2026-03-02T08:31:00Z"),
    });
    await scheduler.tick();
    const posted = standIn.activities(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.path).toBe(`/v3/conversations/${CHANNEL}/activities`);
    expect(allText(posted[0])).toContain("Tip of the day");
    expect(posted[0]?.body.channelData).toEqual({ tenant: { id: TENANT } });
    await scheduler.tick();
    expect(standIn.activities(CHANNEL)).toHaveLength(1);
  });

  it("turns the tip off for an owner", async () => {
    const owner2 = { id: "29:owner", aadObjectId: OWNER_AAD };
    expect((await ask(mention("tips off", "channel", owner2), THREAD)).body.text).toBe(
      "Daily tip off for this channel.",
    );
  });

  it("keeps a channel's address when the bot is added or installed, and forgets it when removed", async () => {
    const general = { id: TEAM, conversationType: "channel", tenantId: TENANT };
    const added = activity({
      type: "conversationUpdate",
      conversation: general,
      membersAdded: [{ id: `28:${APP_ID}` }],
      channelData: { tenant: { id: TENANT }, team: { id: TEAM }, eventType: "teamMemberAdded" },
    });
    expect((await send(added)).status).toBe(200);
    expect(JSON.parse((await storage.addresses.lookup("teams", TEAM)) ?? "{}")).toMatchObject({
      conversationId: TEAM,
    });
    const removed = activity({ type: "installationUpdate", action: "remove", conversation: general });
    expect((await send(removed)).status).toBe(200);
    expect(await storage.addresses.lookup("teams", TEAM)).toBeUndefined();
    const installed = activity({ type: "installationUpdate", action: "add", conversation: general });
    expect((await send(installed)).status).toBe(200);
    expect(JSON.parse((await storage.addresses.lookup("teams", TEAM)) ?? "{}")).toMatchObject({
      conversationId: TEAM,
    });
  });
});

describe("Teams: when the Bot Connector fails", () => {
  /** A bot that gives up quickly: one retry, 150 ms an attempt. */
  let quick: { bot: TeamsBot; url: string };

  beforeAll(async () => {
    quick = await startBot({
      calls: { retries: 1, timeoutMs: 150, wait: () => Promise.resolve(), graceMs: 1_000 },
    });
  });

  it("retries a 429 after the wait it asks for, then delivers", async () => {
    const waits: number[] = [];
    const { url } = await startBot({
      calls: { retries: 2, timeoutMs: 400, wait: async (ms) => void waits.push(ms), graceMs: 1_000 },
    });
    standIn.next(/\/activities$/, { status: 429, headers: { "retry-after": "2" } });
    const sent = await ask(activity({ text: "topics" }), PERSONAL, url);
    expect(allText(sent)).toContain("Topics");
    expect(waits).toEqual([2000]);
  });

  it("logs a reply that keeps failing (500) and goes on answering", async () => {
    for (let i = 0; i < 3; i++) standIn.next(/\/activities$/, { status: 500 });
    await send(activity({ text: "topics" }));
    await waitFor(
      () => lines.find((l) => l.includes('"msg":"reply failed"') && l.includes('"code":"http_500"')),
      {
        what: "the failed reply logged",
      },
    );
    expect(allText(await ask(activity({ text: "help" }), PERSONAL))).toContain("How to use");
  });

  it("acknowledges at once while a silent Bot Connector times out, and logs it", async () => {
    for (let i = 0; i < 2; i++) standIn.next(/\/activities$/, "silence");
    const response = await within(
      send(activity({ text: "topics" }), `Bearer ${token()}`, quick.url),
      "the acknowledgement",
      1_000,
    );
    expect(response.status).toBe(200);
    await waitFor(
      () => lines.find((l) => l.includes('"msg":"reply failed"') && l.includes('"code":"timeout"')),
      {
        what: "the timed-out reply logged",
      },
    );
  });

  it("reports a failed tip post to the scheduler with the platform's code and wait", async () => {
    const poster = quick.bot.tipPoster();
    const tip = guide.tips()[0];
    if (!tip) throw new Error("the fixture has no tips");
    for (let i = 0; i < 2; i++)
      standIn.next(/\/activities$/, { status: 429, headers: { "retry-after": "7" } });
    await expect(poster.post(CHANNEL, tip)).rejects.toMatchObject({ code: "http_429", retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) standIn.next(/\/activities$/, { status: 500 });
    await expect(poster.post(CHANNEL, tip)).rejects.toMatchObject({ code: "http_500" });
    for (let i = 0; i < 2; i++) standIn.next(/\/activities$/, "silence");
    await expect(poster.post(CHANNEL, tip)).rejects.toMatchObject({ code: "timeout" });
    await expect(poster.post("19:never-seen@thread.tacv2", tip)).rejects.toMatchObject({
      code: "no_address",
    });
  });
});

describe("Teams: who may send activities", () => {
  const question = () => activity({ text: "topics" });

  it("refuses, with credentials set, an activity without a token or with one the test key did not sign", async () => {
    expect((await send(question(), null)).status).toBe(401);
    const { privateKey: other } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect((await send(question(), `Bearer ${token({}, other)}`)).status).toBe(401);
    expect((await send(question(), `Bearer ${token({ aud: randomUUID() })}`)).status).toBe(401);
    expect(
      (await send(question(), `Bearer ${token({ exp: Math.floor(Date.now() / 1000) - 3600 })}`)).status,
    ).toBe(401);
    // a token issued for another Bot Connector than the one the activity names
    expect(
      (await send(question(), `Bearer ${token({ serviceurl: "https://smba.example.org/" })}`)).status,
    ).toBe(401);
    await settle();
    expect(standIn.activities()).toHaveLength(0);
  });

  it("accepts activities without a token in local testing, and calls out without one", async () => {
    const { url } = await startBot({ localTesting: true });
    const before = standIn.activities(PERSONAL).length;
    expect((await send(question(), null, url)).status).toBe(200);
    const sent = await waitFor(() => standIn.activities(PERSONAL)[before], { what: "the reply" });
    expect(allText(sent)).toContain("Topics");
    expect(sent.authorization).toBeUndefined();
  });

  it("refuses what is not an activity before the SDK reads it", async () => {
    const post = (body: string, type = "application/json") =>
      fetch(messages, { method: "POST", headers: { "content-type": type }, body });
    expect((await fetch(messages)).status).toBe(405);
    expect((await post("text=hi", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ type: "message", text: "hi" }))).status).toBe(400);
    expect((await post(JSON.stringify({ ...question(), text: "x".repeat(300_000) }))).status).toBe(413);
  });
});

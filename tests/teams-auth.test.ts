import { generateKeyPairSync, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { FrontRoutes, isLoopback } from "../adapters/teams/front-routes.js";
import { createLogger } from "../src/index.js";
import { settle, waitFor } from "./helpers.js";
import { allText, PERSONAL, THREAD, teamsFixture } from "./teams-fixture.js";
import { OWNER_AAD } from "./teams-stand-in.js";

// Teams: who may send the bot activities: signed tokens, local testing, and what is not an activity.

const { standIn, token, main, startBot, tipChannels, activity, send, mention } = teamsFixture();
let messages = "";

beforeAll(() => {
  messages = main().url;
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

  it("takes local-testing activities only from this machine, answering only a Bot Connector on it", async () => {
    const { url } = await startBot({ localTesting: true });
    // an activity naming a Bot Connector elsewhere: the bot would post there with no token asked for
    const elsewhere = { ...question(), serviceUrl: "http://127.0.0.2:9/" };
    expect((await send(elsewhere, null, url)).status).toBe(400);
    // through a proxy or a tunnel on this machine: from 127.0.0.1, for anyone on the internet
    const proxied = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.5" },
      body: JSON.stringify(question()),
    });
    expect(proxied.status).toBe(403);
    // a connection from another machine never reaches the SDK (the front is shared with other platforms)
    const routes = new FrontRoutes(createLogger("silent"));
    let reached = false;
    routes.registerRoute("POST", "/api/messages", async () => {
      reached = true;
      return { status: 200 };
    });
    let status = 0;
    const req = Object.assign(Readable.from([JSON.stringify(question())]), {
      method: "POST",
      headers: { "content-type": "application/json" },
      socket: { remoteAddress: "203.0.113.5" },
    });
    const res = {
      writeHead(s: number) {
        status = s;
        return { end: () => undefined };
      },
    };
    await routes.handler("/api/messages")(req as never, res as never);
    expect([status, reached]).toEqual([403, false]);
    expect(["127.0.0.1", "::ffff:127.0.0.1", "::1"].every(isLoopback)).toBe(true);
    expect(["203.0.113.5", "::ffff:10.0.0.5", "fe80::1", undefined].some(isLoopback)).toBe(false);
  });

  it("says in local testing that tips cannot be turned on there, without asking Graph", async () => {
    const { url } = await startBot({ localTesting: true, tips: tipChannels() });
    const calls = standIn.received.length;
    const before = standIn.activities(THREAD).length;
    expect(
      (await send(mention("tips on 08:30", "channel", { id: "29:owner", aadObjectId: OWNER_AAD }), null, url))
        .status,
    ).toBe(200);
    const sent = await waitFor(() => standIn.activities(THREAD)[before], { what: "the reply" });
    expect(allText(sent)).toContain("can't be turned on or off in local testing");
    expect(standIn.received.slice(calls).some((r) => r.path.includes("/members"))).toBe(false);
  });

  it("refuses a token Entra issued (another tenant's app asking for the bot's id), sending nothing anywhere", async () => {
    const tenant = randomUUID();
    const entra = token({ iss: `${standIn.url}/${tenant}/v2.0`, tid: tenant, serviceurl: undefined });
    const elsewhere = { ...question(), serviceUrl: `${standIn.url}/elsewhere/` };
    expect((await send(elsewhere, `Bearer ${entra}`)).status).toBe(401);
    // nor is a body read without a Bot Connector token: refused before it, however large
    expect((await send({ ...question(), text: "x".repeat(300_000) }, null)).status).toBe(401);
    await settle();
    expect(standIn.received.filter((r) => r.path.startsWith("/elsewhere/"))).toEqual([]);
    expect(standIn.activities()).toHaveLength(0);
  });

  it("refuses what is not an activity before the SDK reads it", async () => {
    const headers = { authorization: `Bearer ${token()}` };
    const post = (body: string, type = "application/json") =>
      fetch(messages, { method: "POST", headers: { ...headers, "content-type": type }, body });
    expect((await fetch(messages)).status).toBe(405);
    expect((await post("text=hi", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ type: "message", text: "hi" }))).status).toBe(400);
    expect((await post(JSON.stringify({ ...question(), text: "x".repeat(300_000) }))).status).toBe(413);
  });
});

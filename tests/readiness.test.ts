import type { ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import { registerReadiness } from "../app/readiness.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { storageBackends, testPostgresUrl } from "./backends.js";
import { capturedLogger, FIXTURE_DIR, waitFor, within } from "./helpers.js";
import { launchStart } from "./launch-start.js";
import { slackSignature, slashForm } from "./slack-settings.js";

// GET /readyz as `start` wires it: the database answers, the knowledge has entries, each platform is
// connected. Real fronts on 127.0.0.1, real storages on both backends.

const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const { logger, lines } = capturedLogger();
const fronts: HttpFront[] = [];

afterEach(async () => {
  await Promise.all(fronts.splice(0).map((f) => f.stop()));
});

/** GET /readyz of a front started with these checks: status and body. */
async function readyz(parts: Parameters<typeof registerReadiness>[1]) {
  const front = new HttpFront({
    port: 0,
    host: "127.0.0.1",
    log: logger,
    graceMs: 200,
    readyTimeoutMs: 2_000,
  });
  fronts.push(front);
  registerReadiness(front, parts);
  await front.start();
  const res = await within(fetch(`http://127.0.0.1:${front.boundPort}/readyz`), "/readyz");
  return { status: res.status, body: await res.json() };
}

describe.each(storageBackends())("/readyz on $name", (backend) => {
  it("answers 200 when the database answers, the knowledge is loaded and every platform is connected", async () => {
    const storage = await backend.open(await backend.fresh());
    const platforms = [
      { name: "slack", connected: () => true },
      { name: "discord", connected: () => true },
    ];
    expect(await readyz({ storage, guide, platforms })).toEqual({ status: 200, body: { status: "ready" } });
  });

  it("answers 503 naming the database once the storage is closed, and a platform that is not connected", async () => {
    const storage = await backend.open(await backend.fresh());
    await storage.close();
    const platforms = [
      { name: "slack", connected: () => true },
      { name: "discord", connected: () => false },
    ];
    expect(await readyz({ storage, guide, platforms })).toEqual({
      status: 503,
      body: { status: "unavailable", failing: ["database", "discord"] },
    });
    // the log says why each check failed, where the answer names them alone
    const said = JSON.parse(lines.filter((l) => l.includes('"not ready"')).at(-1) ?? "{}");
    expect(said.failing).toEqual(["database", "discord"]);
    expect(said.why.discord).toBe("it answered no");
    expect(said.why.database).toMatch(/\w/);
  });
});

describe("/readyz over time", () => {
  it("logs when it is ready again after saying it was not, and only then", async () => {
    const { logger: log, lines: said } = capturedLogger();
    const front = new HttpFront({ port: 0, host: "127.0.0.1", log, graceMs: 200 });
    fronts.push(front);
    let up = false;
    front.readiness("database", () => up);
    await front.start();
    const poll = async () =>
      (await within(fetch(`http://127.0.0.1:${front.boundPort}/readyz`), "/readyz")).status;
    expect(await poll()).toBe(503);
    up = true;
    expect(await poll()).toBe(200);
    expect(await poll()).toBe(200);
    expect(said.filter((l) => l.includes('"msg":"ready again"'))).toHaveLength(1);
  });
});

describe("/readyz of `start`", () => {
  let api: Server;
  let bot: ChildProcess | undefined;

  beforeAll(async () => {
    // Slack's Web API stand-in: auth.test and everything else answer ok
    api = createServer((req, res) => {
      req.resume();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    bot?.kill("SIGKILL");
    await new Promise<void>((resolve) => api.close(() => resolve()));
  });

  it("is ready once started, keeps request signatures and rate counts in the shared database, and names the database when it goes away", async () => {
    const name = `smg_readyz_${process.pid}`;
    const admin = new pg.Client({ connectionString: `${testPostgresUrl()}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const started = launchStart({
      SLACK_BOT_TOKEN: "xoxb-readyz-test",
      SLACK_SIGNING_SECRET: "secret",
      SLACK_API_URL: `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/`,
      PORT: "0",
      DATABASE_URL: `${testPostgresUrl()}/${name}`,
    });
    const child = started.child;
    bot = child;
    const line = await waitFor(
      () =>
        started
          .output()
          .split("\n")
          .find((l) => l.includes('"msg":"started"')),
      {
        what: "the start line",
        timeoutMs: 15_000,
      },
    );
    const { port } = JSON.parse(line) as { port: number };
    const readyz = async () => {
      const res = await within(fetch(`http://127.0.0.1:${port}/readyz`), "/readyz", 10_000);
      return { status: res.status, body: await res.json() };
    };
    expect(await readyz()).toEqual({ status: 200, body: { status: "ready" } });
    // A signed request, and the same one again: refused, and its signature is in the database, where
    // every replica on it finds it.
    const form = slashForm(
      "can I accept a friend request from a patient?",
      `http://127.0.0.1:${(api.address() as AddressInfo).port}/hooks/1`,
    );
    const ts = String(Math.floor(Date.now() / 1000));
    const signed = {
      method: "POST",
      body: form,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": ts,
        "x-slack-signature": slackSignature(form, ts, "secret"),
      },
    };
    const events = `http://127.0.0.1:${port}/slack/events`;
    expect((await fetch(events, signed)).status).toBe(200);
    expect((await fetch(events, signed)).status).toBe(401);
    const db = new pg.Client({ connectionString: `${testPostgresUrl()}/${name}` });
    await db.connect();
    expect((await db.query("SELECT count(*)::int AS n FROM request_signatures")).rows).toEqual([{ n: 1 }]);
    // ... and the asker's question counted against their limit there, for every replica
    expect((await db.query("SELECT key, count FROM rate_counts")).rows).toEqual([
      { key: "question:slack:U1", count: 1 },
    ]);
    await db.end();
    // the bot's connections are cut and the database is gone: this replica can no longer answer
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    expect(await readyz()).toEqual({ status: 503, body: { status: "unavailable", failing: ["database"] } });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await within(exited, "the bot's exit", 10_000);
  });
});

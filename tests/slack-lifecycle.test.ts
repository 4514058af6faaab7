import { once } from "node:events";
import type { Server } from "node:http";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { createSlackBot } from "../adapters/slack/app.js";
import { settle, waitFor, within } from "./helpers.js";
import { slackFixture } from "./slack-fixture.js";
import { SLACK_HTTP_CONFIG as HTTP_CONFIG, SLACK_TEST, slashForm } from "./slack-settings.js";

// Slack: starting in Socket Mode, and stopping without dropping a reply in flight.

const { api: API, hooks: HOOKS } = SLACK_TEST;
let base = "";
let hookCount = 0;
const { guide, logger, logLines, send } = slackFixture({ base: () => base, hook: () => ++hookCount });

describe("Slack in Socket Mode", () => {
  it("connects with the app-level token, after checking the bot token", async () => {
    const opened = new Promise<unknown>((resolve) => {
      nock(API)
        .post("/api/apps.connections.open")
        .reply(function () {
          resolve(this.req.headers.authorization);
          return [200, { ok: false, error: "invalid_auth" }];
        });
    });
    const socket = createSlackBot({
      guide,
      logger,
      calls: { retries: 0 },
      config: {
        botToken: "xoxb-test-token",
        mode: "socket",
        appToken: "xapp-test-token",
        port: 3000,
        apiUrl: `${API}/api`,
      },
    });
    await expect(socket.start()).rejects.toMatchObject({ data: { error: "invalid_auth" } });
    expect(await within(opened, "apps.connections.open")).toBe("Bearer xapp-test-token");
  });
});

describe("Slack shutdown", () => {
  it("waits for a reply in flight before it resolves", async () => {
    const stopping = createSlackBot({
      guide,
      logger,
      calls: { retries: 0, timeoutMs: 5_000 },
      config: HTTP_CONFIG,
    });
    const server = (await stopping.start({ port: 0, host: "127.0.0.1" })) as Server;
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    // Slack holds the reply until the test lets it through.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let received = false;
    const path = `/commands/T1/${++hookCount}`;
    nock(HOOKS)
      .post(path)
      .reply(200, (_uri, _body, callback) => {
        received = true;
        void held.then(() => callback(null, "ok"));
      });
    const previous = base;
    base = url;
    const form = slashForm("topics", `${HOOKS}${path}`);
    expect((await send(form, "application/x-www-form-urlencoded")).status).toBe(200);
    base = previous;
    await waitFor(() => received, { what: "the reply to reach Slack" });
    const closed = once(server, "close");
    let stopped = false;
    const stop = stopping.stop().then(() => {
      stopped = true;
    });
    await closed; // no more requests are taken...
    await settle();
    expect(stopped).toBe(false); // ...but the reply is still on its way
    release();
    await within(stop, "stop()");
    expect(logLines.join("\n")).not.toContain("reply to slash command failed");
  });
});

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import { createMattermostBot, describeStartFailure } from "../adapters/mattermost/bot.js";
import { waitFor, within } from "./helpers.js";
import { buttonNamed, guide, useMattermost } from "./mattermost-fixture.js";
import { ADMIN, COMMAND_TOKEN } from "./mattermost-stand-in.js";

// Mattermost end to end, a failing REST API: errors, rate limits and silence told plainly, and a bad
// token or an unreachable server at start. The real adapter on a real HTTP front, Mattermost's REST API
// played by a local stand-in (tests/mattermost-stand-in.ts).

const mm = useMattermost();
const { mattermost, logger, waits, command, press, freshChannel, logLine } = mm;

describe("Mattermost REST API failures", () => {
  it("retries a 500 and then tells the sharer plainly, and keeps answering", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { user: ADMIN, channel });
    const failure = { status: 500, body: { id: "app.post.save.app_error", status_code: 500 } };
    mattermost.script("POST", /^\/api\/v4\/posts$/, failure, failure, failure);
    const shared = await press(buttonNamed(reply, "Share in channel"), { user: ADMIN, channel });
    expect(shared.reply.ephemeral_text).toBe(
      "Something went wrong talking to Mattermost. Please try again in a moment.",
    );
    expect(JSON.parse(await logLine("share button failed"))).toMatchObject({
      code: "app.post.save.app_error",
    });
    expect(waits).toEqual([500, 1_000]);
    expect((await command("topics")).status).toBe(200);
  });

  it("waits out a 429's Retry-After, then posts", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { user: ADMIN, channel });
    mattermost.script("POST", /^\/api\/v4\/posts$/, {
      status: 429,
      body: {},
      headers: { "retry-after": "2" },
    });
    const before = mattermost.posted.length;
    expect((await press(buttonNamed(reply, "Share in channel"), { user: ADMIN, channel })).reply).toEqual({});
    expect(waits).toEqual([2_000]);
    expect(mattermost.posted.length - before).toBe(2);
  });

  it("says how long to wait when Mattermost keeps answering 429", async () => {
    const limited = { status: 429, body: {}, headers: { "retry-after": "7" } };
    mattermost.script("GET", /^\/api\/v4\/users\//, limited, limited, limited);
    const refused = await command("tips on 07:00", { user: ADMIN });
    expect(refused.reply.text).toMatch(/could not check who may change this channel's daily tip just now/);
    // a busy Mattermost is said to be one, not a missing permission
    expect(refused.reply.text).toContain("Mattermost is asking me to slow down.");
    expect(refused.reply.text).not.toMatch(/permission/);
    expect(JSON.parse(await logLine("could not check who may manage tips"))).toMatchObject({
      code: "rate_limited",
    });
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { user: ADMIN, channel });
    mattermost.script("POST", /^\/api\/v4\/posts$/, limited, limited, limited);
    const shared = await press(buttonNamed(reply, "Share in channel"), { user: ADMIN, channel });
    expect(shared.reply.ephemeral_text).toBe(
      "Mattermost is asking me to slow down. Please try again in 7 seconds.",
    );
  });

  it("gives up on a silent Mattermost at its time limit, shares no second time, and drops the request", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { user: ADMIN, channel });
    mattermost.script("POST", /^\/api\/v4\/posts$/, "silence");
    const before = mattermost.posted.length;
    const shared = await within(
      press(buttonNamed(reply, "Share in channel"), { user: ADMIN, channel }),
      "the reply",
      5_000,
    );
    // the share may have been posted: sent again, or tried again by the sharer, it would be posted twice
    expect(shared.reply.ephemeral_text).toBe(
      "Mattermost took too long to answer. It may still have gone through: check before trying again.",
    );
    expect(mattermost.posted.length - before).toBe(1);
    await waitFor(() => mattermost.held === 0, { what: "the silent requests to be dropped" });
  });

  it("asks to try again when Mattermost stays silent on who may change the tips: a lookup that timed out changed nothing", async () => {
    mattermost.script("GET", /^\/api\/v4\/users\//, "silence", "silence", "silence");
    const refused = await within(command("tips on 07:00", { user: ADMIN }), "the reply", 5_000);
    const said = JSON.stringify(refused);
    expect(said).toContain(
      "I could not check who may change this channel's daily tip just now: Mattermost took too long to answer. Please try again in a moment.",
    );
    expect(said).not.toContain("may still have gone through");
    await waitFor(() => mattermost.held === 0, { what: "the silent requests to be dropped" });
  });

  it("reports a rejected bot token or an unreachable server plainly at start", async () => {
    const front = new HttpFront({ port: 0, log: logger });
    const deps = { guide, logger, calls: { retries: 0, timeoutMs: 300 } };
    const config = {
      url: mattermost.url,
      botToken: "wrongtoken0000000000000000",
      commandToken: COMMAND_TOKEN,
    };
    const rejected = await createMattermostBot({ ...deps, config }, front)
      .start()
      .catch((e: unknown) => e);
    expect(describeStartFailure(rejected).message).toBe(
      "Mattermost rejected the bot token: check MATTERMOST_BOT_TOKEN in .env.",
    );
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await createMattermostBot(
      { ...deps, config: { ...config, url: `http://127.0.0.1:${port}` } },
      new HttpFront({ port: 0, log: logger }),
    )
      .start()
      .catch((e: unknown) => e);
    expect(describeStartFailure(unreachable).message).toBe(
      "Could not reach Mattermost (ECONNREFUSED): check MATTERMOST_URL and the network.",
    );
    // one that took the connection and never answered: where to look, not "the call timed out"
    const silent = Object.assign(new Error("The operation was aborted due to timeout"), {
      name: "TimeoutError",
    });
    expect(describeStartFailure(silent).message).toBe(
      "Mattermost did not answer in time: check MATTERMOST_URL and that the server is up.",
    );
  });
});

import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import type { Platform, TipPoster } from "../src/index.js";
import { TipChannels } from "../src/tips/channels.js";
import { TIP_DEFAULTS, tempStorage, within } from "./helpers.js";
import { expectPost, listen, slackFixture } from "./slack-fixture.js";
import { SLACK_HTTP_CONFIG, SLACK_TEST, slashForm } from "./slack-settings.js";

// Slack: a workspace that gave the command another name gets it so in what the bot posts in the channel.

const { api: API, hooks: HOOKS } = SLACK_TEST;
let base = "";
const { guide, logger, send } = slackFixture({ base: () => base });

describe("Slack tips under a renamed command", () => {
  let bot: SlackBot;

  beforeAll(async () => {
    const posters: Partial<Record<Platform, TipPoster>> = {};
    const tips = new TipChannels({
      store: tempStorage("smg-slack-renamed-").tips,
      tips: guide.tips(),
      logger,
      defaults: TIP_DEFAULTS,
      posters,
    });
    bot = createSlackBot({
      guide,
      logger,
      calls: { retries: 0, timeoutMs: 300 },
      tips,
      config: SLACK_HTTP_CONFIG,
    });
    posters.slack = bot.tipPoster();
    base = await listen(bot);
  });

  afterAll(async () => {
    await bot.stop();
  });

  /** `text` typed as `/name text` in channel C1, by an admin; resolves with the private reply. */
  const typed = async (name: string, text: string) => {
    const reply = expectPost(HOOKS, `/commands/renamed/${name.slice(1)}`);
    const form = slashForm(text, `${HOOKS}/commands/renamed/${name.slice(1)}`).replace(
      "command=%2Fsocialmedia-guidance",
      `command=${encodeURIComponent(name)}`,
    );
    expect((await send(form, "application/x-www-form-urlencoded")).status).toBe(200);
    return within(reply);
  };

  it("names the command as the workspace typed it in the channel's notice that tips are on", async () => {
    nock(API)
      .post("/api/users.info")
      .reply(200, { ok: true, user: { id: "U1", is_admin: true } });
    const notice = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "1.1" });
    const reply = await typed("/smg", "tips on 08:00 UTC");
    expect(reply.text).toMatch(/^Daily tip on/);
    const posted = JSON.stringify(await within(notice));
    expect(posted).toContain("Turn them off with `/smg tips off`");
    expect(posted).not.toContain("/socialmedia-guidance");
  });
});

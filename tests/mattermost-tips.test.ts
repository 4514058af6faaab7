import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { RESTARTED, STILL_WORKING } from "../adapters/mattermost/command.js";
import type { TipCommands } from "../src/index.js";
import { tempStorage, testScheduler, waitFor } from "./helpers.js";
import { type Button, guide, useMattermost } from "./mattermost-fixture.js";
import { ADMIN, BOT_TOKEN, CHANNEL, MEMBER, SYSADMIN } from "./mattermost-stand-in.js";

// Mattermost end to end, daily tips: the tips commands, slow ones answered later, and tip posts refused.
// The real adapter on a real HTTP front, Mattermost's REST API played by a local stand-in
// (tests/mattermost-stand-in.ts).

const mm = useMattermost();
const { mattermost, logger, command, freshChannel, logLine } = mm;

describe("Mattermost daily tips", () => {
  it("lets a channel admin turn the daily tip on, shows its status to anyone, and turns it off", async () => {
    const on = await command("tips on 08:30 Europe/London", { user: ADMIN });
    expect(on.reply.response_type).toBe("ephemeral");
    expect(on.reply.text).toMatch(/^Daily tip on: every day at 08:30 \(Europe\/London\)\. Next tip: /);
    expect((await command("tips status")).reply.text).toMatch(/^Daily tip: on, every day at 08:30/);
    expect((await command("tips off", { user: ADMIN })).reply.text).toBe("Daily tip off for this channel.");
    expect(mattermost.calls.map((c) => c.path)).toContain(`/api/v4/channels/${CHANNEL}/members/${ADMIN}`);
  });

  it("lets a system admin change it, and politely refuses other members", async () => {
    const refused = await command("tips on 07:00", { user: MEMBER });
    expect(refused.reply.text).toBe(
      ":warning: Only channel admins and system admins can turn this channel's daily tip on or off.",
    );
    expect((await command("tips off", { user: SYSADMIN })).reply.text).toMatch(/daily tip/);
  });

  it("posts a tip through the scheduler to the channel, listing its entry without a known address", async () => {
    const channel = freshChannel();
    // the channel is scheduled the evening before; the tip falls due at 09:00
    let clock = new Date("2026-03-01T20:00:00Z");
    const scheduler = testScheduler({
      store: tempStorage("smg-mattermost-tips-").tips,
      tips: guide.tips(),
      posters: { mattermost: mm.bot.tipPoster() },
      logger,
      now: () => clock,
    });
    await scheduler.seedChannels("mattermost", [channel]);
    clock = new Date("2026-03-02T09:01:00Z");
    await scheduler.tick();
    const post = mattermost.posted.find((p) => p.body.channel_id === channel);
    expect(post?.auth).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.body.message).toContain("#### Tip of the day");
    expect(post?.body.message).toContain("**Learn more:**\n- ");
    expect(post?.body.props).toBeUndefined();
  });

  it("puts buttons on a tip when MATTERMOST_BOT_URL says where Mattermost reaches the bot", async () => {
    const { bot: addressed } = await mm.startBot({ botUrl: "https://guidance.example.org" });
    const [tip] = guide.tips();
    if (!tip) throw new Error("the fixture has no tips");
    expect(await addressed.tipPoster().post(CHANNEL, tip)).toEqual({ messageId: expect.any(String) });
    const props = mattermost.posted.at(-1)?.body.props as { attachments: { actions: Button[] }[] };
    expect(props.attachments[0]?.actions[0]?.integration.url).toBe(
      "https://guidance.example.org/mattermost/actions",
    );
  });
});

/** Tips commands that wait for release(), as they do on a database that has stopped answering. */
function stalledTips() {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked = 0;
  const stalled = async (answer: string) => {
    asked++;
    await gate;
    return answer;
  };
  const tips: TipCommands = {
    on: () => stalled("Daily tip on, at last."),
    off: () => stalled("Daily tip off, at last."),
    status: () => stalled("Daily tip: on, said at last."),
  };
  return { tips, release, asked: () => asked };
}

describe("Mattermost commands whose answer is slow", () => {
  it("says it is working on it, then answers through the command's response_url", async () => {
    const stalled = stalledTips();
    const { base } = await mm.startBot({}, { tips: stalled.tips, answerLaterAfterMs: 20 });
    const first = await command("tips status", { base });
    expect(first.reply).toEqual({ response_type: "ephemeral", text: STILL_WORKING });
    expect(mattermost.lateAnswers).toHaveLength(0);
    stalled.release();
    const late = await waitFor(() => mattermost.lateAnswers[0], { what: "the late answer" });
    expect(late.path).toBe("/hooks/commands/responsehook00000000000001");
    expect(late.body).toMatchObject({ response_type: "ephemeral", text: "Daily tip: on, said at last." });
    mattermost.calls.length = 0;
  });

  it("tells a user told 'working on it' that the bot restarted, when it stops before the answer comes", async () => {
    const stalled = stalledTips();
    const { bot, base } = await mm.startBot(
      {},
      { tips: stalled.tips, answerLaterAfterMs: 20, calls: { retries: 0, timeoutMs: 300, graceMs: 50 } },
    );
    const first = await command("tips status", { base });
    expect(first.reply.text).toBe(STILL_WORKING);
    await bot.stop();
    expect(mattermost.lateAnswers.map((c) => c.body)).toEqual([
      { response_type: "ephemeral", text: RESTARTED },
    ]);
    stalled.release();
    mattermost.calls.length = 0;
  });

  it("waits for the answer when the response_url is not on the Mattermost server", async () => {
    const stalled = stalledTips();
    const { base } = await mm.startBot({}, { tips: stalled.tips, answerLaterAfterMs: 20 });
    for (const responseUrl of [
      "http://127.0.0.2:9/hooks/commands/responsehook00000000000001",
      `${mattermost.url}/api/v4/posts`,
      `${mattermost.url}/hooks/commands/responsehook00000000000001?x=1`,
      mattermost.url.replace("http://", "http://user:pass@") + "/hooks/commands/responsehook00000000000001",
      "not a url",
    ]) {
      const before = stalled.asked();
      const reply = command("tips status", { base, responseUrl });
      await waitFor(() => stalled.asked() > before, { what: "the status asked for" });
      await sleep(60); // past answerLaterAfterMs: an early reply would have been sent by now
      stalled.release();
      expect((await reply).reply.text).toBe("Daily tip: on, said at last.");
    }
    expect(mattermost.lateAnswers).toHaveLength(0);
  });

  it("says in the command's own response that the bot restarted, when it stops while holding it", async () => {
    const stalled = stalledTips();
    const { bot, base } = await mm.startBot(
      {},
      { tips: stalled.tips, answerLaterAfterMs: 20, calls: { retries: 0, timeoutMs: 300, graceMs: 50 } },
    );
    // a response_url on another host than MATTERMOST_URL: the answer is held for the command's response
    const reply = command("tips status", {
      base,
      responseUrl: "http://127.0.0.2:9/hooks/commands/responsehook00000000000001",
    });
    await waitFor(() => stalled.asked() > 0, { what: "the status asked for" });
    await bot.stop();
    expect((await reply).reply).toEqual({ response_type: "ephemeral", text: RESTARTED });
    stalled.release();
    expect(mattermost.lateAnswers).toHaveLength(0);
  });

  it("answers later under a MATTERMOST_URL with a path, and only through a response_url under it", async () => {
    mattermost.prefix = "/mattermost";
    try {
      const stalled = stalledTips();
      const served = `${mattermost.url}/mattermost`;
      const { base } = await mm.startBot({ url: served }, { tips: stalled.tips, answerLaterAfterMs: 20 });
      // outside the server's path: not the server's hook, so the answer waits for the command's response
      const elsewhere = command("tips status", {
        base,
        responseUrl: `${mattermost.url}/hooks/commands/responsehook00000000000001`,
      });
      await waitFor(() => stalled.asked() > 0, { what: "the status asked for" });
      await sleep(60); // past answerLaterAfterMs: an early reply would have been sent by now
      stalled.release();
      expect((await elsewhere).reply.text).toBe("Daily tip: on, said at last.");

      const later = stalledTips();
      const { base: second } = await mm.startBot(
        { url: served },
        { tips: later.tips, answerLaterAfterMs: 20 },
      );
      const first = await command("tips status", {
        base: second,
        responseUrl: `${served}/hooks/commands/responsehook00000000000001`,
      });
      expect(first.reply.text).toBe(STILL_WORKING);
      later.release();
      const late = await waitFor(() => mattermost.lateAnswers[0], { what: "the late answer" });
      expect(late.path).toBe("/hooks/commands/responsehook00000000000001");
      expect(late.body).toMatchObject({ text: "Daily tip: on, said at last." });
      expect(mattermost.calls.filter((c) => !c.inside)).toEqual([]);
    } finally {
      mattermost.prefix = "";
      mattermost.calls.length = 0;
    }
  });

  it("logs a late answer that Mattermost refuses", async () => {
    const stalled = stalledTips();
    const { base } = await mm.startBot({}, { tips: stalled.tips, answerLaterAfterMs: 20 });
    mattermost.script("POST", /^\/hooks\/commands\//, {
      status: 404,
      body: { id: "web.command_webhook.invalid" },
    });
    expect((await command("tips off", { base, user: ADMIN })).reply.text).toBe(STILL_WORKING);
    stalled.release();
    expect(await logLine("late command answer refused by Mattermost")).toContain('"status":404');
    mattermost.calls.length = 0;
  });
});

describe("Mattermost tip posts refused", () => {
  it("fails at once where the bot may not post (403), and announces where it may", async () => {
    const [tip] = guide.tips();
    if (!tip) throw new Error("the fixture has no tips");
    const channel = freshChannel();
    mattermost.script("POST", /^\/api\/v4\/posts$/, {
      status: 403,
      body: { id: "api.context.permissions.app_error", status_code: 403 },
    });
    await expect(mm.bot.tipPoster().post(channel, tip)).rejects.toMatchObject({
      code: "api.context.permissions.app_error",
      permanent: true,
      message: expect.stringMatching(/Add me to it first \(type \/invite and my @name here\)/),
    });
    // what its sentences tell an admin to type: the slash command, then the words
    expect(mm.bot.tipPoster().command?.("off")).toBe("`/socialmedia-guidance tips off`");
    const announce = mm.bot.tipPoster().announce;
    if (!announce) throw new Error("the Mattermost poster cannot announce");
    await announce(channel, "Daily tips are on in this channel.");
    const posts = mattermost.posted.filter((p) => p.body.channel_id === channel);
    expect(posts.at(-1)?.body.message).toContain("Daily tips are on in this channel.");
  });
});

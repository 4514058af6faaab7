import { type DMChannel, Events, type Guild, MessageFlags, PermissionFlagsBits } from "discord.js";
import nock from "nock";
import { beforeAll, describe, expect, it } from "vitest";
import { createDiscordBot } from "../adapters/discord/bot.js";
import { TIPS_COMMAND } from "../adapters/discord/definitions.js";
import { createLogger } from "../src/index.js";
import { API, config, discordFixture } from "./discord-fixture.js";
import { type Body, CHANNEL_ID, command, message, sent } from "./discord-interaction.js";
import { waitFor, within } from "./helpers.js";

// Discord: the daily tip, turned on by a manager with /socialmedia-guidance-tips and posted to the channel.

const { guide, bot, dispatch, logLines } = discordFixture();

describe("Discord tips command", () => {
  it("refuses members without Manage Server at run time", async () => {
    const i = command("status", {}, { commandName: TIPS_COMMAND });
    dispatch(i);
    const body = await message(i);
    expect(body.method).toBe("reply");
    expect(body.flags).toBe(MessageFlags.Ephemeral);
    expect(body.content).toMatch(/Manage Server/);
  });

  it("lets a manager turn another channel's tip on: deferred, then the reply edited in", async () => {
    const manager = { commandName: TIPS_COMMAND, permissions: PermissionFlagsBits.ManageGuild };
    const tipsChannel = "1300000000000000009";
    const i = command(
      "on",
      { time: "08:30", timezone: "Australia/Sydney" },
      { ...manager, channel: tipsChannel },
    );
    dispatch(i);
    expect(await sent(i)).toEqual({ method: "deferReply", body: { flags: MessageFlags.Ephemeral } });
    const body = await message(i, 1);
    expect(body.method).toBe("editReply");
    // the reply names the channel the option named, whose tip it is
    expect(body.content).toMatch(
      /^<#1300000000000000009>: Daily tip on: every day at 08:30 \(Australia\/Sydney\)/,
    );
    expect(body.allowedMentions).toEqual({ parse: [] });
    // the option's channel got the tip, not the one the command was typed in
    const there = command("status", {}, { ...manager, channel: tipsChannel });
    const here = command("status", {}, manager);
    dispatch(there);
    dispatch(here);
    expect((await message(there, 1)).content).toMatch(
      /^<#1300000000000000009>: Daily tip: on, every day at 08:30/,
    );
    expect((await message(here, 1)).content).toMatch(/no daily tip/);
  });

  it("will not turn tips on in a thread: it names the parent channel, and saves nothing", async () => {
    const manager = { commandName: TIPS_COMMAND, permissions: PermissionFlagsBits.ManageGuild };
    const parent = "1300000000000000044";
    const i = command("on", {}, { ...manager, threadOf: parent });
    dispatch(i);
    const body = await message(i);
    expect(body.method).toBe("reply");
    expect(body.flags).toBe(MessageFlags.Ephemeral);
    expect(body.content).toMatch(/not in a thread/);
    expect(body.content).toContain(`<#${parent}>`);
    // a thread discord.js has not cached (a private one) is fetched, after the interaction is deferred
    // (the fetch may take longer than Discord's 3 s), and refused the same way
    const uncached = command("on", {}, { ...manager, threadOf: parent, uncached: true });
    dispatch(uncached);
    expect((await sent(uncached)).method).toBe("deferReply");
    const refused = await message(uncached, 1);
    expect(refused.method).toBe("editReply");
    expect(refused.content).toMatch(/not in a thread/);
    const status = command("status", {}, manager);
    dispatch(status);
    expect((await message(status, 1)).content).toMatch(/no daily tip/);
    // naming a channel from the thread is fine
    const named = command("on", {}, { ...manager, threadOf: parent, channel: parent });
    dispatch(named);
    expect((await message(named, 1)).content).toMatch(/^<#1300000000000000044>: Daily tip on/);
    const off = command("off", {}, { ...manager, channel: parent });
    dispatch(off);
    await message(off, 1);
  });

  it("turns a server's daily tips off when the bot leaves it, and a deleted channel's", async () => {
    const manager = { commandName: TIPS_COMMAND, permissions: PermissionFlagsBits.ManageGuild };
    const status = async (channel: string) => {
      const i = command("status", {}, { ...manager, channel });
      dispatch(i);
      return (await message(i, 1)).content ?? "";
    };
    for (const channel of ["1300000000000000011", "1300000000000000012"]) {
      const on = command("on", { time: "08:30" }, { ...manager, channel });
      dispatch(on);
      expect((await message(on, 1)).content).toMatch(/^<#\d+>: Daily tip on/);
    }
    bot.client.emit(Events.ChannelDelete, { id: "1300000000000000012" } as unknown as DMChannel);
    const left = { id: "1200000000000000002", channels: { cache: new Map([["1300000000000000011", {}]]) } };
    bot.client.emit(Events.GuildDelete, left as unknown as Guild);
    await waitFor(() => logLines.filter((l) => l.includes("daily tip turned off")).length === 2, {
      what: "both tips turned off",
    });
    expect(await status("1300000000000000011")).toMatch(/no daily tip/);
    expect(await status("1300000000000000012")).toMatch(/no daily tip/);
  });
});

describe("Discord tip posts", () => {
  // client.login() gives REST the token; the gateway is not reachable here, so give it directly
  beforeAll(() => {
    bot.client.rest.setToken(config.token);
  });

  it("posts a tip of the day as an embed with a Learn more button, pinging no one", async () => {
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    const posted = new Promise<Body & { allowed_mentions?: unknown }>((resolve) => {
      nock(API)
        .post(`/api/v10/channels/${CHANNEL_ID}/messages`, (body) => {
          resolve(body as Body);
          return true;
        })
        .reply(200, { id: "1900000000000000001", channel_id: CHANNEL_ID });
    });
    const result = await bot.tipPoster().post(CHANNEL_ID, tip);
    expect(result.messageId).toBe("1900000000000000001");
    const body = await within(posted);
    expect(body?.embeds?.[0]?.title).toBe("Tip of the day");
    expect(body?.embeds?.[0]?.description).toBe(tip.text);
    expect(body?.components?.[0]?.components[0]?.custom_id).toBe(`smg:open:0:${tip.entry}`);
    expect(body?.allowed_mentions).toEqual({ parse: [] });
    // what its sentences tell a manager to type: the tips command's subcommand, whose time is an option
    expect(bot.tipPoster().command?.("off")).toBe("`/socialmedia-guidance-tips off`");
    expect(bot.tipPoster().command?.("on")).toBe(
      "`/socialmedia-guidance-tips on` (its time and timezone are options)",
    );
    // ... and whose settings are the form's fields: no sentence tells a manager to type "weekdays"
    expect(bot.tipPoster().settingsInFields).toBe(true);
  });

  it("reports a refused post with Discord's code", async () => {
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    nock(API)
      .post(`/api/v10/channels/${CHANNEL_ID}/messages`)
      .reply(403, { message: "Missing Access", code: 50001 });
    await expect(bot.tipPoster().post(CHANNEL_ID, tip)).rejects.toMatchObject({
      name: "PostFailure",
      code: "403:50001",
      permanent: true,
      message: expect.stringMatching(/not allowed to post in this channel\. Give the bot .* Send Messages/),
    });
    nock(API)
      .post(`/api/v10/channels/${CHANNEL_ID}/messages`)
      .reply(500, { message: "Internal Server Error", code: 0 });
    await expect(bot.tipPoster().post(CHANNEL_ID, tip)).rejects.toMatchObject({ permanent: false });
  });

  it("announces a channel's tips with a notice, pinging no one", async () => {
    const posted = new Promise<Body & { content?: string; allowed_mentions?: unknown }>((resolve) => {
      nock(API)
        .post(`/api/v10/channels/${CHANNEL_ID}/messages`, (body) => {
          resolve(body as Body);
          return true;
        })
        .reply(200, { id: "1900000000000000002", channel_id: CHANNEL_ID });
    });
    const announce = bot.tipPoster().announce;
    if (!announce) throw new Error("the Discord poster cannot announce");
    expect(await announce(CHANNEL_ID, "Daily tips are on in this channel @everyone")).toEqual({
      messageId: "1900000000000000002",
    });
    const body = await within(posted);
    expect(body?.content).toBe("Daily tips are on in this channel @everyone");
    expect(body?.allowed_mentions).toEqual({ parse: [] });
  });

  it("cuts a tip post in flight off when the bot stops", async () => {
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    const stopping = createDiscordBot({ guide, logger: createLogger("silent"), config });
    stopping.client.rest.setToken(config.token);
    const sent = new Promise<void>((resolve) => {
      nock(API)
        .post(`/api/v10/channels/${CHANNEL_ID}/messages`, () => {
          resolve();
          return true;
        })
        .delay(60_000)
        .reply(200, { id: "1" });
    });
    const post = stopping.tipPoster().post(CHANNEL_ID, tip);
    await within(sent);
    await stopping.stop();
    await expect(within(post)).rejects.toMatchObject({ name: "PostFailure", code: "stopped" });
  });

  it("reads a post cut off by its time limit as timed out (it may have gone through), not as stopped", async () => {
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    const slow = createDiscordBot({ guide, logger: createLogger("silent"), config, tipPostMs: 50 });
    slow.client.rest.setToken(config.token);
    nock(API).post(`/api/v10/channels/${CHANNEL_ID}/messages`).delay(5_000).reply(200, { id: "1" });
    const failure = await within(slow.tipPoster().post(CHANNEL_ID, tip)).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "PostFailure", code: "timeout" });
    await slow.stop();
    nock.cleanAll();
  });

  it("gives a rate-limited post back to the scheduler with Discord's wait, instead of waiting it out", async () => {
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    nock(API).post(`/api/v10/channels/${CHANNEL_ID}/messages`).reply(
      429,
      { message: "You are being rate limited.", retry_after: 5, global: false },
      {
        "retry-after": "5",
        "x-ratelimit-scope": "user",
      },
    );
    const failure = await within(bot.tipPoster().post(CHANNEL_ID, tip)).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "PostFailure", code: "429" });
    // Discord's 5 s, and the few milliseconds discord.js adds
    expect((failure as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThanOrEqual(5);
    expect((failure as { retryAfterSeconds?: number }).retryAfterSeconds).toBeLessThanOrEqual(6);
  });
});

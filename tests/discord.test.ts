import { MessageFlags, PermissionFlagsBits } from "discord.js";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDiscordBot, type DiscordBot, deployCommands } from "../adapters/discord/bot.js";
import { COMMAND, commandDefinitions, inviteUrl, TIPS_COMMAND } from "../adapters/discord/commands.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { capturedLogger, commandScheduler, KNOWLEDGE_DIR, memoryVotes } from "./helpers.js";

const API = "https://discord.test";
const APP_ID = "1100000000000000001";
const GUILD_ID = "1200000000000000001";
const CHANNEL_ID = "1300000000000000001";
const USER_ID = "1400000000000000001";
const guide = createGuide(loadKnowledge(KNOWLEDGE_DIR));
const config = {
  token: "test-token-not-real.abcdef.ghijklmnopqrstuvwxyz0123456",
  applicationId: APP_ID,
  apiUrl: `${API}/api`,
};

const { logger, lines: logLines } = capturedLogger();
const { votes, record: recordVote } = memoryVotes();
let bot: DiscordBot;
let seq = 0;

interface Callback {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: {
      title?: string;
      description?: string;
      footer?: { text: string };
      fields?: { name: string; value: string }[];
    }[];
    components?: { components: { custom_id?: string; label?: string }[] }[];
    allowed_mentions?: { parse: string[] };
    choices?: { name: string; value: string }[];
  };
}

/** Feeds a raw INTERACTION_CREATE packet to the client, as the gateway would. */
function dispatch(d: Record<string, unknown>) {
  const ws = (bot.client as unknown as { ws: { status: number; handlePacket(p: unknown): void } }).ws;
  ws.status = 0; // Status.Ready: the packet is handled now rather than queued
  ws.handlePacket({ op: 0, t: "INTERACTION_CREATE", s: ++seq, d });
}

function base(type: number, data: Record<string, unknown>, permissions = "0") {
  const id = `15000000000000${String(++seq).padStart(5, "0")}`;
  return {
    id,
    token: `tok-${id}`,
    application_id: APP_ID,
    type,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
    member: {
      user: { id: USER_ID, username: "doc", discriminator: "0", global_name: "Doc", avatar: null },
      roles: [],
      permissions,
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: "0",
    locale: "en-GB",
    guild_locale: "en-GB",
    entitlements: [],
    authorizing_integration_owners: { "0": GUILD_ID },
    context: 0,
    data,
  };
}

/** Resolves with the body of the interaction's callback. */
function callback(interaction: { id: string; token: string }, status = 204) {
  return new Promise<Callback>((resolve) => {
    nock(API)
      .post(new RegExp(`^/api/v10/interactions/${interaction.id}/${interaction.token}/callback`), (body) => {
        resolve(body as Callback);
        return true;
      })
      .reply(status);
  });
}

function slash(sub: string, options: Record<string, unknown>[] = [], permissions = "0", name = COMMAND) {
  return base(
    2,
    { id: "1600000000000000001", name, type: 1, options: [{ type: 1, name: sub, options }] },
    permissions,
  );
}

function press(customId: string) {
  const i = base(3, { custom_id: customId, component_type: 2 });
  return {
    ...i,
    message: {
      id: "1700000000000000001",
      channel_id: CHANNEL_ID,
      author: { id: APP_ID, username: "bot", discriminator: "0", avatar: null, bot: true },
      content: "",
      timestamp: "2024-01-01T00:00:00.000Z",
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 64,
    },
  };
}

function within<T>(promise: Promise<T>, ms = 3000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, r) => setTimeout(() => r(new Error("no callback")), ms))]);
}

const ids = (c: Callback) =>
  (c.data?.components ?? []).flatMap((row) => row.components.map((b) => b.custom_id));

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  bot = createDiscordBot({
    guide,
    logger,
    config,
    tips: commandScheduler(guide, logger),
    recordFeedback: recordVote,
  });
});

afterAll(async () => {
  await bot.stop();
  nock.cleanAll();
  nock.enableNetConnect();
});

beforeEach(() => {
  logLines.length = 0;
});

afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
});

describe("Discord /socialmedia-guidance", () => {
  it("answers privately with an embed, sources, the disclaimer in the footer, buttons, and no mentions", async () => {
    const i = slash("ask", [
      { type: 3, name: "question", value: "can I accept a friend request from a patient?" },
    ]);
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).toBe("Maintaining professional boundaries on social media");
    expect(embed?.footer?.text).toContain("not legal advice");
    expect(embed?.fields?.[0]?.name).toBe("Sources");
    expect(ids(body)).toEqual(
      expect.arrayContaining(["smg:share:qa-maintain-boundaries", "smg:vote:up:qa-maintain-boundaries"]),
    );
    expect(ids(body).some((id) => id?.startsWith("smg:open:"))).toBe(true);
    expect(logLines.join("\n")).toContain('"entry":"qa-maintain-boundaries"');
    expect(logLines.join("\n")).not.toContain("friend request from a patient");
  });

  it("answers a question holding patient details without repeating or logging them", async () => {
    const i = slash("ask", [
      { type: 3, name: "question", value: "patient Priya Shah, DOB 02/03/1971, wants to follow me" },
    ]);
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data?.embeds?.[0]?.description).toContain("looked like it contained patient details");
    expect(JSON.stringify(body)).not.toMatch(/Priya|Shah|1971/);
    expect(logLines.join("\n")).not.toMatch(/Priya|Shah|1971/);
    expect(logLines.join("\n")).toContain('"flagged":true');
  });

  it("offers did-you-mean buttons, or the topics, when it has no answer", async () => {
    const i = slash("ask", [{ type: 3, name: "question", value: "@everyone how do I cook rice" }]);
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.data?.embeds?.[0]?.title).toBe("No guidance on that");
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it.each([
    ["topics", "Topics"],
    ["tip", "Tip"],
    ["help", "How to use socialmedia-guidance"],
  ])("answers %s", async (sub, title) => {
    const i = slash(sub);
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data?.embeds?.[0]?.title).toBe(title);
  });

  it("autocompletes questions: at most 25 choices of at most 100 characters", async () => {
    const i = base(4, {
      id: "1600000000000000001",
      name: COMMAND,
      type: 1,
      options: [
        {
          type: 1,
          name: "ask",
          options: [{ type: 3, name: "question", value: "friend req", focused: true }],
        },
      ],
    });
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.type).toBe(8);
    const choices = body.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices.map((c) => c.name).join("\n")).toMatch(/friend/i);
  });

  it("offers questions to start from when nothing is typed yet", async () => {
    const i = base(4, {
      id: "1600000000000000001",
      name: COMMAND,
      type: 1,
      options: [{ type: 1, name: "ask", options: [{ type: 3, name: "question", value: "", focused: true }] }],
    });
    const reply = callback(i);
    dispatch(i);
    expect((await within(reply)).data?.choices?.length).toBe(25);
  });
});

describe("Discord buttons", () => {
  it("opens a related entry privately", async () => {
    const i = press("smg:open:0:practice-clear-boundaries");
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data?.embeds?.[0]?.title).toBe("Setting clear boundaries with patients");
  });

  it("shares an answer in the channel, saying who shared it, pinging no one", async () => {
    const i = press("smg:share:qa-maintain-boundaries");
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.embeds?.[0]?.description).toContain(`Shared by <@${USER_ID}>`);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(ids(body).some((id) => id?.startsWith("smg:share"))).toBe(false);
  });

  it("records a vote once per person", async () => {
    votes.length = 0;
    for (const expected of [
      "Thanks, your vote is recorded.",
      "You have already voted on this answer. Thanks!",
    ]) {
      const i = press("smg:vote:up:challenge-boundaries");
      const reply = callback(i);
      dispatch(i);
      expect((await within(reply)).data?.content).toBe(expected);
    }
    expect(votes[0]).toMatchObject({
      entryId: "challenge-boundaries",
      vote: "up",
      platform: "discord",
      userId: USER_ID,
    });
  });
});

describe("Discord tips command", () => {
  it("refuses members without Manage Server at run time", async () => {
    const i = slash("status", [], "0", TIPS_COMMAND);
    const reply = callback(i);
    dispatch(i);
    const body = await within(reply);
    expect(body.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data?.content).toMatch(/Manage Server/);
  });

  it("lets a manager turn a channel's tip on: deferred, then the reply edited in", async () => {
    const i = slash(
      "on",
      [
        { type: 7, name: "channel", value: "1300000000000000009" },
        { type: 3, name: "time", value: "08:30" },
        { type: 3, name: "timezone", value: "Australia/Sydney" },
      ],
      PermissionFlagsBits.ManageGuild.toString(),
      TIPS_COMMAND,
    );
    (i.data as { resolved?: unknown }).resolved = {
      channels: {
        "1300000000000000009": { id: "1300000000000000009", type: 0, name: "tips", permissions: "0" },
      },
    };
    const deferred = callback(i);
    const edited = new Promise<{ content?: string; allowed_mentions?: unknown }>((resolve) => {
      nock(API)
        .patch(new RegExp(`^/api/v10/webhooks/${APP_ID}/${i.token}/messages/(@|%40)original`), (body) => {
          resolve(body as { content?: string });
          return true;
        })
        .reply(200, {
          id: "1800000000000000001",
          channel_id: CHANNEL_ID,
          content: "",
          embeds: [],
          attachments: [],
          components: [],
          mentions: [],
          mention_roles: [],
          pinned: false,
          tts: false,
          type: 0,
          timestamp: "2024-01-01T00:00:00.000Z",
          author: { id: APP_ID, username: "bot", discriminator: "0", avatar: null },
        });
    });
    dispatch(i);
    const first = await within(deferred);
    expect(first.type).toBe(5);
    expect(first.data?.flags).toBe(MessageFlags.Ephemeral);
    const body = await within(edited);
    expect(body.content).toMatch(/^Daily tip on: every day at 08:30 \(Australia\/Sydney\)/);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("Discord errors", () => {
  it("logs a failed callback and stays up", async () => {
    const i = slash("help");
    nock(API)
      .post(new RegExp(`^/api/v10/interactions/${i.id}/${i.token}/callback`))
      .reply(404, { message: "Unknown interaction", code: 10062 });
    // the error report itself also fails (the interaction is gone): that is logged too
    nock(API)
      .post(new RegExp(`^/api/v10/interactions/${i.id}/${i.token}/callback`))
      .reply(404, { message: "Unknown interaction", code: 10062 });
    dispatch(i);
    const start = Date.now();
    while (!logLines.some((l) => l.includes("interaction failed")) && Date.now() - start < 3000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(logLines.find((l) => l.includes("interaction failed"))).toContain("404:10062");
    const next = slash("topics");
    const reply = callback(next);
    dispatch(next);
    expect((await within(reply)).data?.embeds?.[0]?.title).toBe("Topics");
  });
});

describe("discord:deploy", () => {
  it("PUTs both commands to the guild when a guild id is set, else globally", async () => {
    for (const [guildId, path] of [
      [GUILD_ID, `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`],
      [undefined, `/api/v10/applications/${APP_ID}/commands`],
    ] as const) {
      const put = new Promise<unknown>((resolve) => {
        nock(API)
          .put(path, (body) => {
            resolve(body);
            return true;
          })
          .reply(200, []);
      });
      await deployCommands({ ...config, guildId });
      const body = (await put) as { name: string; default_member_permissions?: string }[];
      expect(body).toEqual(commandDefinitions());
      expect(body.map((c) => c.name)).toEqual([COMMAND, TIPS_COMMAND]);
      expect(body[1]?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    }
  });

  it("builds an invite URL with the bot and applications.commands scopes and only the permissions it needs", () => {
    const url = new URL(inviteUrl(APP_ID));
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    const perms = BigInt(url.searchParams.get("permissions") ?? "0");
    expect(perms & PermissionFlagsBits.Administrator).toBe(0n);
    expect(perms & PermissionFlagsBits.SendMessages).toBe(PermissionFlagsBits.SendMessages);
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
    const posted = new Promise<Callback["data"]>((resolve) => {
      nock(API)
        .post(`/api/v10/channels/${CHANNEL_ID}/messages`, (body) => {
          resolve(body as Callback["data"]);
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
    });
  });
});

import {
  type APIEmbed,
  DiscordAPIError,
  Events,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  PermissionsBitField,
} from "discord.js";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDiscordBot, type DiscordBot, deployCommands } from "../adapters/discord/bot.js";
import { COMMAND, inviteUrl, TIPS_COMMAND } from "../adapters/discord/definitions.js";
import { commandDefinitions } from "../adapters/discord/slash-commands.js";
import { createGuide, type Entry, type Guide, loadKnowledge } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import {
  capturedLogger,
  commandScheduler,
  FIXTURE_DIR,
  settle,
  tempDatabase,
  testUsage,
  waitFor,
  within,
} from "./helpers.js";

const API = "https://discord.test";
const APP_ID = "1100000000000000001";
const GUILD_ID = "1200000000000000001";
const CHANNEL_ID = "1300000000000000001";
const USER_ID = "1400000000000000001";
const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const config = {
  token: "test-token-not-real.abcdef.ghijklmnopqrstuvwxyz0123456",
  applicationId: APP_ID,
  apiUrl: `${API}/api`,
};

const { logger, lines: logLines } = capturedLogger();
/** Votes go to the real store, on a database of this file's own. */
const votesDb = tempDatabase("smg-discord-votes-");
const { feedback } = openSqliteStorage(votesDb.name);
let bot: DiscordBot;
let seq = 0;

/** What a reply, an edit or a follow-up was given: discord.js's message options. */
interface Body {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  allowedMentions?: { parse: string[] };
}

type Sent =
  | { method: "reply" | "editReply" | "followUp"; body: Body }
  | { method: "deferReply"; body: { flags?: number } }
  | { method: "respond"; body: { name: string; value: string }[] };

interface Spec {
  kind: "command" | "autocomplete" | "button";
  commandName?: string;
  subcommand?: string;
  /** String options by name: question, time, timezone. */
  strings?: Record<string, string>;
  /** The `channel` option's channel id. */
  channel?: string;
  focused?: string;
  customId?: string;
  permissions?: bigint;
  /** Every call that sends waits for this first, as a slow network would. */
  hold?: Promise<void>;
  /** The error each of these methods throws, as a failing API would. */
  fails?: Partial<Record<Sent["method"], Error>>;
}

/**
 * A stand-in for a discord.js interaction: the methods and fields the adapter uses, keeping discord.js's
 * rules (one reply or deferral, edits and follow-ups only after one) and recording what was sent.
 * discord.js builds its interactions with private constructors, so a test cannot make real ones.
 */
class FakeInteraction {
  readonly id = `15000000000000${String(++seq).padStart(5, "0")}`;
  readonly user = { id: USER_ID };
  readonly channelId = CHANNEL_ID;
  readonly guildId = GUILD_ID;
  readonly commandName: string;
  readonly customId: string;
  readonly memberPermissions: PermissionsBitField;
  readonly sent: Sent[] = [];
  replied = false;
  deferred = false;

  constructor(private readonly spec: Spec) {
    this.commandName = spec.commandName ?? COMMAND;
    this.customId = spec.customId ?? "";
    this.memberPermissions = new PermissionsBitField(spec.permissions ?? 0n);
  }

  readonly options = {
    getSubcommand: () => this.spec.subcommand ?? null,
    getString: (name: string, required = false) => {
      const value = this.spec.strings?.[name] ?? null;
      if (required && value === null) throw new TypeError(`the required option "${name}" is missing`);
      return value;
    },
    getChannel: (name: string) =>
      name === "channel" && this.spec.channel ? { id: this.spec.channel } : null,
    getBoolean: (_name: string) => null,
    getFocused: () => this.spec.focused ?? "",
  };

  inGuild() {
    return true;
  }
  isAutocomplete() {
    return this.spec.kind === "autocomplete";
  }
  isChatInputCommand() {
    return this.spec.kind === "command";
  }
  isButton() {
    return this.spec.kind === "button";
  }
  isRepliable() {
    return this.spec.kind !== "autocomplete";
  }

  async reply(body: Body) {
    if (this.replied || this.deferred) throw new Error("InteractionAlreadyReplied");
    await this.send({ method: "reply", body });
    this.replied = true;
  }
  async deferReply(body: { flags?: number }) {
    if (this.replied || this.deferred) throw new Error("InteractionAlreadyReplied");
    await this.send({ method: "deferReply", body });
    this.deferred = true;
  }
  async editReply(body: Body) {
    if (!this.replied && !this.deferred) throw new Error("InteractionNotReplied");
    await this.send({ method: "editReply", body });
  }
  async followUp(body: Body) {
    if (!this.replied && !this.deferred) throw new Error("InteractionNotReplied");
    await this.send({ method: "followUp", body });
  }
  async respond(choices: { name: string; value: string }[]) {
    if (this.replied) throw new Error("InteractionAlreadyReplied");
    await this.send({ method: "respond", body: choices });
    this.replied = true;
  }

  private async send(what: Sent) {
    await this.spec.hold;
    const failure = this.spec.fails?.[what.method];
    if (failure) throw failure;
    this.sent.push(what);
  }
}

const command = (subcommand: string, strings: Record<string, string> = {}, more: Partial<Spec> = {}) =>
  new FakeInteraction({ kind: "command", subcommand, strings, ...more });
const press = (customId: string) => new FakeInteraction({ kind: "button", customId });
const typing = (focused: string) => new FakeInteraction({ kind: "autocomplete", subcommand: "ask", focused });

/** Hands an interaction to the client, as discord.js does when one arrives from the gateway. */
function dispatch(interaction: FakeInteraction, to: DiscordBot = bot): void {
  // The stand-in has every member of Interaction that the adapter reads.
  to.client.emit(Events.InteractionCreate, interaction as unknown as Interaction);
}

/** The `n`th thing the bot sent for an interaction, once it has been sent. */
function sent(interaction: FakeInteraction, n = 0): Promise<Sent> {
  return waitFor(() => interaction.sent[n], { what: `message ${n} of interaction ${interaction.id}` });
}

/** The message options of the `n`th reply, edit or follow-up. */
async function message(interaction: FakeInteraction, n = 0): Promise<Body & { method: string }> {
  const s = await sent(interaction, n);
  if (s.method === "respond" || s.method === "deferReply")
    throw new Error(`expected a message, got ${s.method}`);
  return { method: s.method, ...s.body };
}

async function choices(interaction: FakeInteraction): Promise<{ name: string; value: string }[]> {
  const s = await sent(interaction);
  if (s.method !== "respond") throw new Error(`expected autocomplete choices, got ${s.method}`);
  return s.body;
}

const ids = (b: Body) => (b.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  bot = createDiscordBot({
    guide,
    logger,
    config,
    tips: commandScheduler(guide, logger),
    ...testUsage({ feedback, logger }),
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
    const i = command("ask", { question: "can I accept a friend request from a patient?" });
    dispatch(i);
    const body = await message(i);
    expect(body.method).toBe("reply");
    expect(body.flags).toBe(MessageFlags.Ephemeral);
    expect(body.allowedMentions).toEqual({ parse: [] });
    const embed = body.embeds?.[0];
    expect(embed?.title).toBe("Friend requests from patients");
    expect(embed?.description).toContain("Decline politely");
    expect(embed?.footer?.text).toContain("not legal advice");
    expect(embed?.fields?.[0]).toEqual({ name: "Sources", value: "• Document A (Publisher A, 2020)" });
    expect(ids(body)).toEqual(
      expect.arrayContaining([
        "smg:open:0:patient-photos",
        "smg:share:friend-requests",
        "smg:vote:up:friend-requests",
        "smg:vote:down:friend-requests",
      ]),
    );
    expect(logLines.join("\n")).toContain('"entry":"friend-requests"');
    expect(logLines.join("\n")).not.toContain("friend request from a patient");
  });

  it("answers a question holding patient details without repeating or logging them", async () => {
    const i = command("ask", { question: "patient Priya Shah, DOB 02/03/1971, wants to follow me" });
    dispatch(i);
    const body = await message(i);
    expect(body.flags).toBe(MessageFlags.Ephemeral);
    expect(body.embeds?.[0]?.description).toContain("looked like it contained patient details");
    expect(JSON.stringify(body)).not.toMatch(/Priya|Shah|1971/);
    await waitFor(() => logLines.some((l) => l.includes('"msg":"answered"')), {
      what: "the answer's log line",
    });
    expect(logLines.join("\n")).not.toMatch(/Priya|Shah|1971/);
    expect(logLines.join("\n")).toContain('"flagged":true');
  });

  it("declines off-topic questions with the topics, pinging no one", async () => {
    const i = command("ask", { question: "@everyone how do I cook rice" });
    dispatch(i);
    const body = await message(i);
    expect(body.embeds?.[0]?.title).toBe("No guidance on that");
    expect(body.embeds?.[0]?.description).toContain("**Boundaries**: Patients and personal accounts.");
    expect(body.allowedMentions).toEqual({ parse: [] });
  });

  it.each([
    ["topics", "Topics"],
    ["tip", "Tip"],
    ["help", "How to use socialmedia-guidance"],
  ])("answers %s", async (sub, title) => {
    const i = command(sub);
    dispatch(i);
    const body = await message(i);
    expect(body.flags).toBe(MessageFlags.Ephemeral);
    expect(body.embeds?.[0]?.title).toBe(title);
  });

  it("autocompletes questions from what has been typed", async () => {
    const i = typing("friend req");
    dispatch(i);
    const offered = await choices(i);
    expect(offered[0]).toEqual({
      name: "Should I accept a friend request from a patient?",
      value: "Should I accept a friend request from a patient?",
    });
  });

  it("offers every entry's question to start from when nothing is typed yet", async () => {
    const i = typing("");
    dispatch(i);
    expect((await choices(i)).map((c) => c.name)).toEqual(guide.knowledge.entries.map((e) => e.questions[0]));
  });

  it("offers at most 25 choices of at most 100 characters", async () => {
    const words =
      "amber basil cedar dahlia elder fennel ginger hazel iris juniper kale lilac maple nettle olive peony quince rosemary sage thyme umbel violet willow yarrow zinnia aster birch clover daisy laurel".split(
        " ",
      );
    const many: Entry[] = words.map((w) => ({
      id: `entry-${w}`,
      title: `About ${w}`,
      topic: "boundaries",
      questions: [
        `What should a doctor do about ${w} on social media, when the question runs on well past the hundred characters that fit?`,
      ],
      answer: "An answer.",
      related: [],
      covers: [],
      sources: ["doc-a"],
      file: "many.yaml",
    }));
    const big: Guide = createGuide({ ...guide.knowledge, entries: many });
    const other = createDiscordBot({ guide: big, logger, config });
    const i = typing("");
    dispatch(i, other);
    const offered = await choices(i);
    await other.stop();
    expect(offered).toHaveLength(25);
    for (const c of offered) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value).toBe(c.name);
    }
    expect(offered[0]?.name).toMatch(/^What should a doctor do about amber on social media, .+…$/);
  });
});

describe("Discord buttons", () => {
  it("opens a related entry privately", async () => {
    const i = press("smg:open:0:patient-photos");
    dispatch(i);
    const body = await message(i);
    expect(body.flags).toBe(MessageFlags.Ephemeral);
    expect(body.embeds?.[0]?.title).toBe("Posting photos of patients");
  });

  it("shares an answer in the channel, saying who shared it, pinging no one", async () => {
    const i = press("smg:share:friend-requests");
    dispatch(i);
    const body = await message(i);
    expect(body.method).toBe("reply");
    expect(body.flags).toBeUndefined();
    expect(body.embeds?.[0]?.description).toContain(`Shared by <@${USER_ID}>`);
    expect(body.allowedMentions).toEqual({ parse: [] });
    expect(ids(body).some((id) => id?.startsWith("smg:share"))).toBe(false);
  });

  it("records a vote once per person in the store", async () => {
    for (const expected of [
      "Thanks, your vote is recorded.",
      "You have already voted on this answer. Thanks!",
    ]) {
      const i = press("smg:vote:up:colleague-networking");
      dispatch(i);
      const body = await message(i);
      expect(body.flags).toBe(MessageFlags.Ephemeral);
      expect(body.content).toBe(expected);
    }
    expect(votesDb.prepare("SELECT entry_id, vote, platform FROM feedback").all()).toEqual([
      { entry_id: "colleague-networking", vote: "up", platform: "discord" },
    ]);
  });

  it("ignores a button that is not ours", async () => {
    const theirs = press("other-bot:action");
    dispatch(theirs);
    const ours = press("smg:open:0:patient-photos");
    dispatch(ours);
    await message(ours);
    await settle();
    expect(theirs.sent).toEqual([]);
  });
});

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
    expect(body.content).toMatch(/^Daily tip on: every day at 08:30 \(Australia\/Sydney\)/);
    expect(body.allowedMentions).toEqual({ parse: [] });
    // the option's channel got the tip, not the one the command was typed in
    const there = command("status", {}, { ...manager, channel: tipsChannel });
    const here = command("status", {}, manager);
    dispatch(there);
    dispatch(here);
    expect((await message(there, 1)).content).toMatch(/^Daily tip: on, every day at 08:30/);
    expect((await message(here, 1)).content).toMatch(/no daily tip/);
  });
});

describe("Discord errors", () => {
  it("logs a failed reply, tries to say so, and stays up", async () => {
    const gone = new DiscordAPIError(
      { message: "Unknown interaction", code: 10062 },
      10062,
      404,
      "POST",
      `${API}/api/v10/interactions/1/tok/callback`,
      {},
    );
    // the reply fails, and so does the reply saying so: the interaction is gone
    const i = command("help", {}, { fails: { reply: gone } });
    dispatch(i);
    const failed = await waitFor(() => logLines.find((l) => l.includes("interaction failed")), {
      what: "the failure in the log",
    });
    expect(JSON.parse(failed)).toMatchObject({ code: "404:10062", user: USER_ID, channel: CHANNEL_ID });
    await waitFor(() => logLines.some((l) => l.includes("could not report the failure to the user")), {
      what: "the failed report in the log",
    });
    const next = command("topics");
    dispatch(next);
    expect((await message(next)).embeds?.[0]?.title).toBe("Topics");
  });

  it("tells the user when answering fails after a deferral", async () => {
    // the edit after the deferral fails; the follow-up saying so goes through
    const i = command(
      "status",
      {},
      {
        commandName: TIPS_COMMAND,
        permissions: PermissionFlagsBits.ManageGuild,
        fails: { editReply: new Error("socket hang up") },
      },
    );
    dispatch(i);
    expect((await sent(i)).method).toBe("deferReply");
    const body = await message(i, 1);
    expect(body.method).toBe("followUp");
    expect(body.content).toMatch(/Something went wrong/);
  });
});

describe("Discord shutdown", () => {
  it("waits for interactions in flight before it closes the connection", async () => {
    const stopping = createDiscordBot({ guide, logger, config });
    const destroy = vi.spyOn(stopping.client, "destroy");
    let release = () => {};
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const i = new FakeInteraction({ kind: "command", subcommand: "help", hold });
    dispatch(i, stopping);
    const stop = stopping.stop();
    await settle();
    expect(destroy).not.toHaveBeenCalled(); // the reply is still on its way
    release();
    await within(stop, "stop()");
    expect(i.sent.map((s) => s.method)).toEqual(["reply"]);
    expect(destroy).toHaveBeenCalledOnce();
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

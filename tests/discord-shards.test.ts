import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordBot, type DiscordBot } from "../adapters/discord/bot.js";
import { createGuide, loadConfig, loadKnowledge } from "../src/index.js";
import { capturedLogger, FIXTURE_DIR, within } from "./helpers.js";

// Discord at scale: the sharding setting reaches discord.js's client, and tips go out through REST, so
// a replica posts to a channel whose server another shard holds. Discord's API is a local stand-in.

const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const { logger } = capturedLogger();
const BASE = {
  DISCORD_TOKEN: "test-token-not-real.abcdef.ghijklmnopqrstuvwxyz0123456",
  DISCORD_APPLICATION_ID: "1100000000000000001",
};
const bots: DiscordBot[] = [];

/** A bot built from these settings, as `start` builds it; destroyed after the file. */
function botWith(env: Record<string, string>): DiscordBot {
  const config = loadConfig({ ...BASE, ...env }).discord;
  if (!config) throw new Error("no Discord config");
  const bot = createDiscordBot({ guide, logger, config });
  bots.push(bot);
  return bot;
}

afterAll(async () => {
  await Promise.all(bots.map((b) => b.stop()));
});

describe("DISCORD_SHARDS", () => {
  it("is off by default: one connection, shard 0 of 1", () => {
    const { options } = botWith({}).client;
    expect(options.shards).toEqual([0]);
    expect(options.shardCount).toBe(1);
  });

  it("passes auto through, for Discord's recommended count", () => {
    expect(botWith({ DISCORD_SHARDS: "auto" }).client.options.shards).toBe("auto");
  });

  it("runs every shard of a count, or only those DISCORD_SHARD_IDS names, of the same total", () => {
    const all = botWith({ DISCORD_SHARDS: "3" }).client.options;
    expect(all.shards).toEqual([0, 1, 2]);
    expect(all.shardCount).toBe(3);
    const some = botWith({ DISCORD_SHARDS: "4", DISCORD_SHARD_IDS: "2, 3" }).client.options;
    expect(some.shards).toEqual([2, 3]);
    expect(some.shardCount).toBe(4);
  });

  it("names what is wrong with a bad setting", () => {
    expect(() => loadConfig({ ...BASE, DISCORD_SHARDS: "many" })).toThrow(
      /DISCORD_SHARDS: must be "auto" or a number of shards/,
    );
    expect(() => loadConfig({ ...BASE, DISCORD_SHARD_IDS: "0" })).toThrow(
      /DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the total number of shards/,
    );
    expect(() => loadConfig({ ...BASE, DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "1,2" })).toThrow(
      /DISCORD_SHARD_IDS: 2 not below DISCORD_SHARDS \(2\)/,
    );
  });
});

describe("Discord tip posts with sharding on", () => {
  let api: Server;
  const received: { url?: string; auth?: string; body: unknown }[] = [];

  beforeAll(async () => {
    api = createServer((req: IncomingMessage, res) => {
      let text = "";
      req.on("data", (d) => {
        text += d;
      });
      req.on("end", () => {
        received.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(text) });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: "1900000000000000002", channel_id: "1300000000000000009" }));
      });
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  });

  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  it("posts through REST, without a gateway connection, to a channel no shard of this replica holds", async () => {
    const port = (api.address() as AddressInfo).port;
    const bot = botWith({
      DISCORD_SHARDS: "2",
      DISCORD_SHARD_IDS: "1",
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
    });
    // client.login() gives REST the token; there is no gateway here, so give it directly
    bot.client.rest.setToken(BASE.DISCORD_TOKEN);
    expect(bot.connected()).toBe(false);
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    const result = await within(bot.tipPoster().post("1300000000000000009", tip), "the tip post");
    expect(result.messageId).toBe("1900000000000000002");
    expect(received).toHaveLength(1);
    expect(received[0]?.url).toBe("/api/v10/channels/1300000000000000009/messages");
    expect(received[0]?.auth).toBe(`Bot ${BASE.DISCORD_TOKEN}`);
    expect(received[0]?.body).toMatchObject({ embeds: [{ title: "Tip of the day", description: tip.text }] });
  });
});

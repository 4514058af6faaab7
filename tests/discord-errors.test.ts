import { DiscordAPIError, PermissionFlagsBits, Routes } from "discord.js";
import nock from "nock";
import { describe, expect, it, vi } from "vitest";
import { createDiscordBot } from "../adapters/discord/bot.js";
import { TIPS_COMMAND } from "../adapters/discord/definitions.js";
import { API, config, discordFixture } from "./discord-fixture.js";
import { CHANNEL_ID, command, FakeInteraction, message, sent, USER_ID } from "./discord-interaction.js";
import { settle, waitFor, within } from "./helpers.js";

// Discord: staying up when the API fails, and stopping without dropping an interaction in flight.

const { guide, bot, logger, logLines, dispatch } = discordFixture();

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

  it("says in the log when Discord asks it to slow down, as discord.js waits (a login answered 429 logged nothing)", async () => {
    nock(API)
      .get("/api/v10/gateway/bot")
      .reply(
        429,
        { message: "You are being rate limited.", retry_after: 0.05, global: false },
        {
          "retry-after": "0.05",
          "x-ratelimit-scope": "user",
        },
      )
      .get("/api/v10/gateway/bot")
      .reply(200, { url: "wss://gateway.discord.test", shards: 1 });
    bot.client.rest.setToken(config.token);
    await within(bot.client.rest.get(Routes.gatewayBot()));
    const said = logLines.find((l) => l.includes("Discord asked the bot to slow down"));
    expect(JSON.parse(said ?? "{}")).toMatchObject({
      level: 40,
      method: "GET",
      path: "/api/v10/gateway/bot",
      retryAfterSeconds: 0.05,
    });
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

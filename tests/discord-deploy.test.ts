import { PermissionFlagsBits } from "discord.js";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { deployCommands } from "../adapters/discord/bot.js";
import { COMMAND, inviteUrl, TIPS_COMMAND } from "../adapters/discord/definitions.js";
import { commandDefinitions } from "../adapters/discord/slash-commands.js";
import { MAX_QUESTION_CHARS } from "../src/index.js";
import { parseTime } from "../src/tips/time.js";
import { run } from "./cli-run.js";
import { API, APP_ID, config } from "./discord-fixture.js";
import { GUILD_ID } from "./discord-interaction.js";
import { brokenKnowledge } from "./helpers.js";
import { offline } from "./nock-offline.js";

// Discord: deploying the commands from a script, and the invite URL.

offline({ everyMockUsed: true });

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

  it("lets a question be as long as Discord allows: the core, not the client, cuts an overlong post", () => {
    const [ask] = commandDefinitions();
    const question = (
      ask as { options?: { name: string; options?: { name: string; max_length?: number }[] }[] }
    ).options
      ?.find((o) => o.name === "ask")
      ?.options?.find((o) => o.name === "question");
    expect(question?.max_length).toBe(6_000);
    expect(question?.max_length).toBeGreaterThan(MAX_QUESTION_CHARS);
  });

  it("lets the tips command's time be typed in every form the chat command takes (8:30pm, noon, 12:30 a.m.)", () => {
    const [, tips] = commandDefinitions();
    const time = (
      tips as { options?: { name: string; options?: { name: string; max_length?: number }[] }[] }
    ).options
      ?.find((o) => o.name === "on")
      ?.options?.find((o) => o.name === "time");
    for (const typed of ["09:00", "8:30pm", "8:30 pm", "noon", "midnight", "12:30 a.m."]) {
      expect(parseTime(typed), typed).toBeDefined();
      expect(typed.length, typed).toBeLessThanOrEqual(time?.max_length ?? 0);
    }
  });

  it("says a subcommand is needed, not a token, when discord is run alone with only the application id set", async () => {
    const alone = await run(["discord"], {
      env: { DISCORD_APPLICATION_ID: APP_ID, DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "" },
    });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(
      /^discord needs a subcommand\. Try: socialmedia-guidance discord invite, or discord deploy/,
    );
  });

  it("discord invite: prints the link with only the application id set, before there is a token", async () => {
    const invite = await run(["discord", "invite"], {
      env: { DISCORD_APPLICATION_ID: APP_ID, DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "" },
    });
    expect(invite.code, invite.stderr).toBe(0);
    expect(invite.stdout).toContain(inviteUrl(APP_ID));
    // it reads no knowledge, so a broken knowledge file does not stand in its way
    const broken = brokenKnowledge();
    const despite = await run(["discord", "invite"], {
      env: { DISCORD_APPLICATION_ID: APP_ID, KNOWLEDGE_DIR: broken },
    });
    expect(despite.code, despite.stderr).toBe(0);
    const none = await run(["discord", "invite"], { env: { DISCORD_APPLICATION_ID: "", DISCORD_TOKEN: "" } });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^Set DISCORD_APPLICATION_ID in \.env first/);
  });

  it("builds an invite URL with the bot and applications.commands scopes and only the permissions it needs", () => {
    const url = new URL(inviteUrl(APP_ID));
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    const perms = BigInt(url.searchParams.get("permissions") ?? "0");
    expect(perms & PermissionFlagsBits.Administrator).toBe(0n);
    expect(perms & PermissionFlagsBits.SendMessages).toBe(PermissionFlagsBits.SendMessages);
  });
});

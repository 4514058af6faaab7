import { describe, expect, it, onTestFinished } from "vitest";
import { createDiscordBot } from "../adapters/discord/bot.js";
import { renderCard as renderSlack } from "../adapters/slack/render.js";
import { Conversation, errorCard, readRequest, type TipCommands } from "../src/index.js";
import { TipChannels } from "../src/tips/channels.js";
import { conversationFixture } from "./conversation-fixture.js";
import { config } from "./discord-fixture.js";
import { tempStorage } from "./helpers.js";

// The tips commands as the conversation takes them: through the typed port, after the permission check,
// as a plain sentence when the store fails, and never echoing what was typed.

const { guide, logger, help, here } = conversationFixture();

/** A tips port that records what it was asked. */
function tipsSpy() {
  const calls: string[] = [];
  const tips: TipCommands = {
    on: (c, s) => {
      calls.push(`on ${c.channelId} ${JSON.stringify(s)}`);
      return "Daily tip on.";
    },
    off: (c) => {
      calls.push(`off ${c.channelId}`);
      return "Daily tip off.";
    },
    status: (c) => {
      calls.push(`status ${c.channelId}`);
      return "No daily tip.";
    },
  };
  return { tips, calls };
}

describe("the conversation: tips commands", () => {
  it("changes tips only through the typed port, after the permission check; status needs none", async () => {
    const { tips, calls } = tipsSpy();
    const c = new Conversation({ guide, logger, help, tips });
    const refused = { ...here, tipsPermission: () => "Only admins." };
    expect((await c.handle(readRequest("tips on 09:00"), refused)).card).toMatchObject({
      kind: "error",
      body: "Only admins.",
    });
    expect((await c.handle(readRequest("tips status"), refused)).card.body).toBe("No daily tip.");
    expect((await c.handle(readRequest("tips on 09:00 UTC"), here)).card.body).toBe("Daily tip on.");
    expect((await c.handle(readRequest("tips on 09:00 UTC weekdays extra"), here)).card.body).toMatch(
      /did not understand all of that/,
    );
    expect(calls).toEqual(["status C1", 'on C1 {"time":"09:00","timeZone":"UTC"}']);
  });

  it("says where tips are set up when this place cannot change them", async () => {
    const { tips, calls } = tipsSpy();
    const c = new Conversation({ guide, logger, help, tips });
    const { card } = await c.handle(readRequest("tips off"), {
      ...here,
      tipsElsewhere: "Use the slash command.",
    });
    expect(card.body).toBe("Use the slash command.");
    expect(calls).toEqual([]);
  });

  it("answers a question about turning tips on with where they are set up, or with help where they are", async () => {
    const { tips, calls } = tipsSpy();
    const c = new Conversation({ guide, logger, help, tips });
    const asked = readRequest("how do I turn on daily tips?");
    const elsewhere = await c.handle(asked, { ...here, tipsElsewhere: "Use the slash command." });
    expect(elsewhere.card.body).toBe("Use the slash command.");
    // in a channel, where the command works, the help card lists it
    const inChannel = await c.handle(asked, here);
    expect(inChannel.card.kind).not.toBe("notice");
    expect(inChannel.card).toEqual((await c.handle(readRequest("help"), here)).card);
    expect(calls).toEqual([]);
  });

  it("reports a failing tips store as a plain sentence", async () => {
    const broken: TipCommands = {
      on: () => {
        throw new Error("database is locked");
      },
      off: () => "",
      status: () => {
        throw new Error("database is locked");
      },
    };
    const conversation = new Conversation({ guide, logger, help, tips: broken });
    const { card } = await conversation.handle(readRequest("tips on"), here);
    expect(card).toMatchObject({
      kind: "error",
      body: "I could not change the daily tip just now. Please try again in a moment.",
    });
    // asking for the status changes nothing, and the reply does not say it tried to
    expect((await conversation.handle(readRequest("tips status"), here)).card).toMatchObject({
      kind: "error",
      body: "I could not look up the daily tip just now. Please try again in a moment.",
    });
  });

  it("never repeats what was typed in a tips reply, and Slack's fallback text is escaped too", async () => {
    const real = new TipChannels({
      store: tempStorage().tips,
      tips: guide.tips(),
      logger,
      defaults: { time: "09:00", timeZone: "UTC" },
    });
    const c = new Conversation({ guide, logger, help, tips: real });
    for (const typed of ["tips on <!channel>", "tips on 07700900123", "tips on 09:00 UTC my patient"]) {
      const { card } = await c.handle(readRequest(typed), here);
      expect(card.body).not.toMatch(/channel|07700|patient/);
    }
    const message = renderSlack(errorCard("<!channel> @here"));
    expect(message.text).not.toContain("<!channel>");
    expect(message.text).toContain("&lt;!channel&gt;");
  });

  it("says, as each platform has it, who may turn tips on and whether to add weekdays", async () => {
    const post = async () => ({});
    const discord = createDiscordBot({ guide, logger, config });
    onTestFinished(() => discord.stop());
    const real = new TipChannels({
      store: tempStorage().tips,
      tips: guide.tips(),
      logger,
      defaults: { time: "09:00", timeZone: "UTC" },
      posters: { discord: discord.tipPoster(), slack: { post } },
    });
    expect(await real.status({ platform: "discord", channelId: "1" })).toBe(
      "This channel has no daily tip. Members with the Manage Server permission can turn it on with `/socialmedia-guidance-tips on` (its time and timezone are options).",
    );
    expect(await real.status({ platform: "slack", channelId: "C1" })).toMatch(
      /^This channel has no daily tip\. Whoever manages the channel can turn it on with `tips on/,
    );
    const zone = { timeZone: "Europe/Londn" };
    const inFields = await real.on({ platform: "discord", channelId: "1" }, zone);
    expect(inFields).toMatch(/^That is not a time zone I know: .+ UTC\+2\.$/);
    const typed = await real.on({ platform: "slack", channelId: "C1" }, zone);
    expect(typed).toMatch(/UTC\+2\. A tip comes every day, or on weekdays only \(add weekdays\)\.$/);
  });
});

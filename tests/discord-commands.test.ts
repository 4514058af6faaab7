import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { createDiscordBot } from "../adapters/discord/bot.js";
import { createGuide, type Entry, type Guide } from "../src/index.js";
import { config, discordFixture } from "./discord-fixture.js";
import { choices, command, ids, message, typing } from "./discord-interaction.js";
import { waitFor } from "./helpers.js";

// Discord: /socialmedia-guidance's answers, and the questions it offers while one is typed.

const { guide, logger, logLines, dispatch } = discordFixture();

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

  it("reads a mention, a channel or a custom emoji picked while typing as no patient's number", async () => {
    const i = command("ask", {
      question:
        "<@80351110224678912> in <#222197033908436994>: can I accept a friend request from a patient? <:think:123456789012345678>",
    });
    dispatch(i);
    const body = await message(i);
    expect(body.embeds?.[0]?.title).toBe("Friend requests from patients");
    expect(body.embeds?.[0]?.description).not.toContain("looked like it contained patient details");
    expect(JSON.stringify(body)).not.toMatch(/80351110224678912|222197033908436994/);
    const typed = typing("<@80351110224678912> friend req");
    dispatch(typed);
    expect((await choices(typed))[0]?.name).toBe("Should I accept a friend request from a patient?");
  });

  it.each(["tips on 9am Europe/London", "tips status", "how do I turn on daily tips?"])(
    "says %j typed as a question is done with the tips command",
    async (question) => {
      const i = command("ask", { question });
      dispatch(i);
      const body = await message(i);
      expect(body.flags).toBe(MessageFlags.Ephemeral);
      expect(JSON.stringify(body)).toContain("/socialmedia-guidance-tips on");
    },
  );

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

  it("autocompletes from a word still being typed", async () => {
    const i = typing("frie");
    dispatch(i);
    expect((await choices(i)).map((c) => c.name)[0]).toMatch(/friend/i);
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

import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { discordFixture } from "./discord-fixture.js";
import { command, ids, message, press, USER_ID } from "./discord-interaction.js";

// Discord: the buttons on an answer (open, share, vote), and buttons and commands of older versions.

const { votesDb, dispatch } = discordFixture();

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

  it("answers a button it cannot read (Discord sends only our messages' buttons: an older version's) privately", async () => {
    for (const old of ["other-bot:action", "smg:vote:sideways:x", "smg:open:patient-photos"]) {
      const i = press(old);
      dispatch(i);
      const body = await message(i);
      expect(body.flags).toBe(MessageFlags.Ephemeral);
      expect(body.content).toBe(
        "⚠️ That button is from an older version of this bot. Ask your question again.",
      );
    }
  });

  it("answers a command this version does not have (registered by an older one) privately", async () => {
    const i = command("ask", {}, { commandName: "socialmedia-guidance-old" });
    dispatch(i);
    const body = await message(i);
    expect(body.flags).toBe(MessageFlags.Ephemeral);
    expect(body.content).toMatch(/^⚠️ That command is from an older version of this bot\. Type \/ and pick/);
  });
});

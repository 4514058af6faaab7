import { beforeAll, describe, expect, it } from "vitest";
import { testUsage } from "./helpers.js";
import { allText, BOT_TOKEN, GROUP, PERSONAL, THREAD, teamsFixture } from "./teams-fixture.js";
import { CHANNEL, TENANT } from "./teams-stand-in.js";

// Teams: messages in a 1:1 chat, a channel and a group chat, and the limits on them.

const { lines, standIn, storage, logger, startBot, activity, mention, send, ask, logLine, invoke } =
  teamsFixture();

describe("Teams: messages", () => {
  it("answers a question in a 1:1 chat with an Adaptive Card, through the activity's Bot Connector", async () => {
    const sent = await ask(activity({ text: "Should I accept a friend request from a patient?" }), PERSONAL);
    expect(sent.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const attachment = (sent.body.attachments as { contentType: string }[])[0];
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(allText(sent)).toContain("Friend requests from patients");
    expect(allText(sent)).toContain("Decline politely");
    expect(allText(sent)).toContain('"smg":"vote","vote":"up","entry":"friend-requests"');
    // never a mention: no mention entities, and nothing quoted back
    expect(sent.body.entities).toBeUndefined();
  });

  it("reads help, topics and tip as commands", async () => {
    expect(allText(await ask(activity({ text: "help" }), PERSONAL))).toContain(
      "How to use socialmedia-guidance",
    );
    expect(allText(await ask(activity({ text: "topics" }), PERSONAL))).toContain("Topics");
    expect(allText(await ask(activity({ text: "tip" }), PERSONAL))).toMatch(/"text":"Tip"/);
  });

  it("answers a mention in a channel in its thread, without the mention, and learns the channel's address", async () => {
    const sent = await ask(mention("can I post a photo of a patient?"), THREAD);
    expect(sent.path).toBe(`/v3/conversations/${THREAD}/activities`);
    expect(allText(sent)).toContain("Posting photos of patients");
    const kept = JSON.parse((await storage.addresses.lookup("teams", CHANNEL)) ?? "{}");
    expect(kept).toEqual({ serviceUrl: standIn.url, conversationId: CHANNEL, tenantId: TENANT });
  });

  it("answers a mention in a group chat there", async () => {
    expect(allText(await ask(mention("topics", "groupChat"), GROUP))).toContain("Topics");
  });

  it("leaves alone a channel message that does not mention it", async () => {
    await send(activity({ text: "can I post a photo of a patient?" }, "channel"));
    const sent = await ask(mention("help"), THREAD);
    expect(standIn.activities(THREAD)).toHaveLength(1);
    expect(allText(sent)).toContain("How to use");
  });

  it("answers a message whose text is not a string as one with no question", async () => {
    const sent = await ask(activity({ text: 42 as unknown as string }), PERSONAL);
    expect(allText(sent)).toContain("Ask me how to use social media professionally");
  });

  it("never echoes a question holding patient details, nor logs it", async () => {
    const sent = await ask(mention("my patient Mrs Alvarez (07700 900123) sent me a friend request"), THREAD);
    expect(allText(sent)).toContain("looked like it contained patient details");
    expect(allText(sent)).not.toMatch(/Alvarez|07700/);
    await logLine("answered");
    expect(lines.join("\n")).not.toMatch(/Alvarez|07700/);
  });
});

describe("Teams: limits", () => {
  let url = "";

  beforeAll(async () => {
    url = (await startBot(testUsage({ questionsPerMinute: 1, sharesPerHour: 1, logger }))).url;
  });

  it("limits each person's questions per minute", async () => {
    const first = await ask(activity({ text: "can I post a photo of a patient?" }), PERSONAL, url);
    expect(allText(first)).toContain("Posting photos of patients");
    const second = await ask(activity({ text: "can I post a photo of a patient?" }), PERSONAL, url);
    expect(second.body.text).toMatch(/asking questions very quickly\. Please wait \d+ seconds/);
  });

  it("limits the answers inserted into one conversation per hour", async () => {
    const pick = { smg: "pick", entry: "friend-requests" };
    const first = await invoke("composeExtension/selectItem", pick, "channel", url);
    expect(first.body.composeExtension?.type).toBe("result");
    const second = await invoke("composeExtension/selectItem", pick, "channel", url);
    expect(second.body.composeExtension).toMatchObject({ type: "message" });
    expect(second.body.composeExtension?.text).toMatch(
      /Many answers have been shared in this channel recently/,
    );
  });
});

describe("Teams: an answer inserted again", () => {
  let url = "";

  beforeAll(async () => {
    url = (await startBot(testUsage({ questionsPerMinute: 10, sharesPerHour: 10, logger }))).url;
  });

  it("inserts the same answer again at once: Teams never says whether the first was sent", async () => {
    const pick = { smg: "pick", entry: "friend-requests" };
    for (const _ of [1, 2]) {
      const picked = await invoke("composeExtension/selectItem", pick, "channel", url);
      expect(picked.body.composeExtension?.type).toBe("result");
    }
  });
});

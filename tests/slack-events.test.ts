import nock from "nock";
import { describe, expect, it } from "vitest";
import { within } from "./helpers.js";
import { allText, expectPost, type Posted, slackFixture } from "./slack-fixture.js";
import { SLACK_TEST } from "./slack-settings.js";

// Slack: mentions and direct messages, answered through the Web API, and the Web API's failures.

const { api: API } = SLACK_TEST;
const { slash, event, waitForLog } = slackFixture();

describe("Slack mentions and direct messages", () => {
  it("answers a mention in a thread", async () => {
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "2.0" });
    const response = await event({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> can I post a photo of a patient?",
      ts: "1700000000.000100",
      channel: "C1",
      event_ts: "1700000000.000100",
    });
    expect(response.status).toBe(200);
    const body = await within(posted);
    expect(body.channel).toBe("C1");
    expect(body.thread_ts).toBe("1700000000.000100");
    // the Web API client sends a form: the blocks travel as a JSON string
    const blocks = JSON.parse(String(body.blocks)) as Posted["blocks"];
    expect(blocks?.[0]).toMatchObject({ type: "header", text: { text: "Posting photos of patients" } });
    expect(allText(body)).toContain("explicit consent");
  });

  it("answers a mention or a direct message whose text is not a string as one with no question", async () => {
    for (const [n, extra] of [
      [5, {}],
      [6, { channel_type: "im", type: "message" }],
    ] as const) {
      const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: `2.${n}` });
      await event({
        type: "app_mention",
        user: "U1",
        text: { not: "a string" },
        ts: `1700000000.00050${n}`,
        channel: "C1",
        event_ts: `1700000000.00050${n}`,
        ...extra,
      });
      expect(allText(await within(posted))).toContain("Ask me how to use social media professionally");
    }
  });

  it("answers a mention with patient details in a thread privately, in that thread", async () => {
    const posted = expectPost(API, "/api/chat.postEphemeral", { ok: true });
    await event({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> my patient Mrs Alvarez sent me a friend request",
      ts: "1700000000.000400",
      thread_ts: "1700000000.000300",
      channel: "C1",
      event_ts: "1700000000.000400",
    });
    const body = await within(posted);
    expect(body).toMatchObject({ channel: "C1", user: "U1", thread_ts: "1700000000.000300" });
    expect(allText(body)).toContain("looked like it contained patient details");
  });

  it("answers an event Slack delivers again only once", async () => {
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "2.1" });
    const mention = {
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> can I post a photo of a patient?",
      ts: "1700000000.000200",
      channel: "C1",
      event_ts: "1700000000.000200",
    };
    expect((await event(mention, { id: "EvTwice" })).status).toBe(200);
    await within(posted);
    // as Slack sends it again: the same event, signed anew
    expect((await event(mention, { id: "EvTwice", later: 1 })).status).toBe(200);
    expect(await waitForLog("Slack event delivered again: answered already")).toContain("EvTwice");
  });

  it("answers a long pasted message, its text carried twice (text and rich-text blocks)", async () => {
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "3.1" });
    const text = `${"I am a nurse and a patient sent me a friend request. ".repeat(760)}Can I accept it?`;
    expect(text.length).toBeGreaterThan(40_000);
    const response = await event({
      type: "message",
      channel_type: "im",
      user: "U1",
      text,
      blocks: [
        { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] },
      ],
      ts: "1700000001.000200",
      channel: "D1",
      event_ts: "1700000001.000200",
    });
    expect(response.status).toBe(200);
    expect((await within(posted)).channel).toBe("D1");
  });

  it("answers a direct message", async () => {
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "3.0" });
    await event({
      type: "message",
      channel_type: "im",
      user: "U1",
      text: "topics",
      ts: "1700000001.000100",
      channel: "D1",
      event_ts: "1700000001.000100",
    });
    const body = await within(posted);
    expect(body.channel).toBe("D1");
    expect(allText(body)).toContain("Topics");
  });

  it("gives help in a direct message as it is typed there, and after a mention as it is typed there", async () => {
    const dm = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "3.2" });
    await event({
      type: "message",
      channel_type: "im",
      user: "U1",
      text: "help",
      ts: "1700000001.000300",
      channel: "D1",
      event_ts: "1700000001.000300",
    });
    const inDm = allText(await within(dm));
    expect(inDm).toContain("`topics`");
    expect(inDm).not.toContain("`/socialmedia-guidance topics`");
    expect(inDm).toContain("(in a channel)");
    const thread = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "3.3" });
    await event(
      {
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> help",
        ts: "1700000001.000400",
        channel: "C1",
        event_ts: "1700000001.000400",
      },
      { id: "EvHelpMention" },
    );
    const inThread = allText(await within(thread));
    expect(inThread).toContain("`@socialmedia-guidance topics`");
    expect(inThread).not.toContain("`/socialmedia-guidance topics`");
  });

  it("answers a direct message sent with a file, reading its text only, and not another app's", async () => {
    const posted = expectPost(API, "/api/chat.postMessage", { ok: true, ts: "3.2" });
    const withFile = {
      type: "message",
      subtype: "file_share",
      channel_type: "im",
      channel: "D1",
      files: [{ id: "F1", name: "screenshot.png" }],
    };
    // another app's comes first: answered, its topics would take the one post expected
    await event({
      ...withFile,
      bot_id: "B2",
      user: "U2",
      text: "topics",
      ts: "1700000001.000300",
      event_ts: "1700000001.000300",
    });
    await event({
      ...withFile,
      user: "U1",
      text: "can I post a photo of a patient? (screenshot attached)",
      ts: "1700000001.000400",
      event_ts: "1700000001.000400",
    });
    const body = await within(posted);
    expect(body.channel).toBe("D1");
    const blocks = JSON.parse(String(body.blocks)) as Posted["blocks"];
    expect(blocks?.[0]).toMatchObject({ type: "header", text: { text: "Posting photos of patients" } });
  });

  it.each([
    ["not_in_channel", 200, { ok: false, error: "not_in_channel" }, "not_in_channel"],
    ["channel_not_found", 200, { ok: false, error: "channel_not_found" }, "channel_not_found"],
    ["invalid_auth", 200, { ok: false, error: "invalid_auth" }, "invalid_auth"],
    ["rate_limited", 429, { ok: false, error: "ratelimited" }, "rate_limited"],
  ] as const)("logs a %s error from the Web API and stays up", async (_name, status, reply, code) => {
    const scope = nock(API)
      .post("/api/chat.postMessage")
      .reply(status, reply, status === 429 ? { "retry-after": "7" } : {});
    await event({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> help",
      ts: "1700000002.000100",
      channel: "C9",
      event_ts: "1700000002.000100",
    });
    const line = await waitForLog("reply to mention failed");
    expect(JSON.parse(line)).toMatchObject({ code, channel: "C9" });
    expect(scope.isDone()).toBe(true);
    expect(line).not.toContain("xoxb-");
  });

  it("logs a timeout and stays up", async () => {
    nock(API).post("/api/chat.postMessage").delay(2000).reply(200, { ok: true });
    await event({
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> help",
      ts: "1700000003.000100",
      channel: "C8",
      event_ts: "1700000003.000100",
    });
    const line = await waitForLog("reply to mention failed");
    expect(JSON.parse(line)).toMatchObject({ channel: "C8" });
    const body = await within((await slash("help")).posted);
    expect(body.response_type).toBe("ephemeral");
  });
});

import { describe, expect, it } from "vitest";
import { MEMBERS_VOTE } from "../adapters/mattermost/actions.js";
import { within } from "./helpers.js";
import { type Button, buttonNamed, buttonsOf, useMattermost } from "./mattermost-fixture.js";
import { ADMIN, BOT_TOKEN, CHANNEL, COMMAND_TOKEN, legacySeal, MEMBER } from "./mattermost-stand-in.js";

// Mattermost end to end, the slash command and the buttons: the real adapter on a real HTTP front,
// Mattermost's REST API played by a local stand-in (tests/mattermost-stand-in.ts).

const mm = useMattermost();
const { mattermost, lines, votes, command, press, freshChannel, logLine } = mm;

describe("Mattermost slash command", () => {
  it("answers a question privately, in Markdown with buttons that come back to the bot", async () => {
    const { status, reply } = await command("can I accept a friend request from a patient?");
    expect(status).toBe(200);
    expect(reply).toMatchObject({ response_type: "ephemeral", skip_slack_parsing: true });
    expect(reply.text).toContain("#### Friend requests from patients");
    expect(reply.text).toContain("**Sources:**");
    expect(reply.text).toContain("not legal advice");
    expect(buttonsOf(reply).map((b) => b.name)).toEqual(
      expect.arrayContaining([
        "Posting photos of patients",
        "Share in channel",
        "👍 Helpful",
        "👎 Not helpful",
      ]),
    );
    for (const b of buttonsOf(reply)) {
      expect(b.id).toMatch(/^[a-z0-9]+$/);
      expect(b.integration.url).toBe(`${mm.base}/mattermost/actions`);
    }
    const log = lines.join("\n");
    expect(log).toContain('"entry":"friend-requests"');
    expect(log).toContain('"platform":"mattermost"');
    expect(log).not.toContain("friend request from a patient");
  });

  it.each([
    ["a wrong token", { token: "wrongtoken0000000000000000" }],
    ["no token", { token: null }],
  ])("refuses %s with 401 before answering anything", async (_name, options) => {
    const { status } = await command("can I accept a friend request from a patient?", options);
    expect(status).toBe(401);
    expect(JSON.parse(await logLine("Mattermost command refused"))).toMatchObject({
      reason: options.token ? "bad_token" : "no_token",
    });
    expect(lines.join("\n")).not.toContain('"msg":"answered"');
  });

  it("refuses a form that gives the token twice, even when one is right", async () => {
    const body = `token=${COMMAND_TOKEN}&token=other&user_id=${MEMBER}&channel_id=${CHANNEL}&text=help`;
    const response = await fetch(`${mm.base}/mattermost/command`, { method: "POST", body });
    expect(response.status).toBe(401);
  });

  it.each([
    ["no user", `token=${COMMAND_TOKEN}&channel_id=${CHANNEL}&text=help`],
    ["no channel", `token=${COMMAND_TOKEN}&user_id=${MEMBER}&text=help`],
    ["a field given twice", `token=${COMMAND_TOKEN}&user_id=${MEMBER}&channel_id=${CHANNEL}&text=a&text=b`],
    ["a user id that is no id", `token=${COMMAND_TOKEN}&user_id=..&channel_id=${CHANNEL}&text=help`],
  ])("answers 400 to a command form with %s", async (_name, body) => {
    const response = await fetch(`${mm.base}/mattermost/command`, { method: "POST", body });
    expect(response.status).toBe(400);
    await logLine("Mattermost command refused: malformed");
  });

  it("answers 413 to a body over the cap without reading it, and 405 to a GET", async () => {
    const huge = await within(
      fetch(`${mm.base}/mattermost/command`, { method: "POST", body: "x".repeat(4 * 1024 * 1024) }),
      "413",
    );
    expect(huge.status).toBe(413);
    expect((await fetch(`${mm.base}/mattermost/command`)).status).toBe(405);
  });

  it("answers a question holding patient details privately, without repeating or logging them", async () => {
    const { reply } = await command("my patient Mrs Alvarez (07700 900123) sent me a friend request");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain("looked like it contained patient details");
    const everything = `${JSON.stringify(reply)}\n${lines.join("\n")}`;
    expect(everything).not.toContain("Alvarez");
    expect(everything).not.toContain("07700");
    expect(lines.join("\n")).toContain('"flagged":true');
  });

  it.each(["", "help"])("shows help for %j", async (text) => {
    const { reply } = await command(text);
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain(
      "`/socialmedia-guidance tips on [HH:MM] [time zone] | tips off | tips status`",
    );
  });

  it("lists the topics", async () => {
    const { reply } = await command("topics");
    expect(reply.text).toContain("#### Topics");
    expect(reply.text).toContain(
      "**Boundaries**\n- Friend requests from patients\n- Networking with colleagues",
    );
  });

  it("shows a tip with a Learn more button", async () => {
    const { reply } = await command("tip");
    expect(reply.text).toContain("#### Tip");
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments?.[0]?.pretext).toBe("**Learn more:**");
    expect(reply.text).toContain("**Source:**");
  });

  it("declines an off-topic question without repeating any of it", async () => {
    const { reply } = await command("@channel @here @bob how do I cook rice");
    expect(reply.text).toContain("I have no guidance on that.");
    expect(JSON.stringify(reply)).not.toMatch(/@channel|@here|@bob|rice/);
  });
});

describe("Mattermost buttons", () => {
  it("records a vote and thanks the voter privately", async () => {
    const { reply } = await command("can I accept a friend request from a patient?");
    const voted = await press(buttonNamed(reply, "👍 Helpful"));
    expect(voted.status).toBe(200);
    expect(voted.reply).toEqual({
      ephemeral_text: "Thanks, your vote is recorded.",
      skip_slack_parsing: true,
    });
    expect(votes).toEqual([
      { entryId: "friend-requests", vote: "up", platform: "mattermost", userId: MEMBER, channelId: CHANNEL },
    ]);
  });

  it("opens a related entry for the presser alone, listing what it offers in the text", async () => {
    const { reply } = await command("can I accept a friend request from a patient?");
    const opened = await press(buttonNamed(reply, "Posting photos of patients"));
    expect(opened.reply.update).toBeUndefined();
    expect(opened.reply.ephemeral_text).toContain("#### Posting photos of patients");
    expect(opened.reply.ephemeral_text).toContain("**Related:**\n- Friend requests from patients");
    expect(mattermost.posted).toHaveLength(0);
  });

  it("shares an answer in the channel through the REST API, as the bot, saying who shared it", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { user: ADMIN, channel });
    const shared = await press(buttonNamed(reply, "Share in channel"), { user: ADMIN, channel });
    expect(shared).toEqual({ status: 200, reply: {} });
    const post = mattermost.posted.at(-1);
    expect(post?.auth).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.body.channel_id).toBe(channel);
    expect(post?.body.message).toContain("_Shared by @alice_");
    expect(post?.body.message).toContain("#### Posting photos of patients");
    const names = JSON.stringify(post?.body.props);
    expect(names).toContain("👍 Helpful");
    expect(names).not.toContain("Share in channel");
  });

  it("takes a private reply's buttons from the user it was shown to alone, naming them as Mattermost does", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { user: MEMBER, channel });
    const share = buttonNamed(reply, "Share in channel");
    // another member who got hold of the button cannot press it in the asker's place, nor in their own
    expect((await press(share, { user: ADMIN, channel })).status).toBe(401);
    expect(mattermost.posted.filter((p) => p.body.channel_id === channel)).toHaveLength(0);
    // the name a request gives is not taken: "Shared by" names the presser's username in Mattermost
    expect((await press(share, { user: MEMBER, channel, userName: "alice" })).status).toBe(200);
    const post = mattermost.posted.at(-1);
    expect(post?.body.channel_id).toBe(channel);
    expect(post?.body.message).toContain("_Shared by @bob_");
  });

  it("gives a shared answer buttons at the address the command came to, whatever address a press names", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { channel });
    const share = buttonNamed(reply, "Share in channel");
    const headers = { "x-forwarded-host": "elsewhere.example.com", "x-forwarded-proto": "https" };
    expect((await press(share, { channel, headers })).status).toBe(200);
    const urls = JSON.stringify(mattermost.posted.at(-1)?.body.props).match(/"url":"[^"]*"/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toBe(`"url":"${share.integration.url}"`);
  });

  it("refuses Share from a button sealed before buttons were sealed for a user, and ids that are no ids", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { channel });
    const share = buttonNamed(reply, "Share in channel");
    // such a seal takes any user_id: it would share in anyone's name
    const context = legacySeal("share", "patient-photos", channel);
    const old = await press(share, { user: ADMIN, channel, context });
    expect(old.reply.ephemeral_text).toContain("from a reply made before an update");
    expect(mattermost.posted.filter((p) => p.body.channel_id === channel)).toHaveLength(0);
    // a user_id that is no Mattermost id never reaches a REST path ("..", "me")
    for (const user of ["..", "me"]) expect((await press(share, { user, channel })).status).toBe(400);
  });

  it("shares without a name when Mattermost cannot give it, and takes a member's vote on it, not a made-up id's", async () => {
    const channel = freshChannel();
    const { reply } = await command("can I post a photo of a patient?", { channel });
    mattermost.script("GET", /^\/api\/v4\/users\//, {
      status: 404,
      body: { id: "app.user.missing.app_error", status_code: 404 },
    });
    expect((await press(buttonNamed(reply, "Share in channel"), { channel })).reply).toEqual({});
    const post = mattermost.posted.at(-1);
    expect(post?.body.message).toContain("#### Posting photos of patients");
    expect(post?.body.message).not.toContain("Shared by");
    const shared =
      (post?.body.props as { attachments: { actions: Button[] }[] } | undefined)?.attachments ?? [];
    const up = shared.flatMap((a) => a.actions).find((b) => b.name === "👍 Helpful");
    if (!up) throw new Error("no 👍 on the shared answer");
    expect((await press(up, { user: ADMIN, channel })).reply.ephemeral_text).toBe(
      "Thanks, your vote is recorded.",
    );
    const madeUp = "stranger000000000000000001";
    expect((await press(up, { user: madeUp, channel })).reply.ephemeral_text).toBe(MEMBERS_VOTE);
    expect(votes.filter((v) => v.userId === madeUp)).toEqual([]);
  });

  /** The share button of the reply to `question` asked in `channel`. */
  const shareOf = async (question: string, channel: string) =>
    buttonNamed((await command(question, { channel })).reply, "Share in channel");
  /** Share buttons of three different answers asked in `channel`. */
  const threeShares = async (channel: string) => ({
    photo: await shareOf("can I post a photo of a patient?", channel),
    friend: await shareOf("can I accept a friend request from a patient?", channel),
    third: await shareOf("how do I network with colleagues online?", channel),
  });

  it("limits shares into one channel, and says when to try again", async () => {
    const channel = freshChannel();
    const { photo, friend, third } = await threeShares(channel);
    const before = mattermost.posted.length;
    expect((await press(photo, { channel })).reply).toEqual({});
    expect((await press(friend, { channel })).reply).toEqual({});
    const over = await press(third, { channel });
    expect(over.reply.ephemeral_text).toMatch(/Many answers have been shared in this channel recently/);
    expect(mattermost.posted.length - before).toBe(2);
  });

  it("posts an answer once when its share is pressed twice", async () => {
    const channel = freshChannel();
    const { photo } = await threeShares(channel);
    const before = mattermost.posted.length;
    expect((await press(photo, { channel })).reply).toEqual({});
    const twice = await press(photo, { channel });
    expect(twice.reply.ephemeral_text).toMatch(/shared in this channel less than 10 minutes ago/);
    expect(mattermost.posted.length - before).toBe(1);
  });

  it("counts only shares that were posted: one Mattermost refuses leaves the channel's limit as it was", async () => {
    const channel = freshChannel();
    const { photo, friend, third } = await threeShares(channel);
    const before = mattermost.posted.length;
    // the bot is not in the channel yet
    mattermost.script("POST", /^\/api\/v4\/posts$/, {
      status: 403,
      body: { id: "api.context.permissions.app_error" },
    });
    const refused = await press(photo, { channel });
    expect(refused.reply.ephemeral_text).toBeTruthy();
    expect(refused.reply.ephemeral_text).not.toMatch(/Many answers have been shared/);
    // added to the channel, the bot may still share two answers there this hour, the refused one too
    expect((await press(photo, { channel })).reply).toEqual({});
    expect((await press(friend, { channel })).reply).toEqual({});
    expect((await press(third, { channel })).reply.ephemeral_text).toMatch(/Many answers have been shared/);
    expect(mattermost.posted.length - before).toBe(3);
    const here = lines.filter((l) => l.includes(`"channel":"${channel}"`));
    expect(here.filter((l) => l.includes('"msg":"shared"'))).toHaveLength(2);
    expect(here.filter((l) => l.includes('"msg":"share not posted; it does not count"'))).toHaveLength(1);
  });

  it("refuses a press whose context was forged, altered, or carried to another channel", async () => {
    const { reply } = await command("can I accept a friend request from a patient?");
    const vote = buttonNamed(reply, "👍 Helpful");
    const context = vote.integration.context;
    const forged = [
      { ...context, entry: "patient-photos" },
      { ...context, vote: "down" },
      { ...context, sig: "0".repeat(64) },
      { action: "vote", entry: "friend-requests", vote: "up", channel: CHANNEL },
      "not an object",
    ];
    for (const c of forged)
      expect((await press(vote, { context: c as Record<string, unknown> })).status).toBe(401);
    expect((await press(vote, { channel: "channel0000000000000000009" })).status).toBe(401);
    expect(votes).toEqual([]);
    await logLine("Mattermost action refused: bad seal");
  });

  it.each([
    ["not JSON", "{nope"],
    ["a JSON array", "[]"],
    ["no user", JSON.stringify({ channel_id: CHANNEL, context: {} })],
  ])("answers 400 to a press that is %s", async (_name, body) => {
    const response = await fetch(`${mm.base}/mattermost/actions`, { method: "POST", body });
    expect(response.status).toBe(400);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { TeamsBot } from "../adapters/teams/bot.js";
import type { PostFailure } from "../src/ports.js";
import { failureText } from "../src/tips/failure.js";
import { testScheduler } from "./helpers.js";
import { allText, BOT_TOKEN, PERSONAL, THREAD, teamsFixture } from "./teams-fixture.js";
import { APP_ID, CHANNEL, OWNER_AAD, TEAM, TEAM_GROUP, TENANT } from "./teams-stand-in.js";

// Teams: a channel's daily tip, managed by the team's owners and posted by the scheduler.

const {
  guide,
  lines,
  logger,
  standIn,
  storage,
  main: started,
  activity,
  send,
  ask,
  logLine,
  mention,
  startBot,
} = teamsFixture();
let main: TeamsBot;

beforeAll(() => {
  main = started().bot;
});

describe("Teams: daily tips", () => {
  const owner = { id: "29:owner", aadObjectId: OWNER_AAD, name: "An Owner" };

  it("turns a channel's tip on for a team owner, checked with Microsoft Graph", async () => {
    const sent = await ask(mention("tips on 08:30 Europe/London", "channel", owner), THREAD);
    expect(sent.body.text).toMatch(/^Daily tip on: every day at 08:30 \(Europe\/London\)/);
    const graph = standIn.received.find((r) => r.path.startsWith(`/v1.0/teams/${TEAM_GROUP}/members`));
    expect(decodeURIComponent(graph?.path ?? "")).toContain(`userId eq '${OWNER_AAD}'`);
    expect(graph?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("refuses others politely, and tells anyone the status", async () => {
    const refused = await ask(mention("tips off"), THREAD);
    expect(refused.body.text).toBe("⚠️ Only the team's owners can turn this channel's daily tip on or off.");
    // formatted, as Teams sends a message written with its formatting bar
    expect((await ask(mention("<p>tips <strong>status</strong></p>"), THREAD)).body.text).toMatch(
      /^Daily tip: on, every day at 08:30 \(Europe\/London\)/,
    );
  });

  it("refuses when Graph cannot say who the owners are, and logs why", async () => {
    standIn.next(/^\/v1\.0\/teams\//, { status: 403 });
    const sent = await ask(mention("tips off", "channel", owner), THREAD);
    expect(sent.body.text).toContain("could not check who may change this channel's daily tip");
    expect(sent.body.text).not.toContain("Only the team's owners");
    await logLine("could not check who may manage tips");
  });

  it("says it cannot tell who owns the team when the message names no Entra user, as local test tools send it", async () => {
    const calls = standIn.received.length;
    const sent = await ask(
      mention("tips on 08:30", "channel", { id: "29:playground", name: "Tester" }),
      THREAD,
    );
    expect(sent.body.text).toContain("I can't tell who owns this team");
    expect(sent.body.text).not.toContain("Only the team's owners");
    expect(standIn.received.slice(calls).some((r) => r.path.includes("/members"))).toBe(false);
    await logLine("cannot tell who owns the team: the activity names no team or no Entra user");
  });

  it("says it could not check, and logs why, when Teams gives the team no group id to look owners up by", async () => {
    standIn.next(/^\/v3\/teams\//, { status: 200, body: { id: TEAM } });
    const sent = await ask(mention("tips off", "channel", owner), THREAD);
    expect(sent.body.text).toContain("could not check who may change this channel's daily tip");
    expect(sent.body.text).not.toContain("Only the team's owners");
    await logLine("cannot tell who owns the team: Teams gave no group id for it");
  });

  it("says where tips are set up when asked in a 1:1 chat", async () => {
    const sent = await ask(activity({ text: "tips on 08:30" }), PERSONAL);
    expect(sent.body.text).toContain("Daily tips are set up in a team's channel by one of its owners");
  });

  it("posts the tip through the scheduler to the channel's kept address", async () => {
    // `tips on` is itself a mention: it leaves the channel's address behind
    await ask(mention("tips on 08:30 Europe/London", "channel", owner), THREAD);
    const scheduler = testScheduler({
      store: storage.tips,
      tips: guide.tips(),
      posters: { teams: main.tipPoster() },
      logger,
      graceMs: 3600_000,
      now: () => new Date("2026-03-02T08:31:00Z"),
    });
    await scheduler.tick();
    const posted = standIn.activities(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.path).toBe(`/v3/conversations/${CHANNEL}/activities`);
    expect(allText(posted[0])).toContain("Tip of the day");
    expect(posted[0]?.body.channelData).toEqual({ tenant: { id: TENANT } });
    await scheduler.tick();
    expect(standIn.activities(CHANNEL)).toHaveLength(1);
    // what its sentences tell an owner to type: a mention, in the channel
    expect(main.tipPoster().command?.("off")).toBe("a mention of me saying `tips off`");
  });

  it("warns at start of a channel the environment lists for tips that the bot has no address for yet", async () => {
    const scheduler = testScheduler({
      store: storage.tips,
      tips: guide.tips(),
      posters: { teams: main.tipPoster() },
      logger,
    });
    const unknown = "19:listed-before-install@thread.tacv2";
    // nor one turned off there, which gets no tip however listed
    const off = "19:turned-off@thread.tacv2";
    await storage.tips.seed("teams", off, { time: "09:00", timeZone: "UTC", weekdaysOnly: false }, 0);
    await storage.tips.disable("teams", off, 0);
    await scheduler.seedChannels("teams", [unknown, CHANNEL, off]);
    const warned = lines.filter((l) => l.includes("a channel the environment lists for tips"));
    expect(warned).toHaveLength(1);
    expect(JSON.parse(warned[0] ?? "{}")).toMatchObject({ channel: unknown, level: 40 });
    expect(warned[0]).toContain("it learns it when it is added to the team");
    await scheduler.seedChannels("teams", []);
  });

  it("fails a post at once where retrying cannot help: removed from the team (403), or a channel never learnt", async () => {
    const [tip] = guide.tips();
    if (!tip) throw new Error("the fixture has no tips");
    standIn.next(new RegExp(`^/v3/conversations/${CHANNEL}/activities`), { status: 403 });
    const refused = await main
      .tipPoster()
      .post(CHANNEL, tip)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "http_403", permanent: true });
    // what tips status says, after "Failing since …:": what to do, and the code once
    expect(failureText(refused as PostFailure)).toBe(
      "Teams refused the post: the app may have been removed from the team. Add it to the team again, then mention me in this channel (http_403)",
    );
    await expect(main.tipPoster().post("19:never-seen@thread.tacv2", tip)).rejects.toMatchObject({
      code: "no_address",
      permanent: true,
    });
  });

  it("turns the tip off for an owner", async () => {
    const owner2 = { id: "29:owner", aadObjectId: OWNER_AAD };
    expect((await ask(mention("tips off", "channel", owner2), THREAD)).body.text).toBe(
      "Daily tip off for this channel.",
    );
  });

  it("keeps a channel's address when the bot is added or installed, and forgets it when removed", async () => {
    const general = { id: TEAM, conversationType: "channel", tenantId: TENANT };
    const added = activity({
      type: "conversationUpdate",
      conversation: general,
      membersAdded: [{ id: `28:${APP_ID}` }],
      channelData: { tenant: { id: TENANT }, team: { id: TEAM }, eventType: "teamMemberAdded" },
    });
    expect((await send(added)).status).toBe(200);
    expect(JSON.parse((await storage.addresses.lookup("teams", TEAM)) ?? "{}")).toMatchObject({
      conversationId: TEAM,
    });
    const removed = activity({ type: "installationUpdate", action: "remove", conversation: general });
    expect((await send(removed)).status).toBe(200);
    expect(await storage.addresses.lookup("teams", TEAM)).toBeUndefined();
    const installed = activity({ type: "installationUpdate", action: "add", conversation: general });
    expect((await send(installed)).status).toBe(200);
    expect(JSON.parse((await storage.addresses.lookup("teams", TEAM)) ?? "{}")).toMatchObject({
      conversationId: TEAM,
    });
  });

  it("forgets every channel of a team it is removed from or uninstalled from, and turns their tips off", async () => {
    const general = { id: TEAM, conversationType: "channel", tenantId: TENANT };
    const team = { tenant: { id: TENANT }, team: { id: TEAM, aadGroupId: TEAM_GROUP } };
    const update = (fields: Record<string, unknown>) =>
      activity({ type: "conversationUpdate", conversation: general, channelData: team, ...fields });
    const removals = [
      update({ membersRemoved: [{ id: `28:${APP_ID}` }] }),
      activity({ type: "installationUpdate", action: "remove", conversation: general, channelData: team }),
    ];
    for (const removal of removals) {
      expect((await send(update({ membersAdded: [{ id: `28:${APP_ID}` }] }))).status).toBe(200);
      // another channel of the team, its address learnt from `tips on`
      await ask(mention("tips on 08:30 Europe/London", "channel", owner), THREAD);
      expect(await storage.addresses.lookup("teams", CHANNEL)).toBeDefined();
      expect((await send(removal)).status).toBe(200);
      expect(await storage.addresses.lookup("teams", TEAM)).toBeUndefined();
      expect(await storage.addresses.lookup("teams", CHANNEL)).toBeUndefined();
      expect(await storage.tips.schedule("teams", CHANNEL)).toBeUndefined();
    }
  });

  it("keeps a channel's address again after another replica forgot it", async () => {
    const other = await startBot();
    const general = { id: TEAM, conversationType: "channel", tenantId: TENANT };
    const team = { tenant: { id: TENANT }, team: { id: TEAM, aadGroupId: TEAM_GROUP } };
    const update = (members: Record<string, unknown>) =>
      activity({ type: "conversationUpdate", conversation: general, channelData: team, ...members });
    const bot = [{ id: `28:${APP_ID}` }];
    // this replica learns the General channel and another one; the other replica sees the bot removed
    expect((await send(update({ membersAdded: bot }))).status).toBe(200);
    await ask(mention("what is this bot"), THREAD);
    expect((await send(update({ membersRemoved: bot }), undefined, other.url)).status).toBe(200);
    expect(await storage.addresses.lookup("teams", CHANNEL)).toBeUndefined();
    // the bot added again, and mentioned again, both through this replica
    expect((await send(update({ membersAdded: bot }))).status).toBe(200);
    expect(await storage.addresses.lookup("teams", TEAM)).toBeDefined();
    await ask(mention("what is this bot"), THREAD);
    expect(await storage.addresses.lookup("teams", CHANNEL)).toBeDefined();
  });
});

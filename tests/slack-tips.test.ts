import nock from "nock";
import { describe, expect, it } from "vitest";
import { within } from "./helpers.js";
import { slackFixture } from "./slack-fixture.js";
import { SLACK_TEST } from "./slack-settings.js";

// Slack: a channel's daily tip, managed with /socialmedia-guidance tips by admins and the channel's creator.

const { api: API } = SLACK_TEST;
const { slash, waitForLog } = slackFixture();

describe("Slack slash command", () => {
  it("lets an admin turn the channel's daily tip on, reports its status, and turns it off", async () => {
    const admin = nock(API)
      .post("/api/users.info")
      .times(3)
      .reply(200, { ok: true, user: { id: "U1", is_admin: true } });
    const on = await within((await slash("tips on 08:00 Europe/London")).posted);
    expect(on.response_type).toBe("ephemeral");
    expect(on.text).toMatch(/^Daily tip on: every day at 08:00 \(Europe\/London\)\. Next tip: /);
    const status = await within((await slash("tips status")).posted);
    expect(status.text).toMatch(/Daily tip: on, every day at 08:00/);
    expect((await within((await slash("tips off")).posted)).text).toBe("Daily tip off for this channel.");
    expect((await within((await slash("tips on 26:00")).posted)).text).toMatch(/not a time of day/);
    expect(admin.isDone()).toBe(true);
  });

  it("lets the channel's creator manage its tip, and refuses other members", async () => {
    nock(API)
      .post("/api/users.info")
      .twice()
      .reply(200, { ok: true, user: { id: "U1", is_admin: false } });
    nock(API)
      .post("/api/conversations.info")
      .reply(200, { ok: true, channel: { id: "C1", creator: "U1" } });
    nock(API)
      .post("/api/conversations.info")
      .reply(200, { ok: true, channel: { id: "C1", creator: "U42" } });
    expect((await within((await slash("tips on 07:00")).posted)).text).toMatch(/^Daily tip on/);
    const refused = await within((await slash("tips off")).posted);
    expect(refused.text).toMatch(/Only workspace admins and owners, or whoever created this channel/);
  });

  it("refuses, saying it could not check (not that they lack the right), and logs why, when it cannot check the member's role", async () => {
    nock(API).post("/api/users.info").reply(200, { ok: false, error: "missing_scope" });
    const refused = await within((await slash("tips on 07:00")).posted);
    expect(refused.text).toMatch(/could not check who may change this channel's daily tip/);
    expect(refused.text).not.toMatch(/Only workspace admins/);
    expect(JSON.parse(await waitForLog("could not check who may manage tips"))).toMatchObject({
      code: "missing_scope",
    });
  });

  it("says to invite the bot when the channel is private and the bot is not in it", async () => {
    nock(API)
      .post("/api/users.info")
      .reply(200, { ok: true, user: { id: "U1", is_admin: false } });
    nock(API).post("/api/conversations.info").reply(200, { ok: false, error: "channel_not_found" });
    const refused = await within((await slash("tips on 07:00")).posted);
    expect(refused.text).toMatch(/Invite me with/);
    expect(refused.text).not.toMatch(/try again/);
  });
});

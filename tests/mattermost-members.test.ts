import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelMembers, LOOKUPS_PER_MINUTE } from "../adapters/mattermost/members.js";
import { MattermostRest } from "../adapters/mattermost/rest.js";
import { createLogger } from "../src/index.js";
import { BOT_TOKEN, CHANNEL, MattermostStandIn, MEMBER } from "./mattermost-stand-in.js";

// Who may vote on a button the whole channel sees, as Mattermost says, without asking it once a press.

const mattermost = new MattermostStandIn();
beforeAll(() => mattermost.start());
afterAll(() => mattermost.stop());

const lookups = () => mattermost.calls.filter((c) => c.path.includes("/members/")).length;

describe("channel members, for votes", () => {
  it("asks Mattermost once for a voter, member or not, and at most a set number of times a minute", async () => {
    let now = 0;
    const members = new ChannelMembers(
      new MattermostRest(mattermost.url, BOT_TOKEN, fetch),
      createLogger("silent"),
      () => now,
    );
    const madeUp = (i: number) => `stranger${String(i).padStart(18, "0")}`;
    for (let i = 0; i < 3; i++) {
      expect(await members.has(CHANNEL, MEMBER)).toBe(true);
      expect(await members.has(CHANNEL, madeUp(0))).toBe(false);
    }
    expect(lookups()).toBe(2);
    // a flood of made-up ids: asked about up to the minute's cap, then refused without asking
    for (let i = 1; i < LOOKUPS_PER_MINUTE + 50; i++)
      expect(await members.has(CHANNEL, madeUp(i))).toBe(false);
    expect(lookups()).toBe(LOOKUPS_PER_MINUTE);
    // a minute on, Mattermost is asked again
    now += 61_000;
    expect(await members.has(CHANNEL, madeUp(999))).toBe(false);
    expect(lookups()).toBe(LOOKUPS_PER_MINUTE + 1);
  });

  it("refuses only the vote Mattermost could not check, and asks again for the next", async () => {
    const members = new ChannelMembers(
      new MattermostRest(mattermost.url, BOT_TOKEN, fetch),
      createLogger("silent"),
      () => 0,
    );
    mattermost.script("GET", /\/members\//, {
      status: 503,
      body: { id: "api.server.unavailable", status_code: 503 },
    });
    const before = lookups();
    expect(await members.has(CHANNEL, MEMBER)).toBe(false);
    expect(await members.has(CHANNEL, MEMBER)).toBe(true);
    expect(lookups()).toBe(before + 2);
  });
});

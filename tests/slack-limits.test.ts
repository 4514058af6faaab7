import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { LogPolicy, RateLimits, UsageRecords } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { tempDatabase, within } from "./helpers.js";
import { allText, expectPost, listen, type Posted, slackFixture } from "./slack-fixture.js";
import { SLACK_HTTP_CONFIG as HTTP_CONFIG, SLACK_TEST } from "./slack-settings.js";

// Slack: a bot with tight limits, questions logged, and a tips store that fails.

const { api: API } = SLACK_TEST;
let base = "";
const { guide, logger, logLines, slash, press, event, waitForLog } = slackFixture({ base: () => base });

describe("Slack with limits, the guard and the feedback store", () => {
  let limited: SlackBot;
  let previous = "";
  const db = tempDatabase("smg-slack-usage-");

  beforeAll(async () => {
    limited = createSlackBot({
      guide,
      logger,
      calls: { retries: 0, timeoutMs: 300 },
      limits: new RateLimits({ questionsPerMinute: 2, sharesPerHour: 1, logger }),
      records: new UsageRecords({ feedback: openSqliteStorage(db.name).feedback, logger }),
      logPolicy: new LogPolicy({ logQuestions: true }),
      tips: {
        on: () => {
          throw new Error("database is locked");
        },
        off: () => {
          throw new Error("database is locked");
        },
        status: () => {
          throw new Error("database is locked");
        },
      },
      config: HTTP_CONFIG,
    });
    previous = base;
    base = await listen(limited);
  });

  afterAll(async () => {
    base = previous;
    await limited.stop();
  });

  it("limits each person's questions per minute with a private message", async () => {
    for (let i = 0; i < 2; i++) {
      const ok = await within(
        (await slash("can I accept a friend request from a patient?", { user: "U5" })).posted,
      );
      expect(ok.text).toContain("Friend requests from patients");
    }
    const third = await within(
      (await slash("can I accept a friend request from a patient?", { user: "U5" })).posted,
    );
    expect(third.response_type).toBe("ephemeral");
    expect(third.text).toMatch(/asking questions very quickly\. Please wait \d+ seconds/);
    const other = await within((await slash("topics", { user: "U6" })).posted);
    expect(other.text).not.toMatch(/very quickly/);
  });

  it("answers a mention holding patient details privately, without repeating or logging them", async () => {
    const posted = expectPost(API, "/api/chat.postEphemeral", { ok: true });
    await event({
      type: "app_mention",
      user: "U7",
      text: "<@UBOT> my patient Mrs Alvarez (07700 900123) sent me a friend request",
      ts: "1700000009.000100",
      channel: "C1",
      event_ts: "1700000009.000100",
    });
    const body = await within(posted);
    expect(body).toMatchObject({ channel: "C1", user: "U7" });
    expect(allText(body)).toContain("looked like it contained patient details");
    expect(allText(body)).not.toMatch(/Alvarez|07700/);
    await waitForLog("answered");
    expect(logLines.join("\n")).not.toMatch(/Alvarez|07700/);
    expect(logLines.join("\n")).toContain('"flagged":true');
  });

  it("says so privately when the tips store fails, and logs it", async () => {
    const body = await within((await slash("tips status", { user: "U9" })).posted);
    expect(body.text).toMatch(/could not look up the daily tip/);
    await waitForLog("tips command failed");
  });

  it("logs question text only when LOG_QUESTIONS is on", async () => {
    await within((await slash("can I post a photo of a patient?", { user: "U8" })).posted);
    expect(logLines.join("\n")).toContain('"question":"can I post a photo of a patient?"');
  });

  it("counts only shares Slack posted: one its response_url refused leaves the channel's limit as it was", async () => {
    const refused = await press("smg_share", "colleague-networking", { channel: "C2", refused: true });
    expect((await within(refused.posted)).response_type).toBe("in_channel");
    expect((await within(refused.after as Promise<Posted>)).response_type).toBe("ephemeral");
    await waitForLog("share not posted; it does not count");
    const again = await within((await press("smg_share", "colleague-networking", { channel: "C2" })).posted);
    expect(again.response_type).toBe("in_channel");
    expect(again.text).not.toMatch(/shared in this channel recently/);
    await waitForLog("shared");
    expect(logLines.filter((l) => l.includes('"msg":"shared"'))).toHaveLength(1);
  });

  it("limits shares per channel, says when an answer is there already, and stores votes", async () => {
    const first = await within((await press("smg_share", "colleague-networking")).posted);
    expect(first.response_type).toBe("in_channel");
    const second = await within((await press("smg_share", "friend-requests")).posted);
    expect(second.response_type).toBe("ephemeral");
    expect(second.text).toMatch(/shared in this channel recently/);
    // the first again: it is there already, whatever the channel's limit
    const again = await within((await press("smg_share", "colleague-networking")).posted);
    expect(again.text).toMatch(/This answer was shared in this channel less than 10 minutes ago/);
    await within((await press("smg_vote_up", "colleague-networking")).posted);
    expect(db.prepare("SELECT entry_id, vote, platform FROM feedback").all()).toEqual([
      { entry_id: "colleague-networking", vote: "up", platform: "slack" },
    ]);
  });
});

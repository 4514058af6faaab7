import { describe, expect, it } from "vitest";
import { within } from "./helpers.js";
import { allText, buttons, slackFixture } from "./slack-fixture.js";

// Slack: the buttons on an answer: share, open a related entry, vote.

const { votesDb, press, send, waitForLog } = slackFixture();

describe("Slack interactions that are not ours", () => {
  it("acknowledges another button, a shortcut and a modal, and logs them as not ours", async () => {
    const form = (payload: Record<string, unknown>) =>
      new URLSearchParams({
        payload: JSON.stringify({ team: { id: "T1" }, user: { id: "U1" }, api_app_id: "A1", ...payload }),
      }).toString();
    const payloads = [
      {
        type: "block_actions",
        channel: { id: "C1" },
        trigger_id: "1.2.3",
        actions: [{ type: "button", action_id: "someone_elses", block_id: "b1", value: "x", action_ts: "1" }],
      },
      { type: "shortcut", callback_id: "not_ours", trigger_id: "1.2.4" },
      {
        type: "view_submission",
        trigger_id: "1.2.5",
        view: { id: "V1", callback_id: "not_ours", state: { values: {} } },
      },
    ];
    // unacknowledged, each was refused with 404 after Bolt's 3 s
    for (const payload of payloads)
      expect((await send(form(payload), "application/x-www-form-urlencoded")).status, payload.type).toBe(200);
    expect(await waitForLog("Slack interaction not ours: acknowledged, nothing done")).toContain('"kind"');
  });
});

describe("Slack buttons", () => {
  it("shares an answer in the channel, saying who shared it", async () => {
    const { response, posted } = await press("smg_share", "friend-requests");
    expect(response.status).toBe(200);
    const body = await within(posted);
    expect(body).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(allText(body)).toContain("Shared by <@U1>");
    expect(buttons(body)).not.toContain("smg_share");
  });

  it("answers a related entry when clicked", async () => {
    const body = await within((await press("smg_open_1", "patient-photos")).posted);
    expect(body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(body.text).toContain("Posting photos of patients");
  });

  it("records a vote once per person in the store and acknowledges it", async () => {
    const first = await within((await press("smg_vote_down", "colleague-networking")).posted);
    expect(first.text).toBe("Thanks, your vote is recorded.");
    const again = await within((await press("smg_vote_down", "colleague-networking")).posted);
    expect(again.text).toMatch(/already voted/);
    expect(votesDb.prepare("SELECT entry_id, vote, platform FROM feedback").all()).toEqual([
      { entry_id: "colleague-networking", vote: "down", platform: "slack" },
    ]);
  });
});

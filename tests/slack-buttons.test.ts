import { describe, expect, it } from "vitest";
import { within } from "./helpers.js";
import { allText, buttons, slackFixture } from "./slack-fixture.js";

// Slack: the buttons on an answer: share, open a related entry, vote.

const { votesDb, press } = slackFixture();

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

import { describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { allText, PERSONAL, THREAD, teamsFixture } from "./teams-fixture.js";
import { CHANNEL } from "./teams-stand-in.js";

// Teams: the buttons on the bot's Adaptive Cards, and the message extension that finds and inserts them.

const { lines, standIn, votes, activity, send, ask, invoke } = teamsFixture();

describe("Teams: card buttons", () => {
  it("records a 👍 from an answer's button (Action.Submit) and thanks the voter", async () => {
    votes.length = 0;
    const value = { smg: "vote", vote: "up", entry: "friend-requests" };
    const sent = await ask(activity({ value }, "channel"), THREAD);
    expect(sent.body.text).toBe("Thanks, your vote is recorded.");
    expect(votes).toEqual([
      { entryId: "friend-requests", vote: "up", platform: "teams", userId: "29:member", channelId: CHANNEL },
    ]);
  });

  it("opens a related entry or a suggestion from its button", async () => {
    const sent = await ask(activity({ value: { smg: "open", entry: "patient-photos" } }), PERSONAL);
    expect(allText(sent)).toContain("Only with explicit consent");
  });

  it("posts an answer a message's pick value shares into a channel once: only the message extension inserts again", async () => {
    const value = { smg: "pick", entry: "patient-photos" };
    expect(allText(await ask(activity({ value }, "channel"), THREAD))).toContain(
      "Only with explicit consent",
    );
    const again = await ask(activity({ value }, "channel"), THREAD);
    expect(allText(again)).toContain("shared in this channel less than 10 minutes ago");
  });

  it("ignores another app's card and a button for an entry that is gone says so", async () => {
    await send(activity({ value: { action: "someone-elses" } }));
    const sent = await ask(activity({ value: { smg: "open", entry: "no-such-entry" } }), PERSONAL);
    expect(standIn.activities(PERSONAL)).toHaveLength(1);
    expect(sent.body.text).toContain("That answer is no longer available.");
    // one of ours this version cannot read (an older card's vote) is answered, not left in silence
    const old = await ask(activity({ value: { smg: "vote", vote: "sideways", entry: "x" } }), PERSONAL);
    expect(old.body.text).toContain("That button is from an older version of this bot.");
  });
});

describe("Teams: the message extension", () => {
  it("finds entries for what is typed, each to insert when picked", async () => {
    const { status, body } = await invoke("composeExtension/query", {
      commandId: "searchGuidance",
      parameters: [{ name: "query", value: "friend request patient" }],
      queryOptions: { skip: 0, count: 25 },
    });
    expect(status).toBe(200);
    expect(body.composeExtension?.type).toBe("result");
    const first = body.composeExtension?.attachments?.[0];
    expect(first?.preview?.content).toMatchObject({
      title: "Friend requests from patients",
      tap: { type: "invoke", value: { smg: "pick", entry: "friend-requests" } },
    });
    expect(lines.join("\n")).not.toContain("friend request patient");
  });

  it("lists entries before anything is typed (the command's first run)", async () => {
    const { body } = await invoke("composeExtension/query", {
      commandId: "searchGuidance",
      parameters: [{ name: "initialRun", value: "true" }],
    });
    expect(body.composeExtension?.attachments?.length).toBeGreaterThan(1);
  });

  it("gives the picked entry's answer card to insert", async () => {
    const { body } = await invoke("composeExtension/selectItem", { smg: "pick", entry: "patient-photos" });
    const inserted = body.composeExtension?.attachments?.[0];
    expect(inserted?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(inserted?.content)).toContain("Only with explicit consent");
  });

  it("records a vote from a button on an inserted answer", async () => {
    votes.length = 0;
    const { status } = await invoke("composeExtension/onCardButtonClicked", {
      smg: "vote",
      vote: "down",
      entry: "patient-photos",
    });
    expect(status).toBe(200);
    const thanks = await waitFor(() => standIn.activities(THREAD)[0], { what: "the thanks" });
    expect(thanks.body.text).toBe("Thanks, your vote is recorded.");
    expect(votes).toEqual([
      { entryId: "patient-photos", vote: "down", platform: "teams", userId: "29:member", channelId: CHANNEL },
    ]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import type { TeamsBot } from "../adapters/teams/bot.js";
import { waitFor, within } from "./helpers.js";
import { allText, PERSONAL, THREAD, teamsFixture } from "./teams-fixture.js";
import { CHANNEL } from "./teams-stand-in.js";

// Teams: what the bot does when the Bot Connector answers with errors, too slowly or not at all.

const { guide, lines, standIn, token, startBot, activity, mention, send, ask } = teamsFixture();

beforeAll(async () => {
  // A mention in the channel leaves its address behind, for the tip posts below.
  await ask(mention("help"), THREAD);
  standIn.reset();
});

describe("Teams: when the Bot Connector fails", () => {
  /** A bot that gives up quickly: one retry, 150 ms an attempt. */
  let quick: { bot: TeamsBot; url: string };

  beforeAll(async () => {
    quick = await startBot({
      calls: { retries: 1, timeoutMs: 150, wait: () => Promise.resolve(), graceMs: 1_000 },
    });
  });

  it("retries a 429 after the wait it asks for, then delivers", async () => {
    const waits: number[] = [];
    const { url } = await startBot({
      calls: { retries: 2, timeoutMs: 400, wait: async (ms) => void waits.push(ms), graceMs: 1_000 },
    });
    standIn.next(/\/activities$/, { status: 429, headers: { "retry-after": "2" } });
    const sent = await ask(activity({ text: "topics" }), PERSONAL, url);
    expect(allText(sent)).toContain("Topics");
    expect(waits).toEqual([2000]);
  });

  it("logs a reply that keeps failing (500) and goes on answering", async () => {
    for (let i = 0; i < 3; i++) standIn.next(/\/activities$/, { status: 500 });
    await send(activity({ text: "topics" }));
    await waitFor(
      () => lines.find((l) => l.includes('"msg":"reply failed"') && l.includes('"code":"http_500"')),
      {
        what: "the failed reply logged",
      },
    );
    expect(standIn.activities(PERSONAL)).toHaveLength(0);
    expect(allText(await ask(activity({ text: "help" }), PERSONAL))).toContain("How to use");
  });

  it("acknowledges at once while a silent Bot Connector times out, and logs it", async () => {
    for (let i = 0; i < 2; i++) standIn.next(/\/activities$/, "silence");
    const response = await within(
      send(activity({ text: "topics" }), `Bearer ${token()}`, quick.url),
      "the acknowledgement",
      1_000,
    );
    expect(response.status).toBe(200);
    await waitFor(
      () => lines.find((l) => l.includes('"msg":"reply failed"') && l.includes('"code":"timeout"')),
      {
        what: "the timed-out reply logged",
      },
    );
  });

  it("reports a failed tip post to the scheduler with the platform's code and wait", async () => {
    const poster = quick.bot.tipPoster();
    const tip = guide.tips()[0];
    if (!tip) throw new Error("the fixture has no tips");
    for (let i = 0; i < 2; i++)
      standIn.next(/\/activities$/, { status: 429, headers: { "retry-after": "7" } });
    await expect(poster.post(CHANNEL, tip)).rejects.toMatchObject({ code: "http_429", retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) standIn.next(/\/activities$/, { status: 500 });
    await expect(poster.post(CHANNEL, tip)).rejects.toMatchObject({ code: "http_500" });
    for (let i = 0; i < 2; i++) standIn.next(/\/activities$/, "silence");
    await expect(poster.post(CHANNEL, tip)).rejects.toMatchObject({ code: "timeout" });
    await expect(poster.post("19:never-seen@thread.tacv2", tip)).rejects.toMatchObject({
      code: "no_address",
    });
  });
});

import { describe, expect, it } from "vitest";
import { PostFailure } from "../src/ports.js";
import { tipsFixture } from "./tips-fixture.js";

// Daily tips: a channel whose posts fail is retried with backoff, then shown failing, in words its
// admin can read.

const { logLines, failing, at, postsTo, describeEachBackend } = tipsFixture();

describeEachBackend(({ fresh, scheduler, turnedOn }) => {
  describe("daily tips: failures", () => {
    it("retries a failing channel with backoff, then marks it failing, while another channel still posts", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "CBAD", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "CGOOD", args: "on 09:00" });
      failing.CBAD = { status: 200, body: { ok: false, error: "internal_error" } };
      at("2026-11-26T09:00:10Z");
      await s.tick();
      expect(postsTo("CGOOD")).toHaveLength(1);
      expect(await s.run({ platform: "slack", channelId: "CBAD", args: "status" })).toMatch(
        /last post failed: Something went wrong talking to Slack \(internal_error\)\. Trying again at Thu, 26 Nov 2026, 09:02/,
      );
      // due at 09:01:10, tried on the scheduler's next tick, at 09:02; and the preview lists it first
      const [retry, tomorrow] = await s.preview("slack", "CBAD", 2);
      expect(retry?.at.toISOString()).toBe("2026-11-26T09:02:00.000Z");
      expect(tomorrow?.at.toISOString()).toBe("2026-11-27T09:00:00.000Z");
      expect(tomorrow?.tip.id).not.toBe(retry?.tip.id);
      at("2026-11-26T09:00:50Z"); // before the first retry is due
      await s.tick();
      at("2026-11-26T09:01:20Z"); // second attempt; the next waits 4 minutes
      await s.tick();
      at("2026-11-26T09:03:00Z");
      await s.tick();
      at("2026-11-26T09:05:30Z"); // third attempt: the last
      await s.tick();
      const status = await s.run({ platform: "slack", channelId: "CBAD", args: "status" });
      expect(status).toMatch(
        /Failing since Thu, 26 Nov 2026, 09:05 UTC: Something went wrong talking to Slack \(internal_error\)\. Check/,
      );
      expect(
        logLines.filter((l) => l.includes('"channel":"CBAD"') && l.includes("daily tip failed")),
      ).toHaveLength(3);
      expect(postsTo("CGOOD")).toHaveLength(1);
      // the next day the channel is tried again, and a success clears the failing mark
      delete failing.CBAD;
      at("2026-11-27T09:00:10Z");
      await s.tick();
      expect(postsTo("CBAD")).toHaveLength(1);
      expect(await s.run({ platform: "slack", channelId: "CBAD", args: "status" })).not.toMatch(/Failing/);
    });

    it("never sends again a tip whose post timed out, which may have gone out, and says so", async () => {
      at("2026-11-25T12:00:00Z");
      let sent = 0;
      const slow = {
        post: async () => {
          sent++;
          throw new PostFailure("timeout", "Slack took too long to answer.");
        },
      };
      const s = await scheduler(await fresh(), { posters: { slack: slow } });
      await s.run({ platform: "slack", channelId: "CSLOW", args: "on 09:00" });
      for (const later of ["09:00:10", "09:01:20", "09:05:30", "09:30:00"]) {
        at(`2026-11-26T${later}Z`);
        await s.tick();
      }
      expect(sent).toBe(1);
      expect(await s.run({ platform: "slack", channelId: "CSLOW", args: "status" })).toMatch(
        /The tip due Thu, 26 Nov 2026, 09:00 UTC may not have been posted: .* took too long to say whether it had, so it was not sent again\./,
      );
      expect(logLines.some((l) => l.includes("daily tip uncertain: the platform took too long"))).toBe(true);
    });

    it("does not retry a channel the bot was taken out of, and tries it again the next day", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "CGONE", args: "on 09:00" });
      failing.CGONE = { status: 200, body: { ok: false, error: "not_in_channel" } };
      let attempts = 0;
      for (const later of ["09:00:10", "09:01:20", "09:05:30", "09:30:00"]) {
        at(`2026-11-26T${later}Z`);
        await s.tick();
        attempts = logLines.filter(
          (l) => l.includes('"channel":"CGONE"') && l.includes("daily tip failed"),
        ).length;
      }
      expect(attempts).toBe(1);
      expect(await s.run({ platform: "slack", channelId: "CGONE", args: "status" })).toMatch(
        /Failing since Thu, 26 Nov 2026, 09:00 UTC: I'm not a member of this channel\. Invite me with `\/invite @socialmedia-guidance` \(not_in_channel\)\. Check/,
      );
      // invited back: the next day's tip goes out
      delete failing.CGONE;
      at("2026-11-27T09:00:10Z");
      await s.tick();
      expect(postsTo("CGONE")).toHaveLength(1);
    });

    it("announces tips on in the channel, and leaves them off where the bot may not post", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh(), { announce: true });
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" })).toMatch(
        /^Daily tip on: every day at 09:00 \(UTC\)\. Next tip: Thu, 26 Nov 2026, 09:00 UTC\.$/,
      );
      expect(postsTo("C1")).toHaveLength(1);
      expect(postsTo("C1")[0]?.text).toMatch(
        /Daily tips .* are on in this channel: every day at 09:00 \(UTC\)/,
      );

      failing.CPRIVATE = { status: 200, body: { ok: false, error: "channel_not_found" } };
      const refused = await s.run({ platform: "slack", channelId: "CPRIVATE", args: "on 09:00" });
      expect(refused).toMatch(/^The daily tip stays off: .*\/invite @socialmedia-guidance/);
      expect(await s.run({ platform: "slack", channelId: "CPRIVATE", args: "status" })).toMatch(
        /no daily tip/,
      );
      // the same settings again: said to be on already, and not announced to the channel again
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" })).toMatch(
        /^The daily tip is already on: every day at 09:00 \(UTC\)\. Next tip: /,
      );
      expect(postsTo("C1")).toHaveLength(1);
      // a channel whose tip is already on, the bot since taken out: unchanged, and said so
      failing.C1 = { status: 200, body: { ok: false, error: "not_in_channel" } };
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 10:00" })).toMatch(
        /^I can't post in this channel, so its daily tip is unchanged \(on, every day at 09:00 \(UTC\)\) and fails until this is fixed: /,
      );
      // ...and shows as failing from now, as the reply says, not only after its next post fails
      const status = await s.run({ platform: "slack", channelId: "C1", args: "status" });
      expect(status).toMatch(/at 09:00/);
      expect(status).toMatch(
        /Failing since .*: I'm not a member of this channel\..*\(not_in_channel\)\. Check/,
      );
      expect((await s.tipStore.schedule("slack", "C1"))?.failingSince).toBeDefined();
      // one failing already keeps the time it began failing
      await s.tipStore.setFailing("slack", "C1", null, null);
      await s.tipStore.setFailing("slack", "C1", Date.parse("2026-11-20T09:00:05Z"), "not_in_channel");
      await s.run({ platform: "slack", channelId: "C1", args: "on 10:00" });
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /Failing since Fri, 20 Nov 2026, 09:00 UTC: I'm not a member/,
      );

      // a failure that may pass: on, and said to be unchecked
      failing.CSLOW = { status: 200, body: { ok: false, error: "internal_error" } };
      expect(await s.run({ platform: "slack", channelId: "CSLOW", args: "on 09:00" })).toMatch(
        /^Daily tip on: .* I could not post in the channel just now: Something went wrong talking to Slack \(internal_error\)\. So I have not checked/,
      );
      expect(await s.run({ platform: "slack", channelId: "CSLOW", args: "status" })).toMatch(/Daily tip: on/);
    });

    it("shows anyone who asks a failure in its own words, and keeps a library's words for the log", async () => {
      const { path } = await turnedOn("C1");
      const broken = {
        post: async () => {
          throw new Error("connect ECONNREFUSED 10.9.8.7:443 (/srv/bot/secrets)");
        },
      };
      const s = await scheduler(path, { posters: { slack: broken } });
      at("2026-11-26T09:00:10Z");
      await s.tick();
      const status = await s.run({ platform: "slack", channelId: "C1", args: "status" });
      expect(status).toMatch(
        /The last post failed: Something went wrong while posting \(error\)\. Trying again/,
      );
      expect(status).not.toContain("10.9.8.7");
      expect(logLines.join("\n")).toContain("10.9.8.7");
    });

    it("waits as long as a rate limit asks", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      failing.C1 = {
        status: 429,
        body: { ok: false, error: "ratelimited" },
        headers: { "retry-after": "600" },
      };
      at("2026-11-26T09:00:10Z");
      await s.tick();
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /: Slack is asking me to slow down \(rate_limited\)\. Trying again at Thu, 26 Nov 2026, 09:11/,
      );
    });
  });
});

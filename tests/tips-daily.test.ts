import { describe, expect, it } from "vitest";
import { tipsFixture } from "./tips-fixture.js";

// Daily tips: one post a day per channel, whatever the restarts, replicas and clock changes.

const { logLines, posts, at, postsTo, describeEachBackend } = tipsFixture();

describeEachBackend(({ fresh, scheduler }) => {
  describe("daily tips: exactly one a day", () => {
    it("posts a due tip once, natively, and not again on later checks", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 UTC" })).toMatch(
        /Daily tip on: every day at 09:00 \(UTC\)/,
      );
      at("2026-11-26T08:59:00Z");
      await s.tick();
      expect(posts).toHaveLength(0);
      at("2026-11-26T09:00:30Z");
      await s.tick();
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(JSON.stringify(posts[0]?.blocks)).toContain("Tip of the day");
      expect(JSON.stringify(posts[0]?.blocks)).toContain("smg_open_0");
      // the tip quoted whole, its own full stop the sentence's last ("...account.", not "...account.".)
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /Last tip: Thu, 26 Nov 2026, 09:00 UTC, "[^"]+[.!?]"$/m,
      );
    });

    it("after today's tip, promises the next one tomorrow when the time moves later today", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "C1", args: "on 08:30 UTC" });
      at("2026-11-26T08:30:30Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      at("2026-11-26T09:00:00Z");
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 10:00 UTC" })).toMatch(
        /Next tip: Fri, 27 Nov 2026, 10:00 UTC/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /Next tip: Fri, 27 Nov 2026, 10:00 UTC/,
      );
      at("2026-11-26T10:00:30Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
    });

    it("posts once on the day a channel's zone moves east across the date, and says so, nor calls the day missed", async () => {
      at("2026-11-29T21:40:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "C1", args: "on 21:46 UTC" });
      at("2026-11-29T21:46:20Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      // Sunday 21:47 UTC is Monday 10:47 in Auckland: Monday there has had its tip
      at("2026-11-29T21:47:00Z");
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 10:49 Pacific/Auckland" })).toMatch(
        /Next tip: Tue, 1 Dec 2026, 10:49 GMT\+13/,
      );
      for (const minute of ["21:49:20", "21:55:00", "23:00:00"]) {
        at(`2026-11-29T${minute}Z`);
        await s.tick();
      }
      expect(postsTo("C1")).toHaveLength(1);
      at("2026-11-30T21:49:20Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(2);
      // and on the ticks after Tuesday's tip, Monday is not taken for a day the bot missed
      for (const minute of ["21:50:20", "23:00:00"]) {
        at(`2026-11-30T${minute}Z`);
        await s.tick();
      }
      expect(await s.tipStore.slot("slack", "C1", "2026-11-30")).toBeUndefined();
      // nor was Monday missed: it had its tip
      expect(logLines.filter((l) => l.includes("daily tip skipped"))).toEqual([]);
    });

    it("posts the next day's tip when a channel's zone moves west across the date, the old zone's tip kept under that day", async () => {
      at("2026-11-29T19:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 Pacific/Auckland" });
      // Monday 09:00 in Auckland is Sunday 20:00 UTC: that tip is kept under Monday
      at("2026-11-29T20:00:30Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      // moved back to London the same evening: Sunday there has had its tip, Monday has not
      at("2026-11-29T21:00:00Z");
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 Europe/London" })).toMatch(
        /Next tip: Mon, 30 Nov 2026, 09:00/,
      );
      at("2026-11-29T22:00:00Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      at("2026-11-30T09:00:30Z");
      await s.tick();
      await s.tick();
      expect(postsTo("C1")).toHaveLength(2);
      at("2026-12-01T09:00:30Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(3);
      expect(logLines.filter((l) => l.includes("daily tip skipped"))).toEqual([]);
    });

    it("does not post again after a restart", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      await (await scheduler(path)).run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      at("2026-11-26T09:01:00Z");
      await (await scheduler(path)).tick();
      at("2026-11-26T09:05:00Z");
      await (await scheduler(path)).tick();
      expect(postsTo("C1")).toHaveLength(1);
    });

    it("posts once with two schedulers on one database", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      await (await scheduler(path)).run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      at("2026-11-26T09:01:00Z");
      const a = await scheduler(path);
      const b = await scheduler(path);
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      expect(postsTo("C1")).toHaveLength(1);
    });

    it("catches up once on start inside the grace window, and skips with a log line outside it", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(path);
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "C2", args: "on 02:00" });
      at("2026-11-26T12:00:00Z"); // 3 hours after C1's time, 10 hours after C2's
      await (await scheduler(path)).tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(postsTo("C2")).toHaveLength(0);
      expect(logLines.join("\n")).toMatch(/"channel":"C2".*daily tip skipped/);
      // and tips status says so, where it said only when the last tip went
      expect(await s.run({ platform: "slack", channelId: "C2", args: "status" })).toMatch(
        /The tip due .* was skipped: the bot was not running until too long after it fell due\./,
      );
    });

    it("posts once on the days the clocks change", async () => {
      const path = await fresh();
      at("2026-03-27T12:00:00Z");
      const s = await scheduler(path);
      await s.run({ platform: "slack", channelId: "C1", args: "on 01:30 Europe/London" });
      // 29 March 2026: 01:30 does not exist in London (01:00 GMT becomes 02:00 BST); the tip goes at 02:00 BST
      at("2026-03-29T00:59:00Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(0);
      at("2026-03-29T01:00:30Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      // 25 October 2026: 01:30 happens twice (BST, then GMT); one tip only
      at("2026-10-24T12:00:00Z");
      await s.run({ platform: "slack", channelId: "C2", args: "on 01:30 Europe/London" });
      at("2026-10-25T00:30:30Z");
      await s.tick();
      at("2026-10-25T01:30:30Z");
      await s.tick();
      expect(postsTo("C2")).toHaveLength(1);
    });

    it("keeps to weekdays when asked", async () => {
      at("2026-11-27T10:00:00Z"); // a Friday
      const s = await scheduler(await fresh());
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 UTC weekdays" })).toMatch(
        /every weekday/,
      );
      at("2026-11-28T09:00:30Z"); // Saturday
      await s.tick();
      at("2026-11-29T09:00:30Z"); // Sunday
      await s.tick();
      expect(posts).toHaveLength(0);
      at("2026-11-30T09:00:30Z"); // Monday
      await s.tick();
      expect(posts).toHaveLength(1);
    });
  });
});

import { describe, expect, it } from "vitest";
import { nextTip, orderFor } from "../src/tips/rotation.js";
import { tipsFixture } from "./tips-fixture.js";

// Daily tips: each channel's order through the tips, and the preview of what comes next.

const { guide, tips, posts, at, postsTo, describeEachBackend } = tipsFixture();

describeEachBackend(({ fresh, scheduler }) => {
  describe("daily tips: rotation", () => {
    it("gives a channel every tip once before any repeats, in an order of its own", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "C2", args: "on 09:00" });
      for (let day = 26; day < 26 + tips.length * 2; day++) {
        at(new Date(Date.UTC(2026, 10, day, 9, 0, 30)).toISOString());
        await s.tick();
      }
      const ids = (c: string) => postsTo(c).map((p) => p.text);
      const c1 = ids("C1");
      expect(new Set(c1.slice(0, tips.length)).size).toBe(tips.length);
      expect(new Set(c1.slice(tips.length)).size).toBe(tips.length);
      expect(c1[tips.length]).not.toBe(c1[tips.length - 1]);
      expect(ids("C2")).not.toEqual(c1);
    });

    it("previews the next tips without posting or changing anything", async () => {
      at("2026-11-25T12:00:00Z");
      const path = await fresh();
      const s = await scheduler(path);
      await s.run({ platform: "slack", channelId: "C1", args: "on 07:15 Europe/Paris" });
      const next = await s.preview("slack", "C1", 7);
      expect(next).toHaveLength(7);
      expect(next[0]?.at.toISOString()).toBe("2026-11-26T06:15:00.000Z");
      expect(new Set(next.slice(0, 5).map((n) => n.tip.id)).size).toBe(5);
      expect(await s.preview("slack", "C1", 7)).toEqual(next);
      expect(posts).toHaveLength(0);
      // seven days of a weekdays-only channel: five tips, not seven running into the ninth day
      await s.run({ platform: "slack", channelId: "C3", args: "on 07:15 Europe/Paris weekdays" });
      const week = await s.preview("slack", "C3", 7);
      expect(week).toHaveLength(5);
      expect(week.at(-1)?.at.toISOString()).toBe("2026-12-02T06:15:00.000Z");
    });
  });
});

describe("daily tips: rotation order", () => {
  it("orders differ between channels and cycles, and nextTip never repeats the last tip", () => {
    const all = guide.tips().map((t) => t.id);
    expect(orderFor("slack:C1", 0, all)).not.toEqual(orderFor("slack:C2", 0, all));
    expect(orderFor("slack:C1", 0, all)).not.toEqual(orderFor("slack:C1", 1, all));
    expect([...orderFor("slack:C1", 0, all)].sort()).toEqual([...all].sort());
    const last = orderFor("slack:C1", 1, all)[0];
    expect(nextTip("slack:C1", 0, all, new Set(all), last)?.tipId).not.toBe(last);
  });
});

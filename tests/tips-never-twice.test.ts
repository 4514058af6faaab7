import { describe, expect, it } from "vitest";
import type { TipPoster } from "../src/ports.js";
import { tipsFixture, withMethod, withUpdateSlot } from "./tips-fixture.js";

// Daily tips: never posted twice when the database will not record a post, a channel is turned off
// mid-run, a platform's server hangs, or the bot stops or dies while posting.

const { tips, logLines, at, postsTo, describeEachBackend, slackPoster } = tipsFixture();

describeEachBackend(({ fresh, scheduler, turnedOn }) => {
  describe("daily tips: never posted twice", () => {
    it("posts nothing to a channel turned off while the run was posting to another", async () => {
      const { path, first } = await turnedOn("C1");
      await first.run({ platform: "slack", channelId: "C2", args: "on 09:00" });
      // tips off for C2 (on another replica, say)
      let turnOffAt: string | undefined;
      let turnedOff: Promise<unknown> | undefined;
      const target = first.tipStore;
      const store = withUpdateSlot(target, async (...args) => {
        // as the first tip is marked to go (C1's or C2's: a platform's channels go a few at a time), or
        // as C2's is: each after the run read the schedules
        if (args[2].status === "sending") {
          if (turnOffAt === undefined || args[0].channelId === turnOffAt) {
            turnOffAt ??= args[0].channelId;
            turnedOff ??= target.disable("slack", "C2", Date.parse("2026-11-26T09:00:11Z"));
          }
          // a tip marked to go meanwhile (C2's, beside C1's) is marked once the turning off has landed:
          // otherwise, on a loaded machine, C2's last look could come before it, and C2 be posted to
          await turnedOff;
        }
        return target.updateSlot(...args);
      });
      const s = await scheduler(path, { store });
      at("2026-11-26T09:00:10Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(postsTo("C2")).toHaveLength(0);
      // the next day, C2 on again and turned off once its own tip is claimed: this half is what pins the
      // scheduler's last look (on the first day, C2's claim may itself come after the turning off)
      await first.run({ platform: "slack", channelId: "C2", args: "on 09:00" });
      turnOffAt = "C2";
      turnedOff = undefined;
      at("2026-11-27T09:00:10Z");
      await s.tick();
      expect(postsTo("C2")).toHaveLength(0);
    });

    /**
     * C1's tip on at 09:00, under a scheduler whose database refuses to record a post as made: `once`,
     * or until unlock().
     */
    async function refusingToRecord(once: boolean) {
      const { path, first } = await turnedOn("C1");
      let locked = true;
      const target = first.tipStore;
      const store = withUpdateSlot(target, (...args) => {
        if (!locked || args[2].status !== "posted") return target.updateSlot(...args);
        if (once) locked = false;
        return Promise.reject(new Error("database is locked"));
      });
      const s = await scheduler(path, { store, leaseMs: 60_000 });
      const unlock = () => {
        locked = false;
      };
      return { s, unlock };
    }

    it("never posts a tip twice when the database cannot record that it was posted", async () => {
      // a locked database, just as the post is to be recorded, once
      const { s } = await refusingToRecord(true);
      at("2026-11-26T09:00:10Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(logLines.join("\n")).toMatch(/daily tip posted, but not recorded/);
      for (const later of ["2026-11-26T09:01:30Z", "2026-11-26T09:05:00Z", "2026-11-26T09:30:00Z"]) {
        at(later);
        await s.tick();
      }
      expect(postsTo("C1")).toHaveLength(1);
      // recorded on the next tick, once the database took it: not "the bot stopped while posting"
      const status = await s.run({ platform: "slack", channelId: "C1", args: "status" });
      expect(status).toMatch(/Last tip: Thu, 26 Nov 2026, 09:00/);
      expect(status).not.toMatch(/may not have been posted/);
    });

    it("records a post late, even after its lease ran out while the database refused it", async () => {
      const { s, unlock } = await refusingToRecord(false);
      at("2026-11-26T09:00:10Z");
      await s.tick();
      at("2026-11-26T09:05:00Z");
      await s.tick();
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /may not have been posted/,
      );
      unlock();
      at("2026-11-26T09:06:00Z");
      await s.tick();
      const status = await s.run({ platform: "slack", channelId: "C1", args: "status" });
      expect(status).toMatch(/Last tip: Thu, 26 Nov 2026, 09:00/);
      expect(postsTo("C1")).toHaveLength(1);
      expect(logLines.join("\n")).toMatch(/daily tip posted earlier, recorded now/);
    });

    it("clears the failing mark once a post is recorded, even when clearing it failed the first time", async () => {
      const { path, first } = await turnedOn("C1");
      const target = first.tipStore;
      await target.setFailing("slack", "C1", Date.parse("2026-11-25T09:05:00Z"), "not_in_channel");
      // the post is recorded, then clearing the mark fails once (a lock, or a COMMIT's answer lost)
      let refuse = true;
      const store = withMethod(target, "setFailing", (...args) => {
        if (refuse && args[2] === null) {
          refuse = false;
          return Promise.reject(new Error("database is locked"));
        }
        return target.setFailing(...args);
      });
      const s = await scheduler(path, { store });
      at("2026-11-26T09:00:10Z");
      await s.tick();
      at("2026-11-26T09:01:10Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      const status = await s.run({ platform: "slack", channelId: "C1", args: "status" });
      expect(status).toMatch(/Last tip: Thu, 26 Nov 2026, 09:00/);
      expect(status).not.toMatch(/Failing since/);
      expect(logLines.join("\n")).toMatch(/daily tip posted earlier, recorded now/);
    });

    it("posts on one platform while another's server hangs, and leaves a post cut off by shutdown uncertain", async () => {
      const { path, first } = await turnedOn("CFAST");
      const daily = { time: "09:00", timeZone: "UTC", weekdaysOnly: false };
      for (const channel of ["MSLOW1", "MSLOW2"])
        await first.tipStore.enable(
          "mattermost",
          channel,
          daily,
          "command",
          Date.parse("2026-11-25T12:00:00Z"),
        );
      // a Mattermost server that takes the posts and never answers, until shutdown cuts them off
      const cutOff: (() => void)[] = [];
      const silent: TipPoster = {
        post: () => new Promise((_resolve, reject) => cutOff.push(() => reject(new Error("aborted")))),
      };
      const s = await scheduler(path, { posters: { slack: slackPoster, mattermost: silent } });
      at("2026-11-26T09:00:10Z");
      const ticked = s.tick();
      // Slack's tip goes out while Mattermost's posts hang
      await expect.poll(() => postsTo("CFAST").length, { timeout: 2_000 }).toBe(1);
      // both of Mattermost's posts under way (each lane claims its own channels, in its own time)
      await expect.poll(() => cutOff.length, { timeout: 2_000 }).toBe(2);
      const stopped = s.stop();
      for (const cut of cutOff) cut();
      await Promise.all([ticked, stopped]);
      // not retried as a failed attempt: the next start finds it uncertain, and never posts it twice
      for (const channel of ["MSLOW1", "MSLOW2"])
        expect((await first.tipStore.slot("mattermost", channel, "2026-11-26"))?.status).toBe("sending");
      expect(logLines.join("\n")).toMatch(/a tip post was cut off by shutdown/);
      expect(logLines.join("\n")).not.toMatch(/"channel":"MSLOW1".*daily tip failed/);
    });

    it("sends nothing once stopping, and leaves the claim to be taken again after its lease", async () => {
      const { path, first } = await turnedOn("C1");
      let stop: (() => Promise<void>) | undefined;
      const target = first.tipStore;
      // shutdown comes while the slot is being claimed
      const store = new Proxy(target, {
        get(t, prop) {
          if (prop === "claim")
            return async (...args: Parameters<typeof t.claim>) => {
              const claimed = await t.claim(...args);
              void stop?.();
              return claimed;
            };
          const value = Reflect.get(t, prop, t);
          return typeof value === "function" ? value.bind(t) : value;
        },
      });
      const s = await scheduler(path, { store, leaseMs: 60_000 });
      stop = () => s.stop();
      at("2026-11-26T09:00:10Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(0);
      expect((await target.slot("slack", "C1", "2026-11-26"))?.status).toBe("claimed");
      // the next start, past the lease, posts it
      const next = await scheduler(path, { leaseMs: 60_000 });
      at("2026-11-26T09:02:00Z");
      await next.tick();
      expect(postsTo("C1")).toHaveLength(1);
    });

    it("re-posts a slot claimed by a process that died before sending, but never one that died while sending", async () => {
      const path = await fresh();
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(path, { leaseMs: 60_000 });
      await s.run({ platform: "slack", channelId: "C1", args: "on 09:00" });
      await s.run({ platform: "slack", channelId: "C2", args: "on 09:00" });
      // As a process that died left them: one slot claimed before sending, one while sending.
      const due = Date.parse("2026-11-26T09:00:00Z");
      for (const [channelId, status] of [
        ["C1", "claimed"],
        ["C2", "sending"],
      ] as const) {
        await s.tipStore.insertSlot({
          ...{ platform: "slack", channelId, day: "2026-11-26", dueAt: due, tipId: tips[0]?.id, cycle: 0 },
          ...{ status, claimToken: "dead", claimedAt: due, attempts: 0 },
        });
      }
      at("2026-11-26T09:05:00Z");
      await s.tick();
      expect(postsTo("C1")).toHaveLength(1);
      expect(postsTo("C2")).toHaveLength(0);
      expect(await s.run({ platform: "slack", channelId: "C2", args: "status" })).toMatch(
        /may not have been posted/,
      );
      expect(logLines.join("\n")).toMatch(/"channel":"C2".*daily tip uncertain/);
    });
  });
});

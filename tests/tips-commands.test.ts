import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge, PostFailure, type TipPoster } from "../src/index.js";
import { TipChannels } from "../src/tips/channels.js";
import { capturedLogger, FIXTURE_DIR, TIP_DEFAULTS, tempStorage } from "./helpers.js";
import { tipsFixture } from "./tips-fixture.js";

// Daily tips: the tips subcommands (on, off, status) and the channels seeded from the environment.

const { at, describeEachBackend } = tipsFixture();

describeEachBackend(({ fresh, scheduler }) => {
  describe("tips commands", () => {
    it("validates time and time zone, and turns tips off", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 25:00" })).toMatch(
        /not a time of day/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 Mars/Olympus" })).toMatch(
        /not a time zone/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(/no daily tip/);
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 8:05 america/new_york" })).toMatch(
        /at 08:05 \(America\/New_York\)\. Next tip: Wed, 25 Nov 2026, 08:05 GMT-5/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "off" })).toBe(
        "Daily tip off for this channel.",
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "off" })).toMatch(
        /no daily tip to turn off/,
      );
    });

    it("reads a time and a zone as people type them", async () => {
      at("2026-11-25T12:00:00Z");
      const s = await scheduler(await fresh());
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 8:30 pm EST" })).toMatch(
        /at 20:30 \(America\/New_York\)\. Next tip: Wed, 25 Nov 2026, 20:30 GMT-5/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 8am" })).toMatch(/at 08:00 /);
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 07.45 Europe/London" })).toMatch(
        /at 07:45 \(Europe\/London\)/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 13pm" })).toMatch(
        /not a time of day/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 8:30:00" })).toMatch(
        /not a time of day/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 0830" })).toMatch(/at 08:30 /);
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on noon" })).toMatch(/at 12:00 /);
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on midnight" })).toMatch(/at 00:00 /);
      // a word other than on, off and status is not understood, never read as on
      expect(await s.run({ platform: "slack", channelId: "C1", args: "off." })).toBe(
        "Daily tip off for this channel.",
      );
      // said all year where the clock never changes (Arizona): not a region's zone with clock changes
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 MST" })).toMatch(
        /\(America\/Phoenix\)/,
      );
      // an abbreviation zones share is refused, not read as whichever zone Node knows by it, and the
      // refusal names the zones it may mean
      for (const shared of ["AST", "IST", "SST"])
        expect(
          await s.run({ platform: "slack", channelId: "C1", args: `on 09:00 ${shared}` }),
          shared,
        ).toMatch(
          new RegExp(
            `^${shared} is the name of more than one time zone \\(.*/.*\\): give the zone's name\\.$`,
          ),
        );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 ART" })).toMatch(
        /not a time zone I know/,
      );
      // a word that is no zone at all (a day) is told the whole form, and that days cannot be picked
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 9 saturdays" })).toMatch(
        /use `tips on \[HH:MM\] \[time zone\]` with a zone such as Europe\/London, EST or UTC\+2\. A tip comes every day, or on weekdays only \(add weekdays\)\.$/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 8pm IST" })).toMatch(
        /\(India, Ireland or Israel: Asia\/Kolkata, Europe\/Dublin or Asia\/Jerusalem\)/,
      );
      // a city that ends a zone's name is that zone
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 9 London" })).toMatch(
        /at 09:00 \(Europe\/London\)/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 9 rome" })).toMatch(
        /at 09:00 \(Europe\/Rome\)/,
      );
      // ... but not a town of the UK that a far zone's city shares its name with, nor a US county
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 9 Perth" })).toBe(
        "Perth is the name of more than one time zone (Scotland or Western Australia: Europe/London or Australia/Perth): give the zone's name.",
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 9 knox" })).toMatch(
        /not a time zone I know/,
      );
      // an hour alone is on the 24-hour clock
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 9 Europe/London" })).toMatch(
        /at 09:00 \(Europe\/London\)/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 NST" })).toMatch(
        /\(America\/St_Johns\)/,
      );
      // a zone named by its region keeps the spelling typed, not Node's older one (Europe/Kiev)
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 Europe/Kyiv" })).toMatch(
        /\(Europe\/Kyiv\)/,
      );
      expect(await s.run({ platform: "slack", channelId: "C1", args: "on 09:00 asia/kolkata" })).toMatch(
        /at 09:00 \(Asia\/Kolkata\)/,
      );
      // a longer name or an offset is Node's to read, as before
      for (const [typed, zone] of [
        ["Singapore", "Asia/Singapore"],
        ["+05:30", "+05:30"],
        // ...and one typed from UTC or GMT, as people write it
        ["UTC+2", "+02:00"],
        ["GMT-3:30", "-03:30"],
        ["US/Eastern", "America/New_York"],
        ["CEST", "Europe/Paris"],
      ])
        expect(
          await s.run({ platform: "slack", channelId: "C1", args: `on 09:00 ${typed}` }),
          typed,
        ).toContain(`(${zone})`);
      // ...but not an offset no clock keeps, which Node takes (up to ±23:59)
      for (const typed of ["-23:59", "utc+14:59", "+05:20", "-12:30"])
        expect(await s.run({ platform: "slack", channelId: "C1", args: `on 09:00 ${typed}` }), typed).toMatch(
          /time zone/,
        );
    });

    it("does not read a zone spelt anew as a changed time at a restart", async () => {
      at("2026-11-25T12:00:00Z");
      const path = await fresh();
      // stored as an older version spelt TIP_TIMEZONE=Asia/Kolkata
      const first = await scheduler(path, { defaults: { time: "09:00", timeZone: "Asia/Calcutta" } });
      await first.seedChannels("slack", ["C1"]);
      const [before] = await first.activeSchedules();
      at("2026-11-26T12:00:00Z");
      const later = await scheduler(path, { defaults: { time: "09:00", timeZone: "Asia/Kolkata" } });
      await later.seedChannels("slack", ["C1"]);
      const [after] = await later.activeSchedules();
      // re-enabled from now, the day's tip due before the restart was lost
      expect(after?.enabledAt).toBe(before?.enabledAt);
    });

    it("seeds channels from the environment without undoing an admin's tips off", async () => {
      at("2026-11-25T12:00:00Z");
      const path = await fresh();
      const s = await scheduler(path);
      await s.seedChannels("slack", ["C1", "C2"]);
      await s.run({ platform: "slack", channelId: "C2", args: "off" });
      await (await scheduler(path)).seedChannels("slack", ["C1", "C2"]);
      const active = await (await scheduler(path)).activeSchedules();
      expect(active.map((x) => x.channelId)).toEqual(["C1"]);
    });

    it("follows the environment at a restart: a channel taken out is turned off, a new time is taken, an admin's own settings kept", async () => {
      at("2026-11-25T12:00:00Z");
      const path = await fresh();
      const first = await scheduler(path);
      await first.seedChannels("slack", ["C1", "C2", "C3"]);
      await first.run({ platform: "slack", channelId: "C3", args: "on 07:15 Europe/London" });
      const later = await scheduler(path, { defaults: { time: "10:30", timeZone: "Europe/London" } });
      await later.seedChannels("slack", ["C2"]);
      const active = await later.activeSchedules();
      expect(active.map((x) => [x.channelId, x.time, x.timeZone])).toEqual([
        ["C2", "10:30", "Europe/London"],
        ["C3", "07:15", "Europe/London"],
      ]);
      expect(await later.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(/no daily tip/);
      // listed again, it is on again: taking it out was no admin's tips off
      await (await scheduler(path)).seedChannels("slack", ["C1", "C2"]);
      expect(await later.run({ platform: "slack", channelId: "C1", args: "status" })).toMatch(
        /Daily tip: on/,
      );
    });
  });
});

describe("tips on and tips off given at once", () => {
  it("lets a tips off given while the tips on is still being announced win", async () => {
    const { tips: store } = tempStorage();
    const { logger } = capturedLogger();
    const tips = createGuide(loadKnowledge(FIXTURE_DIR)).tips();
    const channel = { platform: "slack", channelId: "C1" } as const;
    // another replica, with the same database, answering a tips off meanwhile
    const other = new TipChannels({ store, tips, logger, defaults: TIP_DEFAULTS });
    const poster: TipPoster = {
      post: () => Promise.resolve({}),
      announce: async () => {
        expect(await other.off(channel)).toBe("Daily tip off for this channel.");
        return {};
      },
    };
    const here = new TipChannels({ store, tips, logger, defaults: TIP_DEFAULTS, posters: { slack: poster } });
    expect(await here.on(channel, { time: "10:00" })).toMatch(/^Daily tip on/);
    expect(await here.status(channel)).toMatch(/no daily tip/);
  });
});

describe("the tips command as each platform writes it", () => {
  it("names the command the way the channel's platform takes it, in every sentence that says what to type", async () => {
    const { tips: store } = tempStorage();
    const { logger } = capturedLogger();
    const tips = createGuide(loadKnowledge(FIXTURE_DIR)).tips();
    const channel = { platform: "discord", channelId: "D1" } as const;
    const announced: string[] = [];
    const refusing: { value?: PostFailure } = {};
    const poster: TipPoster = {
      post: () => Promise.resolve({}),
      announce: async (_, text) => {
        if (refusing.value) throw refusing.value;
        announced.push(text);
        return {};
      },
      command: (what) => `\`/tips-${what}\``,
    };
    const channels = new TipChannels({
      store,
      tips,
      logger,
      defaults: TIP_DEFAULTS,
      posters: { discord: poster },
    });
    expect(await channels.status(channel)).toBe(
      "This channel has no daily tip. Whoever manages the channel can turn it on with `/tips-on`.",
    );
    expect(await channels.on(channel, { timeZone: "Saturdays" })).toMatch(
      /: use `\/tips-on` with a zone such as/,
    );
    await channels.on(channel, { time: "10:00" });
    expect(announced.join()).toMatch(/Turn them off with `\/tips-off`\.$/);
    refusing.value = new PostFailure("missing_access", "I may not post here.", undefined, true);
    expect(await channels.on(channel, { time: "11:00" })).toMatch(/Or turn it off with `\/tips-off`\.$/);
    // a refusal that may pass: on, unchecked, and where to see how it goes
    refusing.value = new PostFailure("internal_error", "Something went wrong.");
    expect(await channels.on({ ...channel, channelId: "D2" }, { time: "12:00" })).toMatch(
      /: `\/tips-status` shows how they go\.$/,
    );
    // a platform whose poster says nothing of it, and the console: the words typed after the command
    const other = { platform: "slack", channelId: "C1" } as const;
    expect(await channels.status(other)).toBe(
      "This channel has no daily tip. Whoever manages the channel can turn it on with `tips on [HH:MM] [time zone]`.",
    );
  });
});

describe("a tip waiting to be tried again, as status and preview show it", () => {
  it("gives the tick it will be tried on, or says it is given up past the grace window", async () => {
    const { tips: store } = tempStorage();
    const { logger } = capturedLogger();
    const tips = createGuide(loadKnowledge(FIXTURE_DIR)).tips();
    const [tip] = tips;
    if (!tip) throw new Error("the fixture has no tips");
    const due = Date.parse("2026-11-26T09:00:00Z");
    await store.enable(
      "slack",
      "C1",
      { time: "09:00", timeZone: "UTC", weekdaysOnly: false },
      "command",
      due - 86_400_000,
    );
    const key = { platform: "slack", channelId: "C1", day: "2026-11-26" } as const;
    await store.insertSlot({ ...key, dueAt: due, tipId: tip.id, cycle: 0, status: "claimed", attempts: 0 });
    await store.updateSlot(key, ["claimed"], {
      status: "retry",
      attempts: 1,
      nextAttemptAt: due + 70_000,
      error: "internal_error",
    });
    let now = due + 30_000;
    const channels = new TipChannels({
      store,
      tips,
      logger,
      defaults: { ...TIP_DEFAULTS, graceMs: 3_600_000 },
      now: () => new Date(now),
    });
    const channel = { platform: "slack", channelId: "C1" } as const;
    // due 09:01:10, tried on the 09:02 tick
    expect(await channels.status(channel)).toMatch(/Trying again at Thu, 26 Nov 2026, 09:02 UTC\./);
    expect((await channels.preview("slack", "C1", 1))[0]?.at.toISOString()).toBe("2026-11-26T09:02:00.000Z");
    // the bot stopped past it: tried on the tick after it starts
    now = due + 20 * 60_000 + 5_000;
    expect(await channels.status(channel)).toMatch(/Trying again at Thu, 26 Nov 2026, 09:21 UTC\./);
    // past the grace window it is given up: not promised, and tomorrow's tip is the next
    now = due + 2 * 3_600_000;
    expect(await channels.status(channel)).toMatch(/Too late to try again: it is given up\./);
    const [next] = await channels.preview("slack", "C1", 1);
    expect(next?.at.toISOString()).toBe("2026-11-27T09:00:00.000Z");
  });
});

import { describe, expect, it } from "vitest";
import { createGuide, createLogger, loadKnowledge, type TipPoster } from "../src/index.js";
import { FIXTURE_DIR, tempStorage, testScheduler } from "./helpers.js";

// The minute's tip check over many channels, on SQLite, which answers on the bot's one thread.

describe("checking many channels' tips", () => {
  it("lets the bot serve requests between channels, not only once every channel is checked", async () => {
    const tips = tempStorage("smg-many-tips-").tips;
    const poster: TipPoster = { post: async () => ({ messageId: "m" }) };
    // the evening before the tips fall due: each channel is checked, none is posted
    const scheduler = testScheduler({
      store: tips,
      tips: createGuide(loadKnowledge(FIXTURE_DIR)).tips(),
      posters: { slack: poster },
      logger: createLogger("silent"),
      now: () => new Date("2026-03-01T20:00:00Z"),
    });
    const channels = Array.from({ length: 40 }, (_, i) => `C${String(i).padStart(8, "0")}`);
    await scheduler.seedChannels("slack", channels);
    let checked = 0;
    const openSlots = tips.openSlots.bind(tips);
    tips.openSlots = (...args) => {
      checked++;
      return openSlots(...args);
    };
    // a request arriving as the check begins: served after a few channels, not after all forty
    let servedAfter: number | undefined;
    const check = scheduler.tick();
    setImmediate(() => {
      servedAfter = checked;
    });
    await check;
    expect(checked).toBe(40);
    expect(servedAfter).toBeLessThan(10);
  });
});

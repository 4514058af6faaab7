import { describe, expect, it, onTestFinished, vi } from "vitest";
import { countShare, createLogger, RateLimits } from "../src/index.js";
import type { RateCounts } from "../src/store/rate-counts.js";
import { ReplaysOrMemory } from "../src/store/replays.js";
import { COUNT_WAIT_MS } from "../src/usage/rate-limits.js";
import { acknowledgeVote, VOTE_LATE, VOTE_WAIT_MS } from "../src/usage/records.js";
import { capturedLogger } from "./helpers.js";

// A database that fails or falls silent: what needs it for a moment (a rate count, a Slack replay
// check) is done in this process's memory instead, within a second.

describe("rate limits when the database cannot count", () => {
  it("lets a question through when the database does not answer in time (a partition), counting it in memory", async () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const silent: RateCounts = {
      take: () => new Promise(() => {}),
      giveBack: () => Promise.resolve(),
      takeSliding: () => new Promise(() => {}),
      giveBackSliding: () => Promise.resolve(),
    };
    const limits = new RateLimits({
      questionsPerMinute: 1,
      sharesPerHour: 1,
      shared: silent,
      logger: createLogger("silent"),
    });
    const asked = limits.checkQuestion("discord", "U1");
    await vi.advanceTimersByTimeAsync(COUNT_WAIT_MS);
    expect(await asked).toBeUndefined();
    // ... counted in this process's memory meanwhile: the limit still holds while the database is away
    const again = limits.checkQuestion("discord", "U1");
    await vi.advanceTimersByTimeAsync(COUNT_WAIT_MS);
    expect(await again).toBeGreaterThan(0);
    // and a share pressed twice is not posted twice
    const first = countShare(limits, "slack", "C1", "e5");
    await vi.advanceTimersByTimeAsync(2 * COUNT_WAIT_MS);
    expect(await first).toHaveProperty("giveBack");
    const second = countShare(limits, "slack", "C1", "e5");
    await vi.advanceTimersByTimeAsync(COUNT_WAIT_MS);
    expect(await second).toMatchObject({ refusal: expect.stringMatching(/less than 10 minutes ago/) });
  });

  it("gives back a share counted in memory, and the database's count too once it lands late", async () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const late = <T>(value: T) =>
      new Promise<T>((resolve) => setTimeout(() => resolve(value), 2 * COUNT_WAIT_MS));
    const givenBack: string[] = [];
    const slow: RateCounts = {
      take: () => late(undefined),
      giveBack: async (key) => {
        givenBack.push(key);
      },
      takeSliding: () => late(undefined),
      giveBackSliding: async (key) => {
        givenBack.push(key);
      },
    };
    const limits = new RateLimits({
      questionsPerMinute: 1,
      sharesPerHour: 1,
      shared: slow,
      logger: createLogger("silent"),
    });
    const first = countShare(limits, "slack", "C1", "e1");
    await vi.advanceTimersByTimeAsync(2 * COUNT_WAIT_MS);
    const counted = await first;
    if (!("giveBack" in counted)) throw new Error("the first share was refused");
    // never posted: given back in memory now, so the same share may be pressed again...
    await counted.giveBack();
    const again = countShare(limits, "slack", "C1", "e1");
    await vi.advanceTimersByTimeAsync(4 * COUNT_WAIT_MS);
    expect(await again).toHaveProperty("giveBack");
    // ... and in the database once its counts landed, so no replica is held back by a share never posted
    expect(givenBack).toEqual(expect.arrayContaining(["shared:slack:C1:e1", "share:slack:C1"]));
  });
});

describe("the Slack replay memory when the database cannot answer", () => {
  it("checks the request in memory when the database does not answer within a second", async () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const failures: string[] = [];
    const replays = new ReplaysOrMemory({ first: () => new Promise(() => {}) }, (e) =>
      failures.push(e.message),
    );
    const first = replays.first("v0=bb", 1_000, 500);
    await vi.advanceTimersByTimeAsync(COUNT_WAIT_MS);
    expect(await first).toBe(true);
    const again = replays.first("v0=bb", 1_000, 600);
    await vi.advanceTimersByTimeAsync(COUNT_WAIT_MS);
    expect(await again).toBe(false);
    expect(failures).toEqual([
      `no answer within ${COUNT_WAIT_MS} ms`,
      `no answer within ${COUNT_WAIT_MS} ms`,
    ]);
  });

  it("checks the request in this process's memory, and says so", async () => {
    const failures: string[] = [];
    const broken = { first: () => Promise.reject(new Error("SQLITE_BUSY: database is locked")) };
    const replays = new ReplaysOrMemory(broken, (e) => failures.push(e.message));
    expect(await replays.first("v0=aa", 1_000, 500)).toBe(true);
    expect(await replays.first("v0=aa", 1_000, 600)).toBe(false);
    expect(failures).toEqual(["SQLITE_BUSY: database is locked", "SQLITE_BUSY: database is locked"]);
  });
});

describe("a vote when the database does not answer", () => {
  it("tells the voter in time that saving it is late, and logs it", async () => {
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { logger, lines } = capturedLogger();
    const said = acknowledgeVote(
      () => new Promise(() => {}),
      { entryId: "e1", vote: "up", platform: "discord", userId: "U1" },
      true,
      logger,
    );
    await vi.advanceTimersByTimeAsync(VOTE_WAIT_MS);
    // it may yet be saved (a frozen server resumed, and stored it): not said to be lost
    expect(await said).toBe(VOTE_LATE);
    expect(lines.join("\n")).toMatch(/"entry":"e1".*feedback not stored/);
  });
});

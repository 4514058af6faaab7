import { describe, expect, it } from "vitest";
import { RateLimiter } from "../src/index.js";

describe("the rate limiter", () => {
  it("allows `limit` events in the window, then says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect(limiter.take("u")).toBeUndefined();
    expect(limiter.take("u")).toBeUndefined();
    now = 10_000;
    expect(limiter.take("u")).toBe(50);
    now = 60_001;
    expect(limiter.take("u")).toBeUndefined();
  });

  it("forgets idle people, so that what it holds does not grow with everyone who ever asked", () => {
    let now = 0;
    const limiter = new RateLimiter(5, 60_000, () => now);
    for (let i = 0; i < 50_000; i++) {
      now = i * 10; // 100 new people a second for 500 s
      limiter.take(`user-${i}`);
    }
    // Only the people of the last minute are remembered.
    expect(limiter.size).toBeLessThanOrEqual(6_001);
    expect(limiter.size).toBeGreaterThan(5_000);
  });

  it("keeps counting a person who was the only one left", () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1_000, () => now);
    expect(limiter.take("a")).toBeUndefined();
    now = 5_000;
    expect(limiter.take("b")).toBeUndefined();
    expect(limiter.take("b")).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { createGuide, createLogger, loadKnowledge, PostFailure, type TipPoster } from "../src/index.js";
import type { Storage, TipStorage } from "../src/store/storage.js";
import { TipChannels } from "../src/tips/channels.js";
import type { TipScheduler } from "../src/tips/scheduler.js";
import { storageBackends } from "./backends.js";
import { FIXTURE_DIR, settle, TIP_DEFAULTS, testScheduler, waitFor, within } from "./helpers.js";

// Replicas of the bot on one PostgreSQL database: each has its own pool, as separate processes do.
const backend = storageBackends().find((b) => b.name === "postgres");
if (!backend) throw new Error("no PostgreSQL backend");
const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const logger = createLogger("silent");
const defaults = TIP_DEFAULTS;
const channels = Array.from({ length: 16 }, (_, i) => `C${String(i).padStart(3, "0")}`);

/** A replica's scheduler on its own storage (pool), with the clock at `now()`. */
function replica(storage: Storage, poster: TipPoster, now: () => Date, leaseMs?: number): TipScheduler {
  return testScheduler({
    store: storage.tips,
    tips: guide.tips(),
    posters: { slack: poster },
    logger,
    retryBaseMs: 60_000,
    ...(leaseMs ? { leaseMs } : {}),
    now,
  });
}

/** `store`, with each claim's transaction (and its locks) kept open after deciding, until `released`. */
function holdingClaims(store: TipStorage, released: Promise<void>, holding: () => void): TipStorage {
  const held: TipStorage = Object.create(store);
  held.claim = (platform, channelId, fn) =>
    store.claim(platform, channelId, async (tx) => {
      const decided = await fn(tx);
      holding();
      await released;
      return decided;
    });
  return held;
}

/** Counts posts per channel; each post yields to the event loop, so the other replica moves meanwhile. */
function countingPoster(failFirst = false): { poster: TipPoster; posts: Map<string, number> } {
  const posts = new Map<string, number>();
  const tried = new Set<string>();
  const poster: TipPoster = {
    post: async (channelId) => {
      await settle();
      if (failFirst && !tried.has(channelId)) {
        tried.add(channelId);
        throw new PostFailure("service_unavailable", "the platform is down");
      }
      posts.set(channelId, (posts.get(channelId) ?? 0) + 1);
      return { messageId: `${channelId}-${posts.get(channelId)}` };
    },
  };
  return { poster, posts };
}

describe("daily tips with two replicas on one PostgreSQL", () => {
  it("posts each due slot exactly once, and each retry once, while both race for them", async () => {
    const url = await backend.fresh();
    const [a, b] = await Promise.all([backend.open(url), backend.open(url)]);
    if (!a || !b) throw new Error("no storage");
    const enabledAt = Date.parse("2026-11-25T12:00:00Z");
    for (const id of channels)
      await a.tips.enable("slack", id, { ...defaults, weekdaysOnly: false }, "command", enabledAt);
    // Every first attempt fails, so the retries race too: they take the claim from an existing row.
    const { poster, posts } = countingPoster(true);
    let clock = new Date("2026-11-26T09:00:10Z");
    const now = () => clock;
    const [first, second] = [replica(a, poster, now), replica(b, poster, now)];
    await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    expect(posts.size).toBe(0);
    clock = new Date("2026-11-26T09:01:20Z");
    await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    expect([...posts.keys()].sort()).toEqual(channels);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    const rows = await backend.sql(url, "SELECT status, attempts FROM tip_posts");
    expect(rows).toHaveLength(channels.length);
    expect(rows.every((r) => r.status === "posted" && r.attempts === 1)).toBe(true);
  });

  it("leaves a channel whose claim another replica holds, and the slot is posted once", async () => {
    const url = await backend.fresh();
    const [a, b] = await Promise.all([backend.open(url), backend.open(url)]);
    if (!a || !b) throw new Error("no storage");
    const due = Date.parse("2026-11-26T09:00:00Z");
    await a.tips.enable("slack", "C1", { ...defaults, weekdaysOnly: false }, "command", 0);
    // A replica died after claiming the slot, before sending: after the lease either may take it over.
    await a.tips.insertSlot({
      ...{ platform: "slack", channelId: "C1", day: "2026-11-26", dueAt: due, tipId: guide.tips()[0]?.id },
      ...{ cycle: 0, status: "claimed", claimToken: "dead", claimedAt: due, attempts: 0 },
    });
    const { poster, posts } = countingPoster();
    const now = () => new Date("2026-11-26T09:02:00Z");
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = false;
    const first = replica(
      { ...a, tips: holdingClaims(a.tips, released, () => (held = true)) },
      poster,
      now,
      60_000,
    );
    const firstTick = first.tick();
    await waitFor(() => held, { what: "the first replica to hold the claim" });
    // The second replica neither waits for the first nor takes the slot from under it.
    await within(replica(b, poster, now, 60_000).tick(), "the second replica's check");
    expect(posts.size).toBe(0);
    release();
    await firstTick;
    await replica(b, poster, now, 60_000).tick();
    expect(posts).toEqual(new Map([["C1", 1]]));
  });

  it("leaves a slot uncertain when the replica posting it dies mid-post, and the other never re-posts it", async () => {
    const url = await backend.fresh();
    const [dying, surviving] = await Promise.all([backend.open(url), backend.open(url)]);
    if (!dying || !surviving) throw new Error("no storage");
    const clock = { now: new Date("2026-11-25T09:00:10Z") };
    await dying.tips.enable("slack", "C1", { ...defaults, weekdaysOnly: false }, "command", 0);
    // yesterday's tip went out
    await replica(surviving, countingPoster().poster, () => clock.now, 60_000).tick();
    clock.now = new Date("2026-11-26T09:00:10Z");
    // The dying replica's post never returns: it is killed while the platform has the request.
    let posting = false;
    const hung: TipPoster = {
      post: () => {
        posting = true;
        return new Promise(() => undefined);
      },
    };
    void replica(dying, hung, () => clock.now, 60_000).tick();
    await waitFor(() => posting, { what: "the slot to be sending" });
    const statusAt = (storage: typeof surviving) =>
      new TipChannels({
        store: storage.tips,
        tips: guide.tips(),
        logger,
        defaults,
        now: () => clock.now,
      }).status({ platform: "slack", channelId: "C1" });
    // while it is being posted, or before the lease runs out on one cut off, status says which it may be
    const meanwhile = await statusAt(surviving);
    expect(meanwhile).toMatch(
      /The tip due Thu, 26 Nov 2026, 09:00 UTC is being posted, or was cut off by a restart/,
    );
    // and the last tip that did go out is still said
    expect(meanwhile).toMatch(/Last tip: Wed, 25 Nov 2026, 09:00/);
    await dying.close();
    const { poster, posts } = countingPoster();
    clock.now = new Date("2026-11-26T09:02:00Z");
    await replica(surviving, poster, () => clock.now, 60_000).tick();
    expect(posts.size).toBe(0);
    expect(await surviving.tips.slot("slack", "C1", "2026-11-26")).toMatchObject({ status: "uncertain" });
    expect(await statusAt(surviving)).toMatch(/may not have been posted: the bot stopped while posting it/);
  });
});

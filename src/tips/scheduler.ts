import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import type { Logger } from "../log.js";
import { type Platform, PostFailure, type TipPoster } from "../ports.js";
import type { ScheduleRow, TipStorage } from "../store/storage.js";
import type { Tip } from "../types.js";
import { type ClaimContext, claimSlot, slotKey, tippedOn } from "./claim.js";
import { followEnvironment } from "./environment.js";
import { recordFailure } from "./failure.js";
import { markPosted, recordLate, type Unrecorded } from "./posted.js";
import { nextTip } from "./rotation.js";
import { slotsBetween } from "./schedule.js";

/** How the scheduler behaves; every duration in milliseconds. */
export interface SchedulerOptions {
  readonly store: TipStorage;
  readonly tips: readonly Tip[];
  readonly posters: Partial<Record<Platform, TipPoster>>;
  readonly logger: Logger;
  /** The default time and zone for `tips on` without them and for channels from the environment. */
  readonly defaults: { readonly time: string; readonly timeZone: string };
  /** A post that fell due longer ago than this is skipped (and logged) rather than sent late. */
  readonly graceMs: number;
  /** Attempts per slot before the channel shows as failing. */
  readonly maxAttempts?: number;
  /** The first retry's delay; each later one is four times longer (1, 4, 16 minutes by default). */
  readonly retryBaseMs?: number;
  /** A claim older than this belongs to a process that stopped. */
  readonly leaseMs?: number;
  readonly now?: () => Date;
}

/** How many of one platform's channels are checked (and posted to) at once. */
const CHANNELS_AT_ONCE = 4;

/** How far back the scheduler looks for slots it has not dealt with. */
const LOOKBACK_MS = 48 * 3600_000;

/**
 * Daily tips, exactly once a day per channel, through restarts, crashes and platform errors.
 *
 * How a slot (platform, channel, local day) is handled:
 *  1. Claim it in one transaction that holds the channel's claim (TipStorage.claim): insert the row as
 *     "claimed" with a fresh token and the tip chosen by the channel's rotation. On SQLite the file's
 *     write lock makes the claim atomic; on PostgreSQL the channel's schedule row is locked (FOR UPDATE
 *     SKIP LOCKED), and the slot's primary key refuses a second row. Either way a second scheduler
 *     (another process or replica, or this one after a restart) finds the row, or the claim held, and
 *     leaves the slot alone.
 *  2. Mark it "sending" (still under the token), then call the platform.
 *  3. Mark it "posted" with the platform's message id; or, if the platform refused, "retry" with a
 *     backoff, and after `maxAttempts` "failed", which `tips status` shows as failing. A refusal that
 *     retrying cannot change (PostFailure.permanent: not in the channel, not allowed) fails at once;
 *     the next day's slot is tried as usual, so a bot added back to the channel posts again.
 *
 * A crash leaves a claim behind. If it is still "claimed" after the lease, nothing was sent yet, so the
 * slot is claimed again and posted. If it is "sending", the crash came between calling the platform
 * and recording the answer: the post may or may not have gone out, and the platform offers no way to
 * make a post idempotent. We choose never to double-post: the slot becomes "uncertain", is not
 * retried, is logged as a warning and shows in `tips status`, so it is never silent either.
 */
export class TipScheduler {
  private readonly store: TipStorage;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly leaseMs: number;
  private readonly byId: Map<string, Tip>;
  private heartbeat?: Cron;
  /**
   * Each platform's check in progress. A platform's channels are checked apart from every other's, a
   * few at a time: a platform whose server is slow or silent (each post waiting for its time limit and
   * retries) held up every other platform's tips, 16 to 30 s a channel (platform exploratory test).
   */
  private readonly lanes = new Map<Platform, Promise<void>>();
  /** Set by stop(): no channel is begun, and a post cut off now is left for the next start to decide. */
  private stopping = false;
  /**
   * Posts made that the database would not record: recorded on each tick until it takes them. Left
   * unrecorded, the slot read as "the bot stopped while posting" though the tip was there.
   */
  private readonly unrecorded = new Map<string, Unrecorded>();
  /** What a claim (claimSlot) needs of this scheduler. */
  private readonly claiming: ClaimContext;

  constructor(private readonly options: SchedulerOptions) {
    this.store = options.store;
    this.log = options.logger.child({ component: "tips" });
    this.now = options.now ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 4;
    this.retryBaseMs = options.retryBaseMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.byId = new Map(options.tips.map((t) => [t.id, t]));
    this.claiming = {
      now: this.now,
      graceMs: options.graceMs,
      leaseMs: this.leaseMs,
      log: this.log,
      pick: (store, s) => this.pick(store, s),
    };
  }

  /** Makes the platform's schedules that came from the environment follow it (see followEnvironment). */
  async seedChannels(platform: Platform, channelIds: readonly string[]): Promise<void> {
    const t = { ...this.options.defaults, weekdaysOnly: false };
    const poster = this.options.posters[platform];
    return followEnvironment(this.store, this.log, platform, channelIds, t, this.now().getTime(), poster);
  }

  /** Schedules whose platform is connected. */
  async activeSchedules(): Promise<ScheduleRow[]> {
    return (await this.store.enabledSchedules()).filter((s) => this.options.posters[s.platform]);
  }

  /** Catches up at once, then checks every minute. */
  start(): void {
    void this.tick();
    this.heartbeat = new Cron("* * * * *", { protect: true }, () => this.tick());
  }

  /** Stops checking, begins no more channels, and waits for the posts in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.heartbeat?.stop();
    await Promise.all(this.lanes.values());
  }

  /**
   * Deals with every due slot of every active schedule; one channel's failure never stops another. A
   * platform still busy with an earlier check is left to it: its due slots are found on the next tick.
   */
  async tick(): Promise<void> {
    await recordLate(this.store, this.log, this.unrecorded);
    let schedules: ScheduleRow[];
    try {
      schedules = await this.activeSchedules();
    } catch (error) {
      // never rejects: a database that cannot be read now is logged, and the next tick tries again
      this.log.error({ err: (error as Error).message }, "tip check failed");
      return;
    }
    const byPlatform = new Map<Platform, ScheduleRow[]>();
    for (const s of schedules) byPlatform.set(s.platform, [...(byPlatform.get(s.platform) ?? []), s]);
    const started: Promise<void>[] = [];
    for (const [platform, rows] of byPlatform) {
      if (this.stopping || this.lanes.has(platform)) continue;
      const lane = this.checkChannels(rows).finally(() => this.lanes.delete(platform));
      this.lanes.set(platform, lane);
      started.push(lane);
    }
    await Promise.all(started);
  }

  /** One platform's channels, CHANNELS_AT_ONCE at a time. */
  private async checkChannels(rows: readonly ScheduleRow[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      for (let s = rows[next++]; s && !this.stopping; s = rows[next++]) {
        try {
          await this.runChannel(s);
        } catch (error) {
          this.log.error(
            { platform: s.platform, channel: s.channelId, err: (error as Error).message },
            "tip check failed",
          );
        }
        // SQLite answers on this thread, so a check never waited: thousands of channels held every
        // request (Slack's 3 s, /healthz) for seconds each minute. Requests are served between channels.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHANNELS_AT_ONCE, rows.length) }, worker));
  }

  private async runChannel(s: ScheduleRow): Promise<void> {
    const now = this.now();
    const nowMs = now.getTime();
    const from = new Date(Math.max(s.enabledAt, nowMs - LOOKBACK_MS));
    const slots = slotsBetween(s, from, now);
    const latest = slots.at(-1);
    let latestKey: string | undefined;
    for (const dueAt of slots) {
      const { key: day, kept: existing } = await slotKey(this.store, s, dueAt.getTime());
      if (dueAt === latest) latestKey = day;
      const late = nowMs - dueAt.getTime() > this.options.graceMs;
      // a day that had its tip under the zone the channel had then was not missed (see tippedOn)
      if (!existing && (late || dueAt !== latest) && !(await tippedOn(this.store, s, day, dueAt.getTime()))) {
        const recorded = await this.store.insertSlot({
          platform: s.platform,
          channelId: s.channelId,
          day,
          dueAt: dueAt.getTime(),
          status: "skipped",
          attempts: 0,
          error: "fell due while the bot was down, outside the grace window",
        });
        if (recorded) {
          this.log.warn(
            { platform: s.platform, channel: s.channelId, day, dueAt: dueAt.toISOString() },
            "daily tip skipped: it fell due too long ago",
          );
        }
      }
    }
    // The latest slot if it is new, and any slot waiting for a retry or left claimed by a crash.
    const candidates = new Map<string, number>();
    if (latest && latestKey !== undefined && nowMs - latest.getTime() <= this.options.graceMs) {
      candidates.set(latestKey, latest.getTime());
    }
    for (const open of await this.store.openSlots(s.platform, s.channelId))
      candidates.set(open.day, open.dueAt);
    for (const [day, dueAt] of candidates) await this.runSlot(s, day, dueAt);
  }

  private async runSlot(s: ScheduleRow, day: string, dueAt: number): Promise<void> {
    const key = { platform: s.platform, channelId: s.channelId, day };
    const ids = { platform: s.platform, channel: s.channelId, day };
    const token = randomUUID();
    if (this.stopping) return;
    const claim = await this.store.claim(s.platform, s.channelId, (tx) =>
      claimSlot(tx, s, day, dueAt, token, this.claiming),
    );
    if (!claim) return;

    const poster = this.options.posters[s.platform];
    let tip = claim.tipId ? this.byId.get(claim.tipId) : undefined;
    if (!tip) {
      // the tip was removed from the knowledge base since the claim: give the next one instead
      const pick = await this.pick(this.store, s);
      tip = pick ? this.byId.get(pick.tipId) : undefined;
      if (tip) await this.store.updateSlot(key, ["claimed"], { tipId: tip.id, cycle: pick?.cycle }, token);
    }
    // stopping now: nothing is sent, and the claim left behind is taken again after its lease
    if (!poster || !tip || this.stopping) return;
    if (!(await this.store.updateSlot(key, ["claimed"], { status: "sending" }, token))) return;
    // turned off since the claim (tips off, on another replica): read again at the last moment before
    // the post, which is as close as a call to the platform lets it be
    if (!(await this.store.schedule(s.platform, s.channelId))?.enabled) {
      await this.store.updateSlot(key, ["sending"], { status: "skipped", error: "turned off" }, token);
      return;
    }
    let messageId: string | undefined;
    try {
      ({ messageId } = await poster.post(s.channelId, tip));
    } catch (error) {
      // Cut off by shutdown (its platform's client closed): the post may have reached the platform, so
      // it is not a failed attempt to retry. Left "sending", the next start finds it uncertain.
      if (this.stopping) {
        this.log.warn(
          { ...ids, tip: tip.id },
          "a tip post was cut off by shutdown; the next start decides about it",
        );
        return;
      }
      const failure = PostFailure.of(error);
      const policy = { maxAttempts: this.maxAttempts, retryBaseMs: this.retryBaseMs };
      const at = this.now().getTime();
      await recordFailure(
        this.store,
        this.log,
        { key, ids, token, attempts: claim.attempts + 1, at },
        failure,
        policy,
      );
      return;
    }
    // Recorded apart from the post: a database error now (a locked file) must never read as a failed
    // post, which would be sent again. Unrecorded, the slot stays "sending" and is never sent twice;
    // the record is tried again on each tick.
    const posted: Unrecorded = {
      key,
      token,
      tipId: tip.id,
      messageId: messageId ?? "",
      postedAt: this.now().getTime(),
    };
    try {
      const recorded = await markPosted(this.store, posted);
      const fields = { ...ids, tip: tip.id, message: messageId };
      if (recorded) this.log.info(fields, "daily tip posted");
      else
        this.log.warn(fields, "daily tip posted; its slot was no longer this claim's, so it is not recorded");
    } catch (error) {
      this.unrecorded.set(`${s.platform}\u0000${s.channelId}\u0000${day}`, posted);
      this.log.error(
        { ...ids, tip: tip.id, message: messageId, err: (error as Error).message },
        "daily tip posted, but not recorded; it is not sent again, and recording it is tried again each minute",
      );
    }
  }

  private async pick(
    store: TipStorage,
    s: ScheduleRow,
  ): Promise<{ tipId: string; cycle: number } | undefined> {
    const r = await store.rotation(s.platform, s.channelId);
    return nextTip(r.key, r.cycle, [...this.byId.keys()], r.used, r.last);
  }
}

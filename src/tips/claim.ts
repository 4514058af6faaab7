/**
 * The claim of a slot (see TipScheduler): made fresh with the channel's next tip, taken again when a
 * retry is due or a crashed claim's lease ran out, or given up as failed or uncertain.
 */
import type { Logger } from "../log.js";
import type { Platform } from "../ports.js";
import type { ScheduleRow, SlotRow, TipStorage } from "../store/storage.js";
import { localDay } from "./schedule.js";

/** What a claim needs of the scheduler: its clock, its windows, its log and its choice of tip. */
export interface ClaimContext {
  readonly now: () => Date;
  /** A slot still waiting after this long is given up as failed. */
  readonly graceMs: number;
  /** A claim older than this belongs to a process that stopped. */
  readonly leaseMs: number;
  readonly log: Logger;
  /** The channel's next tip by its rotation, or undefined when there is none. */
  readonly pick: (store: TipStorage, s: ScheduleRow) => Promise<{ tipId: string; cycle: number } | undefined>;
}

/**
 * Whether a tip of the channel, kept under the day of the zone it had then, fell on the local day of
 * `dueAt` in the zone it has now (`key` is the slot's own key, see slotKey). A channel gets one tip a day
 * in its zone: moved east across the date (21:46 UTC on Sunday is Monday in Auckland), a day got a
 * second tip minutes after the first, and was then recorded as missed.
 */
export async function tippedOn(
  store: TipStorage,
  s: { readonly platform: Platform; readonly channelId: string; readonly timeZone: string },
  key: string,
  dueAt: number,
): Promise<boolean> {
  const day = localDay(new Date(dueAt), s.timeZone);
  const near = await store.slotsDueSince(s.platform, s.channelId, dueAt - TWO_DAYS_MS);
  return near.some(
    (r) =>
      r.day !== key &&
      r.status !== "skipped" &&
      r.status !== "failed" &&
      localDay(new Date(r.dueAt), s.timeZone) === day,
  );
}

/**
 * The key of the channel's slot due at `dueAt`, and the slot kept under it: its local day in the zone the channel has now, unless a
 * slot kept under that day fell on another day in this zone (kept under the day of a zone it had then),
 * when that day marked with the zone. Moved west across the date, a channel's next day was the day a
 * tip in the old zone had been kept under, and went without: in London, Monday's key was taken by the
 * tip Auckland's Monday had (Sunday evening in London).
 */
export async function slotKey(
  store: TipStorage,
  s: { readonly platform: Platform; readonly channelId: string; readonly timeZone: string },
  dueAt: number,
): Promise<{ readonly key: string; readonly kept: SlotRow | undefined }> {
  const day = localDay(new Date(dueAt), s.timeZone);
  const kept = await store.slot(s.platform, s.channelId, day);
  if (!kept || localDay(new Date(kept.dueAt), s.timeZone) === day) return { key: day, kept };
  const key = `${day}@${s.timeZone}`;
  return { key, kept: await store.slot(s.platform, s.channelId, key) };
}

/** Further apart than any two zones' dates: a day's slot, and a tip of another zone on that day. */
const TWO_DAYS_MS = 2 * 86_400_000;

/**
 * Within the channel's claim: the slot kept under `day` (its key, see slotKey) as this scheduler now
 * holds it, or undefined when it is not this scheduler's to post (done, held by another, waiting for a
 * retry, failed or uncertain).
 */
export async function claimSlot(
  tx: TipStorage,
  s: ScheduleRow,
  day: string,
  dueAt: number,
  token: string,
  ctx: ClaimContext,
): Promise<SlotRow | undefined> {
  const key = { platform: s.platform, channelId: s.channelId, day };
  const ids = { platform: s.platform, channel: s.channelId, day };
  const nowMs = ctx.now().getTime();
  // turned off since this run read the schedules (tips off, on this replica or another): not claimed
  // (read again just before the post, since the claim's hold ends before it)
  if (!(await tx.schedule(s.platform, s.channelId))?.enabled) return undefined;
  const row = await tx.slot(s.platform, s.channelId, day);
  if (!row) {
    if (await tippedOn(tx, s, day, dueAt)) return undefined;
    const pick = await ctx.pick(tx, s);
    if (!pick) return undefined;
    const fresh: SlotRow = {
      ...key,
      dueAt,
      tipId: pick.tipId,
      cycle: pick.cycle,
      status: "claimed",
      claimToken: token,
      claimedAt: nowMs,
      attempts: 0,
    };
    if (!(await tx.insertSlot(fresh))) return undefined;
    if (pick.cycle !== (await tx.cycle(s.platform, s.channelId)))
      await tx.setCycle(s.platform, s.channelId, pick.cycle);
    return fresh;
  }
  if (nowMs - row.dueAt > ctx.graceMs && (row.status === "retry" || row.status === "claimed")) {
    await tx.updateSlot(key, [row.status], {
      status: "failed",
      error: row.error ?? "gave up: outside the grace window",
    });
    await tx.setFailing(s.platform, s.channelId, nowMs, row.error ?? "the post kept failing");
    ctx.log.error(ids, "daily tip failed: no success within the grace window");
    return undefined;
  }
  const stale = row.claimedAt !== undefined && nowMs - row.claimedAt > ctx.leaseMs;
  if (row.status === "sending" && stale) {
    await tx.updateSlot(key, ["sending"], {
      status: "uncertain",
      error: "the bot stopped while posting; the tip may or may not have been posted",
    });
    ctx.log.warn(ids, "daily tip uncertain: the bot stopped mid-post, so it is not sent again");
    return undefined;
  }
  const ready =
    (row.status === "retry" && (row.nextAttemptAt ?? 0) <= nowMs) || (row.status === "claimed" && stale);
  if (!ready) return undefined;
  const changes = { status: "claimed" as const, claimToken: token, claimedAt: nowMs };
  return (await tx.updateSlot(key, [row.status], changes, row.claimToken))
    ? { ...row, ...changes }
    : undefined;
}

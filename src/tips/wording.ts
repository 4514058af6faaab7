import type { TipTime } from "./schedule.js";

// How the tips commands word a schedule and its times (see channels.ts).

/** When a retry due at `ms` is tried: on the scheduler's tick, at the start of a minute. */
const onTick = (ms: number) => new Date(Math.ceil(ms / 60_000) * 60_000);

/**
 * When a slot waiting for a retry will be tried: on the tick after its time (or after now, where the
 * bot was stopped past it), or undefined where that is past the grace window and it will be given up.
 */
export function retryTime(
  slot: { readonly dueAt: number; readonly nextAttemptAt?: number },
  nowMs: number,
  graceMs: number | undefined,
): Date | undefined {
  if (slot.nextAttemptAt === undefined) return undefined;
  const at = onTick(Math.max(slot.nextAttemptAt, nowMs));
  return graceMs !== undefined && at.getTime() - slot.dueAt > graceMs ? undefined : at;
}

/** A schedule as the replies say it: "every day at 09:00 (UTC)". */
export function describe(t: TipTime): string {
  return `every ${t.weekdaysOnly ? "weekday" : "day"} at ${t.time} (${t.timeZone})`;
}

/** A clause ending in a full stop, as one sentence of a status. */
export function clause(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Whether two settings post at the same time of day, in the same zone, on the same days. */
export function sameTime(a: TipTime, b: TipTime): boolean {
  return a.time === b.time && a.timeZone === b.timeZone && !!a.weekdaysOnly === !!b.weekdaysOnly;
}

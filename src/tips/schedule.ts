import { Cron } from "croner";

export { parseTime, parseTimeZone } from "./time.js";

/** When a channel gets its tip: a time of day in an IANA time zone, optionally weekdays only. */
export interface TipTime {
  readonly time: string;
  readonly timeZone: string;
  readonly weekdaysOnly: boolean;
}

function cronFor(t: TipTime): Cron {
  const [h, m] = t.time.split(":").map(Number);
  // croner resolves the clock-change days: a time that does not exist that day (spring forward)
  // runs at the next valid instant, and a time that happens twice (fall back) runs once.
  return new Cron(`${m} ${h} * * ${t.weekdaysOnly ? "1-5" : "*"}`, { timezone: t.timeZone, paused: true });
}

/** The due instants of a schedule in (from, to], oldest first. */
export function slotsBetween(t: TipTime, from: Date, to: Date): Date[] {
  const cron = cronFor(t);
  const out: Date[] = [];
  let cursor: Date | null = from;
  while (out.length < 1000) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor > to) break;
    out.push(cursor);
  }
  return out;
}

/** The next due instant strictly after `after`. */
export function nextSlot(t: TipTime, after: Date): Date | undefined {
  return cronFor(t).nextRun(after) ?? undefined;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD: the key of a day's slot. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** "Thu 26 Nov 2026, 09:00 GMT" in the schedule's own time zone. */
export function formatLocal(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZoneName: "short",
  }).format(at);
}

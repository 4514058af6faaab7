// Times of day and time zones as people type them; no scheduling library needed, so the settings can
// be checked without loading one.

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
/** A time on the 12-hour clock: "8am", "8:30pm", "12.15 a.m.". */
const TWELVE_HOUR = /^(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?m\.?$/i;

/** "9:05" -> "09:05", "08.30" -> "08:30", "8:30pm" -> "20:30"; undefined when it is not a time of day. */
export function parseTime(text: string): string | undefined {
  const typed = text.trim();
  const twelve = TWELVE_HOUR.exec(typed);
  if (twelve) {
    const hour = (Number(twelve[1]) % 12) + (twelve[3]?.toLowerCase() === "p" ? 12 : 0);
    return `${String(hour).padStart(2, "0")}:${twelve[2] ?? "00"}`;
  }
  const m = TIME.exec(typed);
  return m ? `${m[1]?.padStart(2, "0")}:${m[2]}` : undefined;
}

/**
 * Zone abbreviations people type for a region that changes its clocks, read as the region's zone: IANA
 * reads "EST" as a fixed UTC-5, so a US clinician's tip would come an hour late all summer. The reply
 * names the zone it took ("at 09:00 (America/New_York)"). Not those a region that keeps one clock
 * says all year: MST (Arizona), AEST (Queensland), ACST (the Northern Territory).
 */
const REGION_ZONES: Readonly<Record<string, string>> = {
  est: "America/New_York",
  edt: "America/New_York",
  et: "America/New_York",
  cst: "America/Chicago",
  cdt: "America/Chicago",
  ct: "America/Chicago",
  mdt: "America/Denver",
  mt: "America/Denver",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  pt: "America/Los_Angeles",
  bst: "Europe/London",
  aedt: "Australia/Sydney",
  acdt: "Australia/Adelaide",
  awst: "Australia/Perth",
  nzst: "Pacific/Auckland",
  nzdt: "Pacific/Auckland",
};

/** The canonical spelling of an IANA time zone, or undefined when there is no such zone. */
export function parseTimeZone(text: string): string | undefined {
  const typed = text.trim();
  if (!typed) return undefined;
  const zone = REGION_ZONES[typed.toLowerCase()] ?? typed;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

// Times of day and time zones as people type them; no scheduling library needed, so the settings can
// be checked without loading one.

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
/** A time on the 12-hour clock: "8am", "8:30pm", "12.15 a.m.". */
const TWELVE_HOUR = /^(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?m\.?$/i;

/**
 * "9:05" -> "09:05", "08.30" -> "08:30", "8:30pm" -> "20:30", "0830" -> "08:30", "noon" -> "12:00";
 * undefined when it is not a time of day.
 */
export function parseTime(text: string): string | undefined {
  const typed = text.trim();
  if (/^(noon|midday)$/i.test(typed)) return "12:00";
  if (/^midnight$/i.test(typed)) return "00:00";
  // "0830", as rotas and the 24-hour clock write it
  const joined = /^([01]\d|2[0-3])([0-5]\d)$/.exec(typed);
  if (joined) return `${joined[1]}:${joined[2]}`;
  const twelve = TWELVE_HOUR.exec(typed);
  if (twelve) {
    const hour = (Number(twelve[1]) % 12) + (twelve[3]?.toLowerCase() === "p" ? 12 : 0);
    return `${String(hour).padStart(2, "0")}:${twelve[2] ?? "00"}`;
  }
  const m = TIME.exec(typed);
  return m ? `${m[1]?.padStart(2, "0")}:${m[2]}` : undefined;
}

/**
 * Zone abbreviations people type, read as one region's zone. For a region that changes its clocks:
 * IANA reads "EST" as a fixed UTC-5, so a US clinician's tip would come an hour late all summer. MST is
 * Arizona's, said all year where the clock never changes. The reply names the zone it took ("at 09:00
 * (America/New_York)"). Not those two regions share with different clocks: AEST (Queensland all year,
 * New South Wales in winter), ACST, AST (Atlantic Canada, Arabia), IST (India, Ireland, Israel).
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
  akst: "America/Anchorage",
  akdt: "America/Anchorage",
  adt: "America/Halifax",
  nst: "America/St_Johns",
  ndt: "America/St_Johns",
  hst: "Pacific/Honolulu",
  mst: "America/Phoenix",
  jst: "Asia/Tokyo",
};

/** Zones IANA names without a region, each meaning one thing: UTC, and the EU's zones by their rules. */
const UNIVERSAL = new Set(["utc", "gmt", "cet", "eet", "wet"]);

/**
 * An IANA time zone as it is to be stored and shown, or undefined when there is no such zone or the
 * name says too little. A zone named by its region ("Europe/Kyiv", "Asia/Kolkata") keeps the spelling
 * typed: Node's ICU names them by older spellings ("Europe/Kiev", "Asia/Calcutta"), which people read
 * as wrong. An abbreviation is read only from REGION_ZONES (and UNIVERSAL): Node also takes old
 * three-letter names several zones share, and read "AST" (Atlantic Canada's) as Alaska, "IST" as
 * India (not Ireland or Israel) and "NST" (Newfoundland's) as New Zealand.
 */
export function parseTimeZone(text: string): string | undefined {
  const typed = text.trim();
  if (!typed) return undefined;
  const lower = typed.toLowerCase();
  const zone = REGION_ZONES[lower] ?? typed;
  if (zone === typed && !typed.includes("/") && !UNIVERSAL.has(lower)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  // typed in its own case, and not merely another case of the name Node gives
  return zone === typed && typed.includes("/") && resolved.toLowerCase() !== lower && /^[A-Z]/.test(typed)
    ? typed
    : resolved;
}

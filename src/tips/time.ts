// Times of day and time zones as people type them; no scheduling library needed, so the settings can
// be checked without loading one.

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
/** A time on the 12-hour clock: "8am", "8:30pm", "12.15 a.m.". */
const TWELVE_HOUR = /^(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?m\.?$/i;

/**
 * "9:05" -> "09:05", "08.30" -> "08:30", "8:30pm" -> "20:30", "0830" -> "08:30", "9" -> "09:00",
 * "noon" -> "12:00"; undefined when it is not a time of day.
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
  if (m) return `${m[1]?.padStart(2, "0")}:${m[2]}`;
  // an hour alone, on the 24-hour clock as "0830" is: "9" is 09:00, "17" is 17:00
  const hour = /^([01]?\d|2[0-3])$/.exec(typed);
  return hour ? `${hour[1]?.padStart(2, "0")}:00` : undefined;
}

/**
 * Abbreviations several zones share, refused (see parseTimeZone) with the zones each may mean, so that
 * the refusal says what to type instead.
 */
const SHARED: Readonly<Record<string, string>> = {
  ist: "India, Ireland or Israel: Asia/Kolkata, Europe/Dublin or Asia/Jerusalem",
  ast: "Atlantic Canada or Arabia: America/Halifax or Asia/Riyadh",
  aest: "Queensland or New South Wales: Australia/Brisbane or Australia/Sydney",
  acst: "the Northern Territory or South Australia: Australia/Darwin or Australia/Adelaide",
  sst: "Samoa or Singapore: Pacific/Pago_Pago or Asia/Singapore",
  // towns of the UK and Ireland whose names a zone's city shares (see cityZone)
  perth: "Scotland or Western Australia: Europe/London or Australia/Perth",
  halifax: "England or Nova Scotia: Europe/London or America/Halifax",
  chatham: "England or the Chatham Islands: Europe/London or Pacific/Chatham",
  stanley: "County Durham or the Falklands: Europe/London or Atlantic/Stanley",
};

/** For an abbreviation several zones share, the zones it may mean, as a reply names them. */
export function sharedAbbreviation(text: string): string | undefined {
  return SHARED[text.trim().toLowerCase()];
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
  cest: "Europe/Paris",
  eest: "Europe/Athens",
  west: "Europe/Lisbon",
};

/**
 * Short names without a region that IANA gives one zone each, people may type, and Node reads rightly:
 * a name of two to four letters outside REGION_ZONES and these is refused (see parseTimeZone).
 */
const UNAMBIGUOUS = new Set([
  "utc",
  "gmt",
  "uct",
  "zulu",
  "cet",
  "eet",
  "wet",
  "met",
  "cat",
  "eat",
  "gb",
  "nz",
  "eire",
  "prc",
  "roc",
  "rok",
]);

/**
 * Current IANA names that Node's ICU still gives by an older spelling (Europe/Kyiv as Europe/Kiev):
 * typed so, they are kept so, in their proper case, since people read the older spelling as wrong.
 */
const RENAMED = new Map(
  [
    "Europe/Kyiv",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Ho_Chi_Minh",
    "Asia/Yangon",
    "America/Nuuk",
    "Pacific/Kanton",
    "Atlantic/Faroe",
    "Pacific/Chuuk",
    "Pacific/Pohnpei",
    "America/Argentina/Buenos_Aires",
    "America/Indiana/Indianapolis",
    "America/Kentucky/Louisville",
  ].map((zone) => [zone.toLowerCase(), zone]),
);

/**
 * An IANA time zone as it is to be stored and shown, or undefined when there is no such zone or the
 * name says too little. A name of two to four letters is read only from REGION_ZONES and UNAMBIGUOUS:
 * Node also takes old three-letter names several zones share, and read "AST" (Atlantic Canada's) as
 * Alaska, "IST" as India (not Ireland or Israel) and "SST" as the Solomon Islands. Longer names
 * ("Singapore", "US/Eastern") and offsets ("+05:30") are Node's to read, as before; a current name
 * Node spells the older way keeps its own spelling (RENAMED).
 */
export function parseTimeZone(text: string): string | undefined {
  const typed = offsetOf(text.trim());
  if (!typed) return undefined;
  const lower = typed.toLowerCase();
  const zone = REGION_ZONES[lower] ?? typed;
  if (zone === typed && /^[a-z]{2,4}$/i.test(typed) && !UNAMBIGUOUS.has(lower)) return cityZone(lower);
  const resolved = nodeZone(zone);
  if (resolved === undefined) return cityZone(lower);
  if (!usedOffset(resolved)) return undefined;
  return RENAMED.get(lower) ?? resolved;
}

let cities: Map<string, string> | undefined;
/**
 * The zone a city names, as the second part of a zone's "Region/City" name ("London", "sydney",
 * "New_York", "Rome"): people type the city an IANA name ends with (exploratory test: "tips on 9
 * London"). Not Antarctica's stations ("Casey", "Davis"), nor the US counties of three-part names
 * ("Knox", "Center"), nor a town that shares its name with one (SHARED: "Perth" is refused, naming both).
 */
function cityZone(city: string): string | undefined {
  cities ??= new Map(
    [...Intl.supportedValuesOf("timeZone"), ...RENAMED.values()]
      .map((z) => z.split("/"))
      .filter(([region, place, county]) => place && !county && region !== "Antarctica")
      .map(([region, place]) => [(place ?? "").toLowerCase(), `${region}/${place}`]),
  );
  const typed = city.replace(/\s+/g, "_");
  return SHARED[typed] ? undefined : cities.get(typed);
}

/**
 * False for an offset no place keeps: Node takes any up to ±23:59 ("+14:59", "-23:59"), but clocks run
 * from UTC-12:00 to UTC+14:00, in whole, half or three-quarter hours. True for any zone's name.
 */
function usedOffset(zone: string): boolean {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m) return true;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return ["00", "30", "45"].includes(m[3] ?? "") && minutes <= (m[1] === "+" ? 14 * 60 : 12 * 60);
}

/**
 * An offset typed from UTC or GMT ("UTC+2", "GMT-3:30", "utc +05:30") as Node reads one ("+02:00"),
 * or the text as it was: Node takes "+02:00" but not "UTC+2", which people type. A fixed offset has no
 * clock changes; the reply names it as such.
 */
function offsetOf(typed: string): string {
  const m = /^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(typed);
  if (!m) return typed;
  const [, sign = "+", hours = "0", minutes = "00"] = m;
  return Number(hours) > 14 ? typed : `${sign}${hours.padStart(2, "0")}:${minutes}`;
}

/** Node's own name for a zone, or undefined when Node knows no such zone. */
function nodeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** True when two stored zones are one zone, however spelt ("Asia/Kolkata" and "Asia/Calcutta"). */
export function sameZone(a: string, b: string): boolean {
  if (a === b) return true;
  const zone = nodeZone(a);
  return zone !== undefined && zone === nodeZone(b);
}

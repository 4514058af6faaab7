// Times of day and time zones as people type them; no scheduling library needed, so the settings can
// be checked without loading one.

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "9:05" -> "09:05"; undefined when it is not a time of day. */
export function parseTime(text: string): string | undefined {
  const m = TIME.exec(text.trim());
  return m ? `${m[1]?.padStart(2, "0")}:${m[2]}` : undefined;
}

/** The canonical spelling of an IANA time zone, or undefined when there is no such zone. */
export function parseTimeZone(text: string): string | undefined {
  const zone = text.trim();
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

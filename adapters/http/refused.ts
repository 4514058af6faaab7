import type { Logger } from "../../src/index.js";

/** The window over which refusals of one kind are counted. */
export const REFUSED_WINDOW_MS = 10_000;
/** The most lines of one kind of refusal logged in a window; past it, they are only counted. */
export const REFUSED_LINES = 20;

/** Per logger, each kind of refusal's window: when it began, lines logged, refusals not logged. */
const seen = new WeakMap<Logger, Map<string, { from: number; lines: number; more: number }>>();

/**
 * Logs a refused request (a bad signature or token, a malformed or too large body), at most
 * REFUSED_LINES lines of a kind every REFUSED_WINDOW_MS; the first line after says how many more were
 * refused unlogged. A line for each let anyone who reaches the port write 400 KB of log a second
 * (security review); a platform's own requests are never refused in such numbers.
 */
export function logRefused(log: Logger, fields: object, message: string, now = Date.now()): void {
  let kinds = seen.get(log);
  if (!kinds) {
    kinds = new Map();
    seen.set(log, kinds);
  }
  let window = kinds.get(message);
  let more = 0;
  if (!window || now - window.from >= REFUSED_WINDOW_MS) {
    more = window?.more ?? 0;
    window = { from: now, lines: 0, more: 0 };
    kinds.set(message, window);
  }
  if (window.lines >= REFUSED_LINES) {
    window.more++;
    return;
  }
  window.lines++;
  log.warn({ ...fields, ...(more ? { alsoRefused: more } : {}) }, message);
}

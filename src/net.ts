/** Error codes that mean the other end could not be reached at all (not that it refused us). */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/**
 * The network reason an error carries somewhere in its chain (`cause`, or `original` as the Slack
 * client wraps it), such as ECONNREFUSED; undefined when it is not a network failure.
 */
export function unreachableCause(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const e = error as { code?: unknown; cause?: unknown; original?: unknown; errors?: unknown };
  if (typeof e.code === "string" && UNREACHABLE.has(e.code)) return e.code;
  const nested = Array.isArray(e.errors) ? e.errors : [];
  for (const inner of [e.cause, e.original, ...nested]) {
    const found = unreachableCause(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether a call that failed may have done its work all the same: it ran out of time (a TimeoutError,
 * or an abort, anywhere in its chain) after the request had gone, so the other end may have posted; or
 * Discord says the interaction was answered already (40060: discord.js sent again a reply that timed
 * out, and the first had arrived).
 */
export function mayHaveGoneThrough(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; cause?: unknown; original?: unknown };
  if (e.name === "TimeoutError" || e.name === "AbortError" || e.code === DISCORD_ALREADY_ANSWERED)
    return true;
  return [e.cause, e.original].some((inner) => mayHaveGoneThrough(inner, depth + 1));
}

/** Discord's error code for an interaction answered already ("Interaction has already been acknowledged"). */
const DISCORD_ALREADY_ANSWERED = 40060;

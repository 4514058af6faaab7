import { redactSecrets, unreachableCause } from "../../src/index.js";

/** A failed call to the Bot Connector or to Microsoft Graph, as the log and the tip scheduler read it. */
export interface TeamsFailure {
  /** "http_429", "http_403", "timeout", "unreachable:ECONNREFUSED", ... */
  readonly code: string;
  /** Seconds the service asked us to wait, for rate limits. */
  readonly retryAfter?: number;
}

/** An error as the SDK's HTTP client (axios) or Graph client throws it. */
interface HttpError {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly statusCode?: unknown;
  readonly cause?: unknown;
  readonly response?: { readonly status?: unknown; readonly headers?: Record<string, unknown> };
}

/** Reads an error from a call to Teams into a short code, and the wait a 429 asked for. */
export function describeTeamsError(error: unknown): TeamsFailure {
  const e = (error ?? {}) as HttpError;
  const status = typeof e.response?.status === "number" ? e.response.status : e.statusCode;
  if (typeof status === "number") {
    const retryAfter = Number.parseInt(String(e.response?.headers?.["retry-after"] ?? ""), 10);
    return {
      code: `http_${status}`,
      ...(status === 429
        ? { retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 30 }
        : {}),
    };
  }
  const cause = unreachableCause(error);
  if (cause) return { code: `unreachable:${cause}` };
  if (timedOut(error)) return { code: "timeout" };
  const code = typeof e.code === "string" ? e.code : typeof e.name === "string" ? e.name : "unknown_error";
  return { code };
}

/** What the operator reads when the Teams adapter cannot start. */
export function describeStartFailure(error: unknown): { code: string; message: string } {
  const { code } = describeTeamsError(error);
  const text = error instanceof Error ? error.message : String(error);
  return { code, message: `Could not start the Teams bot (${code}): ${redactSecrets(text)}` };
}

/** A time limit ran out somewhere in the error's chain (ours aborts with a TimeoutError). */
function timedOut(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as HttpError;
  if (e.name === "TimeoutError" || e.code === "ECONNABORTED" || e.code === "ETIMEDOUT") return true;
  return timedOut(e.cause, depth + 1);
}

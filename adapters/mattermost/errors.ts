import { redactSecrets, unreachableCause } from "../../src/index.js";
import { MattermostApiError } from "./rest.js";

/** What a person reads when their request failed on our side. */
export const REQUEST_FAILED = "Something went wrong on my side. Please try again in a moment.";

/** What we tell a person, and what the log gets, when a call to Mattermost fails. */
export interface MattermostFailure {
  /** Mattermost's error id, "http_<status>", or the client's ("timeout", "unreachable:ECONNREFUSED"). */
  readonly code: string;
  /** Seconds Mattermost asked us to wait, for rate limits. */
  readonly retryAfter?: number;
  /** A sentence for the user. */
  readonly message: string;
  /** Trying again will not help until someone changes something (adds the bot to the channel). */
  readonly permanent?: boolean;
}

/** Said where trying again is safe. */
export const AGAIN = "Please try again in a moment.";
/**
 * After a time-out: the post may have gone out all the same, and it is not sent again (see Outbound),
 * so "try again" would post it twice (a share posted three times, then the sharer asked to try again).
 */
export const MAY_HAVE_GONE = "It may still have gone through: check before trying again.";

/** Reads an error from the REST client or fetch into a MattermostFailure. */
export function describeMattermostError(error: unknown): MattermostFailure {
  const cause = unreachableCause(error);
  if (cause) return { code: `unreachable:${cause}`, message: `I can't reach Mattermost right now. ${AGAIN}` };
  if (error instanceof MattermostApiError) return describeRefusal(error);
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === "TimeoutError" || name === "AbortError")
    return { code: "timeout", message: `Mattermost took too long to answer. ${MAY_HAVE_GONE}` };
  if (name === "OutboundBusy") return { code: "busy", message: `I'm very busy just now. ${AGAIN}` };
  return { code: "unknown_error", message: `Something went wrong talking to Mattermost. ${AGAIN}` };
}

function describeRefusal(error: MattermostApiError): MattermostFailure {
  const code = error.id;
  switch (error.status) {
    case 429: {
      const wait = Math.max(1, Math.ceil(error.retryAfter ?? 30));
      return {
        code: "rate_limited",
        retryAfter: wait,
        message: `Mattermost is asking me to slow down. Please try again in ${wait} seconds.`,
      };
    }
    case 401:
      return {
        code,
        permanent: true,
        message:
          "Mattermost refused my bot account's token, so an admin needs to look at my setup (MATTERMOST_BOT_TOKEN).",
      };
    case 403:
      return {
        code,
        permanent: true,
        message:
          "I'm not allowed to post in this channel. Add me to it first (type /invite and my @name here), then try again.",
      };
    case 404:
      return {
        code,
        permanent: true,
        message: "I can't find that channel. It may have been archived or be private to me.",
      };
    default:
      return { code, message: `Something went wrong talking to Mattermost. ${AGAIN}` };
  }
}

/** What the operator reads when the Mattermost adapter cannot start. */
export function describeStartFailure(error: unknown): { code: string; message: string } {
  const { code } = describeMattermostError(error);
  const text = error instanceof Error ? error.message : String(error);
  const cause = unreachableCause(error) ?? (/fetch failed/.test(text) ? "fetch failed" : undefined);
  if (cause)
    return { code, message: `Could not reach Mattermost (${cause}): check MATTERMOST_URL and the network.` };
  if (error instanceof MattermostApiError && error.status === 401)
    return { code, message: "Mattermost rejected the bot token: check MATTERMOST_BOT_TOKEN in .env." };
  // a server that took the connection and never answered: where to look, as for one that cannot be reached
  if (code === "timeout")
    return {
      code,
      message: "Mattermost did not answer in time: check MATTERMOST_URL and that the server is up.",
    };
  return { code, message: `Could not start the Mattermost bot (${code}): ${redactSecrets(text)}` };
}

import { webApi } from "@slack/bolt";
import { redactSecrets, unreachableCause } from "../../src/index.js";

const { ErrorCode } = webApi;

/** What a person reads when their request failed on our side before it was acknowledged. */
export const REQUEST_FAILED = "Something went wrong on my side. Please try again in a moment.";

/** What we tell a person, and what the log gets, when a Slack call fails. */
export interface SlackFailure {
  /** The Web API's error code ("channel_not_found", "rate_limited", ...) or the client's. */
  readonly code: string;
  /** Seconds Slack asked us to wait, for rate limits. */
  readonly retryAfter?: number;
  /** A sentence for the user, when there is somewhere to show one. */
  readonly message: string;
  /** Trying again will not help until someone changes something (invites the bot, reinstalls it). */
  readonly permanent?: boolean;
}

/** Reads an error thrown by Bolt's WebClient, respond() or fetch into a SlackFailure. */
export function describeSlackError(error: unknown): SlackFailure {
  const e = (error ?? {}) as {
    code?: unknown;
    data?: { error?: string };
    retryAfter?: number;
    name?: string;
  };
  const cause = unreachableCause(error);
  if (cause)
    return {
      code: `unreachable:${cause}`,
      message: "I can't reach Slack right now. Please try again in a moment.",
    };
  if (e.code === ErrorCode.RateLimitedError) {
    const wait = Math.max(1, Math.ceil(e.retryAfter ?? 30));
    return {
      code: "rate_limited",
      retryAfter: wait,
      message: `Slack is asking me to slow down. Please try again in ${wait} seconds.`,
    };
  }
  // a DOMException's code is a number; its name ("TimeoutError", "AbortError") says more
  const code =
    e.data?.error ?? (typeof e.code === "string" ? e.code : undefined) ?? e.name ?? "unknown_error";
  switch (code) {
    case "channel_not_found":
      return {
        code,
        permanent: true,
        message:
          "I can't find this channel: it is private and I'm not in it, or it is gone. Invite me with `/invite @socialmedia-guidance`.",
      };
    case "not_in_channel":
      return {
        code,
        permanent: true,
        message: "I'm not a member of this channel. Invite me with `/invite @socialmedia-guidance`.",
      };
    case "is_archived":
      return { code, permanent: true, message: "This channel is archived, so I can't post in it." };
    case "restricted_action":
    case "missing_scope":
    case "ekm_access_denied":
      return {
        code,
        permanent: true,
        message: "Slack does not let me post in this channel: a workspace admin can allow it.",
      };
    case "invalid_auth":
    case "not_authed":
    case "token_revoked":
    case "account_inactive":
      return {
        code,
        permanent: true,
        message: "Slack refused my token, so an admin needs to look at my installation.",
      };
    case ErrorCode.RequestError:
    case "TimeoutError":
    case "AbortError":
      return {
        code: "timeout",
        message: "Slack took too long to answer. It may still have gone through: check before trying again.",
      };
    default:
      return { code, message: "Something went wrong talking to Slack. Please try again in a moment." };
  }
}

/** What the operator reads when the Slack adapter cannot start. */
export function describeStartFailure(error: unknown): { code: string; message: string } {
  const { code } = describeSlackError(error);
  const text = (error as Error)?.message ?? String(error);
  const cause = unreachableCause(error) ?? (/fetch failed/.test(text) ? "fetch failed" : undefined);
  return {
    code,
    message: cause
      ? `Could not reach Slack (${cause}): check the network, or SLACK_API_URL if it is set.`
      : ["invalid_auth", "not_authed", "token_revoked", "account_inactive"].includes(code)
        ? `Slack rejected the bot token (${code}): check SLACK_BOT_TOKEN in .env.`
        : `Could not start the Slack bot (${code}): ${redactSecrets(text)}`,
  };
}

import type { webApi } from "@slack/bolt";
import { type Conversation, type Logger, TIPS_PERMISSION_UNCHECKED } from "../../../src/index.js";
import type { TypedNames } from "../command.js";
import { describeSlackError, type SlackFailure } from "../errors.js";

/** What every Slack listener needs: the conversation, and a way to log a failed Slack call. */
export interface SlackContext {
  readonly conversation: Conversation;
  readonly log: Logger;
  /**
   * A channel's id as the core keys it: as Slack gives it for one workspace, and "T123:C456" when the
   * app serves many, where a channel id is unique only together with its team.
   */
  readonly channelKey: (teamId: string | undefined, channelId: string) => string;
  /** The command's name as typed in each channel (by its channel key), for what the bot posts there. */
  readonly typedNames: TypedNames;
}

/** Logs a failed Slack call with its code, and returns what to tell the user. */
export function failed(
  ctx: SlackContext,
  what: string,
  error: unknown,
  ids: Record<string, string | undefined>,
): SlackFailure {
  const failure = describeSlackError(error);
  ctx.log.error({ ...ids, code: failure.code, retryAfter: failure.retryAfter }, `${what} failed`);
  return failure;
}

/** Who may turn a channel's daily tip on or off in Slack. */
export const SLACK_WHO_MAY_CHANGE = "workspace admins and owners, or whoever created this channel,";

/** Lookups refused for the channel itself, whose own sentence says what to do (invite the bot). */
const CHANNEL_CODES = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

/**
 * Undefined when a user may change a channel's daily tip (a workspace admin or owner, or the channel's
 * creator), else the sentence refusing. A lookup that fails (a missing scope, a network error) refuses,
 * saying that it could not check, and the log says why.
 */
export async function tipsPermission(
  client: webApi.WebClient,
  userId: string,
  channelId: string,
  log: Logger,
): Promise<string | undefined> {
  const refusal = `Only ${SLACK_WHO_MAY_CHANGE} can turn its daily tip on or off.`;
  try {
    const { user } = await client.users.info({ user: userId });
    if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return undefined;
    const { channel } = await client.conversations.info({ channel: channelId });
    return channel?.creator === userId ? undefined : refusal;
  } catch (error) {
    const failure = describeSlackError(error);
    log.warn({ user: userId, channel: channelId, code: failure.code }, "could not check who may manage tips");
    // a private channel the bot is not in will not answer however often asked: say how to fix it
    return CHANNEL_CODES.has(failure.code) ? failure.message : TIPS_PERMISSION_UNCHECKED;
  }
}

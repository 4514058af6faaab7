import { type Logger, TIPS_PERMISSION_UNCHECKED } from "../../src/index.js";
import { AGAIN, describeMattermostError } from "./errors.js";
import type { MattermostRest } from "./rest.js";

/** The codes of a Mattermost that is slow, unreachable or busy, rather than one that refused. */
const SLOW = /^(?:timeout|busy|unreachable:|rate_limited$)/;

/** Who may turn a channel's daily tip on or off in Mattermost. */
export const MATTERMOST_WHO_MAY_CHANGE = "channel admins and system admins";

const REFUSAL = `Only ${MATTERMOST_WHO_MAY_CHANGE} can turn this channel's daily tip on or off.`;

/**
 * Undefined when a user may change a channel's daily tip (a channel admin there, or a system admin),
 * else the sentence refusing. Asked of Mattermost at the time, so a role given or taken away counts at
 * once. A lookup that fails refuses, says so, and the log says why.
 */
export async function tipsPermission(
  rest: MattermostRest,
  userId: string,
  channelId: string,
  log: Logger,
): Promise<string | undefined> {
  try {
    if ((await rest.userRoles(userId)).includes("system_admin")) return undefined;
    return (await rest.channelRoles(channelId, userId)).includes("channel_admin") ? undefined : REFUSAL;
  } catch (error) {
    const failure = describeMattermostError(error);
    log.warn({ user: userId, channel: channelId, code: failure.code }, "could not check who may manage tips");
    // Mattermost slow, unreachable or busy: say that, not that the bot may lack a permission. A lookup
    // that timed out changed nothing, so it is worth trying again (a post that timed out may have gone)
    const message =
      failure.code === "timeout" ? `Mattermost took too long to answer. ${AGAIN}` : failure.message;
    return SLOW.test(failure.code)
      ? `I could not check who may change this channel's daily tip just now: ${message}`
      : TIPS_PERMISSION_UNCHECKED;
  }
}

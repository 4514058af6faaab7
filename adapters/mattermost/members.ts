import type { Logger } from "../../src/index.js";
import { describeMattermostError } from "./errors.js";
import type { MattermostRest } from "./rest.js";

/** How long a member found stays known, so that each vote does not ask Mattermost again. */
const KNOWN_MS = 10 * 60_000;
/** The most channel members remembered (the oldest are forgotten first). */
const MOST = 10_000;

/**
 * Who is a member of a channel, asked of Mattermost: a vote on a button the whole channel sees (sealed
 * for no user) names its voter only in the press, which anyone who reaches the bot's port can write.
 * Without the check, made-up user ids counted as voters without end, each once (security review).
 */
export class ChannelMembers {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly rest: MattermostRest,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `userId` is a member of `channelId`; false too when Mattermost could not say. */
  async has(channelId: string, userId: string): Promise<boolean> {
    const key = `${channelId}:${userId}`;
    const until = this.known.get(key);
    if (until !== undefined && until > this.now()) return true;
    try {
      await this.rest.channelRoles(channelId, userId);
    } catch (error) {
      const code = describeMattermostError(error).code;
      this.log.warn({ user: userId, channel: channelId, code }, "vote refused: not a channel member");
      return false;
    }
    this.known.delete(key);
    if (this.known.size >= MOST) this.known.delete(this.known.keys().next().value ?? "");
    this.known.set(key, this.now() + KNOWN_MS);
    return true;
  }
}

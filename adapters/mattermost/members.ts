import type { Logger } from "../../src/index.js";
import { describeMattermostError } from "./errors.js";
import { MattermostApiError, type MattermostRest } from "./rest.js";

/** How long an answer stays known, so that each vote does not ask Mattermost again. */
const KNOWN_MS = 10 * 60_000;
/** The most answers remembered (the oldest are forgotten first). */
const MOST = 10_000;
/** The most lookups a minute, all channels together: past it, a vote not yet known is refused. */
export const LOOKUPS_PER_MINUTE = 120;

/**
 * Who is a member of a channel, asked of Mattermost: a vote on a button the whole channel sees (sealed
 * for no user) names its voter only in the press, which anyone who reaches the bot's port can write.
 * Without the check, made-up user ids counted as voters without end, each once; without remembering
 * refusals and a cap on lookups, the same made-up ids made the bot ask Mattermost, with its own token,
 * once a press, until Mattermost slowed the bot's real posts (security reviews).
 */
export class ChannelMembers {
  /** Each channel member asked about: whether they are one, and until when that is known. */
  private readonly known = new Map<string, { readonly member: boolean; readonly until: number }>();
  /** When the lookups of the last minute were made. */
  private readonly lookups: number[] = [];

  constructor(
    private readonly rest: MattermostRest,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `userId` is a member of `channelId`; false too when Mattermost could not say, or was not asked. */
  async has(channelId: string, userId: string): Promise<boolean> {
    const key = `${channelId}:${userId}`;
    const now = this.now();
    const known = this.known.get(key);
    if (known && known.until > now) return known.member;
    while (this.lookups.length > 0 && (this.lookups[0] ?? 0) <= now - 60_000) this.lookups.shift();
    if (this.lookups.length >= LOOKUPS_PER_MINUTE) {
      if (this.lookups.length === LOOKUPS_PER_MINUTE)
        this.log.warn("votes refused: too many voters to check this minute");
      this.lookups.push(now);
      return false;
    }
    this.lookups.push(now);
    let member = true;
    try {
      await this.rest.channelRoles(channelId, userId);
    } catch (error) {
      const code = describeMattermostError(error).code;
      // Mattermost slow, busy or down says nothing of membership: this vote is refused, not the next
      const refused = error instanceof MattermostApiError && (error.status === 403 || error.status === 404);
      if (!refused) {
        this.log.warn(
          { user: userId, channel: channelId, code },
          "vote refused: could not check channel membership",
        );
        return false;
      }
      this.log.warn({ user: userId, channel: channelId, code }, "vote refused: not a channel member");
      member = false;
    }
    this.known.delete(key);
    if (this.known.size >= MOST) this.known.delete(this.known.keys().next().value ?? "");
    this.known.set(key, { member, until: now + KNOWN_MS });
    return member;
  }
}

import { z } from "zod";
import type { ChannelAddresses, Logger } from "../../src/index.js";
import type { ChannelAddress } from "./place.js";

/** How an address is kept: the adapter's own JSON, read back strictly. */
const STORED = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversationId: z.string().min(1).max(500),
  tenantId: z.string().min(1).max(100).optional(),
});

/**
 * The Teams channels' addresses, kept through the store (the ChannelAddresses port) so that a tip can
 * be posted from any replica after a restart. A store that fails is logged, never thrown at the user.
 *
 * Every install and mention writes the address, even one this process wrote before. A memory of what
 * was written cannot know that another replica has since forgotten it (the bot removed from the team
 * there), and would then keep the address out of the database for good. The write is one idempotent
 * upsert of a short row, cheap beside the reply the mention gets.
 */
export class AddressBook {
  constructor(
    private readonly store: ChannelAddresses,
    private readonly log: Logger,
  ) {}

  /** Keeps the channel's address, and its team so that the bot removed from the team forgets it. */
  async remember(channelId: string, address: ChannelAddress, teamId?: string): Promise<void> {
    try {
      await this.store.remember("teams", channelId, JSON.stringify(address), teamId);
      // written at every mention: not worth a line of its own at info
      this.log.debug({ channel: channelId }, "channel address remembered");
    } catch (error) {
      this.log.error(
        { channel: channelId, err: (error as Error).message },
        "could not keep the channel's address",
      );
    }
  }

  /** The channel's address; undefined when none is kept (or what is kept cannot be read: logged). */
  async lookup(channelId: string): Promise<ChannelAddress | undefined> {
    const json = await this.store.lookup("teams", channelId);
    if (json === undefined) return undefined;
    const parsed = STORED.safeParse(safeJson(json));
    if (parsed.success) return parsed.data;
    this.log.warn({ channel: channelId }, "the channel's kept address cannot be read");
    return undefined;
  }

  /** Drops the channel's address: the channel was deleted. */
  async forget(channelId: string): Promise<void> {
    try {
      await this.store.forget("teams", channelId);
      this.log.info({ channel: channelId }, "channel address forgotten");
    } catch (error) {
      this.log.error(
        { channel: channelId, err: (error as Error).message },
        "could not forget the channel's address",
      );
    }
  }

  /** Drops the address of every channel of a team, and their daily tips: the bot was removed from it. */
  async forgetTeam(teamId: string): Promise<void> {
    try {
      const channels = await this.store.forgetTeam("teams", teamId);
      this.log.info({ team: teamId, channels }, "team's channel addresses and tips forgotten");
    } catch (error) {
      this.log.error(
        { team: teamId, err: (error as Error).message },
        "could not forget the team's channel addresses",
      );
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { z } from "zod";
import type { ChannelAddresses, Logger } from "../../src/index.js";
import type { ChannelAddress } from "./place.js";

/** How an address is kept: the adapter's own JSON, read back strictly. */
const STORED = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversationId: z.string().min(1).max(500),
  tenantId: z.string().min(1).max(100).optional(),
});

/** Channels whose address this process last wrote, so that every mention does not write it again. */
const KNOWN_LIMIT = 10_000;

/**
 * The Teams channels' addresses, kept through the store (the ChannelAddresses port) so that a tip can
 * be posted from any replica after a restart. A store that fails is logged, never thrown at the user.
 */
export class AddressBook {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly store: ChannelAddresses,
    private readonly log: Logger,
  ) {}

  /**
   * Keeps the channel's address, and its team so that the bot removed from the team forgets it, unless
   * this process already wrote the same one.
   */
  async remember(channelId: string, address: ChannelAddress, teamId?: string): Promise<void> {
    const json = JSON.stringify({ address, teamId });
    if (this.known.get(channelId) === json) return;
    try {
      await this.store.remember("teams", channelId, JSON.stringify(address), teamId);
      this.known.delete(channelId);
      if (this.known.size >= KNOWN_LIMIT) this.known.delete(this.known.keys().next().value ?? "");
      this.known.set(channelId, json);
      this.log.info({ channel: channelId }, "channel address remembered");
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
    this.known.delete(channelId);
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
    // Which channels were the team's is the store's to say: none of them is taken as written any more.
    this.known.clear();
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

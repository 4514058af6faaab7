import type { ChannelAddresses, Platform } from "../ports.js";
import { one, type SqlDriver } from "./sql.js";

/** Channel addresses (see the ChannelAddresses port) in the `channel_addresses` table. */
export class AddressSql implements ChannelAddresses {
  constructor(private readonly db: SqlDriver) {}

  async remember(platform: Platform, channelId: string, address: string): Promise<void> {
    await this.db.run(
      `INSERT INTO channel_addresses (platform, channel_id, address, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at`,
      [platform, channelId, address, Date.now()],
    );
  }

  async lookup(platform: Platform, channelId: string): Promise<string | undefined> {
    const row = await one<{ address: string }>(
      this.db,
      "SELECT address FROM channel_addresses WHERE platform = ? AND channel_id = ?",
      [platform, channelId],
    );
    return row?.address;
  }

  async forget(platform: Platform, channelId: string): Promise<void> {
    await this.db.run("DELETE FROM channel_addresses WHERE platform = ? AND channel_id = ?", [
      platform,
      channelId,
    ]);
  }
}

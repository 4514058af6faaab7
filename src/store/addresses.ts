import type { ChannelAddresses, Platform } from "../ports.js";
import { one, type SqlDriver } from "./sql.js";

/** Channel addresses (see the ChannelAddresses port) in the `channel_addresses` table. */
export class AddressSql implements ChannelAddresses {
  constructor(private readonly db: SqlDriver) {}

  /** Keeps the address; a team once known is kept when an activity names none. */
  async remember(platform: Platform, channelId: string, address: string, teamId?: string): Promise<void> {
    await this.db.run(
      `INSERT INTO channel_addresses (platform, channel_id, address, team_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET address = excluded.address,
         team_id = CASE WHEN excluded.team_id <> '' THEN excluded.team_id ELSE channel_addresses.team_id END,
         updated_at = excluded.updated_at`,
      [platform, channelId, address, teamId ?? "", Date.now()],
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

  forgetTeam(platform: Platform, teamId: string): Promise<number> {
    // One transaction: a replica posting tips never sees a schedule whose address is already gone.
    return this.db.transaction(async (tx) => {
      const team = "platform = ? AND (team_id = ? OR channel_id = ?)";
      const params = [platform, teamId, teamId];
      for (const table of ["tip_schedules", "tip_posts", "tip_rotation"])
        await tx.run(
          `DELETE FROM ${table} WHERE platform = ? AND (channel_id = ? OR channel_id IN
             (SELECT channel_id FROM channel_addresses WHERE ${team}))`,
          [platform, teamId, ...params],
        );
      return tx.run(`DELETE FROM channel_addresses WHERE ${team}`, params);
    });
  }
}

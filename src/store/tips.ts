import type { Platform } from "../ports.js";
import type { TipTime } from "../tips/schedule.js";
import { one, placeholders, type SqlDriver } from "./sql.js";
import type { Rotation, ScheduleRow, SlotKey, SlotRow, SlotStatus, TipStorage } from "./storage.js";

interface RawSchedule {
  platform: Platform;
  channel_id: string;
  time: string;
  time_zone: string;
  weekdays_only: number;
  enabled: number;
  origin: "env" | "command";
  enabled_at: number;
  failing_since: number | null;
  last_error: string | null;
}

interface RawSlot {
  platform: Platform;
  channel_id: string;
  day: string;
  due_at: number;
  tip_id: string | null;
  cycle: number | null;
  status: SlotStatus;
  claim_token: string | null;
  claimed_at: number | null;
  attempts: number;
  next_attempt_at: number | null;
  message_id: string | null;
  posted_at: number | null;
  error: string | null;
}

const schedule = (r: RawSchedule): ScheduleRow => ({
  platform: r.platform,
  channelId: r.channel_id,
  time: r.time,
  timeZone: r.time_zone,
  weekdaysOnly: r.weekdays_only === 1,
  enabled: r.enabled === 1,
  origin: r.origin,
  enabledAt: r.enabled_at,
  failingSince: r.failing_since ?? undefined,
  lastError: r.last_error ?? undefined,
});

const slot = (r: RawSlot): SlotRow => ({
  platform: r.platform,
  channelId: r.channel_id,
  day: r.day,
  dueAt: r.due_at,
  tipId: r.tip_id ?? undefined,
  cycle: r.cycle ?? undefined,
  status: r.status,
  claimToken: r.claim_token ?? undefined,
  claimedAt: r.claimed_at ?? undefined,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at ?? undefined,
  messageId: r.message_id ?? undefined,
  postedAt: r.posted_at ?? undefined,
  error: r.error ?? undefined,
});

const CHANNEL = "platform = ? AND channel_id = ?";

/** The SQL of daily tips, the same on SQLite and PostgreSQL (see TipStorage). */
export class TipSql implements TipStorage {
  constructor(private readonly db: SqlDriver) {}

  async schedule(platform: Platform, channelId: string): Promise<ScheduleRow | undefined> {
    const r = await one<RawSchedule>(this.db, `SELECT * FROM tip_schedules WHERE ${CHANNEL}`, [
      platform,
      channelId,
    ]);
    return r ? schedule(r) : undefined;
  }

  async enabledSchedules(): Promise<ScheduleRow[]> {
    const rows = await this.db.all<RawSchedule>(
      "SELECT * FROM tip_schedules WHERE enabled = 1 ORDER BY platform, channel_id",
    );
    return rows.map(schedule);
  }

  async enable(
    platform: Platform,
    channelId: string,
    t: TipTime,
    origin: "env" | "command",
    now: number,
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO tip_schedules (platform, channel_id, time, time_zone, weekdays_only, enabled, origin, enabled_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         time = excluded.time, time_zone = excluded.time_zone, weekdays_only = excluded.weekdays_only,
         enabled = 1, origin = excluded.origin, enabled_at = excluded.enabled_at, updated_at = excluded.updated_at,
         failing_since = NULL, last_error = NULL`,
      [platform, channelId, t.time, t.timeZone, t.weekdaysOnly ? 1 : 0, origin, now, now],
    );
  }

  async seed(platform: Platform, channelId: string, t: TipTime, now: number): Promise<boolean> {
    const added = await this.db.run(
      `INSERT INTO tip_schedules (platform, channel_id, time, time_zone, weekdays_only, enabled, origin, enabled_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, 'env', ?, ?) ON CONFLICT (platform, channel_id) DO NOTHING`,
      [platform, channelId, t.time, t.timeZone, t.weekdaysOnly ? 1 : 0, now, now],
    );
    return added === 1;
  }

  async forget(platform: Platform, channelId: string): Promise<void> {
    await this.db.run(`DELETE FROM tip_schedules WHERE ${CHANNEL}`, [platform, channelId]);
  }

  async disable(platform: Platform, channelId: string, now: number): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE tip_schedules SET enabled = 0, updated_at = ? WHERE ${CHANNEL} AND enabled = 1`,
      [now, platform, channelId],
    );
    return changed === 1;
  }

  async setFailing(
    platform: Platform,
    channelId: string,
    since: number | null,
    error: string | null,
  ): Promise<void> {
    if (since === null) {
      await this.db.run(`UPDATE tip_schedules SET failing_since = NULL, last_error = ? WHERE ${CHANNEL}`, [
        error,
        platform,
        channelId,
      ]);
      return;
    }
    await this.db.run(
      `UPDATE tip_schedules SET failing_since = COALESCE(failing_since, ?), last_error = ? WHERE ${CHANNEL}`,
      [since, error, platform, channelId],
    );
  }

  async slot(platform: Platform, channelId: string, day: string): Promise<SlotRow | undefined> {
    const r = await one<RawSlot>(this.db, `SELECT * FROM tip_posts WHERE ${CHANNEL} AND day = ?`, [
      platform,
      channelId,
      day,
    ]);
    return r ? slot(r) : undefined;
  }

  async openSlots(platform: Platform, channelId: string): Promise<SlotRow[]> {
    const rows = await this.db.all<RawSlot>(
      `SELECT * FROM tip_posts WHERE ${CHANNEL} AND status IN ('retry', 'claimed', 'sending') ORDER BY due_at`,
      [platform, channelId],
    );
    return rows.map(slot);
  }

  async slotsDueSince(platform: Platform, channelId: string, sinceMs: number): Promise<SlotRow[]> {
    const rows = await this.db.all<RawSlot>(
      `SELECT * FROM tip_posts WHERE ${CHANNEL} AND due_at >= ? ORDER BY due_at`,
      [platform, channelId, sinceMs],
    );
    return rows.map(slot);
  }

  async lastSlot(
    platform: Platform,
    channelId: string,
    statuses: readonly SlotStatus[],
  ): Promise<SlotRow | undefined> {
    const r = await one<RawSlot>(
      this.db,
      `SELECT * FROM tip_posts WHERE ${CHANNEL} AND status IN (${placeholders(statuses.length)})
       ORDER BY due_at DESC LIMIT 1`,
      [platform, channelId, ...statuses],
    );
    return r ? slot(r) : undefined;
  }

  async insertSlot(row: SlotRow): Promise<boolean> {
    const added = await this.db.run(
      `INSERT INTO tip_posts (platform, channel_id, day, due_at, tip_id, cycle, status, claim_token, claimed_at, attempts, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, channel_id, day) DO NOTHING`,
      [
        row.platform,
        row.channelId,
        row.day,
        row.dueAt,
        row.tipId ?? null,
        row.cycle ?? null,
        row.status,
        row.claimToken ?? null,
        row.claimedAt ?? null,
        row.attempts,
        row.error ?? null,
      ],
    );
    return added === 1;
  }

  async updateSlot(
    key: SlotKey,
    from: readonly SlotStatus[],
    changes: Partial<Omit<SlotRow, "platform" | "channelId" | "day">>,
    token?: string,
  ): Promise<boolean> {
    const columns: Record<string, unknown> = {
      tip_id: changes.tipId,
      cycle: changes.cycle,
      status: changes.status,
      claim_token: changes.claimToken,
      claimed_at: changes.claimedAt,
      attempts: changes.attempts,
      next_attempt_at: changes.nextAttemptAt,
      message_id: changes.messageId,
      posted_at: changes.postedAt,
      error: changes.error,
    };
    const set = Object.entries(columns).filter(([, v]) => v !== undefined);
    const sql = `UPDATE tip_posts SET ${set.map(([c]) => `${c} = ?`).join(", ")}
      WHERE ${CHANNEL} AND day = ? AND status IN (${placeholders(from.length)})
      ${token ? "AND claim_token = ?" : ""}`;
    const params = [
      ...set.map(([, v]) => v),
      key.platform,
      key.channelId,
      key.day,
      ...from,
      ...(token ? [token] : []),
    ];
    return (await this.db.run(sql, params)) === 1;
  }

  async cycle(platform: Platform, channelId: string): Promise<number> {
    const r = await one<{ cycle: number }>(this.db, `SELECT cycle FROM tip_rotation WHERE ${CHANNEL}`, [
      platform,
      channelId,
    ]);
    return r?.cycle ?? 0;
  }

  async setCycle(platform: Platform, channelId: string, cycle: number): Promise<void> {
    await this.db.run(
      `INSERT INTO tip_rotation (platform, channel_id, cycle) VALUES (?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET cycle = excluded.cycle`,
      [platform, channelId, cycle],
    );
  }

  async rotation(platform: Platform, channelId: string): Promise<Rotation> {
    const cycle = await this.cycle(platform, channelId);
    const used = await this.db.all<{ tip_id: string }>(
      `SELECT tip_id FROM tip_posts WHERE ${CHANNEL} AND cycle = ? AND tip_id IS NOT NULL AND status NOT IN ('skipped', 'failed')`,
      [platform, channelId, cycle],
    );
    const last = await this.lastSlot(platform, channelId, ["posted", "sending", "claimed", "retry"]);
    return {
      key: `${platform}:${channelId}`,
      cycle,
      used: new Set(used.map((r) => r.tip_id)),
      last: last?.tipId,
    };
  }

  claim<T>(
    platform: Platform,
    channelId: string,
    fn: (tx: TipStorage) => Promise<T>,
  ): Promise<T | undefined> {
    return this.db.transaction(async (tx) => {
      // SQLite's transaction already holds the file's write lock. On PostgreSQL the channel's schedule
      // row is the claim: a replica that finds it locked leaves the channel to the one holding it,
      // instead of queueing behind it to find the work done.
      if (tx.dialect === "postgres") {
        const held = await tx.all(`SELECT 1 FROM tip_schedules WHERE ${CHANNEL} FOR UPDATE SKIP LOCKED`, [
          platform,
          channelId,
        ]);
        if (held.length === 0) return undefined;
      }
      return fn(new TipSql(tx));
    });
  }
}

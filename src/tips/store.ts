import type { Platform } from "../ports.js";
import type { Db } from "../store/db.js";
import type { TipTime } from "./schedule.js";

/** A channel's daily-tip schedule as stored. */
export interface ScheduleRow extends TipTime {
  readonly platform: Platform;
  readonly channelId: string;
  readonly enabled: boolean;
  /** "env" when seeded from SLACK_TIP_CHANNELS / DISCORD_TIP_CHANNELS, "command" when set by an admin. */
  readonly origin: "env" | "command";
  /** Slots before this instant (ms) never count: a new schedule does not post for earlier times. */
  readonly enabledAt: number;
  readonly failingSince?: number;
  readonly lastError?: string;
}

/**
 * A day's slot. claimed -> sending -> posted is the happy path; retry waits for its next attempt;
 * failed gave up; skipped fell due too long ago; uncertain means the bot stopped mid-post.
 */
export type SlotStatus = "claimed" | "sending" | "posted" | "retry" | "failed" | "skipped" | "uncertain";

export interface SlotRow {
  readonly platform: Platform;
  readonly channelId: string;
  readonly day: string;
  readonly dueAt: number;
  readonly tipId?: string;
  readonly cycle?: number;
  readonly status: SlotStatus;
  readonly claimToken?: string;
  readonly claimedAt?: number;
  readonly attempts: number;
  readonly nextAttemptAt?: number;
  readonly messageId?: string;
  readonly postedAt?: number;
  readonly error?: string;
}

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

/** The SQL of daily tips; every multi-step change runs in an IMMEDIATE transaction. */
export class TipStore {
  constructor(readonly db: Db) {}

  /** Runs `fn` holding the database's write lock, so that two processes cannot interleave. */
  exclusive<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  schedule(platform: Platform, channelId: string): ScheduleRow | undefined {
    const r = this.db
      .prepare("SELECT * FROM tip_schedules WHERE platform = ? AND channel_id = ?")
      .get(platform, channelId) as RawSchedule | undefined;
    return r ? schedule(r) : undefined;
  }

  enabledSchedules(): ScheduleRow[] {
    return (
      this.db
        .prepare("SELECT * FROM tip_schedules WHERE enabled = 1 ORDER BY platform, channel_id")
        .all() as RawSchedule[]
    ).map(schedule);
  }

  /** Turns a channel's tip on (or changes its time); it counts from `now`. */
  enable(platform: Platform, channelId: string, t: TipTime, origin: "env" | "command", now: number): void {
    this.db
      .prepare(
        `INSERT INTO tip_schedules (platform, channel_id, time, time_zone, weekdays_only, enabled, origin, enabled_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           time = excluded.time, time_zone = excluded.time_zone, weekdays_only = excluded.weekdays_only,
           enabled = 1, origin = excluded.origin, enabled_at = excluded.enabled_at, updated_at = excluded.updated_at,
           failing_since = NULL, last_error = NULL`,
      )
      .run(platform, channelId, t.time, t.timeZone, t.weekdaysOnly ? 1 : 0, origin, now, now);
  }

  /** Adds a schedule only if the channel has none: an admin's later `tips off` is not undone at restart. */
  seed(platform: Platform, channelId: string, t: TipTime, now: number): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO tip_schedules (platform, channel_id, time, time_zone, weekdays_only, enabled, origin, enabled_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, 'env', ?, ?) ON CONFLICT (platform, channel_id) DO NOTHING`,
      )
      .run(platform, channelId, t.time, t.timeZone, t.weekdaysOnly ? 1 : 0, now, now);
    return result.changes === 1;
  }

  disable(platform: Platform, channelId: string, now: number): boolean {
    return (
      this.db
        .prepare(
          "UPDATE tip_schedules SET enabled = 0, updated_at = ? WHERE platform = ? AND channel_id = ? AND enabled = 1",
        )
        .run(now, platform, channelId).changes === 1
    );
  }

  setFailing(platform: Platform, channelId: string, since: number | null, error: string | null): void {
    this.db
      .prepare(
        "UPDATE tip_schedules SET failing_since = CASE WHEN ? IS NULL THEN NULL ELSE COALESCE(failing_since, ?) END, last_error = ? WHERE platform = ? AND channel_id = ?",
      )
      .run(since, since, error, platform, channelId);
  }

  slot(platform: Platform, channelId: string, day: string): SlotRow | undefined {
    const r = this.db
      .prepare("SELECT * FROM tip_posts WHERE platform = ? AND channel_id = ? AND day = ?")
      .get(platform, channelId, day) as RawSlot | undefined;
    return r ? slot(r) : undefined;
  }

  /** Slots waiting for a retry, or claimed and not finished, for one channel. */
  openSlots(platform: Platform, channelId: string): SlotRow[] {
    return (
      this.db
        .prepare(
          "SELECT * FROM tip_posts WHERE platform = ? AND channel_id = ? AND status IN ('retry', 'claimed', 'sending') ORDER BY day",
        )
        .all(platform, channelId) as RawSlot[]
    ).map(slot);
  }

  lastSlot(platform: Platform, channelId: string, statuses: readonly SlotStatus[]): SlotRow | undefined {
    const r = this.db
      .prepare(
        `SELECT * FROM tip_posts WHERE platform = ? AND channel_id = ? AND status IN (${statuses.map(() => "?").join(", ")})
         ORDER BY day DESC LIMIT 1`,
      )
      .get(platform, channelId, ...statuses) as RawSlot | undefined;
    return r ? slot(r) : undefined;
  }

  insertSlot(row: SlotRow): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO tip_posts (platform, channel_id, day, due_at, tip_id, cycle, status, claim_token, claimed_at, attempts, error)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, channel_id, day) DO NOTHING`,
        )
        .run(
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
        ).changes === 1
    );
  }

  /** Moves a slot from one status to another, optionally only while `token` holds the claim. */
  updateSlot(
    key: Pick<SlotRow, "platform" | "channelId" | "day">,
    from: readonly SlotStatus[],
    changes: Partial<Omit<SlotRow, "platform" | "channelId" | "day">>,
    token?: string,
  ): boolean {
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
      WHERE platform = ? AND channel_id = ? AND day = ? AND status IN (${from.map(() => "?").join(", ")})
      ${token ? "AND claim_token = ?" : ""}`;
    const params = [
      ...set.map(([, v]) => v),
      key.platform,
      key.channelId,
      key.day,
      ...from,
      ...(token ? [token] : []),
    ];
    return this.db.prepare(sql).run(...params).changes === 1;
  }

  cycle(platform: Platform, channelId: string): number {
    const r = this.db
      .prepare("SELECT cycle FROM tip_rotation WHERE platform = ? AND channel_id = ?")
      .get(platform, channelId) as { cycle: number } | undefined;
    return r?.cycle ?? 0;
  }

  setCycle(platform: Platform, channelId: string, cycle: number): void {
    this.db
      .prepare(
        "INSERT INTO tip_rotation (platform, channel_id, cycle) VALUES (?, ?, ?) ON CONFLICT (platform, channel_id) DO UPDATE SET cycle = excluded.cycle",
      )
      .run(platform, channelId, cycle);
  }

  /**
   * Where a channel stands in its rotation: its key and cycle, the tips used in that cycle, and the
   * last tip it was given (so that a new cycle never starts with it).
   */
  rotation(
    platform: Platform,
    channelId: string,
  ): { key: string; cycle: number; used: Set<string>; last?: string } {
    const cycle = this.cycle(platform, channelId);
    return {
      key: `${platform}:${channelId}`,
      cycle,
      used: this.usedInCycle(platform, channelId, cycle),
      last: this.lastSlot(platform, channelId, ["posted", "sending", "claimed", "retry"])?.tipId,
    };
  }

  /** Tips a channel has been given (or is being given) in a cycle. */
  usedInCycle(platform: Platform, channelId: string, cycle: number): Set<string> {
    const rows = this.db
      .prepare(
        "SELECT tip_id FROM tip_posts WHERE platform = ? AND channel_id = ? AND cycle = ? AND tip_id IS NOT NULL AND status NOT IN ('skipped', 'failed')",
      )
      .all(platform, channelId, cycle) as { tip_id: string }[];
    return new Set(rows.map((r) => r.tip_id));
  }
}

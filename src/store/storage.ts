// The bot's storage, behind one interface: SQLite (sqlite.ts) by default, PostgreSQL (postgres.ts)
// when DATABASE_URL names one. Every method returns a promise, whichever backend answers.
import type { ChannelAddresses, FeedbackVote, Platform } from "../ports.js";
import type { TipTime } from "../tips/schedule.js";
import type { Reply } from "../types.js";
import type { InstallationStorage } from "./installations.js";
import type { RateCounts } from "./rate-counts.js";
import type { ReplayMemory } from "./replays.js";
import type { TokenCipher } from "./token-cipher.js";

/** The moderators' to-do list. */
export interface Report {
  readonly disliked: readonly { entryId: string; down: number; up: number }[];
  readonly unanswered: readonly { question: string; count: number; lastAt: number }[];
  readonly days: readonly { day: string; asked: number; answered: number }[];
  /** Questions users showed an entry answers, waiting for a moderator (`socialmedia-guidance learn`). */
  readonly candidates: readonly Candidate[];
}

/** A question that users showed an entry answers, proposed as a new phrasing of it. */
export interface Candidate {
  readonly entryId: string;
  readonly question: string;
  readonly count: number;
  readonly lastAt: number;
}

/**
 * Votes and unanswered questions, kept so that moderators can improve the corpus without reading
 * anyone's private questions: a voter is stored only as a salted hash (one vote per person and entry),
 * an unanswered question only after the guard's redaction, and a flagged question never.
 */
export interface FeedbackStorage {
  /** The voter as stored: a salted SHA-256 of platform and user id. */
  voterHash(platform: string, userId: string): Promise<string>;
  /** One vote per person and entry: the same vote again is a duplicate; a changed mind replaces it. */
  recordVote(vote: FeedbackVote, now: number): Promise<"recorded" | "duplicate">;
  /**
   * Counts a question for the day's answer rate (and its workspace's, with `team`); keeps an unanswered
   * one redacted, a flagged one not at all.
   */
  recordQuestion(reply: Reply, now: number, team?: string): Promise<void>;
  /** Proposes a question (redacted) as a phrasing of an entry; the same question again counts once more. */
  recordCandidate(entryId: string, question: string, now: number): Promise<void>;
  /**
   * Takes back one proposal of a question as a phrasing of an entry (its asker rated that entry 👎 just
   * after picking it): the count goes down by one, and a candidate proposed only then goes. A decided
   * candidate stays as it is.
   */
  withdrawCandidate(entryId: string, question: string): Promise<void>;
  /** The candidates no moderator has decided on, most often proposed first. */
  candidates(limit?: number): Promise<Candidate[]>;
  /**
   * Records a moderator's decision, so the candidate is not offered again: true when it was still
   * undecided, false when another moderator (another `learn`) decided it first, whose decision stands.
   */
  decideCandidate(entryId: string, question: string, decision: "accepted" | "rejected"): Promise<boolean>;
  /** Undoes an acceptance whose phrasing could not be written after all: the candidate waits again. */
  reopenCandidate(entryId: string, question: string): Promise<void>;
  /**
   * The moderators' report, its stored questions redacted again with the current guard; with `team`,
   * one Slack workspace's votes, unanswered questions and days (candidates stay corpus-wide).
   */
  report(limit?: number, days?: number, team?: string): Promise<Report>;
}

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

/** A channel's slot for one local day. */
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

/** Which slot: platform, channel and local day. */
export type SlotKey = Pick<SlotRow, "platform" | "channelId" | "day">;

/** Where a channel stands in its rotation of tips. */
export interface Rotation {
  readonly key: string;
  readonly cycle: number;
  /** Tips given (or being given) in this cycle. */
  readonly used: Set<string>;
  /** The last tip the channel was given, so that a new cycle never starts with it. */
  readonly last?: string;
}

/** Daily tips: schedules, each day's slot and its claim, and each channel's rotation. */
export interface TipStorage {
  schedule(platform: Platform, channelId: string): Promise<ScheduleRow | undefined>;
  enabledSchedules(): Promise<ScheduleRow[]>;
  /** Turns a channel's tip on (or changes its time); it counts from `now`. */
  enable(
    platform: Platform,
    channelId: string,
    t: TipTime,
    origin: "env" | "command",
    now: number,
  ): Promise<void>;
  /** Adds a schedule only if the channel has none: an admin's later `tips off` is not undone at restart. */
  seed(platform: Platform, channelId: string, t: TipTime, now: number): Promise<boolean>;
  disable(platform: Platform, channelId: string, now: number): Promise<boolean>;
  /**
   * Drops a channel's schedule, as if it had never had one (its posts are kept): the environment no
   * longer lists it, and no admin decided anything about it, so listing it again turns it on again.
   */
  forget(platform: Platform, channelId: string): Promise<void>;
  /** Marks the channel failing since `since` (kept if already failing), or clears the mark with null. */
  setFailing(
    platform: Platform,
    channelId: string,
    since: number | null,
    error: string | null,
  ): Promise<void>;
  slot(platform: Platform, channelId: string, day: string): Promise<SlotRow | undefined>;
  /** Slots waiting for a retry, or claimed and not finished, for one channel. */
  openSlots(platform: Platform, channelId: string): Promise<SlotRow[]>;
  /** A channel's slots due at or after `sinceMs`, earliest first. */
  slotsDueSince(platform: Platform, channelId: string, sinceMs: number): Promise<SlotRow[]>;
  lastSlot(
    platform: Platform,
    channelId: string,
    statuses: readonly SlotStatus[],
  ): Promise<SlotRow | undefined>;
  /** Adds a slot unless the day already has one; true when added. */
  insertSlot(row: SlotRow): Promise<boolean>;
  /** Moves a slot from one status to another, optionally only while `token` holds the claim. */
  updateSlot(
    key: SlotKey,
    from: readonly SlotStatus[],
    changes: Partial<Omit<SlotRow, "platform" | "channelId" | "day">>,
    token?: string,
  ): Promise<boolean>;
  cycle(platform: Platform, channelId: string): Promise<number>;
  setCycle(platform: Platform, channelId: string, cycle: number): Promise<void>;
  rotation(platform: Platform, channelId: string): Promise<Rotation>;
  /**
   * Runs `fn` as one transaction that holds the channel's claim, so that no other process (or replica)
   * decides about the channel's slots meanwhile. Undefined, without running `fn`, when another replica
   * holds the claim right now: that one deals with the channel.
   */
  claim<T>(platform: Platform, channelId: string, fn: (tx: TipStorage) => Promise<T>): Promise<T | undefined>;
}

/** Everything the bot keeps, in one place; `close` when done. */
export interface Storage {
  readonly feedback: FeedbackStorage;
  readonly tips: TipStorage;
  /** Where a platform keeps what it needs to post into a channel later (Teams). */
  readonly addresses: ChannelAddresses;
  /** Signed requests seen lately, shared by the replicas on this database (see ReplayMemory). */
  readonly replays: ReplayMemory;
  /** Rate limits counted for every replica on this database (see RateCounts). */
  readonly rateCounts: RateCounts;
  /** Slack's installations in many workspaces, sealed with `cipher` (see InstallationStorage). */
  installations(cipher: TokenCipher): InstallationStorage;
  /** Resolves when the database answers a trivial query (`SELECT 1`); rejects when it cannot: for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** What opening a storage takes besides where it is. */
export interface StorageOptions {
  /** Salt for voters' hashes; when unset, one is generated once and kept in the database. */
  readonly feedbackSalt?: string;
  /** Told about a connection lost while idle (PostgreSQL), which is logged rather than thrown. */
  readonly onConnectionError?: (message: string) => void;
  /** Told about something that does not stop the storage but should be known (a lock it could not take). */
  readonly onWarning?: (message: string) => void;
  /**
   * For commands that only read (tips channels, tips preview): the database must exist at this
   * version, is not migrated, and is opened read-only (SQLite) or with read-only transactions
   * (PostgreSQL).
   */
  readonly readOnly?: boolean;
  /**
   * For a moderator's command (report, learn), which reads what the bot recorded: a database with none
   * of the bot's tables (a mistyped DATABASE_URL, an empty file at DATABASE_PATH) is refused rather than
   * given them. A missing SQLite file is refused before opening (openDb).
   */
  readonly mustExist?: boolean;
}

import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { parse } from "yaml";
import {
  createLogger,
  type Entry,
  type FeedbackVote,
  formatProblem,
  type Guide,
  KnowledgeError,
  type Logger,
  LogPolicy,
  loadKnowledge,
  RateLimits,
  type RateLimitsOptions,
  type Reply,
  type UsageParts,
  UsageRecords,
  type UsageRecordsOptions,
} from "../src/index.js";
import { type Counterpart, counterpartOf } from "../src/search/counterpart.js";
import { type Db, openDatabase } from "../src/store/db.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import type { FeedbackStorage, Storage } from "../src/store/storage.js";
import { TipChannels } from "../src/tips/channels.js";
import { type SchedulerOptions, TipScheduler } from "../src/tips/scheduler.js";

/** The small corpus the core's unit tests run on. */
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "knowledge");

/**
 * The corpus the engine's tests run on: a few entries, synonym groups and other subjects of each kind
 * the engine reads differently (see its topics.yaml). Written for the tests, not real guidance.
 */
export const ENGINE_DIR = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "engine");

/** The shipped corpus: only for the evaluation floors and the checks of the shipped files. */
export const KNOWLEDGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "knowledge");

/** Each text read as its counterpart (see counterpart.ts); a failing row is named by its text. */
export function readsCounterparts(cases: readonly (readonly [string, Counterpart | undefined])[]): void {
  for (const [text, who] of cases) expect(counterpartOf(text), text).toBe(who);
}

/** An entry for a small test index: its id for a title, one topic, these phrasings and an answer. */
export function testEntry(id: string, questions: string[], answer = "An answer."): Entry {
  return {
    id,
    title: id,
    topic: "t",
    questions,
    answer,
    related: [],
    covers: [],
    sources: ["s"],
    file: "test.yaml",
  };
}

/** A new empty folder under the run's temporary folder, which the run removes at its end. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(process.env.SMG_TEST_TMP ?? tmpdir(), prefix));
}

/** A writable copy of the fixture corpus, with `files` (relative path -> text) written over it. */
export function fixtureCopy(files: Record<string, string> = {}): string {
  const dir = tempDir("smg-knowledge-");
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

/** A copy of the fixture knowledge with a file that cannot be read as YAML: `validate` fails on it. */
export function brokenKnowledge(): string {
  return fixtureCopy({ "entries/broken.yaml": "- id: [not closed\n" });
}

/** A logger whose JSON lines land in `lines`, to assert what is (and is not) logged. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger(
    "info",
    new Writable({
      write(chunk, _enc, done) {
        lines.push(...chunk.toString().trim().split("\n"));
        done();
      },
    }),
  );
  return { logger, lines };
}

/** A fresh database file in a temporary folder. */
export function tempDatabase(prefix = "smg-test-"): Db {
  return openDatabase(join(tempDir(prefix), "bot.db"));
}

/** A fresh SQLite storage in a temporary folder; SQLite opens at once, so no await is needed. */
export function tempStorage(prefix = "smg-test-"): Storage {
  return openSqliteStorage(join(tempDir(prefix), "bot.db"));
}

/**
 * The rate limits, records of use and log policy for an adapter's tests: limits out of the way unless
 * `options` sets them, no question text logged.
 */
export function testUsage(
  options: Partial<RateLimitsOptions & UsageRecordsOptions> & { readonly logger: Logger },
): Required<UsageParts> {
  return {
    limits: new RateLimits({ questionsPerMinute: 1_000, sharesPerHour: 1_000, ...options }),
    records: new UsageRecords(options),
    logPolicy: new LogPolicy({ logQuestions: false }),
  };
}

/** A real feedback store on a fresh database that also lists each vote it records in `votes`. */
export function votingStore(votes: FeedbackVote[]): FeedbackStorage {
  const store = tempStorage().feedback;
  const spy: Pick<FeedbackStorage, "recordVote"> = {
    recordVote: (vote, now) => {
      votes.push(vote);
      return store.recordVote(vote, now);
    },
  };
  return Object.assign(Object.create(store) as FeedbackStorage, spy);
}

/** The `tips` subcommands on a fresh database: for the adapters' tests. */
export function commandScheduler(guide: Guide, logger: Logger): TipChannels {
  return new TipChannels({
    store: tempStorage().tips,
    tips: guide.tips(),
    logger,
    defaults: TIP_DEFAULTS,
  });
}

/** Tips at 09:00 UTC where a channel sets no time: the defaults the tests' schedulers share. */
export const TIP_DEFAULTS = { time: "09:00", timeZone: "UTC" } as const;

/** A tip scheduler as the tests build it: TIP_DEFAULTS and six hours' grace unless given otherwise. */
export function testScheduler(
  options: Omit<SchedulerOptions, "defaults" | "graceMs"> & Partial<Pick<SchedulerOptions, "graceMs">>,
): TipScheduler {
  return new TipScheduler({ defaults: TIP_DEFAULTS, graceMs: 6 * 3600_000, ...options });
}

/** The fixture's answer on friend requests, with parts replaced: for rendering limits and edge cases. */
export function answerWith(
  guide: Guide,
  entry: Partial<Entry>,
  extra: Partial<Extract<Reply, { kind: "answer" }>> = {},
): Reply {
  const base = guide.show("friend-requests");
  if (base?.kind !== "answer") throw new Error("the knowledge base lacks friend-requests");
  return { ...base, entry: { ...base.entry, ...entry }, ...extra };
}

/**
 * Polls `condition` until it returns something other than undefined, null or false, and resolves with
 * that; rejects, naming `what`, when `timeoutMs` pass first. Tests wait on conditions, never on sleeps.
 */
export async function waitFor<T>(
  condition: () => T | undefined | null | false,
  { what = "a condition", timeoutMs = 3_000 }: { what?: string; timeoutMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `promise`, or a rejection naming `what` when it has not settled within `timeoutMs`. */
export function within<T>(promise: Promise<T>, what = "a reply", timeoutMs = 3_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves on the event loop's next turn, after every promise callback already queued has run: to check
 * that something has not happened (yet) without sleeping.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A SQLite database at `bot.db` in a fresh folder, open, with one candidate phrasing recorded: `question`. */
export async function databaseWith(question: string, entryId = "qa-maintain-boundaries") {
  const dir = tempDir("smg-db-");
  const path = join(dir, "bot.db");
  const storage = openSqliteStorage(path);
  await storage.feedback.recordCandidate(entryId, question, 1);
  return { dir, path, storage };
}

/** Resolves once `condition` (a query, say) resolves to something other than undefined; polls without sleeping. */
export async function until<T>(condition: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 2_000; i++) {
    const value = await condition();
    if (value !== undefined) return value;
    await settle();
  }
  throw new Error("the condition never held");
}

/** The ids of the small fixture's tips (tests/fixtures/knowledge/tips.yaml), in order. */
export const FIXTURE_TIP_IDS = [
  "decline-requests",
  "strip-photos",
  "separate-accounts",
  "specialty-groups",
  "ask-consent",
  "check-background",
];

/** The phrasings of one entry in an entries file's YAML text. */
export const questionsOf = (text: string, id: string): string[] =>
  (parse(text) as { id: string; questions: string[] }[]).find((e) => e.id === id)?.questions ?? [];

/** The problems loading a folder reports, as moderators read them. */
export function problemsOf(dir: string): string[] {
  try {
    loadKnowledge(dir);
    return [];
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return error.problems.map(formatProblem);
  }
}

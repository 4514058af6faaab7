import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import {
  createLogger,
  type Entry,
  type FeedbackVote,
  type Guide,
  type Logger,
  type Reply,
} from "../src/index.js";
import { type Db, openDatabase } from "../src/store/db.js";
import { TipChannels } from "../src/tips/commands.js";

/** The small corpus the core's unit tests run on. */
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "knowledge");

/** The shipped corpus. */
export const KNOWLEDGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "knowledge");

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

/** The `tips` subcommands on a fresh database: for the adapters' tests. */
export function commandScheduler(guide: Guide, logger: Logger): TipChannels {
  return new TipChannels({
    db: tempDatabase(),
    tips: guide.tips(),
    logger,
    defaults: { time: "09:00", timeZone: "UTC" },
  });
}

/** Votes kept in memory, one per person, entry and direction, as a store would count them. */
export function memoryVotes(): {
  votes: FeedbackVote[];
  record: (vote: FeedbackVote) => "recorded" | "duplicate";
} {
  const votes: FeedbackVote[] = [];
  return {
    votes,
    record: (vote) => {
      const dup = votes.some(
        (v) => v.userId === vote.userId && v.entryId === vote.entryId && v.vote === vote.vote,
      );
      votes.push(vote);
      return dup ? "duplicate" : "recorded";
    },
  };
}

/** The shipped answer on friend requests, with parts replaced: for rendering limits and edge cases. */
export function answerWith(
  guide: Guide,
  entry: Partial<Entry>,
  extra: Partial<Extract<Reply, { kind: "answer" }>> = {},
): Reply {
  const base = guide.show("qa-maintain-boundaries");
  if (base?.kind !== "answer") throw new Error("the knowledge base lacks qa-maintain-boundaries");
  return { ...base, entry: { ...base.entry, ...entry }, ...extra };
}

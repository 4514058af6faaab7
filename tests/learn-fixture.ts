import { cpSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { type LearnOptions, learn, type Reading } from "../app/learn.js";
import { loadConfig } from "../src/config.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import type { FeedbackStorage } from "../src/store/storage.js";
import type { Entry } from "../src/types.js";
import { ENGINE_DIR, tempDir } from "./helpers.js";

// What the tests of `learn` share: a writable copy of a knowledge base, its database, and a run of learn.

/** A writable copy of the engine's test corpus and the path of a database not created yet. */
export function workspace() {
  const dir = tempDir("smg-learn-");
  cpSync(ENGINE_DIR, dir, { recursive: true });
  const dbPath = join(tempDir("smg-learn-db-"), "bot.db");
  return { dir, dbPath, config: loadConfig({ KNOWLEDGE_DIR: dir, DATABASE_PATH: dbPath }) };
}

/** A test's knowledge copy, its database and the settings naming them. */
export type Workspace = ReturnType<typeof workspace>;

/** Runs `func` on the workspace's database, as the bot would while people use it. */
export async function withStore<T>(w: Workspace, func: (store: FeedbackStorage) => Promise<T>): Promise<T> {
  const storage = openSqliteStorage(w.dbPath);
  try {
    return await func(storage.feedback);
  } finally {
    await storage.close();
  }
}

/** Runs `learn` on the workspace with `input` as the moderator's answers: exit code and what it printed. */
export async function runLearn(
  w: Workspace,
  options: Partial<LearnOptions> = {},
  input: string | NodeJS.ReadableStream = "",
  read?: Reading,
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await learn(
    w.config,
    loadKnowledge(w.dir),
    { list: false, accept: [], reject: [], rest: [], ...options },
    (t) => out.push(t),
    (t) => err.push(t),
    typeof input === "string" ? Readable.from(input ? [input] : []) : input,
    read,
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The text of the file an entry lives in. */
export const fileOf = (e: Entry) => readFileSync(resolve(e.file), "utf8");
const commentLine = (text: string) => text.split("\n").find((l) => /^\s*#/.test(l));

/** An entry whose file holds a comment line, so that the test can see comments survive. */
export function entryWithComment(w: Workspace): { entry: Entry; comment: string } {
  const entry = loadKnowledge(w.dir).entries.find((e) => commentLine(fileOf(e)) !== undefined);
  if (!entry) throw new Error("no entries file in the knowledge base has a comment line");
  return { entry, comment: commentLine(fileOf(entry)) ?? "" };
}

/** A candidate phrasing no entry has. */
export const NEW = "strangers keep piling into my replies about vaccines, what now";

import { join, resolve } from "node:path";
import { fs } from "../src/builtins.js";
import type { Config, Logger } from "../src/index.js";
import type { Storage } from "../src/store/storage.js";
import type { Out } from "./output.js";

// Platform SDKs, the database drivers and the scheduler load only for the commands that use them, so
// that a one-shot `ask` starts fast.
/** The modules that load on first use. */
export const lazy = {
  slack: () => import("../adapters/slack/app.js"),
  discord: () => import("../adapters/discord/bot.js"),
  mattermost: () => import("../adapters/mattermost/bot.js"),
  teams: () => import("../adapters/teams/bot.js"),
  storage: () => import("../src/store/open.js"),
  scheduler: () => import("../src/tips/scheduler.js"),
  tipChannels: () => import("../src/tips/channels.js"),
  schedule: () => import("../src/tips/schedule.js"),
};

/**
 * Opens the storage the config names (PostgreSQL at DATABASE_URL, else the SQLite file at
 * DATABASE_PATH), or says in one sentence why it cannot and returns undefined. With a logger, a
 * connection lost later is logged. A moderator's command (`existing`) only reads what the bot
 * recorded: it does not create an SQLite file that is not there, nor the bot's tables in a PostgreSQL
 * database that has none (a mistyped DATABASE_PATH or DATABASE_URL would otherwise read as a bot that
 * has recorded nothing).
 */
export async function openDb(
  config: Config,
  err: Out,
  logger?: Logger,
  existing = false,
  readOnly = false,
): Promise<Storage | undefined> {
  if (
    existing &&
    !config.databaseUrl &&
    config.databasePath !== ":memory:" &&
    !fs.existsSync(config.databasePath)
  ) {
    err(
      `No database at ${config.databasePath} yet: the bot creates it when it first runs (start) and records its use there. Check DATABASE_PATH if it has run.`,
    );
    return undefined;
  }
  const folder = config.databaseUrl ? undefined : folderAsDatabase(config.databasePath);
  if (folder) {
    err(folder);
    return undefined;
  }
  const { openStorage } = await lazy.storage();
  try {
    return await openStorage(
      { url: config.databaseUrl, path: config.databasePath },
      {
        feedbackSalt: config.feedbackSalt,
        readOnly,
        mustExist: existing,
        onConnectionError: (message) => logger?.error({ err: message }, "database connection lost"),
        onWarning: (message) => (logger ? logger.warn(message) : err(`Warning: ${message}`)),
      },
    );
  } catch (error) {
    const message = (error as Error).message;
    // PostgreSQL's sentences already name the server and the database.
    err(config.databaseUrl ? message : `Cannot open the database at ${config.databasePath}: ${message}`);
    return undefined;
  }
}

/**
 * "/proc, the system's view of the running machine, where no file can be kept" when the path is in
 * /proc or /sys, else undefined: Node's own creation of a missing folder there never returns, at full
 * CPU, so a command refuses such a path before it creates anything.
 */
export function systemFolder(path: string): string | undefined {
  const system = /^\/(?:proc|sys)(?=\/|$)/.exec(resolve(path))?.[0];
  return system
    ? `${system}, the system's view of the running machine, where no file can be kept`
    : undefined;
}

/**
 * What to say when DATABASE_PATH names a folder, or a place in /proc or /sys, or undefined when it does
 * not (or cannot be looked at: SQLite then says why in its own words). Every command that opens or
 * replaces the database asks first: SQLite's words for a folder differed by how it was opened ("unable
 * to open database file", EISDIR), and restore moved the folder aside and wrote the backup in its place.
 */
export function folderAsDatabase(path: string): string | undefined {
  const system = systemFolder(path);
  if (system)
    return `DATABASE_PATH (${path}) is in ${system}: name a file in a folder of your own, such as ${join("data", "bot.db")}.`;
  let folder = false;
  try {
    folder = fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    // a folder on the way that may not be read (EACCES): opening the file says so
  }
  return folder
    ? `DATABASE_PATH (${path}) is a folder: it must name the database file in it, such as ${join(path, "bot.db")}.`
    : undefined;
}

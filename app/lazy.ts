import { join } from "node:path";
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
  // SQLite's own words for a folder differ by how it is opened ("unable to open database file", EISDIR)
  if (!config.databaseUrl && fs.statSync(config.databasePath, { throwIfNoEntry: false })?.isDirectory()) {
    err(
      `DATABASE_PATH (${config.databasePath}) is a folder: it must name the database file in it, such as ${join(config.databasePath, "bot.db")}.`,
    );
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

import type { Config } from "../src/index.js";
import type { Db } from "../src/store/db.js";
import type { Out } from "./output.js";

// Platform SDKs, SQLite and the scheduler load only for the commands that use them, so that a
// one-shot `ask` starts fast.
/** The modules that load on first use. */
export const lazy = {
  slack: () => import("../adapters/slack/app.js"),
  discord: () => import("../adapters/discord/bot.js"),
  db: () => import("../src/store/db.js"),
  feedback: () => import("../src/store/feedback.js"),
  scheduler: () => import("../src/tips/scheduler.js"),
  tipChannels: () => import("../src/tips/channels.js"),
  schedule: () => import("../src/tips/schedule.js"),
  usage: () => import("../src/usage.js"),
};

/** Opens the database named in the config, or says why it cannot and returns undefined. */
export async function openDb(config: Config, err: Out): Promise<Db | undefined> {
  const { openDatabase } = await lazy.db();
  try {
    return openDatabase(config.databasePath);
  } catch (error) {
    err(`Cannot open the database at ${config.databasePath}: ${(error as Error).message}`);
    return undefined;
  }
}

import type { Config } from "../config.js";
import type { Db } from "../store/db.js";

/** Where a command writes a line of output. */
export type Out = (text: string) => void;

// Platform SDKs, SQLite and the scheduler load only for the commands that use them, so that a
// one-shot `ask` starts fast.
export const lazy = {
  slack: () => import("../../adapters/slack/app.js"),
  discord: () => import("../../adapters/discord/bot.js"),
  db: () => import("../store/db.js"),
  feedback: () => import("../store/feedback.js"),
  scheduler: () => import("../tips/scheduler.js"),
  tipChannels: () => import("../tips/commands.js"),
  schedule: () => import("../tips/schedule.js"),
  usage: () => import("../usage.js"),
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

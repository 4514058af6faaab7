import { register as registerConsole } from "../../adapters/console/console.js";
import type { Config } from "../config.js";
import type { Guide } from "../guide.js";
import { createLogger, redactSecrets } from "../log.js";
import type { Platform, TipPoster } from "../ports.js";
import { lazy, type Out, openDb } from "./runtime.js";

/** Runs the bot: the console chat without platform tokens, else each configured platform until a signal. */
export async function start(config: Config, guide: Guide, err: Out): Promise<number> {
  if (!config.slack && !config.discord) {
    await registerConsole({ input: process.stdin, output: process.stdout }, guide);
    return 0;
  }
  const logger = createLogger(config.logLevel);
  const [{ Usage }, { FeedbackStore }, { TipScheduler }, { TipChannels }] = await Promise.all([
    lazy.usage(),
    lazy.feedback(),
    lazy.scheduler(),
    lazy.tipChannels(),
  ]);
  // A stray rejection in a platform library must not take the bot down; it is logged instead.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: redactSecrets(String((reason as Error)?.message ?? reason)) }, "unhandled rejection");
  });
  const db = await openDb(config, err);
  if (!db) return 1;
  const usage = new Usage({
    questionsPerMinute: config.questionsPerMinute,
    sharesPerHour: config.sharesPerHour,
    logQuestions: config.logQuestions,
    feedback: new FeedbackStore(db, config.feedbackSalt),
    logger,
  });
  const posters: Partial<Record<Platform, TipPoster>> = {};
  const scheduler = new TipScheduler({
    db,
    tips: guide.tips(),
    posters,
    logger,
    defaults: config.tips,
    graceMs: config.tips.graceMs,
  });
  const tipChannels = new TipChannels({ db, tips: guide.tips(), logger, defaults: config.tips });
  const running: { name: string; stop: () => Promise<void> }[] = [];
  const stopAll = async () => {
    await scheduler.stop();
    await Promise.allSettled(running.map((r) => r.stop()));
    db.close();
  };
  if (config.slack) {
    const [{ createSlackBot }, { describeSlackError }] = await Promise.all([
      lazy.slack(),
      lazy.slackErrors(),
    ]);
    const slack = createSlackBot({ guide, config: config.slack, logger, tips: tipChannels, usage });
    try {
      await slack.start();
      running.push({ name: "slack", stop: slack.stop });
      posters.slack = slack.tipPoster();
      scheduler.seedChannels("slack", config.tips.slackChannels);
    } catch (error) {
      const { code } = describeSlackError(error);
      logger.error({ platform: "slack", code }, "could not start");
      err(
        ["invalid_auth", "not_authed", "token_revoked", "account_inactive"].includes(code)
          ? `Slack rejected the bot token (${code}): check SLACK_BOT_TOKEN in .env.`
          : `Could not start the Slack bot (${code}): ${(error as Error).message}`,
      );
      await stopAll();
      return 1;
    }
  }
  if (config.discord) {
    const { createDiscordBot, codeOf } = await lazy.discord();
    const discordBot = createDiscordBot({ guide, config: config.discord, logger, tips: tipChannels, usage });
    try {
      await discordBot.start();
      running.push({ name: "discord", stop: discordBot.stop });
      posters.discord = discordBot.tipPoster();
      scheduler.seedChannels("discord", config.tips.discordChannels);
    } catch (error) {
      const code = codeOf(error);
      logger.error({ platform: "discord", code }, "could not start");
      err(
        code === "TokenInvalid" || code.startsWith("401")
          ? "Discord rejected the bot token: check DISCORD_TOKEN in .env."
          : `Could not start the Discord bot (${code}): ${redactSecrets((error as Error).message)}`,
      );
      await stopAll();
      return 1;
    }
  }
  logger.info(
    {
      platforms: running.map((r) => r.name),
      entries: guide.knowledge.entries.length,
      tips: guide.tips().length,
      tipSchedules: scheduler.activeSchedules().length,
    },
    "started",
  );
  scheduler.start();
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  logger.info({ signal }, "shutting down");
  await stopAll();
  logger.info("stopped");
  return 0;
}

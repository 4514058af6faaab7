import { runConsole } from "../adapters/console/console.js";
import {
  type Config,
  createLogger,
  type Guide,
  type Platform,
  redactSecrets,
  reloadable,
  reloadKnowledgeOnChange,
  type TipPoster,
} from "../src/index.js";
import { lazy, openDb } from "./lazy.js";
import type { Out } from "./output.js";

/** A platform adapter once built: what start-up needs of it. */
interface Launched {
  readonly bot: { start(): Promise<unknown>; stop(): Promise<void>; tipPoster(): TipPoster };
  readonly describeStartFailure: (error: unknown) => { code: string; message: string };
}

/** Runs the bot: the console chat without platform tokens, else each configured platform until a signal. */
export async function start(config: Config, loaded: Guide, err: Out): Promise<number> {
  if (!config.slack && !config.discord) return consoleChat(config, loaded, err);
  const logger = createLogger(config.logLevel);
  // Moderators' edits take effect without a restart: the knowledge reloads when its files change (or
  // on SIGHUP), once they validate. Tips already scheduled keep the list they started with.
  const live = reloadable(loaded);
  const guide = live.guide;
  const stopReloading = reloadKnowledgeOnChange({ dir: config.knowledgeDir, target: live, logger });
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
    learn: config.learnFromUse,
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
    stopReloading();
    await scheduler.stop();
    await Promise.allSettled(running.map((r) => r.stop()));
    db.close();
  };
  // Each configured platform: how to build it, and the channels the environment gives it tips for.
  const launches: { name: Platform; channels: readonly string[]; load: () => Promise<Launched> }[] = [];
  const deps = { guide, logger, tips: tipChannels, usage };
  const slack = config.slack;
  if (slack) {
    launches.push({
      name: "slack",
      channels: config.tips.slackChannels,
      load: async () => {
        const { createSlackBot, describeStartFailure } = await lazy.slack();
        return { bot: createSlackBot({ ...deps, config: slack }), describeStartFailure };
      },
    });
  }
  const discord = config.discord;
  if (discord) {
    launches.push({
      name: "discord",
      channels: config.tips.discordChannels,
      load: async () => {
        const { createDiscordBot, describeStartFailure } = await lazy.discord();
        return { bot: createDiscordBot({ ...deps, config: discord }), describeStartFailure };
      },
    });
  }
  for (const launch of launches) {
    const { bot, describeStartFailure } = await launch.load();
    try {
      await bot.start();
      running.push({ name: launch.name, stop: () => bot.stop() });
      posters[launch.name] = bot.tipPoster();
      scheduler.seedChannels(launch.name, launch.channels);
    } catch (error) {
      const failure = describeStartFailure(error);
      logger.error({ platform: launch.name, code: failure.code }, "could not start");
      err(failure.message);
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

/** The console chat; its questions are recorded for the report and learning unless RECORD_CONSOLE=false. */
async function consoleChat(config: Config, guide: Guide, err: Out): Promise<number> {
  const io = { input: process.stdin, output: process.stdout };
  if (!config.recordConsole) {
    await runConsole(io, guide);
    return 0;
  }
  const [{ Usage }, { FeedbackStore }] = await Promise.all([lazy.usage(), lazy.feedback()]);
  const db = await openDb(config, err);
  if (!db) return 1;
  try {
    const usage = new Usage({
      questionsPerMinute: Number.POSITIVE_INFINITY,
      sharesPerHour: Number.POSITIVE_INFINITY,
      logQuestions: false,
      learn: config.learnFromUse,
      feedback: new FeedbackStore(db, config.feedbackSalt),
      logger: createLogger("silent"),
    });
    await runConsole(io, guide, usage);
  } finally {
    db.close();
  }
  return 0;
}

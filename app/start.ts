import type { ConsoleEnd } from "../adapters/console/console.js";
import { describeListenFailure, HttpFront } from "../adapters/http/front.js";
import {
  type Config,
  createLogger,
  type Guide,
  LogPolicy,
  type Platform,
  RateLimits,
  redactSecrets,
  reloadable,
  reloadKnowledgeOnChange,
  settlesWithin,
  type TipPoster,
  UsageRecords,
} from "../src/index.js";
import { targetOf } from "../src/store/postgres-target.js";
import { ReplaysOrMemory } from "../src/store/replays.js";
import { parseKey, TokenCipher } from "../src/store/token-cipher.js";
import { consoleRecordsLog } from "./console-log.js";
import { lazy, openDb } from "./lazy.js";
import type { Out } from "./output.js";
import { type ReadyPlatform, registerReadiness } from "./readiness.js";
import { closeWithin, stopSignal, TIP_STOP_WAIT_MS } from "./shutdown.js";

/** A platform adapter once built: what start-up needs of it. */
interface Launched {
  readonly bot: {
    start(): Promise<unknown>;
    /** Closes the platform's client once its replies in flight and `after` have settled. */
    stop(after?: Promise<unknown>): Promise<void>;
    tipPoster(): TipPoster;
    /** For /readyz: whether the platform's connection is up now; without it, started counts as connected. */
    connected?(): boolean;
  };
  readonly describeStartFailure: (error: unknown) => { code: string; message: string };
}

/** Runs the bot: the console chat without platform tokens, else each configured platform until a signal. */
export async function start(config: Config, loaded: Guide, err: Out): Promise<number> {
  if (!config.slack && !config.discord && !config.mattermost && !config.teams)
    return consoleChat(config, loaded, err);
  const logger = createLogger(config.logLevel);
  // Moderators' edits take effect without a restart: the knowledge reloads when its files change (or
  // on SIGHUP), once they validate. Tips already scheduled keep the list they started with.
  const live = reloadable(loaded);
  const guide = live.guide;
  const stopReloading = reloadKnowledgeOnChange({ dir: config.knowledgeDir, target: live, logger });
  const [{ TipScheduler }, { TipChannels }] = await Promise.all([lazy.scheduler(), lazy.tipChannels()]);
  // A stray rejection in a platform library must not take the bot down; it is logged instead.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: redactSecrets(String((reason as Error)?.message ?? reason)) }, "unhandled rejection");
  });
  const storage = await openDb(config, err, logger);
  if (!storage) {
    stopReloading();
    return 1;
  }
  // With PostgreSQL there may be several replicas behind one address: the rate limits and the signatures
  // of Slack requests seen are kept in the database for all of them (one process on SQLite keeps both
  // in memory).
  const replicated = config.databaseUrl !== undefined;
  const limits = new RateLimits({
    questionsPerMinute: config.questionsPerMinute,
    sharesPerHour: config.sharesPerHour,
    ...(replicated ? { shared: storage.rateCounts } : {}),
    logger,
  });
  const records = new UsageRecords({ learn: config.learnFromUse, feedback: storage.feedback, logger });
  const logPolicy = new LogPolicy({ logQuestions: config.logQuestions });
  const posters: Partial<Record<Platform, TipPoster>> = {};
  const scheduler = new TipScheduler({
    store: storage.tips,
    tips: guide.tips(),
    posters,
    logger,
    defaults: config.tips,
    graceMs: config.tips.graceMs,
  });
  const tipChannels = new TipChannels({
    store: storage.tips,
    tips: guide.tips(),
    logger,
    defaults: config.tips,
    posters,
  });
  const running: { name: string; stop: (after?: Promise<unknown>) => Promise<void> }[] = [];
  const ready: ReadyPlatform[] = [];
  // One HTTP server on PORT for every platform that takes requests over HTTP; each mounts its paths on
  // it while it is built, and it starts listening once all of them have started.
  const front =
    config.slack?.mode === "http" || config.mattermost || config.teams
      ? new HttpFront({ port: config.port, log: logger })
      : undefined;
  const stopAll = async () => {
    stopReloading();
    // A tip post in flight gets a moment, not its platform's whole time limit and retries: shutdown
    // must fit a container's grace (Docker's 10 s). One cut short is left to the scheduler's next start,
    // which never sends a post twice that it may have begun. The moment runs beside the platforms'
    // wait for their replies in flight, and each closes its client (cutting the post off) only after
    // both: waited one after the other, a tip and a reply in flight held shutdown 12 s.
    const tip = settlesWithin(scheduler.stop(), TIP_STOP_WAIT_MS);
    await Promise.allSettled([tip, front?.stop(), ...running.map((r) => r.stop(tip))]);
    // Stopping the platforms cut that post off: a moment more to record how it ended, before the close.
    if (!(await tip)) {
      logger.warn("a tip post was still in flight at shutdown; the next start decides about it");
      await settlesWithin(scheduler.stop(), TIP_STOP_WAIT_MS);
    }
    await closeWithin(records, storage, (message) => logger.warn(message));
  };
  // Each configured platform: how to build it, and the channels the environment gives it tips for.
  const launches: { name: Platform; channels: readonly string[]; load: () => Promise<Launched> }[] = [];
  const deps = { guide, logger, tips: tipChannels, limits, records, logPolicy };
  const slack = config.slack;
  // The Slack requests and events seen lately, in the database on SQLite too: kept in memory, they were
  // forgotten at a restart, and a signed request replayed within its five minutes was answered again.
  const replays = {
    replays: new ReplaysOrMemory(storage.replays, (error) =>
      logger.warn(
        { err: error.message },
        "the database could not check a Slack request for a replay; checked in memory",
      ),
    ),
  };
  if (slack) {
    launches.push({
      name: "slack",
      channels: config.tips.slackChannels,
      load: async () => {
        const { createSlackBot, describeStartFailure } = await lazy.slack();
        if (!slack.oauth)
          return { bot: createSlackBot({ ...deps, ...replays, config: slack }, front), describeStartFailure };
        // Many workspaces: installations sealed under the current key; any the previous key sealed
        // are sealed again at start, so that the previous key can then be removed.
        const { oauth } = slack;
        const cipher = new TokenCipher(
          parseKey(oauth.encryptionKey, "SLACK_TOKEN_ENCRYPTION_KEY"),
          oauth.previousEncryptionKey
            ? parseKey(oauth.previousEncryptionKey, "SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS")
            : undefined,
        );
        const installations = storage.installations(cipher);
        const bot = createSlackBot({ ...deps, ...replays, config: slack, installations }, front);
        const start = async () => {
          const resealed = await installations.resealAll(Date.now()).catch((error: Error) => {
            // a key that opens none of them: the store's sentence names the setting to fix
            throw Object.assign(new Error(error.message), { code: "installations_unreadable" });
          });
          if (resealed > 0) logger.info({ resealed }, "Slack installations sealed under the current key");
          return bot.start();
        };
        return {
          bot: { start, stop: (after) => bot.stop(after), tipPoster: () => bot.tipPoster() },
          describeStartFailure,
        };
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
  const mattermost = config.mattermost;
  if (mattermost && front) {
    launches.push({
      name: "mattermost",
      channels: config.tips.mattermostChannels,
      load: async () => {
        const { createMattermostBot, describeStartFailure } = await lazy.mattermost();
        return { bot: createMattermostBot({ ...deps, config: mattermost }, front), describeStartFailure };
      },
    });
  }
  const teams = config.teams;
  if (teams && front) {
    launches.push({
      name: "teams",
      channels: config.tips.teamsChannels,
      load: async () => {
        const { createTeamsBot, describeStartFailure } = await lazy.teams();
        const bot = createTeamsBot({ ...deps, config: teams, front, addresses: storage.addresses });
        return { bot, describeStartFailure };
      },
    });
  }
  for (const launch of launches) {
    const { bot, describeStartFailure } = await launch.load();
    try {
      await bot.start();
      running.push({ name: launch.name, stop: (after) => bot.stop(after) });
      ready.push({ name: launch.name, connected: () => bot.connected?.() ?? true });
      posters[launch.name] = bot.tipPoster();
    } catch (error) {
      const failure = describeStartFailure(error);
      logger.error({ platform: launch.name, code: failure.code }, "could not start");
      err(failure.message);
      await stopAll();
      return 1;
    }
    // Apart from starting the platform: a database locked for a moment is no reason not to start.
    await scheduler
      .seedChannels(launch.name, launch.channels)
      .catch((error: Error) =>
        logger.error(
          { platform: launch.name, err: error.message },
          "could not update the tip channels from the environment; the next start tries again",
        ),
      );
  }
  if (front) {
    registerReadiness(front, { storage, guide, platforms: ready });
    try {
      await front.start();
    } catch (error) {
      logger.error({ port: config.port, code: (error as NodeJS.ErrnoException).code }, "could not listen");
      err(describeListenFailure(config.port, error));
      await stopAll();
      return 1;
    }
  }
  logger.info(
    {
      platforms: running.map((r) => r.name),
      // which database, never its password: a deleted SQLite file came back empty without a word
      database: config.databaseUrl ? targetOf(config.databaseUrl).where : config.databasePath,
      ...(front ? { port: front.boundPort } : {}),
      entries: guide.knowledge.entries.length,
      tips: guide.tips().length,
      tipSchedules: (await scheduler.activeSchedules()).length,
    },
    "started",
  );
  scheduler.start();
  const signal = await stopSignal(logger);
  logger.info({ signal }, "shutting down");
  await stopAll();
  logger.info("stopped");
  return 0;
}

/** The console chat; its questions are recorded for the report and learning unless RECORD_CONSOLE=false. */
async function consoleChat(config: Config, guide: Guide, err: Out): Promise<number> {
  const io = { input: process.stdin, output: process.stdout };
  // The terminal renderer (marked, marked-terminal) loads only for the chat: a bot started
  // for a platform spent ~150 ms loading it for nothing.
  const { runConsole } = await import("../adapters/console/console.js");
  const ended = (read: ConsoleEnd) => {
    if (read.outputFailed) {
      err(`The chat stopped: its output could not be written (${read.outputFailed}).`);
      return 1;
    }
    // No terminal and nothing to read: a service (systemd, a container without -it) started with its
    // platform settings missing, or its .env not found. Exiting 0 in silence looked like success.
    if (read.lines > 0 || read.outputGone || process.stdin.isTTY) return 0;
    err(NO_SETTINGS);
    return 1;
  };
  // A moderator tries an edit here: the knowledge is reloaded as on the platforms, and said so.
  const live = reloadable(guide);
  const stopReloading = reloadKnowledgeOnChange({
    dir: config.knowledgeDir,
    target: live,
    logger: createLogger("silent"),
    onReload: (o) =>
      err(
        o.reloaded
          ? `(Knowledge reloaded: ${o.entries} entries.)`
          : `(Knowledge not reloaded, still answering from the last good version; run validate. ${o.problems.length} problem${o.problems.length === 1 ? "" : "s"}, the first: ${(o.problems[0] ?? "").replace(/^\s*-\s*/, "")})`,
      ),
  });
  try {
    if (!config.recordConsole) return ended(await runConsole(io, live.guide));
    const storage = await openDb(config, err);
    if (!storage) return 1;
    // One person at the terminal: no rate limits to hold them back.
    const records = new UsageRecords({
      learn: config.learnFromUse,
      feedback: storage.feedback,
      logger: consoleRecordsLog(err),
    });
    try {
      return ended(await runConsole(io, live.guide, { records }));
    } finally {
      await closeWithin(records, storage, err);
    }
  } finally {
    stopReloading();
  }
}

/** Why a bot with no platform settings and no input stopped at once. */
const NO_SETTINGS =
  "No platform is set up (SLACK_BOT_TOKEN, DISCORD_TOKEN, MATTERMOST_URL or TEAMS_CLIENT_ID), so the console chat ran, and it had no input. To run the bot for a platform, set its settings in the environment or in .env in the folder the bot starts in (see .env.example); to chat, run it in a terminal.";

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { register as registerConsole } from "../adapters/console/console.js";
import { renderReply, renderTips, renderTopics } from "../adapters/console/render.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { evaluate, formatEval, parseEvalFile } from "./eval/evaluate.js";
import { evaluateGuard, formatGuardResult, parseGuardCases } from "./guard/evaluate.js";
import { createGuide, type Guide } from "./guide.js";
import { KnowledgeError, loadKnowledge } from "./knowledge/load.js";
import { createLogger, redactSecrets } from "./log.js";
import type { Platform, TipPoster } from "./ports.js";
import type { Db } from "./store/db.js";
import type { Reply } from "./types.js";

// Platform SDKs, SQLite and the scheduler load only for the commands that use them, so that a
// one-shot `ask` starts fast.
const lazy = {
  slack: () => import("../adapters/slack/app.js"),
  slackErrors: () => import("../adapters/slack/errors.js"),
  discord: () => import("../adapters/discord/bot.js"),
  db: () => import("./store/db.js"),
  feedback: () => import("./store/feedback.js"),
  scheduler: () => import("./tips/scheduler.js"),
  schedule: () => import("./tips/schedule.js"),
  usage: () => import("./usage.js"),
};

const USAGE = `Usage: socialmedia-guidance <command> [options]

Commands:
  start                     Run the bot (console chat when no platform tokens are set)
  ask [--json] "question"   Answer one question; with --json and no question, one per stdin line
  topics [--json]           List the topics and their entries
  tips list [--json]        List the daily tips with their sources and linked entries
  discord deploy            Register the Discord commands (npm run discord:deploy)
  validate                  Check the knowledge base; exits 1 on a problem
  eval <file.jsonl>         Measure answer quality on a labelled set
  guard-eval <file.jsonl>   Measure the patient-data guard: recall and false positives
  report [--json]           Most 👎 entries, most-asked unanswered questions, answer rate by day
  help                      Show this text`;

type Out = (text: string) => void;

/** The composition root: parses argv, wires config, knowledge and adapters. Returns an exit code. */
export async function main(argv: readonly string[], out: Out = print, err: Out = printErr): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { command, json, rest } = parsed;
  if (command === "help" || command === "--help" || command === "-h") {
    out(USAGE);
    return 0;
  }
  if (
    !["start", "ask", "topics", "tips", "validate", "eval", "guard-eval", "report", "discord"].includes(
      command,
    )
  ) {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  loadDotenv({ quiet: true });
  let config: Config;
  let guide: Guide;
  try {
    config = loadConfig(process.env);
    guide = createGuide(loadKnowledge(config.knowledgeDir));
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      err("Fix these settings in .env or the environment (see .env.example) and try again.");
      return 1;
    }
    if (error instanceof KnowledgeError) {
      err(error.message);
      if (command !== "validate") err("Fix the knowledge base (see knowledge/README.md) and try again.");
      return 1;
    }
    throw error;
  }
  switch (command) {
    case "validate":
      out(
        `Knowledge base OK: ${guide.knowledge.entries.length} entries, ${guide.knowledge.topics.length} topics, ${guide.knowledge.tips.length} tips.`,
      );
      return 0;
    case "topics":
      out(json ? JSON.stringify(topicsJson(guide), null, 2) : renderTopics(guide.topics()));
      return 0;
    case "tips":
      return rest[0] === "preview"
        ? preview(config, guide, parsed, out, err)
        : tips(guide, rest, json, out, err);
    case "ask":
      return ask(guide, rest, json, out, err);
    case "eval":
      return runEval(guide, rest[0], out, err);
    case "discord":
      return discord(config, rest, out, err);
    case "guard-eval":
      return guardEval(rest[0], out, err);
    case "report":
      return report(config, guide, json, out, err);
    default:
      return start(config, guide, err);
  }
}

/** Runs the bot: the console chat without platform tokens, else each configured platform until a signal. */
async function start(config: Config, guide: Guide, err: Out): Promise<number> {
  if (!config.slack && !config.discord) {
    await registerConsole({ input: process.stdin, output: process.stdout }, guide);
    return 0;
  }
  const logger = createLogger(config.logLevel);
  const [{ Usage }, { FeedbackStore }, { TipScheduler }] = await Promise.all([
    lazy.usage(),
    lazy.feedback(),
    lazy.scheduler(),
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
    const slack = createSlackBot({ guide, config: config.slack, logger, tips: scheduler, usage });
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
    const discordBot = createDiscordBot({ guide, config: config.discord, logger, tips: scheduler, usage });
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

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      json: { type: "boolean", default: false },
      channel: { type: "string" },
      days: { type: "string" },
      platform: { type: "string" },
    },
    allowPositionals: true,
  });
  const [command = "start", ...rest] = positionals;
  return {
    command,
    json: values.json ?? false,
    rest,
    channel: values.channel,
    days: values.days,
    platform: values.platform,
  };
}

async function ask(guide: Guide, words: string[], json: boolean, out: Out, err: Out): Promise<number> {
  if (words.length > 0) {
    const reply = guide.ask(words.join(" "));
    out(json ? JSON.stringify(replyJson(reply)) : renderReply(reply));
    return 0;
  }
  if (!json) {
    err(
      'ask needs a question, e.g. socialmedia-guidance ask "can I accept a friend request from a patient?"',
    );
    return 2;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) out(JSON.stringify(replyJson(guide.ask(line))));
  return 0;
}

function guardEval(file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err("guard-eval needs a file: npm run eval:guard");
    return 2;
  }
  try {
    out(formatGuardResult(evaluateGuard(parseGuardCases(readFileSync(file, "utf8")))));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

/** Opens the database named in the config, or says why it cannot and returns undefined. */
async function openDb(config: Config, err: Out): Promise<Db | undefined> {
  const { openDatabase } = await lazy.db();
  try {
    return openDatabase(config.databasePath);
  } catch (error) {
    err(`Cannot open the database at ${config.databasePath}: ${(error as Error).message}`);
    return undefined;
  }
}

/** The moderators' to-do list from the database. */
async function report(config: Config, guide: Guide, json: boolean, out: Out, err: Out): Promise<number> {
  const { FeedbackStore } = await lazy.feedback();
  const db = await openDb(config, err);
  if (!db) return 1;
  try {
    const r = new FeedbackStore(db, config.feedbackSalt).report();
    if (json) {
      out(JSON.stringify(r, null, 2));
      return 0;
    }
    const title = (id: string) => guide.entry(id)?.title ?? `${id} (no longer in the knowledge base)`;
    const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : "-");
    out(
      [
        "Entries with the most 👎:",
        ...(r.disliked.length
          ? r.disliked.map(
              (d) =>
                `  ${String(d.down).padStart(4)} 👎 ${String(d.up).padStart(4)} 👍  ${title(d.entryId)} [${d.entryId}]`,
            )
          : ["  (no 👎 votes yet)"]),
        "",
        "Most-asked questions with no answer (redacted):",
        ...(r.unanswered.length
          ? r.unanswered.map((u) => `  ${String(u.count).padStart(4)} x  ${u.question}`)
          : ["  (none yet)"]),
        "",
        "Answer rate by day (UTC):",
        ...(r.days.length
          ? r.days.map(
              (d) =>
                `  ${d.day}  ${String(d.answered).padStart(5)} of ${String(d.asked).padStart(5)} answered  ${pct(d.answered, d.asked)}`,
            )
          : ["  (no questions yet)"]),
      ].join("\n"),
    );
    return 0;
  } finally {
    db.close();
  }
}

async function discord(config: Config, args: string[], out: Out, err: Out): Promise<number> {
  if (args[0] !== "deploy" || args.length > 1) {
    err(`Unknown discord command "${args.join(" ")}". Try: socialmedia-guidance discord deploy`);
    return 2;
  }
  if (!config.discord) {
    err("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and optionally DISCORD_GUILD_ID) in .env first.");
    return 1;
  }
  const { deployCommands, codeOf } = await lazy.discord();
  try {
    const { route, count } = await deployCommands(config.discord);
    out(
      `Registered ${count} commands ${config.discord.guildId ? `in server ${config.discord.guildId}` : "globally (they can take up to an hour to appear)"} (${route}).`,
    );
    return 0;
  } catch (error) {
    err(`Could not register the commands (${codeOf(error)}): ${redactSecrets((error as Error).message)}`);
    return 1;
  }
}

/** `tips preview --channel <id> [--days N] [--platform slack|discord]`: the channel's next tips. */
async function preview(
  config: Config,
  guide: Guide,
  args: { channel?: string; days?: string; platform?: string },
  out: Out,
  err: Out,
): Promise<number> {
  const days = Number(args.days ?? 7);
  const platform = args.platform ?? "slack";
  if (
    !args.channel ||
    !Number.isInteger(days) ||
    days < 1 ||
    days > 366 ||
    !["slack", "discord"].includes(platform)
  ) {
    err(
      "Usage: socialmedia-guidance tips preview --channel <id> [--days N (1-366)] [--platform slack|discord]",
    );
    return 2;
  }
  const [{ TipScheduler }, { formatLocal }] = await Promise.all([lazy.scheduler(), lazy.schedule()]);
  const db = await openDb(config, err);
  if (!db) return 1;
  try {
    const scheduler = new TipScheduler({
      db,
      tips: guide.tips(),
      posters: {},
      logger: createLogger("silent"),
      defaults: config.tips,
      graceMs: config.tips.graceMs,
    });
    const next = scheduler.preview(platform as Platform, args.channel, days);
    const schedule = scheduler.scheduleOf(platform as Platform, args.channel);
    const zone = schedule?.enabled ? schedule.timeZone : config.tips.timeZone;
    if (!schedule?.enabled) {
      out(
        `(${args.channel} has no daily tip yet; showing the defaults: ${config.tips.time} ${config.tips.timeZone}.)`,
      );
    }
    for (const { at, tip } of next) out(`${formatLocal(at, zone)}  ${tip.text}  [${tip.id}]`);
    return 0;
  } finally {
    db.close();
  }
}

function tips(guide: Guide, args: string[], json: boolean, out: Out, err: Out): number {
  if (args[0] !== "list" || args.length > 1) {
    err(
      `Unknown tips command "${args.join(" ")}". Try: socialmedia-guidance tips list [--json], or tips preview --channel <id> [--days N]`,
    );
    return 2;
  }
  out(json ? JSON.stringify(tipsJson(guide), null, 2) : renderTips(guide));
  return 0;
}

function tipsJson(guide: Guide) {
  return guide.tips().map((t) => ({
    id: t.id,
    topic: t.topic,
    text: t.text,
    sources: guide
      .sourcesOf(t)
      .map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, year: s.year })),
    entry: { id: t.entry, title: guide.entry(t.entry)?.title ?? t.entry },
  }));
}

function runEval(guide: Guide, file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err("eval needs a file: npm run eval -- ../shared/eval/dev.jsonl");
    return 2;
  }
  try {
    out(formatEval(evaluate(guide, parseEvalFile(readFileSync(file, "utf8")))));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

/** The `ask --json` contract. */
export function replyJson(reply: Reply) {
  const ref = (r: { id: string; title: string; confidence: number }) => ({
    id: r.id,
    title: r.title,
    confidence: r.confidence,
  });
  return {
    question: reply.question,
    answer:
      reply.kind === "answer"
        ? { id: reply.entry.id, title: reply.entry.title, confidence: reply.confidence }
        : null,
    suggestions: reply.suggestions.map(ref),
    flags: [...reply.flags],
  };
}

function topicsJson(guide: Guide) {
  return guide.topics().map((l) => ({
    id: l.topic.id,
    title: l.topic.title,
    entries: l.entries.map((e) => ({ id: e.id, title: e.title })),
  }));
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function printErr(text: string): void {
  process.stderr.write(`${text}\n`);
}

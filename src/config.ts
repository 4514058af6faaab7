import { resolve } from "node:path";
import { z } from "zod";
import { defaultKnowledgeDir } from "./paths.js";
import { parseTime, parseTimeZone } from "./tips/time.js";

/** An unset variable, or one left empty in .env, reads as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const prefixed = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v.startsWith(prefix), `must be ${what} (it starts with "${prefix}")`);

/** A whole number in a range, with one plain sentence for anything else ("abc", "1.5", "-3"). */
const wholeNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `must be ${what}, a whole number from ${min} to ${max}` })
    .int(`must be ${what}, a whole number from ${min} to ${max}`)
    .min(min, `must be ${what}, a whole number from ${min} to ${max}`)
    .max(max, `must be ${what}, a whole number from ${min} to ${max}`);

/** "6h", "90m", "1h30m", "45s": a duration in milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i.exec(text.trim());
  if (!m || !(m[1] || m[2] || m[3])) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** Channel ids separated by commas; a channel's name ("general") is not its id. */
const channelList = (shape: RegExp, example: string) =>
  z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .refine(
      (ids) => ids.every((id) => shape.test(id)),
      `must be channel ids separated by commas (like ${example}), not channel names`,
    );

const schema = z.object({
  KNOWLEDGE_DIR: optional(z.string().trim()),
  LOG_LEVEL: optional(
    z.enum(
      ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
      "must be one of fatal, error, warn, info, debug, trace, silent",
    ),
  ),
  SLACK_BOT_TOKEN: optional(prefixed("xoxb-", "a bot token")),
  SLACK_APP_TOKEN: optional(prefixed("xapp-", "an app-level token")),
  SLACK_SIGNING_SECRET: optional(z.string().trim()),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/ })),
  PORT: optional(wholeNumber(0, 65_535, "a port number")),
  DISCORD_TOKEN: optional(z.string().trim().min(20, "does not look like a bot token")),
  DISCORD_APPLICATION_ID: optional(
    z
      .string()
      .trim()
      .regex(/^\d{15,22}$/, "must be the application's numeric id"),
  ),
  DISCORD_GUILD_ID: optional(
    z
      .string()
      .trim()
      .regex(/^\d{15,22}$/, "must be a server's numeric id"),
  ),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
  DATABASE_PATH: optional(z.string().trim()),
  TIP_TIME: optional(z.string().refine((v) => parseTime(v) !== undefined, "must be a time of day as HH:MM")),
  TIP_TIMEZONE: optional(
    z.string().refine((v) => parseTimeZone(v) !== undefined, "must be an IANA time zone, e.g. Europe/London"),
  ),
  TIP_GRACE: optional(
    z.string().refine((v) => parseDuration(v) !== undefined, 'must be a duration such as "6h" or "90m"'),
  ),
  SLACK_TIP_CHANNELS: optional(channelList(/^[CGD][A-Z0-9]{6,}$/, "C0123ABCD")),
  LOG_QUESTIONS: optional(z.enum(["true", "false", "1", "0", "yes", "no"], "must be true or false")),
  LEARN_FROM_USE: optional(z.enum(["true", "false", "1", "0", "yes", "no"], "must be true or false")),
  RECORD_CONSOLE: optional(z.enum(["true", "false", "1", "0", "yes", "no"], "must be true or false")),
  RATE_LIMIT_PER_MINUTE: optional(wholeNumber(1, 10_000, "a number of questions")),
  SHARE_LIMIT_PER_HOUR: optional(wholeNumber(1, 10_000, "a number of shares")),
  FEEDBACK_SALT: optional(z.string().trim().min(16, "must be at least 16 characters")),
  DISCORD_TIP_CHANNELS: optional(channelList(/^\d{15,22}$/, "1234567890123456789")),
});

/** Daily-tip settings: defaults for new schedules, the catch-up window, and channels from the environment. */
export interface TipConfig {
  readonly time: string;
  readonly timeZone: string;
  readonly graceMs: number;
  readonly slackChannels: readonly string[];
  readonly discordChannels: readonly string[];
}

/** Discord settings; the application id is needed to register and answer commands. */
export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  /** Register commands to this one server (fast, for development) instead of globally. */
  readonly guildId?: string;
  /** REST base URL, when not Discord's own (a proxy, tests). */
  readonly apiUrl?: string;
}

/** Slack settings: Socket Mode when there is an app token, else HTTP with signed requests. */
export interface SlackConfig {
  readonly botToken: string;
  readonly mode: "socket" | "http";
  readonly appToken?: string;
  readonly signingSecret?: string;
  readonly port: number;
  /** Web API base URL, when not Slack's own (GovSlack, a proxy, tests). */
  readonly apiUrl?: string;
}

/** The bot's settings, read once from the environment. */
export interface Config {
  readonly knowledgeDir: string;
  readonly logLevel: string;
  readonly slack?: SlackConfig;
  readonly discord?: DiscordConfig;
  /** The embedded SQLite file: tip schedules, post history, feedback. */
  readonly databasePath: string;
  readonly tips: TipConfig;
  /** Log question text (never a flagged one). Off by default. */
  readonly logQuestions: boolean;
  /** Propose a question as a phrasing when its asker picks a suggestion or 👍 an unsure answer. */
  readonly learnFromUse: boolean;
  /** Record console-chat questions for the report and learning, like the platforms' (opt out with false). */
  readonly recordConsole: boolean;
  /** Questions a person may ask in a minute. */
  readonly questionsPerMinute: number;
  /** Answers that may be shared into one channel in an hour. */
  readonly sharesPerHour: number;
  /** Salt for voters' hashes; generated and kept in the database when not set. */
  readonly feedbackSalt?: string;
}

/** Thrown with every missing or invalid variable named at once; never contains a secret's value. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates `env` and returns a frozen, typed config. */
export function loadConfig(env: NodeJS.ProcessEnv, uses: (name: string) => boolean = () => true): Config {
  // A setting the command does not use is not checked: a wrong Slack token must not stop a moderator
  // from validating the knowledge. Such a setting is read as unset.
  const first = schema.safeParse(env);
  const unused = first.success
    ? []
    : first.error.issues.map((i) => String(i.path[0])).filter((name) => !uses(name));
  const checked = unused.length
    ? Object.fromEntries(Object.entries(env).filter(([k]) => !unused.includes(k)))
    : env;
  const parsed = unused.length ? schema.safeParse(checked) : first;
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message.replace(/^Invalid input: /, "")}`);
  const e = parsed.success ? parsed.data : undefined;
  const slack = uses("SLACK_BOT_TOKEN");
  const discord = uses("DISCORD_TOKEN");
  if (slack && e?.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    issues.push(
      "SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode instead)",
    );
  }
  if (slack && e && !e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    issues.push("SLACK_BOT_TOKEN: required when other Slack settings are given");
  }
  if (discord && e?.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    issues.push("DISCORD_APPLICATION_ID: required with DISCORD_TOKEN (General Information page of the app)");
  }
  if (!e || issues.length > 0) throw new ConfigError(issues);
  return Object.freeze({
    knowledgeDir: e.KNOWLEDGE_DIR ? resolve(e.KNOWLEDGE_DIR) : defaultKnowledgeDir(),
    logLevel: e.LOG_LEVEL ?? "info",
    logQuestions: ["true", "1", "yes"].includes(e.LOG_QUESTIONS ?? "false"),
    learnFromUse: ["true", "1", "yes"].includes(e.LEARN_FROM_USE ?? "true"),
    recordConsole: ["true", "1", "yes"].includes(e.RECORD_CONSOLE ?? "true"),
    questionsPerMinute: e.RATE_LIMIT_PER_MINUTE ?? 20,
    sharesPerHour: e.SHARE_LIMIT_PER_HOUR ?? 10,
    feedbackSalt: e.FEEDBACK_SALT,
    databasePath: resolve(e.DATABASE_PATH ?? "./data/socialmedia-guidance.db"),
    tips: Object.freeze({
      time: parseTime(e.TIP_TIME ?? "09:00") ?? "09:00",
      timeZone: parseTimeZone(e.TIP_TIMEZONE ?? "UTC") ?? "UTC",
      graceMs: parseDuration(e.TIP_GRACE ?? "6h") ?? 6 * 3600_000,
      slackChannels: Object.freeze([...(e.SLACK_TIP_CHANNELS ?? [])]),
      discordChannels: Object.freeze([...(e.DISCORD_TIP_CHANNELS ?? [])]),
    }),
    slack: e.SLACK_BOT_TOKEN
      ? Object.freeze({
          botToken: e.SLACK_BOT_TOKEN,
          mode: e.SLACK_APP_TOKEN ? ("socket" as const) : ("http" as const),
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          port: e.PORT ?? 3000,
          apiUrl: e.SLACK_API_URL,
        })
      : undefined,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? Object.freeze({
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            guildId: e.DISCORD_GUILD_ID,
            apiUrl: e.DISCORD_API_URL,
          })
        : undefined,
  });
}

/** The settings every command that reads the knowledge or the database uses. */
const LOCAL_SETTINGS = new Set(["KNOWLEDGE_DIR", "DATABASE_PATH", "FEEDBACK_SALT"]);

/** For loadConfig: only the knowledge and the database, plus the settings starting with `prefixes`. */
export function localSettings(...prefixes: string[]): (name: string) => boolean {
  return (name) => LOCAL_SETTINGS.has(name) || prefixes.some((p) => name.startsWith(p));
}

import { z } from "zod";
import {
  channelList,
  flag,
  guid,
  mattermostToken,
  optional,
  parseDuration,
  prefixed,
  wholeNumber,
} from "./config-fields.js";
import {
  discordShardGaps,
  discordShards,
  mattermostGaps,
  SLACK_OAUTH,
  slackOAuthConfig,
  slackOAuthGaps,
  teamsConfig,
  teamsGaps,
  withoutSlash,
} from "./config-platforms.js";
import type { Config } from "./config-types.js";
import { knowledgeDirOf, settingPath } from "./paths.js";
import { databaseUrlProblem } from "./store/postgres-target.js";
import { isKey, KEY_FORMAT } from "./store/token-cipher.js";
import { parseTime, parseTimeZone, sharedAbbreviation } from "./tips/time.js";

export { parseDuration } from "./config-fields.js";
export { localSettings } from "./config-scope.js";
export type {
  Config,
  DiscordConfig,
  MattermostConfig,
  SlackConfig,
  SlackOAuthConfig,
  TeamsConfig,
  TeamsCredentials,
  TipConfig,
} from "./config-types.js";

/** The shortest TIP_GRACE: past the last retry of a failed post (1, 4 and 16 minutes after it fell due). */
const MIN_TIP_GRACE_MS = 30 * 60_000;

const schema = z.object({
  KNOWLEDGE_DIR: optional(z.string().trim()),
  // in any case ("WARN"), as the true-or-false settings are read
  LOG_LEVEL: optional(
    z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
      z.enum(
        ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
        "must be one of fatal, error, warn, info, debug, trace, silent",
      ),
    ),
  ),
  SLACK_BOT_TOKEN: optional(prefixed("xoxb-", "a bot token")),
  SLACK_APP_TOKEN: optional(prefixed("xapp-", "an app-level token")),
  SLACK_SIGNING_SECRET: optional(z.string().trim()),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/ })),
  SLACK_CLIENT_ID: optional(z.string().trim()),
  SLACK_CLIENT_SECRET: optional(z.string().trim()),
  SLACK_STATE_SECRET: optional(
    z.string().trim().min(16, "must be a long random string (16 characters or more)"),
  ),
  SLACK_TOKEN_ENCRYPTION_KEY: optional(z.string().trim().refine(isKey, KEY_FORMAT)),
  SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS: optional(z.string().trim().refine(isKey, KEY_FORMAT)),
  PORT: optional(wholeNumber(0, 65_535, "a port number")),
  DISCORD_TOKEN: optional(z.string().trim().min(20, "does not look like a bot token")),
  DISCORD_APPLICATION_ID: optional(
    z
      .string()
      .trim()
      .regex(
        /^\d{15,22}$/,
        "must be the application's id, 15 to 22 digits (Developer Portal, General Information, Application ID)",
      ),
  ),
  DISCORD_GUILD_ID: optional(
    z
      .string()
      .trim()
      .regex(
        /^\d{15,22}$/,
        "must be a server's id, 15 to 22 digits (Discord: right-click the server, Copy Server ID)",
      ),
  ),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
  DISCORD_SHARDS: optional(
    z.union([z.literal("auto"), wholeNumber(1, 10_000, "a number of shards")], {
      error: 'must be "auto" or a number of shards',
    }),
  ),
  DISCORD_SHARD_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, "must be shard numbers separated by commas, such as 0,1")
      .transform((v) => v.split(",").map(Number)),
  ),
  DATABASE_PATH: optional(z.string().trim()),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .superRefine((url, ctx) => {
        const problem = databaseUrlProblem(url);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  ),
  TIP_TIME: optional(
    z.string().refine((v) => parseTime(v) !== undefined, "must be a time of day, such as 09:00 or 9am"),
  ),
  TIP_TIMEZONE: optional(
    z.string().superRefine((v, ctx) => {
      if (parseTimeZone(v) !== undefined) return;
      const shared = sharedAbbreviation(v);
      const message = shared
        ? `is the name of more than one time zone (${shared}): give the zone's name`
        : "must be a time zone: a name such as Europe/London, an abbreviation such as EST, or an offset such as UTC+2";
      ctx.addIssue({ code: "custom", message });
    }),
  ),
  // A tip is checked a moment after it falls due, and a failed post is retried up to 21 minutes on:
  // a grace of "0s" skipped every tip, every day, as "due too long ago".
  TIP_GRACE: optional(
    z
      .string()
      // said apart: "1d" and "1.5h" are long enough, and were told they were too short
      .refine(
        (v) => parseDuration(v) !== undefined,
        'must be written in days, hours and minutes, such as "6h", "90m" or "1d"',
      )
      .refine(
        (v) => (parseDuration(v) ?? MIN_TIP_GRACE_MS) >= MIN_TIP_GRACE_MS,
        'must be a duration of at least 30m, such as "6h" or "90m"',
      ),
  ),
  SLACK_TIP_CHANNELS: optional(channelList(/^[CGD][A-Z0-9]{6,}$/, "C0123ABCD")),
  LOG_QUESTIONS: flag(),
  LEARN_FROM_USE: flag(),
  RECORD_CONSOLE: flag(),
  RATE_LIMIT_PER_MINUTE: optional(wholeNumber(1, 10_000, "a number of questions")),
  SHARE_LIMIT_PER_HOUR: optional(wholeNumber(1, 10_000, "a number of shares")),
  FEEDBACK_SALT: optional(z.string().trim().min(16, "must be at least 16 characters")),
  DISCORD_TIP_CHANNELS: optional(channelList(/^\d{15,22}$/, "1234567890123456789")),
  MATTERMOST_URL: optional(
    z.url({ protocol: /^https?$/, error: "must be the server's address, such as https://chat.example.org" }),
  ),
  MATTERMOST_BOT_TOKEN: optional(mattermostToken("the bot account's access token")),
  MATTERMOST_COMMAND_TOKEN: optional(mattermostToken("the slash command's token")),
  MATTERMOST_BOT_URL: optional(
    z.url({
      protocol: /^https?$/,
      error: "must be this bot's address as Mattermost reaches it, such as https://guidance.example.org",
    }),
  ),
  MATTERMOST_TIP_CHANNELS: optional(channelList(/^[a-z0-9]{26}$/, "4xp9fdt4pbgeddkbzj8kf6xmyw")),
  TEAMS_CLIENT_ID: optional(guid("the app registration's Application (client) ID")),
  TEAMS_CLIENT_SECRET: optional(z.string().trim()),
  TEAMS_TENANT_ID: optional(guid("the app registration's Directory (tenant) ID")),
  TEAMS_TIP_CHANNELS: optional(channelList(/^19:[^\s,;]+@thread\.[a-z0-9]+$/i, "19:abc123@thread.tacv2")),
  TEAMS_LOCAL_TESTING: flag(),
});

/** The names of every setting, as .env and the environment give them. */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

/** The settings as the schema reads them. */
export type Settings = z.infer<typeof schema>;

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
  // Which settings depend on which is read from what was given, not from what validated, so that a
  // missing one is named on the same run as a malformed one elsewhere.
  const given = (name: string) => (checked[name] ?? "").trim() !== "";
  if (slack && given("SLACK_BOT_TOKEN") && !given("SLACK_APP_TOKEN") && !given("SLACK_SIGNING_SECRET")) {
    issues.push(
      "SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode instead)",
    );
  }
  const distributed = slack && SLACK_OAUTH.some(given);
  if (distributed) issues.push(...slackOAuthGaps(given));
  if (
    slack &&
    !distributed &&
    !given("SLACK_BOT_TOKEN") &&
    (given("SLACK_APP_TOKEN") || given("SLACK_SIGNING_SECRET"))
  ) {
    issues.push("SLACK_BOT_TOKEN: required when other Slack settings are given");
  }
  if (slack && !distributed && given("SLACK_TOKEN_ENCRYPTION_KEY")) {
    issues.push(
      `SLACK_TOKEN_ENCRYPTION_KEY: used only by a distributable app, with ${SLACK_OAUTH.join(", ")} (is one of them misspelt?)`,
    );
  }
  // A misspelt token (DISCORD_TOKN) left the other Discord settings unused, and the console chat ran.
  const discordOthers = [
    "DISCORD_APPLICATION_ID",
    "DISCORD_GUILD_ID",
    "DISCORD_TIP_CHANNELS",
    "DISCORD_SHARDS",
  ];
  if (discord && !given("DISCORD_TOKEN") && discordOthers.some(given)) {
    issues.push(
      `DISCORD_TOKEN: required with ${discordOthers.filter(given).join(" and ")} (the Bot page of the app)`,
    );
  }
  if (discord && given("DISCORD_TOKEN") && !given("DISCORD_APPLICATION_ID")) {
    issues.push("DISCORD_APPLICATION_ID: required with DISCORD_TOKEN (General Information page of the app)");
  }
  if (discord && e) issues.push(...discordShardGaps(e.DISCORD_SHARDS, e.DISCORD_SHARD_IDS));
  if (uses("MATTERMOST_URL")) issues.push(...mattermostGaps(env));
  if (uses("TEAMS_CLIENT_ID")) issues.push(...teamsGaps(env));
  if (!e || issues.length > 0) throw new ConfigError(issues);
  return Object.freeze({
    knowledgeDir: knowledgeDirOf(e),
    logLevel: e.LOG_LEVEL ?? "info",
    logQuestions: ["true", "1", "yes"].includes(e.LOG_QUESTIONS ?? "false"),
    learnFromUse: ["true", "1", "yes"].includes(e.LEARN_FROM_USE ?? "true"),
    recordConsole: ["true", "1", "yes"].includes(e.RECORD_CONSOLE ?? "true"),
    questionsPerMinute: e.RATE_LIMIT_PER_MINUTE ?? 20,
    sharesPerHour: e.SHARE_LIMIT_PER_HOUR ?? 10,
    feedbackSalt: e.FEEDBACK_SALT,
    databasePath: settingPath(e.DATABASE_PATH ?? "./data/socialmedia-guidance.db"),
    databaseUrl: e.DATABASE_URL,
    tips: Object.freeze({
      time: parseTime(e.TIP_TIME ?? "09:00") ?? "09:00",
      // Read with Intl only when set: its first use costs a one-shot command tens of milliseconds.
      timeZone: e.TIP_TIMEZONE ? (parseTimeZone(e.TIP_TIMEZONE) ?? "UTC") : "UTC",
      graceMs: parseDuration(e.TIP_GRACE ?? "6h") ?? 6 * 3600_000,
      slackChannels: Object.freeze([...(e.SLACK_TIP_CHANNELS ?? [])]),
      discordChannels: Object.freeze([...(e.DISCORD_TIP_CHANNELS ?? [])]),
      mattermostChannels: Object.freeze([...(e.MATTERMOST_TIP_CHANNELS ?? [])]),
      teamsChannels: Object.freeze([...(e.TEAMS_TIP_CHANNELS ?? [])]),
    }),
    port: e.PORT ?? 3000,
    mattermost:
      e.MATTERMOST_URL && e.MATTERMOST_BOT_TOKEN && e.MATTERMOST_COMMAND_TOKEN
        ? Object.freeze({
            url: withoutSlash(e.MATTERMOST_URL),
            botToken: e.MATTERMOST_BOT_TOKEN,
            commandToken: e.MATTERMOST_COMMAND_TOKEN,
            ...(e.MATTERMOST_BOT_URL ? { botUrl: withoutSlash(e.MATTERMOST_BOT_URL) } : {}),
          })
        : undefined,
    teams: teamsConfig(e),
    slack: e.SLACK_BOT_TOKEN
      ? Object.freeze({
          botToken: e.SLACK_BOT_TOKEN,
          mode: e.SLACK_APP_TOKEN ? ("socket" as const) : ("http" as const),
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          port: e.PORT ?? 3000,
          apiUrl: e.SLACK_API_URL,
        })
      : slackOAuthConfig(e),
    ...(e.DISCORD_APPLICATION_ID ? { discordApplicationId: e.DISCORD_APPLICATION_ID } : {}),
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? Object.freeze({
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID,
            guildId: e.DISCORD_GUILD_ID,
            apiUrl: e.DISCORD_API_URL,
            ...discordShards(e.DISCORD_SHARDS, e.DISCORD_SHARD_IDS),
          })
        : undefined,
  });
}

import { resolve } from "node:path";
import { z } from "zod";
import { defaultKnowledgeDir } from "./paths.js";
import { databaseUrlProblem } from "./store/postgres-target.js";
import { isKey, KEY_FORMAT } from "./store/token-cipher.js";
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

/** Mattermost's tokens are 26 letters and digits; allow some room for other builds. */
const mattermostToken = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{20,64}$/, `must be ${what} (26 letters and digits)`);

/** An app registration's id or tenant in Microsoft Entra: a GUID. */
const guid = (what: string) =>
  z
    .string()
    .trim()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      `must be ${what}, a GUID like 00000000-0000-0000-0000-000000000000`,
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
      .regex(/^\d{15,22}$/, "must be the application's numeric id"),
  ),
  DISCORD_GUILD_ID: optional(
    z
      .string()
      .trim()
      .regex(/^\d{15,22}$/, "must be a server's numeric id"),
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
  TEAMS_LOCAL_TESTING: optional(z.enum(["true", "false", "1", "0", "yes", "no"], "must be true or false")),
});

/** Daily-tip settings: defaults for new schedules, the catch-up window, and channels from the environment. */
export interface TipConfig {
  readonly time: string;
  readonly timeZone: string;
  readonly graceMs: number;
  readonly slackChannels: readonly string[];
  readonly discordChannels: readonly string[];
  readonly mattermostChannels: readonly string[];
  readonly teamsChannels: readonly string[];
}

/** Discord settings; the application id is needed to register and answer commands. */
export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  /** Register commands to this one server (fast, for development) instead of globally. */
  readonly guildId?: string;
  /** REST base URL, when not Discord's own (a proxy, tests). */
  readonly apiUrl?: string;
  /**
   * Gateway sharding (DISCORD_SHARDS): "auto" for Discord's recommended count in this process, or a
   * total count with the shards this replica runs (all of them unless DISCORD_SHARD_IDS says which).
   * Unset: one connection, no sharding.
   */
  readonly shards?: "auto" | { readonly count: number; readonly ids: readonly number[] };
}

/**
 * A distributable Slack app (SLACK_CLIENT_ID and friends): installed in many workspaces through
 * Slack's OAuth flow, each workspace's bot token kept sealed in the database.
 */
export interface SlackOAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the OAuth flow's state parameter. */
  readonly stateSecret: string;
  /** Seals the installations' tokens (32 bytes, hex or base64; see token-cipher.ts). */
  readonly encryptionKey: string;
  /** The key being rotated out: still opens what it sealed, which is sealed again under the new one. */
  readonly previousEncryptionKey?: string;
}

/**
 * Slack settings: Socket Mode when there is an app token, else HTTP with signed requests. One bot token
 * for one workspace, or `oauth` (HTTP only) for many.
 */
export interface SlackConfig {
  readonly botToken?: string;
  readonly oauth?: SlackOAuthConfig;
  readonly mode: "socket" | "http";
  readonly appToken?: string;
  readonly signingSecret?: string;
  readonly port: number;
  /** Web API base URL, when not Slack's own (GovSlack, a proxy, tests). */
  readonly apiUrl?: string;
}

/** Mattermost settings: the server, the bot account's token, and the slash command's token. */
export interface MattermostConfig {
  /** The server's address, without a trailing slash. */
  readonly url: string;
  readonly botToken: string;
  readonly commandToken: string;
  /** This bot's address as Mattermost reaches it, for buttons; else taken from each request. */
  readonly botUrl?: string;
}

/** The Teams bot's app registration in Microsoft Entra. */
export interface TeamsCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  /** A single-tenant bot's tenant; absent for a multi-tenant one (which the SDK documents as legacy). */
  readonly tenantId?: string;
}

/** Microsoft Teams settings: messages on PORT at /api/messages. */
export interface TeamsConfig {
  /** Absent only in local testing (TEAMS_LOCAL_TESTING), where activities are not authenticated. */
  readonly credentials?: TeamsCredentials;
}

/** The bot's settings, read once from the environment. */
export interface Config {
  readonly knowledgeDir: string;
  readonly logLevel: string;
  readonly slack?: SlackConfig;
  readonly discord?: DiscordConfig;
  readonly mattermost?: MattermostConfig;
  readonly teams?: TeamsConfig;
  /** The port of the HTTP front shared by the platforms that take requests over HTTP. */
  readonly port: number;
  /** The embedded SQLite file: tip schedules, post history, feedback. */
  readonly databasePath: string;
  /** PostgreSQL instead of the SQLite file, when set (postgres://user:password@host:5432/database). */
  readonly databaseUrl?: string;
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
  if (discord && given("DISCORD_TOKEN") && !given("DISCORD_APPLICATION_ID")) {
    issues.push("DISCORD_APPLICATION_ID: required with DISCORD_TOKEN (General Information page of the app)");
  }
  if (discord && e) issues.push(...discordShardGaps(e.DISCORD_SHARDS, e.DISCORD_SHARD_IDS));
  if (uses("MATTERMOST_URL")) issues.push(...mattermostGaps(env));
  if (uses("TEAMS_CLIENT_ID")) issues.push(...teamsGaps(env));
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

/** The settings that make Slack a distributable app, and what each is. */
const SLACK_OAUTH_REQUIRED = {
  SLACK_CLIENT_ID: "the app's Client ID (Basic Information page)",
  SLACK_CLIENT_SECRET: "the app's Client Secret (Basic Information page)",
  SLACK_STATE_SECRET: "a long random string that signs the install flow",
  SLACK_TOKEN_ENCRYPTION_KEY: "32 random bytes that seal the workspaces' tokens: `openssl rand -base64 32`",
  SLACK_SIGNING_SECRET: "the app's Signing Secret (Basic Information page)",
} as const;
const SLACK_OAUTH = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"];

/** A distributable app needs all its settings, HTTP mode, and no single workspace's token or channels. */
function slackOAuthGaps(given: (name: string) => boolean): string[] {
  const names = Object.keys(SLACK_OAUTH_REQUIRED) as (keyof typeof SLACK_OAUTH_REQUIRED)[];
  const named = SLACK_OAUTH.filter(given).join(" and ");
  const gaps = names
    .filter((n) => !given(n))
    .map((n) => `${n}: required with ${named} (${SLACK_OAUTH_REQUIRED[n]})`);
  if (given("SLACK_BOT_TOKEN"))
    gaps.push(
      `SLACK_BOT_TOKEN: leave it unset with ${named}: each workspace's token comes from its installation`,
    );
  if (given("SLACK_APP_TOKEN"))
    gaps.push(`SLACK_APP_TOKEN: leave it unset with ${named}: installing in many workspaces needs HTTP mode`);
  if (given("SLACK_TIP_CHANNELS"))
    gaps.push(
      `SLACK_TIP_CHANNELS: leave it unset with ${named}: each workspace turns its tips on with the slash command`,
    );
  return gaps;
}

/** Slack's settings as a distributable app, or undefined when Slack is not configured. */
function slackOAuthConfig(e: z.infer<typeof schema>): SlackConfig | undefined {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = e;
  const encryptionKey = e.SLACK_TOKEN_ENCRYPTION_KEY;
  if (!clientId || !clientSecret || !stateSecret || !encryptionKey) return undefined;
  return Object.freeze({
    mode: "http" as const,
    oauth: Object.freeze({
      clientId,
      clientSecret,
      stateSecret,
      encryptionKey,
      ...(e.SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS
        ? { previousEncryptionKey: e.SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS }
        : {}),
    }),
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT ?? 3000,
    apiUrl: e.SLACK_API_URL,
  });
}

const MATTERMOST_REQUIRED = {
  MATTERMOST_URL: "the server's address",
  MATTERMOST_BOT_TOKEN: "the bot account's access token",
  MATTERMOST_COMMAND_TOKEN: "the slash command's token",
} as const;

/** Mattermost runs with all three of its settings; a partial set names each one missing. */
function mattermostGaps(env: NodeJS.ProcessEnv): string[] {
  const names = Object.keys(MATTERMOST_REQUIRED) as (keyof typeof MATTERMOST_REQUIRED)[];
  const given = names.filter((n) => env[n]?.trim());
  if (given.length === 0 || given.length === names.length) return [];
  return names
    .filter((n) => !env[n]?.trim())
    .map((n) => `${n}: required with ${given.join(" and ")} (${MATTERMOST_REQUIRED[n]})`);
}

const TEAMS_CREDENTIALS = {
  TEAMS_CLIENT_ID: "the app registration's Application (client) ID",
  TEAMS_CLIENT_SECRET: "a client secret from the app registration's Certificates & secrets page",
} as const;
const TEAMS_SETTINGS = [...Object.keys(TEAMS_CREDENTIALS), "TEAMS_TENANT_ID", "TEAMS_TIP_CHANNELS"];

/** Teams runs with its client id and secret (and a tenant for a single-tenant bot), or in local testing without any. */
function teamsGaps(env: NodeJS.ProcessEnv): string[] {
  const given = TEAMS_SETTINGS.filter((n) => env[n]?.trim());
  const localTesting = ["true", "1", "yes"].includes(env.TEAMS_LOCAL_TESTING?.trim() ?? "");
  if (localTesting) {
    const credentials = given.filter((n) => n !== "TEAMS_TIP_CHANNELS");
    return credentials.length > 0
      ? [
          `TEAMS_LOCAL_TESTING: only without ${credentials.join(" and ")}; with credentials every request is checked, so remove one or the other`,
        ]
      : [];
  }
  if (given.length === 0) return [];
  return (Object.keys(TEAMS_CREDENTIALS) as (keyof typeof TEAMS_CREDENTIALS)[])
    .filter((n) => !env[n]?.trim())
    .map((n) => `${n}: required with ${given.join(" and ")} (${TEAMS_CREDENTIALS[n]})`);
}

/** Teams' settings once they are known to be complete, or undefined when Teams is not configured. */
function teamsConfig(e: z.infer<typeof schema>): TeamsConfig | undefined {
  if (e.TEAMS_CLIENT_ID && e.TEAMS_CLIENT_SECRET)
    return Object.freeze({
      credentials: Object.freeze({
        clientId: e.TEAMS_CLIENT_ID,
        clientSecret: e.TEAMS_CLIENT_SECRET,
        ...(e.TEAMS_TENANT_ID ? { tenantId: e.TEAMS_TENANT_ID } : {}),
      }),
    });
  return ["true", "1", "yes"].includes(e.TEAMS_LOCAL_TESTING ?? "false") ? Object.freeze({}) : undefined;
}

function withoutSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** The settings every command that reads the knowledge or the database uses. */
const LOCAL_SETTINGS = new Set(["KNOWLEDGE_DIR", "DATABASE_PATH", "DATABASE_URL", "FEEDBACK_SALT"]);

/** For loadConfig: only the knowledge and the database, plus the settings starting with `prefixes`. */
export function localSettings(...prefixes: string[]): (name: string) => boolean {
  return (name) => LOCAL_SETTINGS.has(name) || prefixes.some((p) => name.startsWith(p));
}

/** DISCORD_SHARD_IDS needs a total count in DISCORD_SHARDS, and each id must be below it. */
function discordShardGaps(shards: "auto" | number | undefined, ids: readonly number[] | undefined): string[] {
  if (!ids) return [];
  if (typeof shards !== "number")
    return ["DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the total number of shards"];
  const outside = ids.filter((id) => id >= shards);
  return outside.length
    ? [`DISCORD_SHARD_IDS: ${outside.join(", ")} not below DISCORD_SHARDS (${shards}); shards count from 0`]
    : [];
}

/** The Discord sharding settings as DiscordConfig holds them; nothing when sharding is off. */
function discordShards(
  shards: "auto" | number | undefined,
  ids: readonly number[] | undefined,
): Pick<DiscordConfig, "shards"> {
  if (shards === undefined) return {};
  if (shards === "auto") return { shards };
  const all = Array.from({ length: shards }, (_, i) => i);
  return { shards: Object.freeze({ count: shards, ids: Object.freeze([...new Set(ids ?? all)]) }) };
}

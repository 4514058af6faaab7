// The settings of a platform that depend on one another, read as a set: what is missing, all named at once.
import type { Settings } from "./config.js";
import type { DiscordConfig, SlackConfig, TeamsConfig } from "./config-types.js";

/** The settings that make Slack a distributable app, and what each is. */
const SLACK_OAUTH_REQUIRED = {
  SLACK_CLIENT_ID: "the app's Client ID (Basic Information page)",
  SLACK_CLIENT_SECRET: "the app's Client Secret (Basic Information page)",
  SLACK_STATE_SECRET: "a long random string that signs the install flow",
  SLACK_TOKEN_ENCRYPTION_KEY: "32 random bytes that seal the workspaces' tokens: `openssl rand -base64 32`",
  SLACK_SIGNING_SECRET: "the app's Signing Secret (Basic Information page)",
} as const;
export const SLACK_OAUTH = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"];

/** A distributable app needs all its settings, HTTP mode, and no single workspace's token or channels. */
export function slackOAuthGaps(given: (name: string) => boolean): string[] {
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
export function slackOAuthConfig(e: Settings): SlackConfig | undefined {
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
export function mattermostGaps(env: NodeJS.ProcessEnv): string[] {
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
export function teamsGaps(env: NodeJS.ProcessEnv): string[] {
  const given = TEAMS_SETTINGS.filter((n) => env[n]?.trim());
  const localTesting = ["true", "1", "yes"].includes(env.TEAMS_LOCAL_TESTING?.trim().toLowerCase() ?? "");
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
export function teamsConfig(e: Settings): TeamsConfig | undefined {
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

export function withoutSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** DISCORD_SHARD_IDS needs a total count in DISCORD_SHARDS, and each id must be below it. */
export function discordShardGaps(
  shards: "auto" | number | undefined,
  ids: readonly number[] | undefined,
): string[] {
  if (!ids) return [];
  if (typeof shards !== "number")
    return ["DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the total number of shards"];
  const outside = ids.filter((id) => id >= shards);
  return outside.length
    ? [`DISCORD_SHARD_IDS: ${outside.join(", ")} not below DISCORD_SHARDS (${shards}); shards count from 0`]
    : [];
}

/** The Discord sharding settings as DiscordConfig holds them; nothing when sharding is off. */
export function discordShards(
  shards: "auto" | number | undefined,
  ids: readonly number[] | undefined,
): Pick<DiscordConfig, "shards"> {
  if (shards === undefined) return {};
  if (shards === "auto") return { shards };
  const all = Array.from({ length: shards }, (_, i) => i);
  return { shards: Object.freeze({ count: shards, ids: Object.freeze([...new Set(ids ?? all)]) }) };
}

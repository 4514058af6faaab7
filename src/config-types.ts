// What loadConfig returns: the settings of the bot and of each platform it runs on.

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
  /** DISCORD_APPLICATION_ID, also without a token: all `discord invite` needs. */
  readonly discordApplicationId?: string;
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

// Slack ids are unique only within a workspace, so where the bot serves many workspaces the Slack
// adapter qualifies channel ids with the team: "T123:C456". The schedules, rate limits and votes keyed
// by such an id are then per workspace without a column of their own.

import type { Platform } from "../ports.js";

/** A channel's key for a bot serving many workspaces: "T123:C456" (the id alone without a team). */
export function workspaceChannel(teamId: string | undefined, channelId: string): string {
  return teamId ? `${teamId}:${channelId}` : channelId;
}

/** A Slack channel key split into its team (for a workspace-qualified key) and Slack's channel id. */
export function splitChannelKey(key: string): { teamId?: string; channelId: string } {
  const match = /^([A-Z0-9]+):(.+)$/.exec(key);
  return match?.[1] && match[2] ? { teamId: match[1], channelId: match[2] } : { channelId: key };
}

/**
 * The Slack team of a qualified id ("T123:C456" -> "T123"); undefined for an id of a single workspace,
 * and for every other platform, whose ids may have a colon of their own (a Teams channel's
 * "19:abc@thread.tacv2", a Teams user's "29:xyz") that names no workspace.
 */
export function workspaceOf(platform: Platform, id: string | undefined): string | undefined {
  return platform === "slack" ? splitChannelKey(id ?? "").teamId : undefined;
}

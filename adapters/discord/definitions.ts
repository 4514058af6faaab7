import { PermissionFlagsBits } from "discord.js";

/** The everyday command: anyone can ask. */
export const COMMAND = "socialmedia-guidance";
/**
 * The daily-tip settings. Discord sets default member permissions per command, not per subcommand,
 * so the admin-only tips group is its own command, visible to Manage Server by default.
 */
export const TIPS_COMMAND = "socialmedia-guidance-tips";

/** The permissions the bot needs in a channel: read it, and post tips and shared answers in it. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

/** The invite link: the bot and its commands, with only the permissions it needs. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params}`;
}

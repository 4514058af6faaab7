import { type Config, redactSecrets } from "../src/index.js";
import { lazy } from "./lazy.js";
import type { Out } from "./output.js";

/** `discord invite` prints the invite URL; `discord deploy` registers the commands, in one server or globally. */
export async function discordDeploy(
  config: Config,
  args: readonly string[],
  out: Out,
  err: Out,
): Promise<number> {
  if (!["deploy", "invite"].includes(args[0] ?? "") || args.length > 1) {
    err(
      `${args.length === 0 ? "discord needs a subcommand." : `Unknown discord command "${args.join(" ")}".`} Try: socialmedia-guidance discord invite, or discord deploy`,
    );
    return 2;
  }
  // the invite link needs only the application's id: no token, so it can be made before one exists
  if (args[0] === "invite") {
    if (!config.discordApplicationId) {
      err(
        "Set DISCORD_APPLICATION_ID in .env first (Developer Portal, General Information, Application ID).",
      );
      return 1;
    }
    const { inviteUrl } = await lazy.discord();
    out(
      `Add the bot to your server with this link (it asks only for the permissions the bot needs):\n${inviteUrl(config.discordApplicationId)}`,
    );
    return 0;
  }
  if (!config.discord) {
    err("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and optionally DISCORD_GUILD_ID) in .env first.");
    return 1;
  }
  const { deployCommands, codeOf, inviteUrl, unreachableMessage } = await lazy.discord();
  const invite = inviteUrl(config.discord.applicationId);
  try {
    const { route, count } = await deployCommands(config.discord);
    out(
      `Registered ${count} commands ${config.discord.guildId ? `in server ${config.discord.guildId}` : "globally (they can take up to an hour to appear)"} (${route}).`,
    );
    out(`If the bot is not in your server yet, add it with: ${invite}`);
    return 0;
  } catch (error) {
    const code = codeOf(error);
    const unreachable = unreachableMessage(error);
    err(
      unreachable
        ? `Could not register the commands. ${unreachable}`
        : `Could not register the commands (${code}): ${redactSecrets((error as Error).message)}`,
    );
    // 50001 Missing Access: registering in a server the bot has not joined.
    if (code.endsWith(":50001"))
      err(
        `The bot is not in server ${config.discord.guildId ?? ""} yet: add it with ${invite}, then deploy again.`,
      );
    return 1;
  }
}

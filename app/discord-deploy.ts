import { type Config, redactSecrets } from "../src/index.js";
import { lazy } from "./lazy.js";
import type { Out } from "./output.js";

/** `discord deploy`: registers the Discord commands, in the configured server or globally. */
export async function discordDeploy(
  config: Config,
  args: readonly string[],
  out: Out,
  err: Out,
): Promise<number> {
  if (args[0] !== "deploy" || args.length > 1) {
    err(
      `${args.length === 0 ? "discord needs a subcommand." : `Unknown discord command "${args.join(" ")}".`} Try: socialmedia-guidance discord deploy`,
    );
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

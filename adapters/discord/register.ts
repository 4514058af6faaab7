import {
  type AutocompleteInteraction,
  type Client,
  DiscordAPIError,
  Events,
  type Interaction,
  MessageFlags,
} from "discord.js";
import {
  Conversation,
  type DiscordConfig,
  errorCard,
  type Guide,
  InFlight,
  type Logger,
  redactSecrets,
  type TipCommands,
  type UsageParts,
  unreachableCause,
} from "../../src/index.js";
import { pressButton } from "./buttons.js";
import { COMMAND } from "./definitions.js";
import { type Ctx, reply } from "./interaction.js";
import { DISCORD_HELP, renderCard } from "./render.js";
import { SLASH_COMMANDS } from "./slash-commands.js";
import { typedText } from "./typed-text.js";

/** Discord allows at most this many autocomplete choices, each at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;

export interface DiscordDeps extends UsageParts {
  readonly guide: Guide;
  readonly config: DiscordConfig;
  readonly logger: Logger;
  readonly tips?: TipCommands;
  /** The longest a tip post may take (TIP_POST_MS when not given). */
  readonly tipPostMs?: number;
}

const COMMANDS_BY_NAME = new Map(SLASH_COMMANDS.map((c) => [c.data.name, c]));

/** Wires interaction handling (commands, autocomplete, buttons) and connection logging onto a client. */
export function register(client: Client, deps: DiscordDeps, inFlight = new InFlight()): void {
  const log = deps.logger.child({ platform: "discord" });
  const ctx: Ctx = {
    guide: deps.guide,
    conversation: new Conversation({ ...deps, logger: log, help: DISCORD_HELP }),
  };
  client.on(Events.InteractionCreate, (interaction) => {
    void inFlight
      .track(() => handle(interaction, ctx))
      .catch(async (error: unknown) => {
        log.error(
          { code: codeOf(error), user: interaction.user.id, channel: interaction.channelId },
          "interaction failed",
        );
        if (!interaction.isRepliable()) return;
        const body = renderCard(
          errorCard("Something went wrong while answering. Please try again in a moment."),
        );
        try {
          if (interaction.replied || interaction.deferred) {
            await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
          } else {
            await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
          }
        } catch (second) {
          log.error({ code: codeOf(second) }, "could not report the failure to the user");
        }
      });
  });
  // The bot removed from a server, or a channel deleted: their daily tips stop, as a Slack uninstall
  // and a Teams removal stop theirs. A tip was otherwise posted there every day, refused, for ever.
  const stopTips = async (channelIds: readonly string[], why: string) => {
    const tips = deps.tips;
    if (!tips) return;
    for (const channelId of channelIds) {
      try {
        const said = await tips.off({ platform: "discord", channelId });
        if (said.startsWith("Daily tip off")) log.info({ channel: channelId, why }, "daily tip turned off");
      } catch (error) {
        log.error({ channel: channelId, err: (error as Error).message }, "could not turn a daily tip off");
      }
    }
  };
  client.on(Events.GuildDelete, (guild) => {
    void inFlight.track(() => stopTips([...guild.channels.cache.keys()], "the bot left the server"));
  });
  client.on(Events.ChannelDelete, (channel) => {
    void inFlight.track(() => stopTips([channel.id], "the channel was deleted"));
  });
  client.on(Events.Error, (error) => log.error({ err: error.message }, "client error"));
  client.on(Events.ShardDisconnect, (_event, shard) =>
    log.warn({ shard }, "disconnected; discord.js will reconnect"),
  );
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, "reconnecting"));
  client.on(Events.ShardResume, (shard) => log.info({ shard }, "reconnected"));
}

/** One interaction: autocomplete, a slash command, or one of our buttons. */
export async function handle(interaction: Interaction, ctx: Ctx): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(interaction, ctx.guide);
  if (interaction.isChatInputCommand()) {
    const command = COMMANDS_BY_NAME.get(interaction.commandName);
    // one registered by an older version, before `discord deploy` was run again: answered, where
    // silence showed "The application did not respond"
    if (!command) return reply(interaction, { card: errorCard(OLD_COMMAND), visibility: "private" });
    return command.execute(interaction, ctx);
  }
  if (interaction.isButton()) return pressButton(interaction, ctx);
}

/** What a command this version does not have is told. */
export const OLD_COMMAND = `That command is from an older version of this bot. Type / and pick \`/${COMMAND}\` to ask.`;

async function autocomplete(interaction: AutocompleteInteraction, guide: Guide): Promise<void> {
  const typed = typedText(String(interaction.options.getFocused() ?? ""));
  const seen = new Set<string>();
  const choices = guide
    .complete(typed, MAX_CHOICES)
    .map((c) => clipChoice(c.question))
    .filter((q) => !seen.has(q) && seen.add(q))
    .map((q) => ({ name: q, value: q }));
  await interaction.respond(choices.slice(0, MAX_CHOICES));
}

/** The error's Discord code or name, for the log. */
export function codeOf(error: unknown): string {
  if (error instanceof DiscordAPIError) return `${error.status}:${error.code}`;
  const e = error as { code?: unknown; name?: unknown } | undefined;
  const code = e?.code ?? e?.name;
  return typeof code === "string" || typeof code === "number" ? String(code) : "unknown_error";
}

/**
 * What the operator reads when Discord could not be reached at all (no network, a wrong
 * DISCORD_API_URL), or undefined when it answered: for a start and for `discord deploy` alike.
 */
export function unreachableMessage(error: unknown): string | undefined {
  const message = (error as Error)?.message ?? String(error);
  const cause = unreachableCause(error) ?? (message === "fetch failed" ? "fetch failed" : undefined);
  return cause
    ? `Could not reach Discord (${cause}): check the network, or DISCORD_API_URL if it is set.`
    : undefined;
}

/** What the operator reads when the Discord adapter cannot start. */
export function describeStartFailure(error: unknown): { code: string; message: string } {
  const code = codeOf(error);
  const message = (error as Error)?.message ?? String(error);
  const unreachable = unreachableMessage(error);
  return {
    code,
    message: unreachable
      ? unreachable
      : code === "TokenInvalid" || code.startsWith("401")
        ? "Discord rejected the bot token: check DISCORD_TOKEN in .env."
        : `Could not start the Discord bot (${code}): ${redactSecrets(message)}`,
  };
}

function clipChoice(text: string): string {
  return text.length <= MAX_CHOICE_CHARS ? text : `${text.slice(0, MAX_CHOICE_CHARS - 1)}…`;
}

import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  DiscordAPIError,
  Events,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import {
  acknowledgeVote,
  askWithin,
  type DiscordConfig,
  type Guide,
  InFlight,
  type Logger,
  type RecordFeedback,
  redactSecrets,
  shareRefusal,
  type TipCommands,
  type Usage,
} from "../../src/index.js";
import { COMMAND, TIPS_COMMAND } from "./commands.js";
import {
  type DiscordMessage,
  renderError,
  renderHelp,
  renderReply,
  renderTip,
  renderTopics,
} from "./render.js";

/** Discord allows at most this many autocomplete choices, each at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;
export interface DiscordDeps {
  readonly guide: Guide;
  readonly config: DiscordConfig;
  readonly logger: Logger;
  readonly recordFeedback?: RecordFeedback;
  readonly tips?: TipCommands;
  /** Limits, the report's counts and what may be logged. */
  readonly usage?: Usage;
}

/** Wires interaction handling (commands, autocomplete, buttons) and connection logging onto a client. */
export function register(client: Client, deps: DiscordDeps, inFlight = new InFlight()): void {
  const { guide } = deps;
  const log = deps.logger.child({ platform: "discord" });
  client.on(Events.InteractionCreate, (interaction) => {
    void inFlight
      .track(() => handle(interaction))
      .catch(async (error: unknown) => {
        log.error(
          { code: codeOf(error), user: interaction.user.id, channel: interaction.channelId },
          "interaction failed",
        );
        if (!interaction.isRepliable()) return;
        const text = "Something went wrong while answering. Please try again in a moment.";
        try {
          if (interaction.replied || interaction.deferred) {
            await interaction.followUp({ ...renderError(text), flags: MessageFlags.Ephemeral });
          } else {
            await interaction.reply({ ...renderError(text), flags: MessageFlags.Ephemeral });
          }
        } catch (second) {
          log.error({ code: codeOf(second) }, "could not report the failure to the user");
        }
      });
  });
  client.on(Events.Error, (error) => log.error({ err: error.message }, "client error"));
  client.on(Events.ShardDisconnect, (_event, shard) =>
    log.warn({ shard }, "disconnected; discord.js will reconnect"),
  );
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, "reconnecting"));
  client.on(Events.ShardResume, (shard) => log.info({ shard }, "reconnected"));

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === COMMAND) return command(interaction);
      if (interaction.commandName === TIPS_COMMAND) return tipsCommand(interaction);
      return;
    }
    if (interaction.isButton() && interaction.customId.startsWith("smg:")) return pressed(interaction);
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const typed = String(interaction.options.getFocused() ?? "");
    const seen = new Set<string>();
    const choices = guide
      .complete(typed, MAX_CHOICES)
      .map((c) => clipChoice(c.question))
      .filter((q) => !seen.has(q) && seen.add(q))
      .map((q) => ({ name: q, value: q }));
    await interaction.respond(choices.slice(0, MAX_CHOICES));
  }

  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    const sub = interaction.options.getSubcommand();
    let body: DiscordMessage;
    if (sub === "ask") {
      const asked = askWithin(
        guide,
        deps.usage,
        {
          platform: "discord",
          text: interaction.options.getString("question", true),
          userId: interaction.user.id,
          channelId: interaction.channelId,
        },
        log,
      );
      body =
        "reply" in asked
          ? renderReply(asked.reply, { shareable: interaction.inGuild() })
          : renderError(asked.refusal);
    } else if (sub === "topics") {
      body = renderTopics(guide.topics());
    } else if (sub === "tip") {
      const tip = guide.randomTip();
      body = tip ? renderTip(guide, tip) : renderError("There are no tips in the knowledge base yet.");
    } else {
      body = renderHelp(guide);
    }
    await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  }

  async function tipsCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    // Default member permissions hide the command; a server can change that, so check again here.
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({
        ...renderError("Only members with the Manage Server permission can change daily tips."),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (!deps.tips) {
      await interaction.reply({
        ...renderError("Daily tips are not available in this installation yet."),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const sub = interaction.options.getSubcommand();
    const channelId = interaction.options.getChannel("channel")?.id ?? interaction.channelId;
    const time = interaction.options.getString("time") ?? "";
    const zone = interaction.options.getString("timezone") ?? "";
    const weekdays = interaction.options.getBoolean("weekdays") ? "weekdays" : "";
    const text = await deps.tips.run({
      platform: "discord",
      channelId,
      args: [sub, time, zone, weekdays].filter(Boolean).join(" "),
    });
    await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
  }

  async function pressed(interaction: ButtonInteraction): Promise<void> {
    const [, kind, a, b] = interaction.customId.split(":");
    if (kind === "open" && b) {
      const reply = guide.show(b);
      if (reply) deps.usage?.picked("discord", interaction.user.id, b);
      const body = reply
        ? renderReply(reply, { shareable: interaction.inGuild() })
        : renderError("That answer is no longer available.");
      await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
    } else if (kind === "share" && a) {
      const reply = guide.show(a);
      if (!reply) {
        await interaction.reply({
          ...renderError("That answer is no longer available."),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      const refusal = shareRefusal(deps.usage, "discord", interaction.channelId ?? undefined);
      if (refusal) {
        await interaction.reply({ ...renderError(refusal), flags: MessageFlags.Ephemeral });
        return;
      }
      await interaction.reply(renderReply(reply, { sharedBy: interaction.user.id }));
      log.info({ entry: a, user: interaction.user.id, channel: interaction.channelId }, "shared");
    } else if (kind === "vote" && (a === "up" || a === "down") && b) {
      const note = await acknowledgeVote(
        deps.recordFeedback ?? deps.usage?.recordVote,
        {
          entryId: b,
          vote: a,
          platform: "discord",
          userId: interaction.user.id,
          channelId: interaction.channelId ?? undefined,
        },
        guide.entry(b) !== undefined,
        log,
      );
      await interaction.reply({
        content: note,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
    }
  }
}

/** The error's Discord code or name, for the log. */
export function codeOf(error: unknown): string {
  if (error instanceof DiscordAPIError) return `${error.status}:${error.code}`;
  return (error as { code?: string; name?: string })?.code ?? (error as Error)?.name ?? "unknown_error";
}
/** What the operator reads when the Discord adapter cannot start. */
export function describeStartFailure(error: unknown): { code: string; message: string } {
  const code = codeOf(error);
  return {
    code,
    message:
      code === "TokenInvalid" || code.startsWith("401")
        ? "Discord rejected the bot token: check DISCORD_TOKEN in .env."
        : `Could not start the Discord bot (${code}): ${redactSecrets((error as Error)?.message ?? String(error))}`,
  };
}

function clipChoice(text: string): string {
  return text.length <= MAX_CHOICE_CHARS ? text : `${text.slice(0, MAX_CHOICE_CHARS - 1)}…`;
}

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
  Conversation,
  type DiscordConfig,
  errorCard,
  type Guide,
  InFlight,
  type Logger,
  type Outcome,
  type RecordFeedback,
  type Request,
  type Requester,
  redactSecrets,
  type TipCommands,
  type Usage,
  unreachableCause,
} from "../../src/index.js";
import { decodeButton } from "./buttons.js";
import { COMMAND, TIPS_COMMAND } from "./definitions.js";
import { DISCORD_HELP, renderCard } from "./render.js";

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

/** What a command's handler needs. */
interface Ctx {
  readonly guide: Guide;
  readonly conversation: Conversation;
}

/** A slash command: its name as registered (see commands.ts for the definitions) and what it does. */
interface SlashCommand {
  readonly name: string;
  execute(interaction: ChatInputCommandInteraction, ctx: Ctx): Promise<void>;
}

/** Who is asking, where: replies are private (ephemeral) and answers can be shared in a server. */
function requester(interaction: Interaction): Requester {
  return {
    platform: "discord",
    userId: interaction.user.id,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    visibility: "private",
    canShare: interaction.inGuild(),
  };
}

/** Replies with a card: ephemeral unless the outcome is for the channel. */
async function reply(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  outcome: Outcome,
): Promise<void> {
  const body = renderCard(outcome.card);
  if (interaction.deferred) await interaction.editReply(body);
  else if (outcome.visibility === "public") await interaction.reply(body);
  else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
}

/** `/socialmedia-guidance ask|topics|tip|help`. */
const guideCommand: SlashCommand = {
  name: COMMAND,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const request: Request =
      sub === "ask"
        ? { kind: "ask", question: interaction.options.getString("question", true) }
        : sub === "topics" || sub === "tip"
          ? { kind: sub }
          : { kind: "help" };
    await reply(interaction, await ctx.conversation.handle(request, requester(interaction)));
  },
};

/** `/socialmedia-guidance-tips on|off|status`: typed options straight into a typed request. */
const tipsCommand: SlashCommand = {
  name: TIPS_COMMAND,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const channelId = interaction.options.getChannel("channel")?.id ?? interaction.channelId;
    const time = interaction.options.getString("time");
    const timeZone = interaction.options.getString("timezone");
    const weekdays = interaction.options.getBoolean("weekdays");
    const change =
      sub === "on"
        ? {
            action: "on" as const,
            ...(time ? { time } : {}),
            ...(timeZone ? { timeZone } : {}),
            ...(weekdays ? { weekdaysOnly: true } : {}),
          }
        : { action: sub === "off" ? ("off" as const) : ("status" as const) };
    // Default member permissions hide the command; a server can change that, so check again here,
    // before deferring, so that a refusal is one plain reply.
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      const refusal = errorCard("Only members with the Manage Server permission can change daily tips.");
      await reply(interaction, { card: refusal, visibility: "private" });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const outcome = await ctx.conversation.handle(
      { kind: "tips", change },
      { ...requester(interaction), channelId },
    );
    await reply(interaction, outcome);
  },
};

const COMMANDS_BY_NAME = new Map([guideCommand, tipsCommand].map((c) => [c.name, c]));

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
  if (interaction.isChatInputCommand())
    return COMMANDS_BY_NAME.get(interaction.commandName)?.execute(interaction, ctx);
  if (interaction.isButton()) {
    const request = decodeButton(interaction.customId);
    if (request) await reply(interaction, await ctx.conversation.handle(request, requester(interaction)));
  }
}

async function autocomplete(interaction: AutocompleteInteraction, guide: Guide): Promise<void> {
  const typed = String(interaction.options.getFocused() ?? "");
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

/** What the operator reads when the Discord adapter cannot start. */
export function describeStartFailure(error: unknown): { code: string; message: string } {
  const code = codeOf(error);
  const message = (error as Error)?.message ?? String(error);
  const cause = unreachableCause(error) ?? (message === "fetch failed" ? "fetch failed" : undefined);
  return {
    code,
    message: cause
      ? `Could not reach Discord (${cause}): check the network, or DISCORD_API_URL if it is set.`
      : code === "TokenInvalid" || code.startsWith("401")
        ? "Discord rejected the bot token: check DISCORD_TOKEN in .env."
        : `Could not start the Discord bot (${code}): ${redactSecrets(message)}`,
  };
}

function clipChoice(text: string): string {
  return text.length <= MAX_CHOICE_CHARS ? text : `${text.slice(0, MAX_CHOICE_CHARS - 1)}…`;
}

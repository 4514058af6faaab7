import {
  ApplicationIntegrationType,
  type Channel,
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SharedSlashCommand,
  SlashCommandBuilder,
  type SlashCommandChannelOption,
} from "discord.js";
import { COMMANDS, errorCard, type Request } from "../../src/index.js";
import { COMMAND, TIPS_COMMAND } from "./definitions.js";
import { type Ctx, reply, requester, TIPS_BY_COMMAND } from "./interaction.js";
import { typedText } from "./typed-text.js";

/**
 * The longest string option Discord allows. A question may be longer than the engine reads: a pasted
 * post is cut by the core to its beginning and end, where it asks (see cutQuestion), not refused here.
 */
export const DISCORD_OPTION_MAX_CHARS = 6_000;
/** The most a time of day typed into the tips command's option may take: "12:30 a.m." and room to spare. */
export const TIME_MAX_CHARS = 12;

/** A subcommand's description from the core's command table (Discord allows 100 characters). */
const describe = (name: string) => (COMMANDS.find((c) => c.name === name)?.description ?? name).slice(0, 100);

/** A slash command as discord.js lays one out: its definition (`data`, as registered) and what it does. */
export interface SlashCommand {
  readonly data: SharedSlashCommand;
  execute(interaction: ChatInputCommandInteraction, ctx: Ctx): Promise<void>;
}

/** `/socialmedia-guidance ask|topics|tip|help`. */
const guideCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName(COMMAND)
    .setDescription("Sourced guidance for doctors on using social media professionally")
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((s) =>
      s
        .setName("ask")
        .setDescription("Ask a question, e.g. can I accept a friend request from a patient?")
        .addStringOption((o) =>
          o
            .setName("question")
            .setDescription("Your question, in your own words")
            .setRequired(true)
            .setMaxLength(DISCORD_OPTION_MAX_CHARS)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) => s.setName("topics").setDescription(describe("topics")))
    .addSubcommand((s) => s.setName("tip").setDescription(describe("tip")))
    .addSubcommand((s) => s.setName("help").setDescription(describe("help"))),
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const request: Request =
      sub === "ask"
        ? { kind: "ask", question: typedText(interaction.options.getString("question", true)) }
        : sub === "topics" || sub === "tip"
          ? { kind: sub }
          : { kind: "help" };
    // "tips on" typed as a question is told of the tips command
    const who = { ...requester(interaction), tipsElsewhere: TIPS_BY_COMMAND };
    await reply(interaction, await ctx.conversation.handle(request, who));
  },
};

/** `/socialmedia-guidance-tips on|off|status`: typed options straight into a typed request. */
const tipsCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName(TIPS_COMMAND)
    .setDescription("Daily tips for a channel (server managers)")
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName("on")
        .setDescription("Post a tip in a channel every day")
        .addChannelOption(channelOption("Where to post (default: this channel)"))
        .addStringOption((o) =>
          // every form the other platforms take fits: "12:30 a.m." is the longest with one space
          o
            .setName("time")
            .setDescription("Time of day: 09:00, 8:30pm or noon (default 09:00)")
            .setMaxLength(TIME_MAX_CHARS),
        )
        .addStringOption((o) =>
          o
            .setName("timezone")
            .setDescription("IANA time zone, e.g. Europe/London (default UTC)")
            .setMaxLength(64),
        )
        .addBooleanOption((o) => o.setName("weekdays").setDescription("Monday to Friday only")),
    )
    .addSubcommand((s) =>
      s
        .setName("off")
        .setDescription("Stop the daily tip in a channel")
        .addChannelOption(channelOption("Which channel (default: this channel)")),
    )
    .addSubcommand((s) =>
      s
        .setName("status")
        .setDescription("Show a channel's daily tip schedule")
        .addChannelOption(channelOption("Which channel (default: this channel)")),
    ),
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
    // before deferring, so that a refusal is one plain reply (a thread the bot must fetch is deferred).
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      const refusal = errorCard(
        "Only members with the Manage Server permission can use the daily tips command.",
      );
      await reply(interaction, { card: refusal, visibility: "private" });
      return;
    }
    // A thread is no place for a daily tip: Discord archives it when it goes quiet, and the bot's invite
    // lets it post in channels, not threads. Say where to turn tips on instead of agreeing and failing.
    // discord.js knows a channel only from its cache: a thread it has not seen (a private one) is fetched
    const inPlace = sub === "on" && !interaction.options.getChannel("channel");
    let here: Channel | null = inPlace ? interaction.channel : null;
    if (inPlace && !here) {
      // a call to Discord, which may take longer than the 3 s an interaction has to be answered in
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      here = await interaction.client.channels.fetch(interaction.channelId).catch(() => null);
    }
    const thread = here?.isThread() ? here : null;
    if (thread) {
      const where = thread.parentId ? `<#${thread.parentId}>` : "the channel itself";
      const refusal = errorCard(
        `Daily tips post in a channel, not in a thread. Turn them on in ${where}, or pick a channel with the channel option.`,
      );
      await reply(interaction, { card: refusal, visibility: "private" });
      return;
    }
    if (!interaction.deferred) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const outcome = await ctx.conversation.handle(
      { kind: "tips", change },
      { ...requester(interaction), channelId },
    );
    // the reply's "this channel" is the one the channel option named: said which, where it is another
    const elsewhere = channelId !== interaction.channelId;
    await reply(
      interaction,
      elsewhere
        ? { ...outcome, card: { ...outcome.card, body: `<#${channelId}>: ${outcome.card.body}` } }
        : outcome,
    );
  },
};

/** Every slash command of the bot. */
export const SLASH_COMMANDS: readonly SlashCommand[] = [guideCommand, tipsCommand];

/** The command definitions, as `discord deploy` registers them. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return SLASH_COMMANDS.map((c) => c.data.toJSON());
}

/** The optional channel of a tips subcommand: text and announcement channels only. */
function channelOption(description: string) {
  return (o: SlashCommandChannelOption) =>
    o
      .setName("channel")
      .setDescription(description)
      .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);
}

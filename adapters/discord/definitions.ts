import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandChannelOption,
} from "discord.js";
import { COMMANDS, MAX_QUESTION_CHARS } from "../../src/index.js";

/** A subcommand's description from the core's command table (Discord allows 100 characters). */
const describe = (name: string) => (COMMANDS.find((c) => c.name === name)?.description ?? name).slice(0, 100);

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

/** The command definitions, as `discord:deploy` registers them. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const guide = new SlashCommandBuilder()
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
            .setMaxLength(MAX_QUESTION_CHARS)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) => s.setName("topics").setDescription(describe("topics")))
    .addSubcommand((s) => s.setName("tip").setDescription(describe("tip")))
    .addSubcommand((s) => s.setName("help").setDescription(describe("help")));

  const tips = new SlashCommandBuilder()
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
          o.setName("time").setDescription("Time of day, HH:MM (default 09:00)").setMaxLength(5),
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
    );
  return [guide.toJSON(), tips.toJSON()];
}

/** The optional channel of a tips subcommand: text and announcement channels only. */
function channelOption(description: string) {
  return (o: SlashCommandChannelOption) =>
    o
      .setName("channel")
      .setDescription(description)
      .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);
}

/** The invite link: the bot and its commands, with only the permissions it needs. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params}`;
}

import { FormattingPatterns } from "discord.js";

/** Discord's tokens for people, roles, channels and commands: ids, never part of a question. */
const IDS = [
  FormattingPatterns.UserWithOptionalNickname,
  FormattingPatterns.Role,
  FormattingPatterns.Channel,
  FormattingPatterns.GameProfile,
  FormattingPatterns.SlashCommand,
  FormattingPatterns.Timestamp,
  FormattingPatterns.GuildNavigation,
  FormattingPatterns.LinkedRole,
].map((p) => new RegExp(p.source, `${p.flags}g`));
const EMOJI = new RegExp(FormattingPatterns.Emoji.source, `${FormattingPatterns.Emoji.flags}g`);

/**
 * A question as the person typed it into a command's option: Discord sends a mention, a channel, a
 * custom emoji or a timestamp picked while typing as a token with an 18-digit id ("<@80351110224678912>",
 * "<:wave:1234…>"), which the patient-data guard would take for an identifying number. People, roles,
 * channels and times are taken out (a server's members are not patients, and their ids are not kept);
 * a custom emoji is read as its name (":wave:"), as a standard one is typed.
 */
export function typedText(text: string): string {
  let plain = text.replace(EMOJI, (_, _animated, name: string) => `:${name}:`);
  for (const pattern of IDS) plain = plain.replace(pattern, " ");
  return plain;
}

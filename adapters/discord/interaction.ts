import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import { type Conversation, type Guide, type Outcome, posting, type Requester } from "../../src/index.js";
import { renderCard } from "./render.js";

/** What a command's or a button's handler needs. */
export interface Ctx {
  readonly guide: Guide;
  readonly conversation: Conversation;
}

/** Who is asking, where: replies are private (ephemeral) and answers can be shared in a server. */
export function requester(interaction: Interaction): Requester {
  return {
    platform: "discord",
    userId: interaction.user.id,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    visibility: "private",
    canShare: interaction.inGuild(),
  };
}

/** Replies with a card: ephemeral unless the outcome is for the channel. */
export async function reply(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  outcome: Outcome,
): Promise<void> {
  const body = renderCard(outcome.card);
  await posting(outcome, async () => {
    if (interaction.deferred) await interaction.editReply(body);
    else if (outcome.visibility === "public") await interaction.reply(body);
    else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  });
}

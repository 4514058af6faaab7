import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import { type Conversation, type Guide, type Outcome, posting, type Requester } from "../../src/index.js";
import { TIPS_COMMAND } from "./definitions.js";
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

/** What "tips on" typed as a question is told: tips have their own command, for server managers. */
export const TIPS_BY_COMMAND = `Daily tips have a command of their own: \`/${TIPS_COMMAND} on\`, \`off\` or \`status\`, for members who may manage the server.`;

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

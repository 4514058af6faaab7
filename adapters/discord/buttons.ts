import type { ButtonInteraction } from "discord.js";
import { errorCard, OLD_BUTTON, type Request } from "../../src/index.js";
import { type Ctx, reply, requester } from "./interaction.js";

/** Discord's limit on a button's custom id. */
const MAX_CUSTOM_ID = 100;
const PREFIX = "smg";

/**
 * Every button the bot puts on a message, encoded, decoded and carried out in one place:
 * `smg:open:<n>:<entry>`, `smg:share:<entry>`, `smg:vote:<up|down>:<entry>`. The number keeps the ids of
 * several open buttons on one message distinct, as Discord requires.
 */
export const BUTTONS = {
  open: (n: number, entryId: string) => `${PREFIX}:open:${n}:${entryId}`.slice(0, MAX_CUSTOM_ID),
  share: (entryId: string) => `${PREFIX}:share:${entryId}`.slice(0, MAX_CUSTOM_ID),
  vote: (vote: "up" | "down", entryId: string) => `${PREFIX}:vote:${vote}:${entryId}`.slice(0, MAX_CUSTOM_ID),
} as const;

/** The request a pressed button makes, or undefined for a button that is not ours. */
export function decodeButton(customId: string): Request | undefined {
  const [prefix, kind, a = "", b = ""] = customId.split(":");
  if (prefix !== PREFIX) return undefined;
  if (kind === "open" && /^\d+$/.test(a) && b) return { kind: "open", entryId: b };
  if (kind === "share" && a) return { kind: "share", entryId: a };
  if (kind === "vote" && (a === "up" || a === "down") && b) return { kind: "vote", entryId: b, vote: a };
  return undefined;
}

/** A pressed button: the request it makes goes to the conversation, and the card it gives back replies. */
export async function pressButton(interaction: ButtonInteraction, ctx: Ctx): Promise<void> {
  const request = decodeButton(interaction.customId);
  // Discord sends only our own messages' buttons: one we cannot read is from an older version (or
  // forged), answered, where silence showed "This interaction failed"
  if (!request) return reply(interaction, { card: errorCard(OLD_BUTTON), visibility: "private" });
  await reply(interaction, await ctx.conversation.handle(request, requester(interaction)));
}

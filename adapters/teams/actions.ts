import type { Request } from "../../src/index.js";

/** The longest entry id an action may carry: the knowledge base's ids are short slugs. */
const MAX_ENTRY_ID = 100;
const MARK = "smg";

/** What one of our buttons or message-extension results carries (Action.Submit `data`, an invoke `value`). */
export type ActionData =
  | { readonly smg: "open"; readonly entry: string }
  | { readonly smg: "vote"; readonly vote: "up" | "down"; readonly entry: string }
  | { readonly smg: "pick"; readonly entry: string };

/**
 * Every action the bot puts on a card, encoded and decoded in one place: open an entry (a related
 * entry or a "did you mean"), vote on an answer, or pick a message-extension result to insert.
 */
export const ACTIONS = {
  open: (entryId: string): ActionData => ({ smg: "open", entry: entryId }),
  vote: (vote: "up" | "down", entryId: string): ActionData => ({ smg: "vote", vote, entry: entryId }),
  pick: (entryId: string): ActionData => ({ smg: "pick", entry: entryId }),
} as const;

/** Whether `value` carries our mark: one of our buttons, readable by this version or not. */
export function isOurs(value: unknown): boolean {
  return typeof value === "object" && value !== null && MARK in value;
}

/** The request a pressed button or a picked result makes, or undefined for anything that is not ours. */
export function decodeAction(value: unknown): Request | undefined {
  if (!value || typeof value !== "object") return undefined;
  const data = value as Record<string, unknown>;
  const entryId = data.entry;
  if (data[MARK] === undefined || typeof entryId !== "string") return undefined;
  if (!entryId || entryId.length > MAX_ENTRY_ID) return undefined;
  switch (data[MARK]) {
    case "open":
      return { kind: "open", entryId };
    case "pick":
      return { kind: "share", entryId };
    case "vote":
      return data.vote === "up" || data.vote === "down"
        ? { kind: "vote", entryId, vote: data.vote }
        : undefined;
    default:
      return undefined;
  }
}

import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request } from "../../src/index.js";

/** What a button asks for: open an entry, share it, or vote on it. */
export type Press = Extract<Request, { kind: "open" | "share" | "vote" }>;

/** A button's `integration.context`, as Mattermost sends it back when the button is pressed. */
export type SealedContext = Readonly<Record<string, unknown>>;

/**
 * Signs what our buttons carry. Mattermost does not sign the requests it sends when a button is
 * pressed, so each button's context holds an HMAC of what it asks for and of the channel it was posted
 * in; a request whose context does not match, or that names another channel, is refused. The key is
 * derived from the slash command's token, so it needs no setting of its own and changes with it.
 */
export class ActionSeal {
  private readonly key: Buffer;

  constructor(commandToken: string) {
    this.key = createHmac("sha256", commandToken).update("socialmedia-guidance mattermost buttons").digest();
  }

  /** The context of a button posted in `channelId`. */
  seal(press: Press, channelId: string): SealedContext {
    const fields = fieldsOf(press, channelId);
    return { ...fields, sig: this.sign(fields) };
  }

  /** The press a context asks for, when it is ours and was posted in `channelId`; else undefined. */
  open(context: unknown, channelId: string): Press | undefined {
    if (typeof context !== "object" || context === null) return undefined;
    // the channel is not read from the context: the seal is checked against the one the press came from
    const { action, entry, vote, sig } = context as Record<string, unknown>;
    if (typeof sig !== "string" || !/^[0-9a-f]{64}$/.test(sig)) return undefined;
    const press = pressOf(action, entry, vote);
    if (!press) return undefined;
    const expected = Buffer.from(this.sign(fieldsOf(press, channelId)), "hex");
    return timingSafeEqual(expected, Buffer.from(sig, "hex")) ? press : undefined;
  }

  private sign(fields: Record<string, string>): string {
    const canonical = JSON.stringify([fields.action, fields.entry, fields.vote ?? "", fields.channel]);
    return createHmac("sha256", this.key).update(canonical).digest("hex");
  }
}

function fieldsOf(press: Press, channelId: string): Record<string, string> {
  return {
    action: press.kind,
    entry: press.entryId,
    ...(press.kind === "vote" ? { vote: press.vote } : {}),
    channel: channelId,
  };
}

function pressOf(action: unknown, entry: unknown, vote: unknown): Press | undefined {
  if (typeof entry !== "string" || !entry) return undefined;
  if (action === "open" || action === "share") return { kind: action, entryId: entry };
  if (action === "vote" && (vote === "up" || vote === "down")) return { kind: "vote", entryId: entry, vote };
  return undefined;
}

import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request } from "../../src/index.js";

/** What a button asks for: open an entry, share it, or vote on it. */
export type Press = Extract<Request, { kind: "open" | "share" | "vote" }>;

/** A button's `integration.context`, as Mattermost sends it back when the button is pressed. */
export type SealedContext = Readonly<Record<string, unknown>>;

/** Where a button was posted, and for whom. */
export interface SealScope {
  /** The channel it was posted in. */
  readonly channel: string;
  /** The one user a private (ephemeral) reply is shown to; none for a message the channel sees. */
  readonly user?: string | undefined;
  /**
   * The bot's address the button sends its presses to, when it was read from the slash command that
   * asked (no MATTERMOST_BOT_URL): a shared answer's buttons are sent there too, never to an address a
   * press names (see buttonTarget).
   */
  readonly base?: string | undefined;
}

/** An opened seal: what the button asks for, and the user and address it was sealed with, if any. */
export interface Opened {
  readonly press: Press;
  readonly user?: string;
  readonly base?: string;
}

/**
 * Signs what our buttons carry. Mattermost does not sign the requests it sends when a button is
 * pressed, so each button's context holds an HMAC of what it asks for and of the channel it was posted
 * in; a request whose context does not match, or that names another channel, is refused. A button of
 * a private (ephemeral) reply is sealed for the one user who sees it too, so that a request naming
 * someone else is refused: otherwise anyone holding one of their own buttons could press it in another
 * member's name ("Shared by" them). The key is derived from the slash command's token, so it needs no
 * setting of its own and changes with it.
 */
export class ActionSeal {
  private readonly key: Buffer;

  constructor(commandToken: string) {
    this.key = createHmac("sha256", commandToken).update("socialmedia-guidance mattermost buttons").digest();
  }

  /** The context of a button posted where `scope` says. */
  seal(press: Press, scope: SealScope): SealedContext {
    const fields = fieldsOf(press, scope);
    return { ...fields, sig: this.sign(fields) };
  }

  /**
   * What a context asks for, when it is ours, was posted in `channelId` and, if it was sealed for one
   * user, is pressed by `userId`; else undefined.
   */
  open(context: unknown, channelId: string, userId: string): Opened | undefined {
    if (typeof context !== "object" || context === null) return undefined;
    // the channel is not read from the context: the seal is checked against the one the press came from
    const { action, entry, vote, user, base, sig } = context as Record<string, unknown>;
    if (typeof sig !== "string" || !/^[0-9a-f]{64}$/.test(sig)) return undefined;
    // a seal for one user opens for that user alone; the signature covers whether there is one
    if (user !== undefined && user !== userId) return undefined;
    if (base !== undefined && typeof base !== "string") return undefined;
    const press = pressOf(action, entry, vote);
    if (!press) return undefined;
    const expected = Buffer.from(this.sign(fieldsOf(press, { channel: channelId, user, base })), "hex");
    if (!timingSafeEqual(expected, Buffer.from(sig, "hex"))) return undefined;
    return {
      press,
      ...(user === undefined ? {} : { user: userId }),
      ...(base === undefined ? {} : { base }),
    };
  }

  private sign(fields: Record<string, string>): string {
    const signed = [fields.action, fields.entry, fields.vote ?? "", fields.channel];
    // a seal with neither user nor address signs what buttons posted before either was sealed signed
    const plain = fields.user === undefined && fields.base === undefined;
    const canonical = JSON.stringify(plain ? signed : [...signed, fields.user ?? null, fields.base ?? null]);
    return createHmac("sha256", this.key).update(canonical).digest("hex");
  }
}

function fieldsOf(press: Press, scope: SealScope): Record<string, string> {
  return {
    action: press.kind,
    entry: press.entryId,
    ...(press.kind === "vote" ? { vote: press.vote } : {}),
    channel: scope.channel,
    ...(scope.user === undefined ? {} : { user: scope.user }),
    ...(scope.base === undefined ? {} : { base: scope.base }),
  };
}

function pressOf(action: unknown, entry: unknown, vote: unknown): Press | undefined {
  if (typeof entry !== "string" || !entry) return undefined;
  if (action === "open" || action === "share") return { kind: action, entryId: entry };
  if (action === "vote" && (vote === "up" || vote === "down")) return { kind: "vote", entryId: entry, vote };
  return undefined;
}

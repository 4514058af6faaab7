import type { IncomingMessage, ServerResponse } from "node:http";
import type { Conversation, Logger, Requester } from "../../src/index.js";
import { readCapped, sendRefused } from "../http/body.js";
import { logRefused } from "../http/refused.js";
import { sendStatus } from "../http/respond.js";
import { describeMattermostError, type MattermostFailure } from "./errors.js";
import type { ChannelMembers } from "./members.js";
import type { ButtonTarget } from "./render.js";
import type { MattermostRest } from "./rest.js";
import type { ActionSeal } from "./seal.js";

/** Where Mattermost sends slash commands and button presses (the admin's slash command, our buttons). */
export const PATHS = { command: "/mattermost/command", actions: "/mattermost/actions" } as const;

/**
 * The largest body taken. A slash command's form is a few hundred bytes plus the typed text, which
 * Mattermost caps at a post's 16,383 characters; a button press is under 2 KB.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** What both routes need. */
export interface MattermostContext {
  readonly conversation: Conversation;
  readonly rest: MattermostRest;
  readonly seal: ActionSeal;
  /** Who is a member of a channel, for a vote on a button the whole channel sees. */
  readonly members: ChannelMembers;
  readonly log: Logger;
  /** This bot's address as Mattermost reaches it, when set (MATTERMOST_BOT_URL). */
  readonly botUrl?: string;
  /** How a command whose answer is slow is answered later, through its response_url. */
  readonly late?: LateReplies;
}

/** A slow command's answer, sent later through the command's response_url. */
export interface LateReplies {
  /** The Mattermost server (MATTERMOST_URL): only a response_url on it is posted to. */
  readonly serverUrl: string;
  /** How long a command's answer may take before "working on it" is sent and the answer follows. */
  readonly afterMs: number;
  /** The outbound fetch (time limits, retries). */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * Aborted when shutdown's grace period is over: an answer still on its way is then given up, and the
   * user who was told "working on it" is told instead that the bot restarted first.
   */
  readonly giveUp?: AbortSignal;
}

/**
 * Where the buttons of a message for `channelId` send their presses: MATTERMOST_BOT_URL, else the
 * address the slash command came to (Mattermost calls the buttons' URL itself, from where it called
 * us): `from` is that command's request, or the address a pressed button was sealed with. A press
 * carries no token, so the address it came to is never taken: otherwise a press sent straight to the
 * bot, naming another host, would give a shared answer buttons that send the channel's presses there.
 * Undefined when no address is known: the message then lists its offers instead. `privateTo`: the one
 * user a private reply is shown to, whose presses alone its buttons take (see ActionSeal).
 */
export function buttonTarget(
  ctx: MattermostContext,
  channelId: string,
  from?: IncomingMessage | string,
  privateTo?: string,
): ButtonTarget | undefined {
  const read = typeof from === "string" ? from : from ? addressOf(from) : undefined;
  const base = ctx.botUrl ?? read;
  if (!base) return undefined;
  const scope = { channel: channelId, user: privateTo, base: ctx.botUrl ? undefined : read };
  return { url: `${base}${PATHS.actions}`, context: (press) => ctx.seal.seal(press, scope) };
}

/** The request's own address from its Host (or a proxy's X-Forwarded-Host and -Proto) header. */
function addressOf(req: IncomingMessage): string | undefined {
  const host = first(req.headers["x-forwarded-host"]) ?? req.headers.host;
  if (!host || !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(host)) return undefined;
  const proto = first(req.headers["x-forwarded-proto"]);
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

function first(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(",")[0]?.trim() || undefined;
}

/** The body of a POST, capped before it is read; undefined when the request was answered already. */
export async function readPost(
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): Promise<Buffer | undefined> {
  if (req.method !== "POST") {
    sendStatus(res, 405);
    return undefined;
  }
  const raw = await readCapped(req, MAX_BODY_BYTES);
  if (Buffer.isBuffer(raw)) return raw;
  logRefused(log, { limit: MAX_BODY_BYTES }, `Mattermost request refused: ${raw.why}`);
  sendRefused(res, raw);
  return undefined;
}

/** Who pressed or typed, where: replies are private (ephemeral), and answers can be shared there. */
export function requester(userId: string, channelId: string, extra: Partial<Requester> = {}): Requester {
  return { platform: "mattermost", userId, channelId, visibility: "private", canShare: true, ...extra };
}

/** Logs a failed call to Mattermost with its code, and returns what to tell the user. */
export function failed(
  ctx: MattermostContext,
  what: string,
  error: unknown,
  ids: Record<string, string | undefined>,
): MattermostFailure {
  const failure = describeMattermostError(error);
  ctx.log.error({ ...ids, code: failure.code, retryAfter: failure.retryAfter }, `${what} failed`);
  return failure;
}

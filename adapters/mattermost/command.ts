import { createHash, timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { readRequest } from "../../src/index.js";
import type { RouteHandler } from "../http/front.js";
import { logRefused } from "../http/refused.js";
import { sendJson, sendStatus } from "../http/respond.js";
import { buttonTarget, type LateReplies, type MattermostContext, readPost, requester } from "./context.js";
import { REQUEST_FAILED } from "./errors.js";
import { tipsPermission } from "./permission.js";
import { renderCard } from "./render.js";
import { MATTERMOST_ID } from "./rest.js";

// Only the fields we use are checked; Mattermost sends more (team_id, trigger_id, ...).
const commandForm = z.looseObject({
  // Mattermost's ids, as a button press's are (they go into REST paths and button seals)
  user_id: z.string().regex(MATTERMOST_ID),
  channel_id: z.string().regex(MATTERMOST_ID),
  text: z.string().default(""),
  response_url: z.string().optional(),
});

/** The first reply to a command whose answer takes longer than LateReplies.afterMs; the answer follows. */
export const STILL_WORKING = "Working on it: the answer follows here in a moment.";

type CommandReply = Record<string, unknown>;

/**
 * `/socialmedia-guidance …`, as Mattermost POSTs a custom slash command: a form whose `token` is the
 * command's. A wrong or missing token is refused with 401 before anything else is read from it; a
 * form without who and where is refused with 400. The answer is private (ephemeral), with buttons.
 */
export function commandRoute(ctx: MattermostContext, commandToken: string): RouteHandler {
  const expected = digest(commandToken);
  return async (req, res) => {
    const raw = await readPost(req, res, ctx.log);
    if (!raw) return;
    const form = new URLSearchParams(raw.toString());
    const tokens = form.getAll("token");
    if (tokens.length !== 1 || !timingSafeEqual(digest(tokens[0] ?? ""), expected)) {
      logRefused(ctx.log, { reason: tokens.length ? "bad_token" : "no_token" }, "Mattermost command refused");
      return sendStatus(res, 401);
    }
    const fields = onceEach(form);
    const command = fields ? commandForm.safeParse(fields) : undefined;
    if (!command?.success) {
      logRefused(ctx.log, {}, "Mattermost command refused: malformed");
      return sendStatus(res, 400);
    }
    const { user_id: userId, channel_id: channelId, text } = command.data;
    const answer = (async (): Promise<CommandReply> => {
      try {
        const who = requester(userId, channelId, {
          tipsPermission: () => tipsPermission(ctx.rest, userId, channelId, ctx.log),
        });
        const { card, visibility } = await ctx.conversation.handle(readRequest(text), who);
        return {
          response_type: visibility === "public" ? "in_channel" : "ephemeral",
          skip_slack_parsing: true,
          ...renderCard(
            card,
            buttonTarget(ctx, channelId, req, visibility === "public" ? undefined : userId),
          ),
        };
      } catch (error) {
        ctx.log.error({ user: userId, channel: channelId, err: (error as Error).message }, "command failed");
        return { response_type: "ephemeral", text: REQUEST_FAILED };
      }
    })();
    const later = ctx.late && followUpUrl(command.data.response_url, ctx.late.serverUrl);
    // held in the command's own response: at shutdown it says so there, before the server closes
    if (!ctx.late || !later) return sendJson(res, 200, await orGivenUp(answer, ctx.late?.giveUp));
    const first = await soonest(answer, ctx.late.afterMs);
    if (first) return sendJson(res, 200, first);
    // A tips command waiting on a slow database or a slow permission check: Mattermost gives up on a
    // command after 30 s, and its user would see only that it failed. Say so now; answer through the
    // command's response_url when the answer comes.
    sendJson(res, 200, { response_type: "ephemeral", text: STILL_WORKING });
    await sendLate(ctx.late, later, await orGivenUp(answer, ctx.late.giveUp), ctx.log);
  };
}

/** Said through a command's response_url when shutdown came before its answer did. */
export const RESTARTED =
  "I had to restart before I could finish this, so it may not have been done: please run the command again in a moment.";

/**
 * The answer, or, if `giveUp` aborts first (shutdown's grace period is over), RESTARTED: a user told
 * "working on it" heard nothing more when the bot stopped meanwhile (platform exploratory test).
 */
async function orGivenUp(
  answer: Promise<CommandReply>,
  giveUp: AbortSignal | undefined,
): Promise<CommandReply> {
  if (!giveUp) return answer;
  const restarted: CommandReply = { response_type: "ephemeral", text: RESTARTED };
  if (giveUp.aborted) return restarted;
  let stop = () => {};
  const given = new Promise<CommandReply>((resolve) => {
    stop = () => resolve(restarted);
    giveUp.addEventListener("abort", stop, { once: true });
  });
  try {
    return await Promise.race([answer, given]);
  } finally {
    giveUp.removeEventListener("abort", stop);
  }
}

/** The answer if it comes within `ms`, else undefined (the answer is still on its way). */
async function soonest(answer: Promise<CommandReply>, ms: number): Promise<CommandReply | undefined> {
  const timer = new AbortController();
  try {
    return await Promise.race([answer, sleep(ms, undefined, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}

/**
 * The command's response_url, when it is one of the Mattermost server the bot talks to (MATTERMOST_URL):
 * the bot never posts to an address a request names on another host. Undefined otherwise: a slow
 * answer is then given in the command's own response, as late as it comes.
 */
function followUpUrl(given: string | undefined, serverUrl: string): string | undefined {
  if (!given) return undefined;
  try {
    const url = new URL(given);
    const server = new URL(serverUrl);
    const base = server.pathname.replace(/\/+$/, "");
    const path = url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) : "";
    const plain = !url.search && !url.username && !url.password;
    return url.origin === server.origin && /^\/hooks\/commands\/[a-z0-9]{26}$/.test(path) && plain
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** Posts a late answer to the command's response_url; a failure is logged (the user saw "working on it"). */
async function sendLate(late: LateReplies, url: string, reply: CommandReply, log: MattermostContext["log"]) {
  try {
    const response = await late.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(reply),
    });
    await response.body?.cancel();
    if (!response.ok) log.error({ status: response.status }, "late command answer refused by Mattermost");
  } catch (error) {
    log.error({ err: (error as Error).message }, "late command answer not sent");
  }
}

/** Tokens are compared as digests, so that the comparison takes the same time whatever their length. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** The form's fields, or undefined when one is given twice. */
function onceEach(form: URLSearchParams): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (name in fields) return undefined;
    fields[name] = value;
  }
  return fields;
}

import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { readRequest } from "../../src/index.js";
import type { RouteHandler } from "../http/front.js";
import { sendJson, sendStatus } from "../http/respond.js";
import { buttonTarget, type MattermostContext, readPost, requester } from "./context.js";
import { REQUEST_FAILED } from "./errors.js";
import { tipsPermission } from "./permission.js";
import { renderCard } from "./render.js";

// Only the fields we use are checked; Mattermost sends more (team_id, response_url, trigger_id, ...).
const commandForm = z.looseObject({
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  text: z.string().default(""),
});

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
      ctx.log.warn({ reason: tokens.length ? "bad_token" : "no_token" }, "Mattermost command refused");
      return sendStatus(res, 401);
    }
    const fields = onceEach(form);
    const command = fields ? commandForm.safeParse(fields) : undefined;
    if (!command?.success) {
      ctx.log.warn("Mattermost command refused: malformed");
      return sendStatus(res, 400);
    }
    const { user_id: userId, channel_id: channelId, text } = command.data;
    try {
      const who = requester(userId, channelId, {
        tipsPermission: () => tipsPermission(ctx.rest, userId, channelId, ctx.log),
      });
      const { card, visibility } = await ctx.conversation.handle(readRequest(text), who);
      sendJson(res, 200, {
        response_type: visibility === "public" ? "in_channel" : "ephemeral",
        skip_slack_parsing: true,
        ...renderCard(card, buttonTarget(ctx, channelId, req)),
      });
    } catch (error) {
      ctx.log.error({ user: userId, channel: channelId, err: (error as Error).message }, "command failed");
      sendJson(res, 200, { response_type: "ephemeral", text: REQUEST_FAILED });
    }
  };
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

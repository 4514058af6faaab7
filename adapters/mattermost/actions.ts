import { z } from "zod";
import { posting } from "../../src/index.js";
import type { RouteHandler } from "../http/front.js";
import { sendJson, sendStatus } from "../http/respond.js";
import { buttonTarget, failed, type MattermostContext, readPost, requester } from "./context.js";
import { REQUEST_FAILED } from "./errors.js";
import { renderCard } from "./render.js";

// Mattermost's PostActionIntegrationRequest; only the fields we use are checked.
const pressed = z.looseObject({
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  context: z.unknown(),
});

/**
 * A press of one of our buttons, as Mattermost POSTs it (JSON). Its context must carry our seal for the
 * channel it came from (401 otherwise). A share is posted to the channel through the REST API; anything
 * else is answered to the presser alone, as `ephemeral_text`. Mattermost can update only posts it has
 * stored, and our private replies are ephemeral, so `update` is never used: a public post stays as it is.
 */
export function actionsRoute(ctx: MattermostContext): RouteHandler {
  return async (req, res) => {
    const raw = await readPost(req, res, ctx.log);
    if (!raw) return;
    const body = pressed.safeParse(parseJson(raw.toString()));
    if (!body.success) {
      ctx.log.warn("Mattermost action refused: malformed");
      return sendStatus(res, 400);
    }
    const { user_id: userId, channel_id: channelId, context } = body.data;
    const opened = ctx.seal.open(context, channelId, userId);
    if (!opened) {
      ctx.log.warn({ user: userId, channel: channelId }, "Mattermost action refused: bad seal");
      return sendStatus(res, 401);
    }
    const { press, base } = opened;
    const ids = { user: userId, channel: channelId, entry: press.entryId };
    try {
      const outcome = await ctx.conversation.handle(press, requester(userId, channelId));
      if (outcome.visibility === "private") {
        // an ephemeral answer carries no buttons: its offers are listed instead
        return sendJson(res, 200, {
          ephemeral_text: renderCard(outcome.card).text,
          skip_slack_parsing: true,
        });
      }
      try {
        // who shared it is read from Mattermost: the request's user_name is whatever its sender wrote
        await posting(outcome, async () =>
          ctx.rest.createPost(
            channelId,
            renderCard(outcome.card, buttonTarget(ctx, channelId, base), await ctx.rest.userName(userId)),
          ),
        );
        sendJson(res, 200, {});
      } catch (error) {
        sendJson(res, 200, { ephemeral_text: failed(ctx, `${press.kind} button`, error, ids).message });
      }
    } catch (error) {
      ctx.log.error({ ...ids, err: (error as Error).message }, "button failed");
      sendJson(res, 200, { ephemeral_text: REQUEST_FAILED });
    }
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

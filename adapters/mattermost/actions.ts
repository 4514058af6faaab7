import { z } from "zod";
import { posting } from "../../src/index.js";
import type { RouteHandler } from "../http/front.js";
import { logRefused } from "../http/refused.js";
import { sendJson, sendStatus } from "../http/respond.js";
import { buttonTarget, failed, type MattermostContext, readPost, requester } from "./context.js";
import { describeMattermostError, REQUEST_FAILED } from "./errors.js";
import { renderCard } from "./render.js";
import { MATTERMOST_ID } from "./rest.js";

/** Said to whoever presses Share on a reply from before its buttons were sealed for one user. */
export const OLD_SHARE_BUTTON =
  "This Share button is from a reply made before an update, and no longer works: ask your question again to share its answer.";

/** Said to a voter Mattermost does not know as a member of the channel (or when it could not say). */
export const MEMBERS_VOTE =
  "Only members of this channel can vote on this answer, and I could not confirm you are one just now.";

// Mattermost's PostActionIntegrationRequest; only the fields we use are checked.
const pressed = z.looseObject({
  // Mattermost's ids: they go into REST paths and into what is signed
  user_id: z.string().regex(MATTERMOST_ID),
  channel_id: z.string().regex(MATTERMOST_ID),
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
      logRefused(ctx.log, {}, "Mattermost action refused: malformed");
      return sendStatus(res, 400);
    }
    const { user_id: userId, channel_id: channelId, context } = body.data;
    const opened = ctx.seal.open(context, channelId, userId);
    if (!opened) {
      logRefused(ctx.log, { user: userId, channel: channelId }, "Mattermost action refused: bad seal");
      return sendStatus(res, 401);
    }
    const { press, user, base } = opened;
    const ids = { user: userId, channel: channelId, entry: press.entryId };
    // A share names who shared it, so only a button sealed for its presser shares: one made before
    // buttons were sealed for a user (a reply from before an update) would take any user_id.
    if (press.kind === "share" && user === undefined) {
      logRefused(ctx.log, ids, "Mattermost share refused: a button sealed for no user");
      return sendJson(res, 200, { ephemeral_text: OLD_SHARE_BUTTON });
    }
    // A vote on a button the whole channel sees names its voter only in the press: counted only for a
    // member of the channel, as Mattermost says (a made-up user_id counted as one more voter).
    if (press.kind === "vote" && user === undefined && !(await ctx.members.has(channelId, userId)))
      return sendJson(res, 200, { ephemeral_text: MEMBERS_VOTE });
    try {
      const outcome = await ctx.conversation.handle(press, requester(userId, channelId));
      if (outcome.visibility === "private") {
        // an ephemeral answer carries no buttons: its offers are listed instead
        return sendJson(res, 200, {
          ephemeral_text: renderCard(outcome.card).text,
          skip_slack_parsing: true,
        });
      }
      // who shared it is read from Mattermost (the request's user_name is whatever its sender wrote),
      // before the post and apart from it: a failed lookup leaves the line out, and is no failed share
      const sharer = await ctx.rest.userName(userId).catch((error: unknown) => {
        ctx.log.warn({ ...ids, code: describeMattermostError(error).code }, "sharer's name not found");
        return undefined;
      });
      try {
        await posting(outcome, () =>
          ctx.rest.createPost(
            channelId,
            renderCard(outcome.card, buttonTarget(ctx, channelId, base), sharer),
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

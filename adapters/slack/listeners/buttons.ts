import type { App, BlockAction } from "@slack/bolt";
import { errorCard, posting, type Request, type Requester } from "../../../src/index.js";
import { ACTIONS, renderCard } from "../render.js";
import { failed, type SlackContext } from "./context.js";

/** Who pressed a button, and where. */
function requester(body: BlockAction, ctx: SlackContext): Requester {
  return {
    platform: "slack",
    userId: body.user.id,
    ...(body.channel?.id ? { channelId: ctx.channelKey(body.team?.id, body.channel.id) } : {}),
    visibility: "private",
    canShare: true,
  };
}

/** The buttons on our messages: open an entry, share an answer in the channel, vote on it. */
export function register(app: App, ctx: SlackContext): void {
  /** Our buttons' action ids, as patterns: every other id is someone else's (see notOurs). */
  const ours: string[] = [];
  const press = (actionId: string, request: (entryId: string) => Request) => {
    ours.push(actionId);
    app.action<BlockAction>(new RegExp(`^${actionId}$`), async ({ ack, body, action, respond }) => {
      await ack();
      const entryId = "value" in action ? String(action.value ?? "") : "";
      const outcome = await ctx.conversation.handle(request(entryId), requester(body, ctx));
      const inChannel = outcome.visibility === "public";
      try {
        await posting(outcome, () =>
          respond({
            response_type: inChannel ? "in_channel" : "ephemeral",
            replace_original: false,
            ...renderCard(outcome.card),
          }),
        );
      } catch (error) {
        const failure = failed(ctx, `${request(entryId).kind} button`, error, { user: body.user.id });
        if (inChannel)
          await respond({
            response_type: "ephemeral",
            replace_original: false,
            ...renderCard(errorCard(failure.message)),
          }).catch(() => undefined);
      }
    });
  };
  press(`${ACTIONS.open}_\\d+`, (entryId) => ({ kind: "open", entryId }));
  press(ACTIONS.share, (entryId) => ({ kind: "share", entryId }));
  press(ACTIONS.voteUp, (entryId) => ({ kind: "vote", entryId, vote: "up" }));
  press(ACTIONS.voteDown, (entryId) => ({ kind: "vote", entryId, vote: "down" }));
  // Anything else Slack sends this app for interactivity (a button id we never made, a shortcut or a
  // modal none of ours opened) is acknowledged at once and logged as not ours: unacknowledged, Bolt
  // held each 3 s, refused it with 404 and logged that a listener forgot to call ack().
  const notOurs =
    (kind: string) =>
    async ({ ack }: { ack: () => Promise<void> }) => {
      await ack();
      ctx.log.warn({ kind }, "Slack interaction not ours: acknowledged, nothing done");
    };
  app.action({ action_id: new RegExp(`^(?!(?:${ours.join("|")})$)`) }, notOurs("action"));
  app.shortcut(/.*/, notOurs("shortcut"));
  app.view(/.*/, notOurs("view"));
}

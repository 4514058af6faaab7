import type { App, webApi } from "@slack/bolt";
import {
  acknowledgeVote,
  askWithin,
  type Guide,
  InFlight,
  type Logger,
  parseCommand,
  type RecordFeedback,
  type Reply,
  type SlackConfig,
  shareRefusal,
  type TipCommands,
  type Usage,
} from "../../src/index.js";
import { describeSlackError } from "./errors.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import {
  ACTIONS,
  renderError,
  renderHelp,
  renderReply,
  renderTip,
  renderTopics,
  type SlackMessage,
} from "./render.js";

/** The slash command, as the manifest registers it. */
export const SLASH_COMMAND = "/socialmedia-guidance";

export interface SlackDeps {
  readonly guide: Guide;
  readonly config: SlackConfig;
  readonly logger: Logger;
  readonly recordFeedback?: RecordFeedback;
  /** Limits, the report's counts and what may be logged; without it, no limits and no question text in logs. */
  readonly usage?: Usage;
  readonly tips?: TipCommands;
  /** Web API client settings; tests turn retries off and shorten the timeout. */
  readonly retries?: number;
  readonly timeoutMs?: number;
}

type WebClient = webApi.WebClient;

/** Wires the slash command, buttons, mentions and direct messages onto a Bolt app. */
export function register(app: App, deps: SlackDeps, inFlight = new InFlight()): void {
  const { guide } = deps;
  const log = deps.logger.child({ platform: "slack" });
  // Every listener runs under this, so that shutdown can wait for replies in flight.
  app.use(({ next }) => inFlight.track(next));
  /** Logs a failed Slack call with its code, and returns what to tell the user. */
  const failed = (what: string, error: unknown, ids: Record<string, string | undefined>) => {
    const failure = describeSlackError(error);
    log.error({ ...ids, code: failure.code, retryAfter: failure.retryAfter }, `${what} failed`);
    return failure;
  };

  const usage = deps.usage;
  const recordFeedback = deps.recordFeedback ?? usage?.recordVote;

  /** Answers within the asker's rate limit (logged and counted by the core), or says why not. */
  const ask = (text: string, ids: { user?: string; channel?: string }): Reply | SlackMessage => {
    const asked = askWithin(
      guide,
      usage,
      { platform: "slack", text, userId: ids.user, channelId: ids.channel },
      log,
    );
    return "reply" in asked ? asked.reply : renderError(asked.refusal);
  };
  const isReply = (x: Reply | SlackMessage): x is Reply => "kind" in x;

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const ids = { user: command.user_id, channel: command.channel_id };
    const parsed = parseCommand(command.text ?? "");
    let message: SlackMessage;
    switch (parsed.name) {
      case "help":
        message = renderHelp(guide);
        break;
      case "topics":
        message = renderTopics(guide.topics());
        break;
      case "tip": {
        const tip = guide.randomTip();
        message = tip ? renderTip(guide, tip) : renderError("There are no tips in the knowledge base yet.");
        break;
      }
      case "tips":
        message = /^status\b/i.test(parsed.args)
          ? await tipsCommand(log, deps.tips, command.channel_id, parsed.args)
          : (await mayManageTips(client, command.user_id, command.channel_id, log))
            ? await tipsCommand(log, deps.tips, command.channel_id, parsed.args)
            : renderError(
                "Only workspace admins and owners, or whoever created this channel, can turn its daily tip on or off.",
              );
        break;
      default: {
        const reply = ask(parsed.args, ids);
        message = isReply(reply) ? renderReply(reply, { shareable: true }) : reply;
      }
    }
    try {
      await respond({ response_type: "ephemeral", ...message });
    } catch (error) {
      failed("reply to slash command", error, ids);
    }
  });

  app.action(new RegExp(`^${ACTIONS.open}_\\d+$`), async ({ ack, body, action, respond }) => {
    await ack();
    const id = "value" in action ? action.value : undefined;
    const reply = id ? guide.show(id) : undefined;
    if (reply && id) usage?.picked("slack", body.user.id, id);
    const message = reply
      ? renderReply(reply, { shareable: true })
      : renderError("That answer is no longer in the knowledge base.");
    try {
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    } catch (error) {
      failed("open entry", error, { user: body.user.id });
    }
  });

  app.action(ACTIONS.share, async ({ ack, body, action, respond }) => {
    await ack();
    const id = "value" in action ? action.value : undefined;
    const reply = id ? guide.show(id) : undefined;
    if (!reply) return;
    const refusal = shareRefusal(usage, "slack", "channel" in body ? body.channel?.id : undefined);
    if (refusal) {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderError(refusal) }).catch(
        (error: unknown) => failed("refuse share", error, { user: body.user.id }),
      );
      return;
    }
    try {
      await respond({
        response_type: "in_channel",
        replace_original: false,
        ...renderReply(reply, { sharedBy: body.user.id }),
      });
      log.info({ user: body.user.id, entry: id }, "shared");
    } catch (error) {
      const failure = failed("share in channel", error, { user: body.user.id });
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        ...renderError(failure.message),
      }).catch(() => undefined);
    }
  });

  for (const [actionId, vote] of [
    [ACTIONS.voteUp, "up"],
    [ACTIONS.voteDown, "down"],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const entryId = "value" in action ? (action.value ?? "") : "";
      const channelId = "channel" in body ? body.channel?.id : undefined;
      const note = await acknowledgeVote(
        recordFeedback,
        { entryId, vote, platform: "slack", userId: body.user.id, channelId },
        guide.entry(entryId) !== undefined,
        log,
      );
      await respond({ response_type: "ephemeral", replace_original: false, text: note }).catch(
        (error: unknown) => failed("acknowledge feedback", error, { user: body.user.id }),
      );
    });
  }

  /**
   * A mention or a direct message: the same commands as the slash command, answered in place.
   * `private` when the reply must go to the asker alone (a flagged question, a rate limit).
   */
  const conversation = (
    raw: string,
    ids: { user?: string; channel?: string },
  ): { message: SlackMessage; private: boolean } => {
    const parsed = parseCommand(raw.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " "));
    const open = (message: SlackMessage) => ({ message, private: false });
    if (parsed.name === "help") return open(renderHelp(guide));
    if (parsed.name === "topics") return open(renderTopics(guide.topics()));
    if (parsed.name === "tip") {
      const tip = guide.randomTip();
      return open(tip ? renderTip(guide, tip) : renderError("There are no tips in the knowledge base yet."));
    }
    if (parsed.name === "tips")
      return open(renderError(`Use \`${SLASH_COMMAND} tips ${parsed.args}\` in the channel.`));
    const reply = ask(parsed.args, ids);
    if (!isReply(reply)) return { message: reply, private: true };
    return { message: renderReply(reply), private: reply.flags.length > 0 };
  };

  app.event("app_mention", async ({ event, client }) => {
    const ids = { user: event.user, channel: event.channel };
    const { message, private: only } = conversation(event.text ?? "", ids);
    try {
      if (only && event.user) {
        await client.chat.postEphemeral({ channel: event.channel, user: event.user, ...message });
      } else {
        await client.chat.postMessage({
          channel: event.channel,
          thread_ts: event.thread_ts ?? event.ts,
          ...message,
        });
      }
    } catch (error) {
      failed("reply to mention", error, { user: event.user, channel: event.channel });
    }
  });

  app.message(async ({ message, say }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined || !("text" in message)) return;
    const ids = { user: message.user, channel: message.channel };
    try {
      await say(conversation(message.text ?? "", ids).message);
    } catch (error) {
      failed("reply to direct message", error, { user: message.user, channel: message.channel });
    }
  });

  app.error(async (error) => {
    log.error({ code: describeSlackError(error).code, err: error.message }, "unhandled Slack error");
  });
}

/**
 * Whether a user may change a channel's daily tip: a workspace admin or owner, or the channel's creator.
 * A lookup that fails (a missing scope, a network error) refuses, and the log says why.
 */
async function mayManageTips(
  client: WebClient,
  userId: string,
  channelId: string,
  log: Logger,
): Promise<boolean> {
  try {
    const { user } = await client.users.info({ user: userId });
    if (user?.is_admin || user?.is_owner || user?.is_primary_owner) return true;
    const { channel } = await client.conversations.info({ channel: channelId });
    return channel?.creator === userId;
  } catch (error) {
    log.warn(
      { user: userId, channel: channelId, code: describeSlackError(error).code },
      "could not check who may manage tips",
    );
    return false;
  }
}

async function tipsCommand(
  log: Logger,
  tips: TipCommands | undefined,
  channelId: string,
  args: string,
): Promise<SlackMessage> {
  if (!tips) return renderError("Daily tips are not available in this installation yet.");
  try {
    const text = await tips.run({ platform: "slack", channelId, args });
    return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(text) } }] };
  } catch (error) {
    log.error({ channel: channelId, err: (error as Error).message }, "tips command failed");
    return renderError("I could not change the daily tip just now. Please try again in a moment.");
  }
}

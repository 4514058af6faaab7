import {
  type Card,
  type Config,
  Conversation,
  type Guide,
  InFlight,
  type Logger,
  noticeCard,
  PostFailure,
  REPLY_GRACE_MS,
  type TipCommands,
  type TipPoster,
  tipCard,
  tipsTyped,
  type UsageParts,
} from "../../src/index.js";
import type { HttpFront, RouteHandler } from "../http/front.js";
import { type CallLimits, Outbound } from "../http/outbound.js";
import { actionsRoute } from "./actions.js";
import { commandRoute } from "./command.js";
import { buttonTarget, type MattermostContext, PATHS } from "./context.js";
import { describeMattermostError } from "./errors.js";
import { ChannelMembers } from "./members.js";
import { MATTERMOST_WHO_MAY_CHANGE } from "./permission.js";
import { MATTERMOST_HELP, renderCard, SLASH_COMMAND } from "./render.js";
import { MattermostRest } from "./rest.js";
import { ActionSeal } from "./seal.js";

export { PATHS } from "./context.js";
export { describeStartFailure } from "./errors.js";

/** Mattermost's settings (see loadConfig). */
export type MattermostConfig = NonNullable<Config["mattermost"]>;

export interface MattermostDeps extends UsageParts {
  readonly guide: Guide;
  readonly config: MattermostConfig;
  readonly logger: Logger;
  readonly tips?: TipCommands;
  /** Every call to the REST API, and shutdown's grace period. */
  readonly calls?: CallLimits;
  /** How long a slash command's answer may take before it is sent later (default 2.5 s). */
  readonly answerLaterAfterMs?: number;
}

/**
 * How long after the grace period the word that the bot restarted has, to reach those still waiting:
 * short, as the 8 s of grace and this must end within a container's 10 s before it is killed.
 */
const LAST_WORD_MS = 1_000;

/** The running Mattermost adapter. */
export interface MattermostBot {
  /** Checks the bot token against the server (GET /users/me). */
  start(): Promise<void>;
  /**
   * Stops taking requests, lets replies in flight finish (a grace period) and, once `after` has settled
   * too (a tip post's moment at shutdown), closes the platform's client.
   */
  stop(after?: Promise<unknown>): Promise<void>;
  /** Posts scheduled tips ("Tip of the day") through the REST API. */
  tipPoster(): TipPoster;
}

/**
 * Mounts the slash command (/mattermost/command) and the buttons (/mattermost/actions) on the shared
 * HTTP front, around one conversation; replies and shares go through the REST API as the bot account.
 */
export function createMattermostBot(deps: MattermostDeps, front: HttpFront): MattermostBot {
  const { guide, config } = deps;
  const log = deps.logger.child({ platform: "mattermost" });
  // A slash command waits for its answer (30 s by default): a permission check within it must give up
  // well before, so attempts are short.
  const outbound = new Outbound({
    timeoutMs: deps.calls?.timeoutMs ?? 5_000,
    retries: deps.calls?.retries ?? 2,
    maxRetryAfterMs: 10_000,
    ...(deps.calls?.wait ? { wait: deps.calls.wait } : {}),
  });
  const rest = new MattermostRest(config.url, config.botToken, outbound.fetch);
  /** Aborted when shutdown's grace period is over (see LateReplies.giveUp). */
  const giveUp = new AbortController();
  const ctx: MattermostContext = {
    conversation: new Conversation({ ...deps, logger: log, help: MATTERMOST_HELP }),
    rest,
    seal: new ActionSeal(config.commandToken),
    members: new ChannelMembers(rest, log),
    log,
    ...(config.botUrl ? { botUrl: config.botUrl } : {}),
    late: {
      serverUrl: config.url,
      afterMs: deps.answerLaterAfterMs ?? 2_500,
      fetch: outbound.fetch,
      giveUp: giveUp.signal,
    },
  };
  const inFlight = new InFlight();
  const tracked =
    (route: RouteHandler): RouteHandler =>
    (req, res) =>
      inFlight.track(async () => route(req, res));
  front.route(PATHS.command, tracked(commandRoute(ctx, config.commandToken)));
  front.route(PATHS.actions, tracked(actionsRoute(ctx)));

  return {
    async start() {
      const me = await rest.me();
      log.info({ bot: me.username, paths: Object.values(PATHS) }, "connected to Mattermost");
    },
    async stop(after) {
      // let replies in flight finish, for the grace period; then tell those told "working on it" that
      // the bot restarted first (a moment more for that), and end the calls still waiting on Mattermost
      await Promise.all([inFlight.drain(deps.calls?.graceMs ?? REPLY_GRACE_MS), after]);
      giveUp.abort();
      await inFlight.drain(LAST_WORD_MS);
      outbound.close();
    },
    tipPoster: () => {
      /** Posts a card into a channel as the bot account. */
      const send = async (channelId: string, card: Card) => {
        try {
          return {
            messageId: await rest.createPost(channelId, renderCard(card, buttonTarget(ctx, channelId))),
          };
        } catch (error) {
          const failure = describeMattermostError(error);
          throw PostFailure.described(failure, error);
        }
      };
      return {
        post: (channelId, tip) => send(channelId, tipCard(guide, tip, "Tip of the day")),
        announce: (channelId, text) => send(channelId, noticeCard(text)),
        command: (what) => tipsTyped(what, `${SLASH_COMMAND} `),
        whoMayChange: MATTERMOST_WHO_MAY_CHANGE,
      };
    },
  };
}

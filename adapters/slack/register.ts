import type { App } from "@slack/bolt";
import {
  Conversation,
  type Guide,
  InFlight,
  type InstallationStorage,
  type Logger,
  type ReplayMemory,
  ReplaysInMemory,
  type SlackConfig,
  type TipCommands,
  type UsageParts,
  workspaceChannel,
} from "../../src/index.js";
import type { CallLimits } from "../http/outbound.js";
import { TypedNames } from "./command.js";
import { describeSlackError } from "./errors.js";
import { register as buttons } from "./listeners/buttons.js";
import type { SlackContext } from "./listeners/context.js";
import { register as directMessage } from "./listeners/direct-message.js";
import { register as mention } from "./listeners/mention.js";
import { register as slashCommand } from "./listeners/slash-command.js";
import { register as uninstall } from "./listeners/uninstall.js";
import { SLACK_HELP } from "./render.js";

export { SLASH_COMMAND } from "./command.js";

export interface SlackDeps extends UsageParts {
  readonly guide: Guide;
  readonly config: SlackConfig;
  readonly logger: Logger;
  readonly tips?: TipCommands;
  /** The workspaces' installations, for a distributable app (`config.oauth`); unused with one bot token. */
  readonly installations?: InstallationStorage;
  /** Signatures of requests seen, shared by the replicas on one database (HTTP mode); else kept in memory. */
  readonly replays?: ReplayMemory;
  /** Every call to Slack (Web API, response_url), and shutdown's grace period. */
  readonly calls?: CallLimits;
}

/**
 * How long an event's id is remembered. Slack delivers an event again when it thinks the first went
 * unanswered (no acknowledgement within 3 seconds, or an error): up to three times, within about five
 * minutes over HTTP, and again after a Socket Mode reconnection.
 */
export const EVENT_MEMORY_SECONDS = 60 * 60;

/** Wires the listeners (one a file under listeners/) onto a Bolt app, around one conversation. */
export function register(
  app: App,
  deps: SlackDeps,
  inFlight = new InFlight(),
  typedNames = new TypedNames(),
): void {
  const log = deps.logger.child({ platform: "slack" });
  // An event delivered again is answered once: Bolt has acknowledged it already, so it is only dropped.
  const events = deps.replays ?? new ReplaysInMemory();
  app.use(async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === "string") {
      const now = Math.floor(Date.now() / 1000);
      if (!(await events.first(`event:${id}`, now + EVENT_MEMORY_SECONDS, now))) {
        log.info({ eventId: id }, "Slack event delivered again: answered already");
        return;
      }
    }
    await next();
  });
  // Every listener runs under this, so that shutdown can wait for replies in flight.
  app.use(({ next }) => inFlight.track(next));
  const ctx: SlackContext = {
    log,
    conversation: new Conversation({ ...deps, logger: log, help: SLACK_HELP }),
    channelKey: deps.config.oauth ? workspaceChannel : (_team, channelId) => channelId,
    typedNames,
  };
  for (const listener of [slashCommand, buttons, mention, directMessage]) listener(app, ctx);
  if (deps.config.oauth && deps.installations) uninstall(app, ctx, deps.installations);
  app.error(async (error) => {
    log.error({ code: describeSlackError(error).code, err: error.message }, "unhandled Slack error");
  });
}

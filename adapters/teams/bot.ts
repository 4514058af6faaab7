import { type CloudEnvironment, PUBLIC, type TokenProviderFn } from "@microsoft/teams.api";
import { App } from "@microsoft/teams.apps";
import {
  type ChannelAddresses,
  type Config,
  Conversation,
  type Guide,
  InFlight,
  type Logger,
  REPLY_GRACE_MS,
  type TipCommands,
  type TipPoster,
  type UsageParts,
} from "../../src/index.js";
import type { HttpFront } from "../http/front.js";
import { type CallLimits, Outbound } from "../http/outbound.js";
import { AddressBook } from "./addresses.js";
import { FrontRoutes } from "./front-routes.js";
import type { TeamsContext } from "./listeners/context.js";
import { register as install } from "./listeners/install.js";
import { register as message } from "./listeners/message.js";
import { register as messageExtension } from "./listeners/message-extension.js";
import { TEAMS_HELP } from "./render.js";
import { sdkLogger } from "./sdk-log.js";
import { throughOutbound } from "./through-outbound.js";
import { teamsTipPoster } from "./tip-poster.js";

export { describeStartFailure } from "./errors.js";

/** Where Teams sends the bot's activities: the SDK's usual path, set as the bot's messaging endpoint. */
export const MESSAGES_PATH = "/api/messages";

/** Teams settings, as src/config.ts reads them. */
export type TeamsConfig = NonNullable<Config["teams"]>;

/** What the Teams adapter is built from: the core's services, the front, and (for tests) Microsoft's endpoints. */
export interface TeamsDeps extends UsageParts {
  readonly guide: Guide;
  readonly config: TeamsConfig;
  readonly logger: Logger;
  /** The HTTP front on PORT that /api/messages mounts on. */
  readonly front: HttpFront;
  /** Where channels' addresses are kept, for daily tips. */
  readonly addresses: ChannelAddresses;
  readonly tips?: TipCommands;
  /** Every call to the Bot Connector and Graph, and shutdown's grace period. */
  readonly calls?: CallLimits;
  /** Microsoft's endpoints (the public cloud by default); tests point them at local stand-ins. */
  readonly cloud?: CloudEnvironment;
  /**
   * The SDK's custom token provider, used instead of the client secret to get the bot's tokens: tests
   * give their own, so that nothing asks Microsoft's login service.
   */
  readonly token?: TokenProviderFn;
}

/** The running Teams adapter. */
export interface TeamsBot {
  readonly app: App;
  /** Mounts /api/messages on the front (which the composition root starts). */
  start(): Promise<void>;
  /**
   * Stops taking requests, lets replies in flight finish (a grace period) and, once `after` has settled
   * too (a tip post's moment at shutdown), closes the platform's client.
   */
  stop(after?: Promise<unknown>): Promise<void>;
  /** Posts scheduled tips ("Tip of the day") into channels through the Bot Connector. */
  tipPoster(): TipPoster;
}

/** Builds the Teams app: messages and mentions, card buttons, the message extension, installation. */
export function createTeamsBot(deps: TeamsDeps): TeamsBot {
  const log = deps.logger.child({ platform: "teams" });
  const outbound = new Outbound({
    timeoutMs: deps.calls?.timeoutMs ?? 10_000,
    retries: deps.calls?.retries ?? 2,
    ...(deps.calls?.wait ? { wait: deps.calls.wait } : {}),
  });
  const credentials = deps.config.credentials;
  const cloud = deps.cloud ?? PUBLIC;
  const routes = new FrontRoutes(log, credentials ? cloud.tokenIssuer : undefined);
  // Every setting is given here, none left to the SDK's own environment variables (CLIENT_ID,
  // SERVICE_URL, CLOUD, ...): an empty string is a deliberate "none", which `??` keeps.
  const app = new App({
    clientId: credentials?.clientId ?? "",
    clientSecret: deps.token ? "" : (credentials?.clientSecret ?? ""),
    tenantId: credentials?.tenantId ?? "",
    ...(deps.token ? { token: deps.token } : {}),
    cloud,
    serviceUrl: "https://smba.trafficmanager.net/teams",
    dangerouslyAllowUnauthenticatedRequests: credentials === undefined,
    httpServerAdapter: routes,
    client: { middlewares: [throughOutbound(outbound)] },
    logger: sdkLogger(log),
  });
  const inFlight = new InFlight();
  const t: TeamsContext = {
    conversation: new Conversation({ ...deps, logger: log, help: TEAMS_HELP }),
    guide: deps.guide,
    log,
    addresses: new AddressBook(deps.addresses, log),
    localTesting: credentials === undefined,
    inFlight,
  };
  for (const listener of [message, messageExtension, install]) listener(app, t);

  return {
    app,
    async start() {
      // initialize() registers the SDK's routes with `routes`; app.start() would open a port of its own.
      await app.initialize();
      deps.front.route(MESSAGES_PATH, routes.handler(MESSAGES_PATH));
      log.info(
        {
          path: MESSAGES_PATH,
          auth: credentials
            ? credentials.tenantId
              ? "single-tenant"
              : "multi-tenant"
            : "none (local testing)",
        },
        "Teams mounted on the HTTP front",
      );
    },
    async stop(after) {
      // let replies in flight finish, for the grace period; then end the calls still waiting
      await Promise.all([inFlight.drain(deps.calls?.graceMs ?? REPLY_GRACE_MS), after]);
      outbound.close();
    },
    tipPoster: () => teamsTipPoster(app, t.addresses, deps.guide),
  };
}

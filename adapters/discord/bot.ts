import {
  Client,
  type ClientOptions,
  DiscordAPIError,
  GatewayIntentBits,
  RateLimitError,
  REST,
  type RESTOptions,
  Routes,
} from "discord.js";
import {
  type Card,
  type DiscordConfig,
  InFlight,
  noticeCard,
  PostFailure,
  type TipPoster,
  tipCard,
} from "../../src/index.js";
import { inviteUrl, TIPS_COMMAND } from "./definitions.js";
import { codeOf, type DiscordDeps, register } from "./register.js";
import { renderCard } from "./render.js";
import { commandDefinitions } from "./slash-commands.js";

export { inviteUrl } from "./definitions.js";
export { codeOf, type DiscordDeps, describeStartFailure, unreachableMessage } from "./register.js";

export interface DiscordBot {
  readonly client: Client;
  /** Logs in over the gateway and logs the invite URL. */
  start(): Promise<void>;
  /**
   * Stops taking requests, lets replies in flight finish (a grace period) and, once `after` has settled
   * too (a tip post's moment at shutdown), closes the platform's client.
   */
  stop(after?: Promise<unknown>): Promise<void>;
  /** Whether the gateway connection (every shard this process runs) is ready now: for /readyz. */
  connected(): boolean;
  /** Posts scheduled tips ("Tip of the day") through REST. */
  tipPoster(): TipPoster;
}

/**
 * The longest a tip post may take, rate-limit waits included: the scheduler posts one channel at a
 * time, and shutdown waits for it. Under discord.js's own 15 s request timeout, which would send the
 * post again.
 */
export const TIP_POST_MS = 12_000;

/**
 * REST options shared by the client and the deploy command: fetch, so proxies and nock can see it. A
 * rate limit on a channel's route (a tip post) is thrown, not waited out: discord.js would otherwise
 * retry a 429 without end, holding every other channel's tip and shutdown (platform exploratory test).
 * The scheduler retries the tip after the wait Discord asked for. A 429 that discord.js waits out and
 * tries again (a login Discord keeps answering 429 left the bot silent) is told to `slowedDown`, read
 * off the response as it comes: a "response" listener made discord.js copy every response.
 */
function restOptions(
  config: DiscordConfig,
  slowedDown?: (call: { method: string; path: string; retryAfterSeconds?: number }) => void,
): Partial<RESTOptions> {
  const makeRequest = (async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    if (response.status === 429 && slowedDown) {
      const retryAfter = response.headers.get("retry-after");
      slowedDown({
        method: init.method ?? "GET",
        path: new URL(url).pathname,
        ...(retryAfter ? { retryAfterSeconds: Number(retryAfter) } : {}),
      });
    }
    return response;
    // the global fetch, as discord.js documents; its RequestInit type differs only in stream body types
  }) as unknown as RESTOptions["makeRequest"];
  return {
    makeRequest,
    rejectOnRateLimit: ["/channels"],
    ...(config.apiUrl ? { api: config.apiUrl.replace(/\/$/, "") } : {}),
  };
}

/**
 * The client's sharding options (discord.js internal sharding): "auto" asks Discord for its recommended
 * count; a count runs the listed shards of that total, so replicas can split them. None: one connection.
 */
export function shardOptions(config: DiscordConfig): Pick<ClientOptions, "shards" | "shardCount"> {
  if (!config.shards) return {};
  if (config.shards === "auto") return { shards: "auto" };
  return { shards: [...config.shards.ids], shardCount: config.shards.count };
}

/** Builds the discord.js client with only the Guilds intent and our interaction handling. */
export function createDiscordBot(deps: DiscordDeps): DiscordBot {
  const { guide, config } = deps;
  const log = deps.logger.child({ platform: "discord" });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(config, (call) =>
      log.warn(call, "Discord asked the bot to slow down; discord.js waits, then tries again"),
    ),
    allowedMentions: { parse: [] },
    ...shardOptions(config),
  });

  const inFlight = new InFlight();
  register(client, deps, inFlight);
  // Cuts a tip post in flight off at stop(): destroying the client does not.
  const stopping = new AbortController();

  return {
    client,
    async start() {
      await client.login(config.token);
      log.info(
        { invite: inviteUrl(config.applicationId) },
        "connected to Discord; invite the bot with this URL",
      );
    },
    connected: () => client.isReady(),
    async stop(after) {
      // the tip post's moment first: aborting ends the calls in flight, the post among them
      await after;
      // let replies in flight finish before the connection goes
      stopping.abort();
      await inFlight.drain();
      await client.destroy();
    },
    // Through REST, not the gateway: any replica or shard can post to any channel the bot may write to,
    // whichever shard holds the channel's server; the database's claim decides who posts.
    tipPoster: () => {
      /** Posts a card into a channel through REST. */
      const send = async (channelId: string, card: Card) => {
        const { content, embeds, components } = renderCard(card);
        try {
          const message = (await client.rest.post(Routes.channelMessages(channelId), {
            body: { ...(content ? { content } : {}), embeds, components, allowed_mentions: { parse: [] } },
            signal: AbortSignal.any([AbortSignal.timeout(deps.tipPostMs ?? TIP_POST_MS), stopping.signal]),
          })) as { id: string };
          return { messageId: message.id };
        } catch (error) {
          throw postFailure(error, stopping.signal.aborted);
        }
      };
      return {
        post: (channelId, tip) => send(channelId, tipCard(guide, tip, "Tip of the day")),
        announce: (channelId, text) => send(channelId, noticeCard(text)),
        settingsInFields: true,
        whoMayChange: "members with the Manage Server permission",
        // a subcommand with options, not words after the command
        command: (what) =>
          `\`/${TIPS_COMMAND} ${what}\`${what === "on" ? " (its time and timezone are options)" : ""}`,
      };
    },
  };
}

/**
 * A failed post as the scheduler and `tips on` read it. Discord refuses with 403 when the bot may not
 * see or post in the channel (Missing Access, Missing Permissions) and 404 when the channel is gone:
 * retrying cannot help until someone changes the channel's permissions.
 */
function postFailure(error: unknown, stopped: boolean): PostFailure {
  const detail = (error as Error)?.message;
  if (error instanceof RateLimitError)
    return new PostFailure(
      "429",
      "Discord asked me to slow down.",
      Math.ceil(error.retryAfter / 1000),
      false,
      detail,
    );
  // Cut off: by stop(), or else by the time limit. @discordjs/rest aborts its request without the
  // signal's reason, so a time-out arrives as an AbortError too: read as "stopped", it was posted again
  // a minute later, and a slow Discord that had taken the first showed the tip twice.
  const name = (error as Error).name;
  if ((name === "AbortError" || name === "TimeoutError") && stopped)
    return new PostFailure("stopped", "The post was cut off as the bot stopped.", undefined, false, detail);
  if (name === "AbortError" || name === "TimeoutError")
    return new PostFailure("timeout", "Discord took too long to answer.", undefined, false, detail);
  const code = codeOf(error);
  if (error instanceof DiscordAPIError && error.status === 403)
    return new PostFailure(code, NOT_ALLOWED, undefined, true);
  if (error instanceof DiscordAPIError && error.status === 404)
    return new PostFailure(code, "I can't find this channel: it may have been deleted.", undefined, true);
  return new PostFailure(code, "Something went wrong talking to Discord.", undefined, false, detail);
}

/** What a channel admin reads when the bot may not post in a channel. */
const NOT_ALLOWED =
  "I'm not allowed to post in this channel. Give the bot the View Channel, Send Messages and Embed Links permissions here.";

/** Registers the commands (to one server when a guild id is set, else globally); a PUT, so idempotent. */
export async function deployCommands(config: DiscordConfig): Promise<{ route: string; count: number }> {
  const rest = new REST(restOptions(config)).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const body = commandDefinitions();
  await rest.put(route, { body });
  return { route, count: body.length };
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpRouteHandler, IHttpServerAdapter } from "@microsoft/teams.apps";
import { z } from "zod";
import type { Logger } from "../../src/index.js";
import { mediaType, readCapped, sendRefused } from "../http/body.js";
import type { RouteHandler } from "../http/front.js";
import { logRefused } from "../http/refused.js";
import { sendJson, sendStatus } from "../http/respond.js";

/**
 * The largest activity taken. Teams' own are a few kilobytes (a message is at most about 28 KB, an
 * invoke smaller); anything much bigger is not from Teams.
 */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/** What every activity the bot handles has, checked before the SDK reads it as one. */
const ACTIVITY = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }).optional(),
  from: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

/**
 * The Teams SDK's transport seam (its documented IHttpServerAdapter, "self-managing your server"):
 * the SDK registers /api/messages here and keeps the Teams protocol (token validation, activity
 * routing, invoke answers); this class only turns our HTTP front's requests into its `{ body, headers }`
 * and its `{ status, body }` back into a response. The SDK never opens a port of its own.
 */
export class FrontRoutes implements IHttpServerAdapter {
  private readonly handlers = new Map<string, HttpRouteHandler>();

  constructor(
    private readonly log: Logger,
    /**
     * The Bot Connector's token issuer (the cloud's, https://api.botframework.com in the public one);
     * undefined in local testing, where no token is asked for.
     */
    private readonly issuer?: string,
  ) {}

  registerRoute(_method: "POST", path: string, handler: HttpRouteHandler): void {
    this.handlers.set(path, handler);
  }

  /** The front's handler for a path the SDK registered: POST with a JSON activity, capped before it is read. */
  handler(path: string): RouteHandler {
    const sdk = this.handlers.get(path);
    if (!sdk) throw new Error(`The Teams SDK registered no handler for ${path}`);
    return async (req, res) => {
      const request = await this.read(req, res);
      if (!request) return;
      const answer = await sdk(request);
      if (answer.body === undefined) sendStatus(res, answer.status);
      else sendJson(res, answer.status, answer.body);
    };
  }

  /** The request as the SDK takes it, or undefined once it has been refused. */
  private async read(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST") {
      sendStatus(res, 405);
      return undefined;
    }
    if (mediaType(req.headers["content-type"]) !== "application/json") {
      sendStatus(res, 415);
      return undefined;
    }
    // Local testing takes activities without a token: only from this machine (the port may be shared
    // with Slack or Mattermost, open to the internet), and it answers only a Bot Connector here too.
    if (this.issuer === undefined && !fromThisMachine(req)) {
      logRefused(this.log, {}, "Teams request refused: local testing takes requests from this machine only");
      sendStatus(res, 403);
      return undefined;
    }
    // Before the body is read: anyone could make the bot hold 256 KB per connection without a token.
    if (this.issuer !== undefined && !fromBotConnector(req.headers.authorization, this.issuer)) {
      logRefused(this.log, {}, "Teams request refused: no Bot Connector token");
      sendStatus(res, 401);
      return undefined;
    }
    const raw = await readCapped(req, MAX_ACTIVITY_BYTES);
    if (!Buffer.isBuffer(raw)) {
      logRefused(this.log, { limit: MAX_ACTIVITY_BYTES }, `Teams request refused: ${raw.why}`);
      sendRefused(res, raw);
      return undefined;
    }
    const body = ACTIVITY.safeParse(parseJson(raw));
    if (!body.success || (this.issuer === undefined && !onThisMachine(body.data.serviceUrl))) {
      logRefused(this.log, {}, "Teams request refused: not an activity");
      sendStatus(res, 400);
      return undefined;
    }
    return { body: body.data, headers: headersOf(req) };
  }
}

/**
 * Whether the request carries a bearer token its issuer claim says the Bot Connector issued; the SDK
 * then checks its signature, audience, lifetime and Bot Connector address. Only that path is taken: the
 * SDK also accepts Entra tokens (for Agent ID, which this bot does not use) from any tenant whose app
 * asks for one for the bot's id, without checking the activity's serviceUrl, and the bot then sent its
 * own Bot Connector token to whatever address the activity named (security review).
 */
function fromBotConnector(authorization: string | undefined, issuer: string): boolean {
  const token = /^Bearer ([\w-]+)\.([\w-]+)\.[\w-]+$/.exec(authorization ?? "");
  if (!token) return false;
  const claims = parseJson(Buffer.from(token[2] ?? "", "base64url"));
  return typeof claims === "object" && claims !== null && (claims as { iss?: unknown }).iss === issuer;
}

/**
 * Whether a request comes from this machine itself: from a loopback address, and not through a proxy
 * or a tunnel on it (which connects from 127.0.0.1 for anyone, and says so in its forwarding headers).
 */
function fromThisMachine(req: IncomingMessage): boolean {
  const forwarded = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"].some(
    (h) => h in req.headers,
  );
  return !forwarded && isLoopback(req.socket.remoteAddress);
}

/** Whether a connection comes from this machine: 127.0.0.0/8 or ::1, as IPv4 or IPv6 gives them. */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && /^(?:::ffff:)?127\.\d+\.\d+\.\d+$|^::1$/.test(address);
}

/** Whether a Bot Connector address is on this machine (the local test client's), or none is given. */
export function onThisMachine(serviceUrl: string | undefined): boolean {
  if (serviceUrl === undefined) return true;
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(serviceUrl).hostname);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Node's headers without the absent ones, as the SDK's request type has them. */
function headersOf(req: IncomingMessage): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(req.headers).filter((e): e is [string, string | string[]] => e[1] !== undefined),
  );
}

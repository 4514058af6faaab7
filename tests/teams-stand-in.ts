import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for the Bot Connector, which also stands in for Microsoft Graph (team owners) and
// serves the JWKS whose key signs the Teams tests' tokens.

/** The bot's app id. */
export const APP_ID = "11111111-2222-3333-4444-555555555555";
/** The tenant every activity comes from. */
export const TENANT = "99999999-8888-7777-6666-555555555555";
/** The team, as the Bot Connector names it. */
export const TEAM = "19:team-general@thread.tacv2";
/** The team's group, as Microsoft Graph names it. */
export const TEAM_GROUP = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
/** The team's channel the tests talk in. */
export const CHANNEL = "19:channel-one@thread.tacv2";
/** A team owner's Entra id. */
export const OWNER_AAD = "0000aaaa-0000-0000-0000-000000000001";
/** A member's (not an owner's) Entra id. */
export const MEMBER_AAD = "0000aaaa-0000-0000-0000-000000000002";

/** What the stand-in was sent. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: Record<string, unknown>;
  /** The status it was answered with; none while it is held in silence. */
  status?: number;
}

/** How the stand-in answers one request: normally, with a status, or not at all. */
type Behaviour =
  | "normal"
  | "silence"
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown };

/** The signing key the test controls, and the JWKS that publishes it. */
const KEY_ID = "test-key";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

/**
 * The Bot Connector, Microsoft Graph and the token keys, on one port of 127.0.0.1: records every
 * request and answers as Teams would, or as `next` says for the next request to a path.
 */
export class StandIn {
  readonly received: Received[] = [];
  readonly owners = new Set([OWNER_AAD]);
  private readonly plans: { readonly path: RegExp; readonly behaviour: Behaviour }[] = [];
  private readonly held: ServerResponse[] = [];
  private server?: Server;
  private seq = 0;

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error("the stand-in is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** The next request to a path matching `path` gets `behaviour` (in the order planned). */
  next(path: RegExp, behaviour: Behaviour): void {
    this.plans.push({ path, behaviour });
  }

  /**
   * Activities delivered to a conversation (replies and posts), in order. An attempt answered with an
   * error or held in silence delivered nothing, so a test waiting for a reply waits for the retry that
   * delivers it, and no retry is left in flight for the next test's plans to meet.
   */
  activities(conversation?: string): Received[] {
    return this.received.filter(
      (r) =>
        r.method === "POST" &&
        r.status !== undefined &&
        r.status < 300 &&
        /\/v3\/conversations\/[^/]+\/activities$/.test(r.path) &&
        (conversation === undefined ||
          decodeURIComponent(r.path).includes(`/conversations/${conversation}/`)),
    );
  }

  reset(): void {
    this.received.length = 0;
    this.plans.length = 0;
  }

  /** A Bot Framework token for the bot, signed by `key` (the test's, unless another is given). */
  token(claims: Record<string, unknown> = {}, key: KeyObject = privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const head = part({ alg: "RS256", typ: "JWT", kid: KEY_ID });
    const body = part({
      iss: "https://api.botframework.com",
      aud: APP_ID,
      serviceurl: this.url,
      nbf: now - 60,
      exp: now + 3600,
      ...claims,
    });
    const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key, "base64url");
    return `${head}.${body}.${signature}`;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const path = req.url ?? "/";
    const received: Received = {
      method: req.method ?? "",
      path,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
    this.received.push(received);
    const planned = this.plans.findIndex((p) => p.path.test(path));
    const behaviour = planned >= 0 ? this.plans.splice(planned, 1)[0]?.behaviour : "normal";
    if (behaviour === "silence") {
      this.held.push(res);
      return;
    }
    if (behaviour && behaviour !== "normal") {
      received.status = behaviour.status;
      res
        .writeHead(behaviour.status, { "content-type": "application/json", ...behaviour.headers })
        .end(JSON.stringify(behaviour.body ?? { error: { code: "Failed" } }));
      return;
    }
    received.status = this.normal(req.method ?? "", path, res);
  }

  private normal(method: string, path: string, res: ServerResponse): number {
    const [status, body] = this.answerTo(method, path);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    return status;
  }

  /** What Teams, Graph or the key service would answer. */
  private answerTo(method: string, path: string): [number, unknown] {
    // the Bot Connector's keys, and Entra's for any tenant ("login" is this stand-in too)
    if (path === "/v1/.well-known/keys" || /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) {
      return [
        200,
        { keys: [{ ...publicKey.export({ format: "jwk" }), kid: KEY_ID, use: "sig", alg: "RS256" }] },
      ];
    }
    if (method === "POST" && path.startsWith("/v3/conversations/")) return [201, { id: `m${++this.seq}` }];
    if (method === "GET" && path.startsWith("/v3/teams/")) return [200, { id: TEAM, aadGroupId: TEAM_GROUP }];
    const member = /^\/v1\.0\/teams\/([^/]+)\/members\?(.*)$/.exec(path);
    if (method === "GET" && member) {
      const filter = new URLSearchParams(member[2]).get("$filter") ?? "";
      const user = /userId eq '([^']+)'/.exec(filter)?.[1] ?? "";
      return [200, { value: [{ userId: user, roles: this.owners.has(user) ? ["owner"] : [] }] }];
    }
    return [404, { error: { code: "NotFound" } }];
  }
}

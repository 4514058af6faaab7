import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for Mattermost's REST API, for the Mattermost tests (see mattermost-fixture.ts), and
// the tokens and ids it knows.

export const BOT_TOKEN = "bottoken0000000000000000aa";
export const COMMAND_TOKEN = "commandtoken00000000000000";
export const CHANNEL = "channel0000000000000000001";
export const ADMIN = "admin000000000000000000001";
export const MEMBER = "member00000000000000000001";
export const SYSADMIN = "sysadmin000000000000000001";
/** The id in the response_url a command comes with. */
export const RESPONSE_HOOK = "responsehook00000000000001";

/**
 * A button's context as the bot sealed it before users and addresses were sealed too: the HMAC of
 * [action, entry, vote, channel], keyed from the command token. Written out here, apart from the
 * bot's own code, so that a change to how the bot reads such seals shows.
 */
export function legacySeal(action: string, entry: string, channel: string, token = COMMAND_TOKEN) {
  const key = createHmac("sha256", token).update("socialmedia-guidance mattermost buttons").digest();
  const sig = createHmac("sha256", key)
    .update(JSON.stringify([action, entry, "", channel]))
    .digest("hex");
  return { action, entry, channel, sig };
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | "silence";

/** A call the stand-in received. */
interface Call {
  readonly method: string;
  readonly path: string;
  readonly auth?: string;
  readonly body: Record<string, unknown>;
  /** False for a request outside the path Mattermost is served under (`prefix`), which it does not serve. */
  readonly inside: boolean;
}

/**
 * Mattermost's REST API v4 as far as the bot uses it: users/me, a user's username and roles, a channel
 * member's roles, and new posts. Answers can be scripted per path ahead of the usual ones: an error status, or silence.
 */
export class MattermostStandIn {
  readonly calls: Call[] = [];
  readonly roles: Record<string, string> = {
    [ADMIN]: "system_user",
    [MEMBER]: "system_user",
    [SYSADMIN]: "system_user system_admin",
  };
  /** The users' usernames (the fixture's commands and presses name ADMIN alice and MEMBER bob too). */
  readonly usernames: Record<string, string> = { [ADMIN]: "alice", [MEMBER]: "bob", [SYSADMIN]: "carol" };
  readonly channelRoles: Record<string, string> = {
    [ADMIN]: "channel_user channel_admin",
    [MEMBER]: "channel_user",
    [SYSADMIN]: "channel_user",
  };
  private readonly scripted: { method: string; path: RegExp; answer: Answer }[] = [];
  private readonly silent: ServerResponse[] = [];
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private posts = 0;
  url = "";
  /**
   * The path Mattermost is served under, as behind a proxy at https://host/mattermost: a request
   * outside it is not Mattermost's (404); inside it, it is routed and recorded without it.
   */
  prefix = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next calls matching `method` and `path` get these answers, one each, in order. */
  script(method: string, path: RegExp, ...answers: Answer[]): void {
    for (const answer of answers) this.scripted.push({ method, path, answer });
  }

  /** Requests the stand-in is holding without an answer. */
  get held(): number {
    return this.silent.filter((r) => !r.destroyed && !r.writableEnded && !r.socket?.destroyed).length;
  }

  /** The answers sent later through a command's response_url, oldest first. */
  get lateAnswers(): Call[] {
    return this.calls.filter((c) => c.inside && c.method === "POST" && c.path.startsWith("/hooks/commands/"));
  }

  /** The posts made, newest last. */
  get posted(): Call[] {
    return this.calls.filter((c) => c.method === "POST" && c.path === "/api/v4/posts");
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = "";
    for await (const chunk of req) text += chunk;
    const raw = req.url ?? "/";
    const inside = raw.startsWith(`${this.prefix}/`);
    const path = inside ? raw.slice(this.prefix.length) : raw;
    const call = {
      method: req.method ?? "",
      path,
      auth: req.headers.authorization,
      body: parse(text),
      inside,
    };
    this.calls.push(call);
    const at = this.scripted.findIndex((s) => s.method === call.method && s.path.test(path));
    const answer: Answer | undefined = !inside
      ? NOT_FOUND
      : at >= 0
        ? this.scripted.splice(at, 1)[0]?.answer
        : this.usual(call);
    if (answer === "silence" || answer === undefined) {
      this.silent.push(res);
      return;
    }
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body ?? {}));
  }

  private usual(call: Call): Answer {
    // a command's response_url takes no token: its id is the secret
    if (call.method === "POST" && /^\/hooks\/commands\/[a-z0-9]{26}$/.test(call.path)) return { status: 200 };
    if (call.auth !== `Bearer ${BOT_TOKEN}`)
      return { status: 401, body: { id: "api.context.session_expired.app_error", status_code: 401 } };
    if (call.path === "/api/v4/users/me")
      return { status: 200, body: { id: "bot0", username: "socialmedia-guidance", roles: "system_user" } };
    const user = /^\/api\/v4\/users\/(\w+)$/.exec(call.path)?.[1];
    if (user && this.roles[user] !== undefined)
      return {
        status: 200,
        body: { id: user, username: this.usernames[user] ?? user, roles: this.roles[user] },
      };
    const member = /^\/api\/v4\/channels\/(\w+)\/members\/(\w+)$/.exec(call.path);
    if (member?.[2] && this.channelRoles[member[2]] !== undefined)
      return { status: 200, body: { user_id: member[2], roles: this.channelRoles[member[2]] } };
    if (call.method === "POST" && call.path === "/api/v4/posts")
      return { status: 201, body: { id: `post${++this.posts}`, channel_id: call.body.channel_id } };
    return NOT_FOUND;
  }
}

/** Mattermost's answer to a path it does not serve. */
const NOT_FOUND: Answer = { status: 404, body: { id: "app.not_found", status_code: 404 } };

function parse(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

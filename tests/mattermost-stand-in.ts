import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import {
  createMattermostBot,
  type MattermostBot,
  type MattermostConfig,
  type MattermostDeps,
} from "../adapters/mattermost/bot.js";
import { createGuide, type FeedbackVote, loadKnowledge } from "../src/index.js";
import { capturedLogger, commandScheduler, FIXTURE_DIR, testUsage, votingStore, waitFor } from "./helpers.js";

// What the Mattermost tests share: a local stand-in for Mattermost's REST API, and the real adapter on
// a real HTTP front on 127.0.0.1, sent requests as Mattermost sends them: a slash command's form with
// the command's token, a button press's JSON with the context the button carried.

export const BOT_TOKEN = "bottoken0000000000000000aa";
export const COMMAND_TOKEN = "commandtoken00000000000000";
export const CHANNEL = "channel0000000000000000001";
export const ADMIN = "admin000000000000000000001";
export const MEMBER = "member00000000000000000001";
export const SYSADMIN = "sysadmin000000000000000001";
/** The id in the response_url a command comes with. */
export const RESPONSE_HOOK = "responsehook00000000000001";

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
 * Mattermost's REST API v4 as far as the bot uses it: users/me, a user's and a channel member's roles,
 * and new posts. Answers can be scripted per path ahead of the usual ones: an error status, or silence.
 */
export class MattermostStandIn {
  readonly calls: Call[] = [];
  readonly roles: Record<string, string> = {
    [ADMIN]: "system_user",
    [MEMBER]: "system_user",
    [SYSADMIN]: "system_user system_admin",
  };
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
      return { status: 200, body: { id: user, username: user, roles: this.roles[user] } };
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

/** A command's answer, or a button's. */
export interface Reply {
  response_type?: string;
  text?: string;
  skip_slack_parsing?: boolean;
  ephemeral_text?: string;
  update?: unknown;
  attachments?: { pretext?: string; actions: Button[] }[];
}

export interface Button {
  id: string;
  name: string;
  integration: { url: string; context: Record<string, unknown> };
}

export const guide = createGuide(loadKnowledge(FIXTURE_DIR));

/**
 * A stand-in and a bot on its own front for the test file, started before its tests and stopped after;
 * after each test, the log, votes and waits are cleared and no promise may have been left rejected.
 */
export function useMattermost() {
  const { logger, lines } = capturedLogger();
  const mattermost = new MattermostStandIn();
  const votes: FeedbackVote[] = [];
  const waits: number[] = [];
  const rejections = vi.fn();
  const fronts: HttpFront[] = [];
  const bots: MattermostBot[] = [];
  let channels = 100;

  /** A bot on its own front on a free port of 127.0.0.1; resolves with it and the front's base URL. */
  async function startBot(config: Partial<MattermostConfig> = {}, deps: Partial<MattermostDeps> = {}) {
    const front = new HttpFront({ port: 0, host: "127.0.0.1", log: logger });
    const started = createMattermostBot(
      {
        guide,
        logger,
        config: { url: mattermost.url, botToken: BOT_TOKEN, commandToken: COMMAND_TOKEN, ...config },
        ...testUsage({ sharesPerHour: 2, feedback: votingStore(votes), logger }),
        tips: commandScheduler(guide, logger),
        calls: { retries: 2, timeoutMs: 300, wait: async (ms) => void waits.push(ms) },
        ...deps,
      },
      front,
    );
    fronts.push(front);
    bots.push(started);
    await started.start();
    await front.start();
    return { bot: started, base: `http://127.0.0.1:${front.boundPort}` };
  }

  const harness = {
    mattermost,
    logger,
    lines,
    votes,
    waits,
    startBot,
    /** The file's bot and its base URL, once started. */
    bot: undefined as unknown as MattermostBot,
    base: "",

    /** Runs the slash command as Mattermost does: a form with the command's token (null: none). */
    async command(
      text: string,
      {
        user = MEMBER,
        channel = CHANNEL,
        token = COMMAND_TOKEN as string | null,
        responseUrl = `${mattermost.url}/hooks/commands/${RESPONSE_HOOK}`,
        base = undefined as string | undefined,
      } = {},
    ) {
      const form = new URLSearchParams({
        channel_id: channel,
        channel_name: "town-square",
        command: "/socialmedia-guidance",
        response_url: responseUrl,
        team_domain: "hospital",
        team_id: "team00000000000000000000001",
        text,
        trigger_id: "trigger",
        user_id: user,
        user_name: user === ADMIN ? "alice" : "bob",
        ...(token === null ? {} : { token }),
      });
      const response = await fetch(`${base ?? harness.base}/mattermost/command`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      return {
        status: response.status,
        reply: (response.status === 200 ? await response.json() : {}) as Reply,
      };
    },

    /** Presses a button as Mattermost does: a JSON POST to its URL with the context it carried. */
    async press(
      button: Button,
      { user = MEMBER, channel = CHANNEL, context = button.integration.context as unknown } = {},
    ) {
      const response = await fetch(button.integration.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          user_id: user,
          user_name: user === ADMIN ? "alice" : "bob",
          channel_id: channel,
          channel_name: "town-square",
          team_id: "team00000000000000000000001",
          team_domain: "hospital",
          post_id: "ephemeralpost0000000000001",
          trigger_id: "trigger",
          type: "",
          data_source: "",
          context,
        }),
      });
      return {
        status: response.status,
        reply: (response.status === 200 ? await response.json() : {}) as Reply,
      };
    },

    /** A channel of its own, for a test that shares: each channel may get only two shares an hour here. */
    freshChannel: () => `channel${String(++channels).padStart(19, "0")}`,

    /** The first log line with this message. */
    logLine: (msg: string) =>
      waitFor(() => lines.find((l) => l.includes(`"msg":"${msg}"`)), { what: `log line "${msg}"` }),
  };

  beforeAll(async () => {
    process.on("unhandledRejection", rejections);
    await mattermost.start();
    const { bot, base } = await startBot();
    harness.bot = bot;
    harness.base = base;
  });

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await Promise.all(fronts.map((f) => f.stop()));
    await mattermost.stop();
    process.off("unhandledRejection", rejections);
  });

  afterEach(() => {
    lines.length = 0;
    votes.length = 0;
    waits.length = 0;
    expect(rejections).not.toHaveBeenCalled();
  });

  return harness;
}

/** Every button on a reply. */
export const buttonsOf = (reply: Reply) => (reply.attachments ?? []).flatMap((a) => a.actions);

/** The button named `name` on a reply. */
export function buttonNamed(reply: Reply, name: string): Button {
  const found = buttonsOf(reply).find((b) => b.name === name);
  if (!found) throw new Error(`no button ${name} in ${JSON.stringify(reply)}`);
  return found;
}

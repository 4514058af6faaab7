// Slack's Web API for the many-workspace tests: a server on 127.0.0.1 that installs a workspace for
// the OAuth code "code-T111" (and so on), answers as the workspace whose token a call carries, and
// records every call with that token.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { BOT_SCOPES } from "../adapters/slack/oauth.js";
import { SLACK_TEST, slackSignature } from "./slack-settings.js";

/** The bot token the stand-in issues to a workspace. */
export const tokenOf = (team: string) => `xoxb-${team}-bot-token`;

/** A Web API call the stand-in took: its method, the token it carried, and its fields. */
export interface Call {
  readonly method: string;
  readonly token?: string;
  readonly fields: Record<string, unknown>;
}

/** The running stand-in: its Web API base URL (ends in /api/) and the calls it took. */
export interface SlackStandIn {
  readonly server: Server;
  readonly url: string;
  readonly calls: Call[];
}

/** Starts the stand-in; it installs workspaces only for the app `clientId`. */
export async function slackStandIn(clientId: string): Promise<SlackStandIn> {
  const calls: Call[] = [];
  const server = createServer(async (req, res) => {
    const method = (req.url ?? "").replace(/^\/api\//, "");
    const fields = await readFields(req);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof fields.token === "string" ? fields.token : undefined);
    calls.push({ method, ...(token ? { token } : {}), fields });
    res.setHeader("content-type", "application/json");
    // Slack limiting the app's calls: a code sent as "code-ratelimited" is answered 429
    if (method === "oauth.v2.access" && fields.code === "code-ratelimited") {
      res.writeHead(429, { "retry-after": "30" }).end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    res.end(JSON.stringify(answer(method, fields, clientId, token)));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, calls };
}

function answer(
  method: string,
  fields: Record<string, unknown>,
  clientId: string,
  token?: string,
): Record<string, unknown> {
  const team = /^xoxb-(T\d+)-/.exec(token ?? "")?.[1];
  switch (method) {
    case "oauth.v2.access": {
      const installed = /^code-(T\d+)$/.exec(String(fields.code ?? ""))?.[1];
      if (!installed || fields.client_id !== clientId) return { ok: false, error: "invalid_code" };
      return {
        ok: true,
        app_id: "A1",
        authed_user: { id: "U1" },
        scope: BOT_SCOPES.join(","),
        token_type: "bot",
        access_token: tokenOf(installed),
        bot_user_id: `UB${installed}`,
        team: { id: installed, name: `Workspace ${installed}` },
        enterprise: null,
        is_enterprise_install: false,
      };
    }
    case "auth.test":
      return team
        ? { ok: true, team_id: team, user_id: `UB${team}`, bot_id: `B${team}` }
        : { ok: false, error: "invalid_auth" };
    case "users.info":
      return { ok: true, user: { id: fields.user, is_admin: true } };
    case "chat.postMessage":
      return { ok: true, ts: "1.1", channel: fields.channel };
    default:
      return { ok: false, error: "unknown_method" };
  }
}

async function readFields(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  if ((req.headers["content-type"] ?? "").includes("json")) return text ? JSON.parse(text) : {};
  return Object.fromEntries(new URLSearchParams(text));
}

/** POSTs `body` to the bot's /slack/events at `base`, signed with the test secret; resolves with the status. */
export async function postSigned(base: string, body: string, type: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": type,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": slackSignature(body, ts, SLACK_TEST.secret),
    },
    body,
  });
  await res.text();
  return res.status;
}

// What the probe (`npm run probe`) and the scale benchmark (`npm run scale`) share: a real
// `socialmedia-guidance start` in Slack HTTP mode on 127.0.0.1, and signed slash commands sent to it.
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { packageRoot } from "../src/paths.js";
import { freePort } from "./embedded-postgres.js";

/** Every address of the probe and the benchmark. */
export const HOST = "127.0.0.1";

/** Listens on a free port of HOST; resolves with it. */
export async function listen(server: Server): Promise<number> {
  server.listen(0, HOST);
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/**
 * `socialmedia-guidance start` in Slack HTTP mode on a free port, signing with `secret`, its Web API at
 * `apiUrl`; `env` adds to (or overrides) the rest: the database, Node's options. Limits are set out of
 * the way of the load.
 */
export async function spawnSlackBot(
  secret: string,
  apiUrl: string,
  env: Record<string, string>,
  stdio: StdioOptions = ["ignore", "pipe", "pipe"],
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(packageRoot(), "bin", "socialmedia-guidance.js"), "start"], {
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-load-token",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "10000",
      ...env,
    },
    stdio,
  });
  return { child, url: `http://${HOST}:${port}` };
}

/** One signed slash command from `user`, its reply to `responseUrl`; resolves with the HTTP status. */
export async function sendSlash(
  botUrl: string,
  secret: string,
  command: { readonly n: number; readonly user: string; readonly responseUrl: string },
): Promise<number> {
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: "C1",
    user_id: command.user,
    command: "/socialmedia-guidance",
    text: "can I accept a friend request from a patient?",
    response_url: command.responseUrl,
    trigger_id: `1.${command.n}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
  const response = await fetch(`${botUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature,
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

/** The `p`th percentile (0-100) of `values`, in milliseconds with one decimal. */
export function percentile(values: readonly number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN).toFixed(
    1,
  );
}

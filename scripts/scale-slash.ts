// Part of `npm run scale`: signed slash commands through one real `socialmedia-guidance start` in
// Slack HTTP mode, against stand-ins on 127.0.0.1 for Slack's Web API and the response_url.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { packageRoot } from "../src/paths.js";

/** Every address of the benchmark. */
export const HOST = "127.0.0.1";
const SECRET = "scale-signing-secret";

/** Listens on a free port of HOST; resolves with it. */
export async function listen(server: Server): Promise<number> {
  server.listen(0, HOST);
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/** Polls `check` every 250 ms until it is true or `ms` pass; true when it became true. */
export async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** One `start` in Slack HTTP mode with `db` settings, `concurrency` signed slash commands at a time for `loadMs`; prints one line. */
export async function slashRun(
  label: string,
  db: Record<string, string>,
  { concurrency, loadMs }: { concurrency: number; loadMs: number },
): Promise<void> {
  const api = createServer((req, res) => {
    req.resume();
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", ts: "1.0" }));
  });
  const hooks = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  const apiPort = await listen(api);
  const hookPort = await listen(hooks);
  const probe = createServer();
  const botPort = await listen(probe);
  probe.close();
  const child = spawn(process.execPath, [join(packageRoot(), "bin", "socialmedia-guidance.js"), "start"], {
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-scale-token",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://${HOST}:${apiPort}/api/`,
      PORT: String(botPort),
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "10000",
      ...db,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://${HOST}:${botPort}`;
  try {
    const up = await until(
      () =>
        fetch(`${base}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        ),
      20_000,
    );
    if (!up) throw new Error(`${label}: the bot was not ready within 20 s`);
    let sent = 0;
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + loadMs;
    const client = async () => {
      while (performance.now() < end) {
        const n = ++sent;
        const body = new URLSearchParams({
          team_id: "T1",
          channel_id: "C1",
          user_id: `U${n % 500}`,
          command: "/socialmedia-guidance",
          text: "can I accept a friend request from a patient?",
          response_url: `http://${HOST}:${hookPort}/hooks/${n}`,
          trigger_id: `1.${n}`,
        }).toString();
        const ts = Math.floor(Date.now() / 1000);
        const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
        const t = performance.now();
        try {
          const res = await fetch(`${base}/slack/events`, {
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "x-slack-request-timestamp": String(ts),
              "x-slack-signature": signature,
            },
            body,
          });
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const sorted = latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN).toFixed(1);
    console.log(
      `${label}: ${(sorted.length / (loadMs / 1000)).toFixed(0)} requests/s, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, errors ${errors} of ${sorted.length}`,
    );
  } finally {
    const exited = child.exitCode === null ? once(child, "exit") : Promise.resolve();
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
    for (const server of [api, hooks]) {
      server.closeAllConnections();
      server.close();
    }
  }
}

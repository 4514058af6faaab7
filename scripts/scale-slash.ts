// Part of `npm run scale`: signed slash commands through one real `socialmedia-guidance start` in
// Slack HTTP mode, against stand-ins on 127.0.0.1 for Slack's Web API and the response_url.
import { once } from "node:events";
import { createServer } from "node:http";
import { HOST, listen, percentile, sendSlash, spawnSlackBot } from "./slack-load.js";

const SECRET = "scale-signing-secret";

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
  const { child, url: base } = await spawnSlackBot(SECRET, `http://${HOST}:${apiPort}/api/`, db, [
    "ignore",
    "ignore",
    "inherit",
  ]);
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
        const t = performance.now();
        try {
          const status = await sendSlash(base, SECRET, {
            n,
            user: `U${n % 500}`,
            responseUrl: `http://${HOST}:${hookPort}/hooks/${n}`,
          });
          if (status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    console.log(
      `${label}: ${(latencies.length / (loadMs / 1000)).toFixed(0)} requests/s, p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, errors ${errors} of ${latencies.length}`,
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

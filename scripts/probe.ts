// Probe of the Slack HTTP mode: the bot runs as `socialmedia-guidance start` against stand-ins on
// 127.0.0.1 (the Web API, a response_url that answers, one that never does), and this prints
// throughput and latency under signed load, open files and memory while replies stall, and how long
// SIGTERM takes under each fault mode of the platform (replies stalled, refused, answered 500, answered
// 429 with a long Retry-After, a Web API that never answers). Nothing leaves 127.0.0.1; about 90 s.
import type { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HOST, listen, percentile, sendSlash, spawnSlackBot } from "./slack-load.js";

const SECRET = "probe-signing-secret";
const CONCURRENCY = 50;
const LOAD_MS = Number(process.env.PROBE_LOAD_MS ?? 10_000);
const STALL_MS = Number(process.env.PROBE_STALL_MS ?? 10_000);
const FAULT_MS = Number(process.env.PROBE_FAULT_MS ?? 4_000);

/** The Web API: auth.test and chat.postMessage answer ok. */
const api = createServer((req, res) => {
  req.resume();
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", ts: "1.0" }));
});
/** The response_url that answers: when each reply arrived, by request number. */
const arrived = new Map<number, number>();
const hooks = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    arrived.set(Number(req.url?.split("/").pop()), performance.now());
    res.end("ok");
  });
});
/** The response_url that takes requests and never answers. */
let stalledRequests = 0;
const stalled = createServer(() => {
  stalledRequests++;
});
/** A response_url that fails: 500, or 429 asking for a wait longer than the bot will give. */
const failing = createServer((req, res) => {
  req.resume();
  const tooMany = req.url?.startsWith("/429");
  res.writeHead(tooMany ? 429 : 500, tooMany ? { "retry-after": "20" } : {}).end();
});
/** A Web API that never answers (tips, shares and start-up checks would hang on it). */
const silentApi = createServer(() => undefined);
/** A port that refuses connections: listened on, then closed. */
const refusing = createServer();
const apiPort = await listen(api);
const hookPort = await listen(hooks);
const stalledPort = await listen(stalled);
const failingPort = await listen(failing);
const silentApiPort = await listen(silentApi);
const refusedPort = await listen(refusing);
refusing.close();
const dir = mkdtempSync(join(tmpdir(), "smg-probe-"));
const logCodes = new Map<string, number>();

/** A bot process in Slack HTTP mode on a free port, its Web API at `apiUrl`; its log codes counted. */
async function startBot(apiUrl: string, database: string) {
  const { child: bot, url } = await spawnSlackBot(SECRET, apiUrl, {
    DATABASE_PATH: join(dir, database),
    // PROBE_BOT_NODE_OPTIONS=--max-old-space-size=256 shows whether memory is bounded or only unreclaimed.
    NODE_OPTIONS: process.env.PROBE_BOT_NODE_OPTIONS ?? "",
  });
  for (const stream of [bot.stdout, bot.stderr])
    stream?.on("data", (d: Buffer) => {
      for (const m of d.toString().matchAll(/"code":"([^"]+)"/g))
        logCodes.set(m[1] ?? "", (logCodes.get(m[1] ?? "") ?? 0) + 1);
    });
  const exited = once(bot, "exit");
  const ready = performance.now() + 15_000;
  for (;;) {
    const ok = await fetch(`${url}/slack/events`, {
      method: "POST",
      body: "ssl_check=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { bot, url, exited, started: true };
    if (performance.now() > ready) return { bot, url, exited, started: false };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM, and the seconds until the process exits (SIGKILL after 30 s), with its exit code. */
async function stop(bot: ReturnType<typeof spawn>, exited: Promise<unknown[]>) {
  const stopping = performance.now();
  bot.kill("SIGTERM");
  const killer = setTimeout(() => bot.kill("SIGKILL"), 30_000);
  const [code] = await exited;
  clearTimeout(killer);
  return { code, seconds: (performance.now() - stopping) / 1000 };
}

const first = await startBot(`http://${HOST}:${apiPort}/api/`, "bot.db");
if (!first.started) throw new Error("the bot did not start within 15 s");
const child = first.bot;
const base = first.url;

let sent = 0;
/** One signed slash command whose reply goes to `hookBase`/<n>; resolves with the HTTP status. */
async function slash(botUrl: string, hookBase: string): Promise<{ n: number; status: number }> {
  const n = ++sent;
  return {
    n,
    status: await sendSlash(botUrl, SECRET, { n, user: `U${n}`, responseUrl: `${hookBase}/${n}` }),
  };
}

/** CONCURRENCY clients sending slash commands for `ms`: ack latencies, send times and errors. */
async function load(hookBase: string, ms: number, botUrl = base) {
  const acks: number[] = [];
  const started = new Map<number, number>();
  let errors = 0;
  const end = performance.now() + ms;
  const client = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        const { n, status } = await slash(botUrl, hookBase);
        started.set(n, t);
        acks.push(performance.now() - t);
        if (status !== 200) errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return { acks, started, errors };
}

const pct = (values: number[], p: number) => `${percentile(values, p)} ms`;

/** Open file descriptors and resident memory of the bot's process. */
function usage(): { fds: number; rssMb: number } {
  if (!existsSync(`/proc/${child.pid}/fd`)) return { fds: Number.NaN, rssMb: Number.NaN };
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
  return { fds: readdirSync(`/proc/${child.pid}/fd`).length, rssMb: Number(rss) / 1024 };
}
const codesText = () => [...logCodes].map(([c, n]) => `${c} ${n}`).join(", ") || "none";
const show = (u: { fds: number; rssMb: number }) => `${u.fds} fds, ${u.rssMb.toFixed(0)} MB RSS`;

try {
  const atStart = usage();
  console.log(`Bot started: ${show(atStart)}`);
  console.log(
    `Signed slash commands, ${CONCURRENCY} at a time for ${LOAD_MS / 1000} s (replies to a local response_url):`,
  );
  const fast = await load(`http://${HOST}:${hookPort}/hooks`, LOAD_MS);
  const settleBy = performance.now() + 3_000;
  while (arrived.size < fast.started.size && performance.now() < settleBy)
    await new Promise((r) => setTimeout(r, 50));
  const replies = [...fast.started].flatMap(([n, t]) => (arrived.has(n) ? [(arrived.get(n) ?? t) - t] : []));
  console.log(
    `  ${(fast.acks.length / (LOAD_MS / 1000)).toFixed(0)} requests/s, acknowledged p50 ${pct(fast.acks, 50)}, p99 ${pct(fast.acks, 99)}, errors ${fast.errors}`,
  );
  console.log(
    `  replies delivered ${replies.length} of ${fast.acks.length}, p50 ${pct(replies, 50)}, p99 ${pct(replies, 99)}; failed replies ${codesText()}`,
  );
  logCodes.clear();

  console.log(
    `A response_url that never answers, ${CONCURRENCY} commands at a time for ${STALL_MS / 1000} s:`,
  );
  const before = usage();
  const samples: { fds: number; rssMb: number }[] = [];
  const sampler = setInterval(() => samples.push(usage()), 1_000);
  const slow = await load(`http://${HOST}:${stalledPort}/hooks`, STALL_MS);
  clearInterval(sampler);
  const after = usage();
  console.log(
    `  ${slow.acks.length} commands, acknowledged p99 ${pct(slow.acks, 99)}, errors ${slow.errors}; ${stalledRequests} replies reached the stalled endpoint`,
  );
  console.log(`  before: ${show(before)}; after: ${show(after)}`);
  console.log(`  each second, fds: ${samples.map((u) => u.fds).join(" ")}`);
  console.log(`  each second, MB RSS: ${samples.map((u) => u.rssMb.toFixed(0)).join(" ")}`);
  console.log(`  failed replies logged by code: ${codesText()}`);
  logCodes.clear();

  const stalledStop = await stop(child, first.exited);
  console.log(
    `SIGTERM with replies stalled: exited with code ${stalledStop.code} after ${stalledStop.seconds.toFixed(1)} s`,
  );
  console.log(`  failed replies logged while stopping: ${codesText()}`);

  // Each other way a platform fails, on a fresh bot: load for a few seconds, then SIGTERM.
  const faults = [
    { name: "replies refused", api: apiPort, hooks: `http://${HOST}:${refusedPort}/hooks` },
    { name: "replies answered 500", api: apiPort, hooks: `http://${HOST}:${failingPort}/500` },
    {
      name: "replies answered 429, Retry-After 20 s",
      api: apiPort,
      hooks: `http://${HOST}:${failingPort}/429`,
    },
    { name: "Web API silent, replies fine", api: silentApiPort, hooks: `http://${HOST}:${hookPort}/hooks` },
  ];
  console.log(
    `SIGTERM under each fault mode (${CONCURRENCY} commands at a time for ${FAULT_MS / 1000} s first):`,
  );
  for (const [i, fault] of faults.entries()) {
    logCodes.clear();
    const bot = await startBot(`http://${HOST}:${fault.api}/api/`, `fault-${i}.db`);
    if (!bot.started) {
      // A silent Web API keeps start-up's token check waiting: SIGTERM must still end it.
      const ended = await stop(bot.bot, bot.exited);
      console.log(
        `  ${fault.name}: not started after 15 s (waiting on the Web API); SIGTERM: exited with code ${ended.code} after ${ended.seconds.toFixed(1)} s; logged ${codesText()}`,
      );
      continue;
    }
    const run = await load(fault.hooks, FAULT_MS, bot.url);
    const ended = await stop(bot.bot, bot.exited);
    console.log(
      `  ${fault.name}: ${run.acks.length} commands, errors ${run.errors}; exited with code ${ended.code} after ${ended.seconds.toFixed(1)} s; logged ${codesText()}`,
    );
  }
} finally {
  child.kill("SIGKILL");
  for (const server of [api, hooks, stalled, failing, silentApi]) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(dir, { recursive: true, force: true });
}

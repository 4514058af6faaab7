// Scale-out measurements on one machine, nothing leaving 127.0.0.1; the run takes about five minutes.
//  a. Three replicas on one embedded PostgreSQL, 2,000 channels whose tips fall due in the same minute:
//     posts per channel as a stand-in platform counts them, and the time until the last post.
//  b. The same with one replica SIGKILLed mid-run: double posts, and what became of the slots it held.
//  c. Signed slash commands through one `socialmedia-guidance start` (Slack HTTP mode), 50 at a time
//     for 30 s, against SQLite and against PostgreSQL.
// The replicas of a and b are scale-replica.ts, forked: the real TipScheduler and the real PostgreSQL
// storage, posting to the stand-in. Not `start` itself, because its claim lease (10 min) is not a
// setting: the replicas run with a 20 s lease, so b shows recovery within the run. c is scale-slash.ts.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openPostgresStorage } from "../src/store/postgres.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";
import { slashRun, until } from "./scale-slash.js";
import { HOST, listen } from "./slack-load.js";

const CHANNELS = 2_000;
const REPLICAS = 3;
const LEASE_MS = 20_000;
/** The stand-in platform's answer time per post, a little of a real platform's round trip. */
const POST_DELAY_MS = 5;
const LOAD_MS = 30_000;
const CONCURRENCY = 50;

/** The stand-in platform: counts posts per channel and remembers which replica posted, and when. */
function standInPlatform() {
  const posts = new Map<string, { replica: string; at: number }[]>();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const channel = req.url?.split("/").pop() ?? "";
      const list = posts.get(channel) ?? [];
      list.push({ replica: String(req.headers["x-replica"]), at: Date.now() });
      posts.set(channel, list);
      setTimeout(() => res.end(`m${list.length}`), POST_DELAY_MS);
    });
  });
  return { server, posts };
}

/** A new empty database on the server: its URL. */
async function database(admin: pg.Client, base: string, name: string): Promise<string> {
  await admin.query(`CREATE DATABASE ${name}`);
  return `${base}/${name}`;
}

/** Rows of a query on the database at `url`, on a connection of its own. */
async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Slot counts by status. */
async function slotStatuses(url: string): Promise<Record<string, number>> {
  const rows = await query<{ status: string; n: number }>(
    url,
    "SELECT status, count(*)::int AS n FROM tip_posts GROUP BY status",
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** A slot claimed and not finished: its channel, status and claim token. */
interface Held {
  readonly channel_id: string;
  readonly status: string;
  readonly claim_token: string;
}

const HELD = "SELECT channel_id, status, claim_token FROM tip_posts WHERE status IN ('claimed', 'sending')";

/** Runs a or b: seeds the channels, starts the replicas, waits for the minute, optionally kills one. */
async function tipRun(url: string, label: string, kill: boolean): Promise<void> {
  const platform = standInPlatform();
  const port = await listen(platform.server);
  const seeding = await openPostgresStorage(url);
  // the next whole minute at least 20 s away, so that every replica is up before it
  const due = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
  const time = new Date(due).toISOString().slice(11, 16);
  const channels = Array.from({ length: CHANNELS }, (_, i) => `C${String(i).padStart(8, "0")}`);
  for (const id of channels)
    await seeding.tips.seed("slack", id, { time, timeZone: "UTC", weekdaysOnly: false }, Date.now());
  await seeding.close();
  const replicaScript = join(dirname(fileURLToPath(import.meta.url)), "scale-replica.js");
  const children: ChildProcess[] = [];
  const total = () => [...platform.posts.values()].reduce((n, l) => n + l.length, 0);
  let killedAt = 0;
  // the claims open the moment r0 dies: r0's own, frozen, and the survivors' in flight
  let held: Held[] = [];
  try {
    for (let i = 0; i < REPLICAS; i++) {
      const child = fork(replicaScript, [url, `http://${HOST}:${port}`, `r${i}`, String(LEASE_MS)], {
        stdio: "inherit",
      });
      children.push(child);
      const ready = await Promise.race([
        once(child, "message").then(() => true),
        once(child, "exit").then(() => false),
      ]);
      if (!ready) throw new Error(`replica r${i} exited before it was ready`);
    }
    if (kill) {
      await until(() => total() >= CHANNELS / 3, due - Date.now() + 120_000);
      children[0]?.kill("SIGKILL");
      killedAt = Date.now();
      held = await query<Held>(url, HELD);
    }
    const settled = async () => {
      const byStatus = await slotStatuses(url);
      return (byStatus.posted ?? 0) + (byStatus.uncertain ?? 0) >= CHANNELS;
    };
    const done = await until(settled, due - Date.now() + (kill ? 150_000 : 120_000));
    const lists = channels.map((c) => platform.posts.get(c) ?? []);
    const last = Math.max(...lists.flatMap((l) => l.map((p) => p.at)));
    const byStatus = await slotStatuses(url);
    console.log(`${label}:${done ? "" : " (not settled in time)"}`);
    console.log(
      `  posts received ${total()}; channels posted once ${lists.filter((l) => l.length === 1).length}, twice or more ${lists.filter((l) => l.length > 1).length}, never ${lists.filter((l) => l.length === 0).length}`,
    );
    console.log(`  last post ${((last - due) / 1000).toFixed(1)} s after the slots fell due`);
    const per = new Map<string, number>();
    for (const l of lists) for (const p of l) per.set(p.replica, (per.get(p.replica) ?? 0) + 1);
    console.log(`  posts by replica: ${[...per].map(([r, n]) => `${r} ${n}`).join(", ")}`);
    console.log(`  slots by status: ${JSON.stringify(byStatus)}`);
    if (kill) await reportHeld(url, held, platform.posts, killedAt - due, killedAt + LEASE_MS);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(
      children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, "exit") : null)),
    );
    platform.server.close();
  }
}

/**
 * What became of the claims open when r0 died. A survivor's finishes under its own token; r0's were
 * either claimed again after the lease and posted by another replica, or left "sending" and so became
 * uncertain (with or without the stand-in having received the post before the kill).
 */
async function reportHeld(
  url: string,
  held: readonly Held[],
  posts: Map<string, { replica: string; at: number }[]>,
  killedAfterMs: number,
  leaseEnds: number,
): Promise<void> {
  const now = new Map(
    (await query<Held>(url, "SELECT channel_id, status, claim_token FROM tip_posts")).map((r) => [
      r.channel_id,
      r,
    ]),
  );
  const orphaned = held.filter(
    (h) =>
      now.get(h.channel_id)?.claim_token !== h.claim_token || now.get(h.channel_id)?.status === "uncertain",
  );
  const retaken = orphaned.filter((h) => now.get(h.channel_id)?.status === "posted");
  const afterLease = retaken.filter((h) =>
    (posts.get(h.channel_id) ?? []).every((p) => p.replica !== "r0" && p.at >= leaseEnds),
  );
  const uncertain = orphaned.filter((h) => now.get(h.channel_id)?.status === "uncertain");
  const received = uncertain.filter((h) => posts.has(h.channel_id)).length;
  console.log(
    `  killed r0 ${(killedAfterMs / 1000).toFixed(1)} s after due, holding ${orphaned.length} claim(s) (${held.length - orphaned.length} others in flight then, finished by their survivors)`,
  );
  console.log(
    `  of r0's: claimed again after the ${LEASE_MS / 1000} s lease and posted by another replica ${retaken.length} (all after the lease: ${afterLease.length === retaken.length}); uncertain ${uncertain.length} (post received by the stand-in before the kill: ${received})`,
  );
}

async function measure(): Promise<void> {
  const server = await startEmbeddedPostgres({ purpose: "the scale benchmark", durable: true });
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  const dir = mkdtempSync(join(tmpdir(), "smg-scale-"));
  try {
    console.log(
      `${REPLICAS} replicas, ${CHANNELS} channels due in the same minute, posts answered in ${POST_DELAY_MS} ms:`,
    );
    await tipRun(await database(admin, server.url, "scale_a"), "a. all replicas up", false);
    await tipRun(await database(admin, server.url, "scale_b"), "b. one replica SIGKILLed mid-run", true);
    console.log(
      `Signed slash commands through one replica, ${CONCURRENCY} at a time for ${LOAD_MS / 1000} s:`,
    );
    const load = { concurrency: CONCURRENCY, loadMs: LOAD_MS };
    await slashRun("c. SQLite", { DATABASE_PATH: join(dir, "bot.db") }, load);
    const postgres = await database(admin, server.url, "scale_c");
    await slashRun("c. PostgreSQL", { DATABASE_URL: postgres }, load);
  } finally {
    await admin.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await measure();

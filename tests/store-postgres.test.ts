import { spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../app/main.js";
import {
  ConfigError,
  Conversation,
  createGuide,
  type HelpStyle,
  loadConfig,
  loadKnowledge,
  readRequest,
  UsageRecords,
} from "../src/index.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import { openStorage } from "../src/store/open.js";
import { TipChannels } from "../src/tips/channels.js";
import { storageBackends, testPostgresUrl } from "./backends.js";
import { capturedLogger, FIXTURE_DIR, settle, waitFor } from "./helpers.js";

const backend = storageBackends().find((b) => b.name === "postgres");
if (!backend) throw new Error("no PostgreSQL backend");
const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const help: HelpStyle = { commandLine: (c) => c.name };
const who = {
  platform: "slack",
  userId: "U1",
  channelId: "C1",
  visibility: "private",
  canShare: false,
} as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The command line in this process, with DATABASE_URL set: exit code and what it printed where. */
async function cli(args: string[], url: string) {
  vi.stubEnv("DATABASE_URL", url);
  vi.stubEnv("KNOWLEDGE_DIR", FIXTURE_DIR);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (t) => out.push(t),
    (t) => err.push(t),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** `url` with another password (or database). */
function withParts(url: string, parts: { password?: string; database?: string }): string {
  const u = new URL(url);
  if (parts.password) u.password = parts.password;
  if (parts.database) u.pathname = `/${parts.database}`;
  return u.toString();
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

/** Resolves once `condition` (a query) returns a value; polls without sleeping. */
async function until<T>(condition: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 2_000; i++) {
    const value = await condition();
    if (value !== undefined) return value;
    await settle();
  }
  throw new Error("the condition never held");
}

describe("PostgreSQL: migrations", () => {
  it("applies each migration once when several replicas start together", async () => {
    const url = await backend.blank();
    const replicas = await Promise.all([1, 2, 3, 4].map(() => backend.open(url)));
    expect(await backend.sql(url, "SELECT version FROM schema_version")).toEqual([
      { version: MIGRATIONS.length },
    ]);
    await replicas[0]?.tips.enable(
      "slack",
      "C1",
      { time: "09:00", timeZone: "UTC", weekdaysOnly: false },
      "command",
      1,
    );
    expect(await replicas[3]?.tips.schedule("slack", "C1")).toMatchObject({ channelId: "C1", enabled: true });
  });
});

describe("PostgreSQL: when it cannot be opened", () => {
  it("names the server and the database in one sentence when nothing listens there, never the password", async () => {
    const port = await closedPort();
    const url = `postgres://smg:not-this-secret@127.0.0.1:${port}/guidance`;
    await expect(openStorage({ url, path: "" })).rejects.toThrow(
      `Cannot reach the PostgreSQL server at 127.0.0.1:${port} for database "guidance": nothing accepts connections there; check DATABASE_URL and that the server is running.`,
    );
    // The report, the console chat (which records its questions) and the bot on a platform all stop there.
    vi.stubEnv("SLACK_BOT_TOKEN", "");
    const report = await cli(["report"], url);
    const chat = await cli(["start"], url);
    vi.stubEnv("SLACK_BOT_TOKEN", "xoxb-never-used");
    vi.stubEnv("SLACK_SIGNING_SECRET", "never-used");
    const bot = await cli(["start"], url);
    for (const run of [report, chat, bot]) {
      expect(run.code).toBe(1);
      expect(run.err).toMatch(
        /^Cannot reach the PostgreSQL server at 127\.0\.0\.1:\d+ for database "guidance"/,
      );
      expect(run.err.split("\n")).toHaveLength(1);
      expect(run.err).not.toContain("not-this-secret");
    }
  });

  it("says the password or user is wrong, without printing either password", async () => {
    const url = withParts(await backend.fresh(), { password: "wrong-password-123" });
    const { port } = new URL(url);
    const run = await cli(["report"], url);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      new RegExp(
        `^PostgreSQL at 127\\.0\\.0\\.1:${port} refused user "postgres" for database "smg_\\w+": the password or the user name is wrong; check DATABASE_URL\\.$`,
      ),
    );
    expect(run.err).not.toContain("wrong-password-123");
    expect(run.err).not.toContain(new URL(testPostgresUrl()).password);
  });

  it("says when the database does not exist", async () => {
    const url = withParts(await backend.fresh(), { database: "no_such_database" });
    await expect(openStorage({ url, path: "" })).rejects.toThrow(
      /has no database "no_such_database"; create it \(createdb no_such_database\) or check DATABASE_URL\.$/,
    );
  });

  it("refuses a malformed DATABASE_URL by name, without repeating it", () => {
    const settings = (url: string) => () => loadConfig({ DATABASE_URL: url });
    expect(settings("postgres//smg:hunter2@db/smg")).toThrow(ConfigError);
    expect(settings("postgres//smg:hunter2@db/smg")).toThrow(
      "DATABASE_URL: is not a URL; write it as postgres://user:password@host:5432/database",
    );
    expect(settings("mysql://smg:hunter2@db/smg")).toThrow(
      "DATABASE_URL: must start with postgres:// or postgresql://",
    );
    expect(settings("postgresql://smg:hunter2@db")).toThrow("DATABASE_URL: names no database");
    expect(settings("mysql://smg:hunter2@db/smg")).not.toThrow(/hunter2/);
    expect(loadConfig({ DATABASE_URL: " postgresql://smg:hunter2@db:5433/smg " }).databaseUrl).toBe(
      "postgresql://smg:hunter2@db:5433/smg",
    );
  });
});

describe("PostgreSQL: selected by DATABASE_URL", () => {
  it("runs the report and learn from the PostgreSQL database", async () => {
    const url = await backend.fresh();
    const { feedback } = await backend.open(url);
    for (const userId of ["U1", "U2"])
      await feedback.recordVote({ entryId: "friend-requests", vote: "down", platform: "slack", userId }, 1);
    await feedback.recordQuestion(guide.ask("how do I cook rice"), Date.parse("2026-11-24T10:00:00Z"));
    await feedback.recordCandidate("friend-requests", "may I befriend a patient", 2);
    const report = JSON.parse((await cli(["report", "--json"], url)).out);
    expect(report.disliked).toEqual([{ entryId: "friend-requests", down: 2, up: 0 }]);
    expect(report.days).toEqual([{ day: "2026-11-24", asked: 1, answered: 0 }]);
    const learned = await cli(["learn", "--reject", "1"], url);
    expect(learned.out).toContain('Rejected "may i befriend a patient" for friend-requests.');
    expect(await feedback.candidates()).toEqual([]);
  });
});

describe("PostgreSQL: the bot", () => {
  it("starts on PostgreSQL, seeds the environment's tip channels there, and closes it on SIGTERM", async () => {
    // A stand-in for Slack's Web API on 127.0.0.1, which accepts the token.
    const slack = createHttpServer((req, res) => {
      res.setHeader("content-type", "application/json");
      const auth = { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" };
      res.end(JSON.stringify(req.url?.includes("auth.test") ? auth : { ok: true }));
    });
    await new Promise<void>((resolve) => slack.listen(0, "127.0.0.1", resolve));
    const address = slack.address();
    const url = await backend.blank();
    const bin = join(import.meta.dirname, "..", "bin", "socialmedia-guidance.js");
    const child = spawn(process.execPath, [bin, "start"], {
      env: {
        PATH: process.env.PATH ?? "",
        KNOWLEDGE_DIR: FIXTURE_DIR,
        DATABASE_URL: url,
        SLACK_BOT_TOKEN: "xoxb-postgres-test",
        SLACK_SIGNING_SECRET: "secret",
        SLACK_API_URL: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/`,
        PORT: "0",
        SLACK_TIP_CHANNELS: "C0TIPS0001,C0TIPS0002",
      },
    });
    let output = "";
    for (const stream of [child.stdout, child.stderr])
      stream.on("data", (d: Buffer) => (output += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      const started = await waitFor(() => output.split("\n").find((l) => l.includes('"msg":"started"')), {
        what: "the bot to start",
        timeoutMs: 15_000,
      });
      expect(JSON.parse(started)).toMatchObject({ platforms: ["slack"], tipSchedules: 2 });
      expect(
        await backend.sql(url, "SELECT channel_id, origin FROM tip_schedules ORDER BY channel_id"),
      ).toEqual([
        { channel_id: "C0TIPS0001", origin: "env" },
        { channel_id: "C0TIPS0002", origin: "env" },
      ]);
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
    } finally {
      child.kill();
      await new Promise<void>((resolve) => slack.close(() => resolve()));
    }
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain(new URL(testPostgresUrl()).password);
  });
});

describe("PostgreSQL: a connection lost", () => {
  /** Holds `table` in another transaction, so that the next statement on it waits; returns how to cut that one. */
  async function holdTable(url: string, table: string) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("BEGIN");
    await admin.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    return {
      /** Ends the bot's connection that waits for the table, as a network failure or a failover would. */
      cutWaiting: async () => {
        const waiting = await until(async () => {
          const { rows } = await admin.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'socialmedia-guidance' AND wait_event_type = 'Lock'",
          );
          return rows[0]?.pid;
        });
        await admin.query("SELECT pg_terminate_backend($1)", [waiting]);
      },
      release: async () => {
        await admin.query("ROLLBACK");
        await admin.end();
      },
    };
  }

  it("gives a voter the usual thanks and logs the failure, then works again", async () => {
    const url = await backend.fresh();
    const { feedback } = await backend.open(url);
    await feedback.voterHash("slack", "U1");
    const { logger, lines } = capturedLogger();
    const records = new UsageRecords({ feedback, logger });
    const conversation = new Conversation({ guide, logger, records, help });
    const vote = { kind: "vote", entryId: "friend-requests", vote: "up" } as const;
    const held = await holdTable(url, "feedback");
    const pending = conversation.handle(vote, who);
    await held.cutWaiting();
    expect((await pending).card.body).toBe("Thanks for the feedback.");
    expect(lines.join("\n")).toMatch(/"entry":"friend-requests".*feedback not stored/);
    await held.release();
    expect((await conversation.handle(vote, who)).card.body).toBe("Thanks, your vote is recorded.");
  });

  it("answers a tips command with the polite failure when its connection is cut", async () => {
    const url = await backend.fresh();
    const { tips: store } = await backend.open(url);
    const { logger, lines } = capturedLogger();
    const tips = new TipChannels({
      store,
      tips: guide.tips(),
      logger,
      defaults: { time: "09:00", timeZone: "UTC" },
    });
    const conversation = new Conversation({ guide, logger, tips, help });
    const held = await holdTable(url, "tip_schedules");
    const pending = conversation.handle(readRequest("tips on 08:00 UTC"), who);
    await held.cutWaiting();
    expect((await pending).card.body).toBe(
      "I could not change the daily tip just now. Please try again in a moment.",
    );
    expect(lines.join("\n")).toContain("tips command failed");
    await held.release();
    expect((await conversation.handle(readRequest("tips on 08:00 UTC"), who)).card.body).toMatch(
      /^Daily tip on/,
    );
  });

  it("logs an idle connection that breaks, and replaces it", async () => {
    const url = await backend.fresh();
    const lost: string[] = [];
    const { feedback } = await backend.open(url, { onConnectionError: (message) => lost.push(message) });
    await feedback.candidates();
    await backend.sql(
      url,
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'socialmedia-guidance' AND datname = current_database()",
    );
    await waitFor(() => lost.length > 0, { what: "the lost connection to be reported" });
    expect(await feedback.candidates()).toEqual([]);
  });
});

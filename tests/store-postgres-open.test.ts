import { createServer } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig } from "../src/index.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import { openStorage } from "../src/store/open.js";
import { testPostgresUrl } from "./backends.js";
import { postgresFixture } from "./postgres-fixture.js";

// PostgreSQL, opened: migrations run once among replicas, and each way opening it can fail said in a sentence.

const { backend, cli } = postgresFixture();

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

describe("PostgreSQL: commands that only read", () => {
  it("commands that read what the bot recorded give a database with none of its tables none, and say so", async () => {
    const url = await backend.blank();
    for (const args of [
      ["tips", "channels"],
      ["tips", "preview", "--channel", "C1", "--days", "2"],
      ["report"],
      ["learn", "--list"],
    ]) {
      const run = await cli(args, url);
      expect(run.code, args.join(" ")).not.toBe(0);
      expect(run.err).toContain("the database has none of the bot's tables");
    }
    expect(
      await backend.sql(
        url,
        "SELECT count(*)::int AS n FROM pg_catalog.pg_tables WHERE schemaname = 'public'",
      ),
    ).toEqual([{ n: 0 }]);
  });

  it("reads the bot's database and cannot write to it", async () => {
    const url = await backend.blank();
    const bot = await backend.open(url);
    await bot.tips.enable(
      "slack",
      "C1",
      { time: "09:00", timeZone: "UTC", weekdaysOnly: false },
      "command",
      1,
    );
    const listed = await cli(["tips", "channels"], url);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain("C1");
    const reader = await openStorage({ url, path: "" }, { readOnly: true });
    try {
      expect(await reader.tips.schedule("slack", "C1")).toMatchObject({ enabled: true });
      await expect(reader.tips.disable("slack", "C1", 2)).rejects.toThrow(/read-only transaction/);
      // a write that returns rows (INSERT … RETURNING, through all()) and one in a transaction
      await expect(reader.rateCounts.take("k", 5, 60_000, 1)).rejects.toThrow(/read-only transaction/);
      await expect(reader.addresses.forgetTeam("teams", "T1")).rejects.toThrow(/read-only transaction/);
    } finally {
      await reader.close();
    }
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
    // a password with "#" or "@" as typed: said how to write it
    expect(settings("postgres://smg:p@ss#w@db/smg")).toThrow(/must be written %40, %23 or %2F/);
    expect(settings("mysql://smg:hunter2@db/smg")).not.toThrow(/hunter2/);
    expect(loadConfig({ DATABASE_URL: " postgresql://smg:hunter2@db:5433/smg " }).databaseUrl).toBe(
      "postgresql://smg:hunter2@db:5433/smg",
    );
  });
});

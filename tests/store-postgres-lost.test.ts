import pg from "pg";
import { describe, expect, it } from "vitest";
import { Conversation, type HelpStyle, readRequest, UsageRecords } from "../src/index.js";
import { TipChannels } from "../src/tips/channels.js";
import { capturedLogger, until, waitFor } from "./helpers.js";
import { postgresFixture } from "./postgres-fixture.js";

// PostgreSQL, a connection lost: a vote or a tips command still gets a polite answer, and the pool recovers.

const { backend, guide } = postgresFixture();
const help: HelpStyle = { commandLine: (c) => c.name };
const who = {
  platform: "slack",
  userId: "U1",
  channelId: "C1",
  visibility: "private",
  canShare: false,
} as const;

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
            // this file's database only: another file's replicas waiting on a migration lock are not ours
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'socialmedia-guidance' AND wait_event_type = 'Lock' AND datname = current_database()",
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

  it("tells a voter the vote was not saved and logs the failure, then works again", async () => {
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
    expect((await pending).card.body).toBe(
      "Thanks. Your vote could not be saved just now: please vote again in a minute.",
    );
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

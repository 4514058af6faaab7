import { spawn } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testPostgresUrl } from "./backends.js";
import { FIXTURE_DIR, waitFor } from "./helpers.js";
import { postgresFixture } from "./postgres-fixture.js";

// PostgreSQL, selected by DATABASE_URL: the report, learn and the bot run on it.

const { backend, guide, cli } = postgresFixture();

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
    // decided once: another moderator's later decision does not replace it
    expect(await feedback.decideCandidate("friend-requests", "may i befriend a patient", "accepted")).toBe(
      false,
    );
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
      // named by host and database, never with its password
      expect(JSON.parse(started).database).toMatch(/^database ".+" on 127\.0\.0\.1:\d+$/);
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

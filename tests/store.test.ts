import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { askWithin, countShare, createGuide, createLogger, loadKnowledge, RateLimits } from "../src/index.js";
import { migrate } from "../src/store/db.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import type { RateCounts } from "../src/store/rate-counts.js";
import { storageBackends } from "./backends.js";
import { FIXTURE_DIR } from "./helpers.js";

const BACKENDS = storageBackends();

describe.each(BACKENDS)("the storage on $name", (backend) => {
  it("redacts stored questions again with today's guard when the report reads them", async () => {
    const where = await backend.fresh();
    const storage = await backend.open(where);
    // As an older guard might have left them: a phone number it did not know.
    await backend.sql(
      where,
      "INSERT INTO unanswered (question, count, first_at, last_at) VALUES (?, 1, 0, 0)",
      ["can i text my patient on 07700 900123"],
    );
    await backend.sql(
      where,
      "INSERT INTO candidates (entry_id, question, count, first_at, last_at) VALUES ('e', ?, 1, 0, 0)",
      ["patient email jo@example.com posted about me"],
    );
    // and a colleague's name kept before names other than a patient's were taken out
    await backend.sql(
      where,
      "INSERT INTO unanswered (question, count, first_at, last_at) VALUES (?, 1, 0, 0)",
      ["dr ahmed khan posted about my mum on facebook"],
    );
    const report = await storage.feedback.report();
    expect(report.unanswered.map((u) => u.question)).toContain("dr [name] posted about my mum on facebook");
    expect(report.unanswered.map((u) => u.question).join("\n")).not.toContain("07700");
    expect(report.candidates[0]?.question).not.toContain("jo@example.com");
  });

  it("keeps no one's name in a stored question or candidate phrasing, patient or not", async () => {
    const storage = await backend.open(await backend.fresh());
    const reply = createGuide(loadKnowledge(FIXTURE_DIR)).ask(
      "Nurse Emily Clarke and my colleague Priya keep discussing my zebra collection, what now?",
    );
    expect(reply.kind).toBe("no-answer");
    await storage.feedback.recordQuestion(reply, 0);
    await storage.feedback.recordCandidate("e", "Dr Ahmed Khan posted about my mum on Instagram", 0);
    const report = await storage.feedback.report();
    expect(report.unanswered[0]?.question).toBe(
      "nurse [name] and my colleague [name] keep discussing my zebra collection, what now?",
    );
    expect(report.candidates[0]?.question).toBe("dr [name] posted about my mum on instagram");
  });

  it("remembers a signed request's signature for every replica on the database, until its window ends", async () => {
    const where = await backend.fresh();
    const [one, other] = [await backend.open(where), await backend.open(where)];
    expect(await one.replays.first("v0=aa", 1_000, 500)).toBe(true);
    // the same request sent to another replica
    expect(await other.replays.first("v0=aa", 1_000, 600)).toBe(false);
    expect(await other.replays.first("v0=bb", 1_000, 600)).toBe(true);
    // once the window has passed, the old signature is let go (a stale timestamp is refused before this)
    expect(await one.replays.first("v0=cc", 2_000, 1_001)).toBe(true);
    expect(await backend.sql(where, "SELECT signature FROM request_signatures ORDER BY signature")).toEqual([
      { signature: "v0=cc" },
    ]);
  });

  it("counts a rate limit for every replica on the database, window by window", async () => {
    const where = await backend.fresh();
    const [one, other] = [await backend.open(where), await backend.open(where)];
    const minute = 60_000;
    const at = 10 * minute + 15_000;
    expect(await one.rateCounts.take("question:slack:U1", 2, minute, at)).toBeUndefined();
    expect(await other.rateCounts.take("question:slack:U1", 2, minute, at + 1_000)).toBeUndefined();
    // the third in the window, whichever replica it reaches, waits for the next window
    expect(await one.rateCounts.take("question:slack:U1", 2, minute, at + 5_000)).toBe(40);
    expect(await other.rateCounts.take("question:slack:U2", 2, minute, at + 5_000)).toBeUndefined();
    expect(await other.rateCounts.take("question:slack:U1", 2, minute, 11 * minute)).toBeUndefined();
  });

  /** One replica's rate limits (one question a minute, one share an hour) counted in the database at `where`. */
  const replicaLimits = async (where: string) =>
    new RateLimits({
      questionsPerMinute: 1,
      sharesPerHour: 1,
      shared: (await backend.open(where)).rateCounts,
      logger: createLogger("silent"),
    });

  it("gives back a share counted on the database when it was never posted, for every replica", async () => {
    const where = await backend.fresh();
    const [one, other] = [await replicaLimits(where), await replicaLimits(where)];
    const first = await countShare(one, "slack", "C1", "e1");
    expect(await countShare(other, "slack", "C1", "e2")).toHaveProperty("refusal");
    if ("giveBack" in first) await first.giveBack();
    expect(await countShare(other, "slack", "C1", "e3")).toHaveProperty("giveBack");
    expect(await countShare(one, "slack", "C1", "e4")).toHaveProperty("refusal");
  });

  it("refuses the same answer shared into a channel again on another replica, and lets it through once given back", async () => {
    const where = await backend.fresh();
    const roomy = async () =>
      new RateLimits({
        questionsPerMinute: 1,
        sharesPerHour: 10,
        shared: (await backend.open(where)).rateCounts,
        logger: createLogger("silent"),
      });
    const [one, other] = [await roomy(), await roomy()];
    const first = await countShare(one, "slack", "C1", "friend-requests");
    expect(await countShare(other, "slack", "C1", "friend-requests")).toMatchObject({
      refusal: /shared in this channel less than 10 minutes ago/,
    });
    expect(await countShare(other, "slack", "C2", "friend-requests")).toHaveProperty("giveBack");
    if ("giveBack" in first) await first.giveBack();
    expect(await countShare(other, "slack", "C1", "friend-requests")).toHaveProperty("giveBack");
  });

  it("counts one answer's shares in a window that slides: two presses either side of a ten-minute edge", async () => {
    const counts = (await backend.open(await backend.fresh())).rateCounts;
    const edge = 10 * 60_000 * 2_900_000;
    expect(await counts.takeSliding("shared:slack:C1:e", 1, 600_000, edge - 500)).toBeUndefined();
    // a second later, on another replica's clock: the window reaches back over the edge
    expect(await counts.takeSliding("shared:slack:C1:e", 1, 600_000, edge + 500)).toBe(599);
    // a refusal is given back, as RateLimits does; and the first given back (never posted) no longer
    // counts; ten minutes on, neither does
    await counts.giveBackSliding("shared:slack:C1:e", edge + 500);
    await counts.giveBackSliding("shared:slack:C1:e", edge - 500);
    expect(await counts.takeSliding("shared:slack:C1:e", 1, 600_000, edge + 1_000)).toBeUndefined();
    expect(await counts.takeSliding("shared:slack:C1:e", 1, 600_000, edge + 1_000 + 600_000)).toBeUndefined();
  });

  it("gives nothing back for a share the database could not count, so another's count stands", async () => {
    const counts = (await backend.open(await backend.fresh())).rateCounts;
    let failOnce = true;
    const flaky: RateCounts = {
      take: (...args) => {
        if (!failOnce) return counts.take(...args);
        failOnce = false;
        return Promise.reject(new Error("connection lost"));
      },
      giveBack: (...args) => counts.giveBack(...args),
      takeSliding: (...args) => counts.takeSliding(...args),
      giveBackSliding: (...args) => counts.giveBackSliding(...args),
    };
    const limits = new RateLimits({
      questionsPerMinute: 1,
      sharesPerHour: 1,
      shared: flaky,
      logger: createLogger("silent"),
    });
    const uncounted = await countShare(limits, "slack", "C1", "e5");
    const counted = await countShare(limits, "slack", "C1", "e6");
    expect(counted).toHaveProperty("giveBack");
    if ("giveBack" in uncounted) await uncounted.giveBack();
    expect(await countShare(limits, "slack", "C1", "e7")).toHaveProperty("refusal");
  });

  it("lets two replicas' rate limits share one count when given the database's counts", async () => {
    const where = await backend.fresh();
    const guide = createGuide(loadKnowledge(FIXTURE_DIR));
    const [one, other] = [await replicaLimits(where), await replicaLimits(where)];
    const ask = (limits: RateLimits) =>
      askWithin(guide, { limits }, { platform: "slack", text: "help", userId: "U1" }, createLogger("silent"));
    expect(await ask(one)).toHaveProperty("reply");
    expect(await ask(other)).toHaveProperty("refusal");
    expect(await countShare(one, "slack", "C1", "e8")).toHaveProperty("giveBack");
    expect(await countShare(other, "slack", "C1", "e9")).toMatchObject({ refusal: /Please try again in/ });
  });

  it("counts candidate phrasings, most proposed first, until a moderator decides", async () => {
    const { feedback } = await backend.open(await backend.fresh());
    await feedback.recordCandidate("friend-requests", "Can I friend a patient?", 1);
    await feedback.recordCandidate("overview", "what is this bot", 2);
    await feedback.recordCandidate("friend-requests", "can i  friend a PATIENT?", 3);
    expect(await feedback.candidates()).toEqual([
      { entryId: "friend-requests", question: "can i friend a patient?", count: 2, lastAt: 3 },
      { entryId: "overview", question: "what is this bot", count: 1, lastAt: 2 },
    ]);
    expect(await feedback.decideCandidate("friend-requests", "can i friend a patient?", "accepted")).toBe(
      true,
    );
    expect((await feedback.candidates()).map((c) => c.entryId)).toEqual(["overview"]);
    // a proposal taken back (a 👎 just after the pick): one fewer, and gone at none
    await feedback.recordCandidate("overview", "What is this bot", 4);
    await feedback.withdrawCandidate("overview", "what is this bot");
    expect(await feedback.candidates()).toEqual([expect.objectContaining({ entryId: "overview", count: 1 })]);
    await feedback.withdrawCandidate("overview", "What is this bot");
    await feedback.withdrawCandidate("friend-requests", "can i friend a patient?");
    expect(await feedback.candidates()).toEqual([]);
  });

  it("keeps a candidate phrasing of a few sentences whole, and never one cut short", async () => {
    const { feedback } = await backend.open(await backend.fresh());
    const story = "i work nights on a busy surgical ward and our team chat is lively. ".repeat(4);
    const asked = `${story}is it ok to post a photo of us on tiktok?`;
    expect(asked.length).toBeGreaterThan(200);
    expect(asked.length).toBeLessThanOrEqual(400);
    await feedback.recordCandidate("ward-selfies", asked, 1);
    await feedback.recordCandidate("ward-selfies", `${story.repeat(2)}is it ok to post a photo of us?`, 2);
    expect((await feedback.candidates()).map((c) => c.question)).toEqual([asked.trim()]);
  });

  it("remembers a channel's address, replaces it, and forgets it", async () => {
    const { addresses } = await backend.open(await backend.fresh());
    expect(await addresses.lookup("teams", "19:a@thread.tacv2")).toBeUndefined();
    await addresses.remember("teams", "19:a@thread.tacv2", '{"serviceUrl":"https://one.test"}');
    await addresses.remember("teams", "19:a@thread.tacv2", '{"serviceUrl":"https://two.test"}');
    await addresses.remember("teams", "19:b@thread.tacv2", '{"serviceUrl":"https://three.test"}');
    expect(await addresses.lookup("teams", "19:a@thread.tacv2")).toBe('{"serviceUrl":"https://two.test"}');
    await addresses.forget("teams", "19:a@thread.tacv2");
    expect(await addresses.lookup("teams", "19:a@thread.tacv2")).toBeUndefined();
    expect(await addresses.lookup("teams", "19:b@thread.tacv2")).toBe('{"serviceUrl":"https://three.test"}');
  });

  it("forgets every channel of a team the bot was removed from, with their tips, and no other team's", async () => {
    const { addresses, tips } = await backend.open(await backend.fresh());
    const team = "19:general@thread.tacv2";
    const at9 = { time: "09:00", timeZone: "UTC", weekdaysOnly: false };
    for (const [channel, ofTeam] of [
      [team, team],
      ["19:a@thread.tacv2", team],
      ["19:b@thread.tacv2", team],
      ["19:other@thread.tacv2", "19:other-team@thread.tacv2"],
    ] as const) {
      await addresses.remember("teams", channel, `{"conversationId":"${channel}"}`, ofTeam);
      await tips.enable("teams", channel, at9, "command", 1);
    }
    // heard from again by an activity that names no team: the team kept is not lost
    await addresses.remember("teams", "19:b@thread.tacv2", '{"conversationId":"19:b@thread.tacv2"}');
    expect(await addresses.forgetTeam("teams", team)).toBe(3);
    for (const channel of [team, "19:a@thread.tacv2", "19:b@thread.tacv2"]) {
      expect(await addresses.lookup("teams", channel)).toBeUndefined();
      expect(await tips.schedule("teams", channel)).toBeUndefined();
    }
    expect(await addresses.lookup("teams", "19:other@thread.tacv2")).toBeDefined();
    expect((await tips.enabledSchedules()).map((s) => s.channelId)).toEqual(["19:other@thread.tacv2"]);
  });

  it("keeps its rows when opened again, applying no migration twice", async () => {
    const where = await backend.blank();
    const first = await backend.open(where);
    await first.tips.enable(
      "slack",
      "C1",
      { time: "09:00", timeZone: "UTC", weekdaysOnly: true },
      "command",
      5,
    );
    await first.close();
    const again = await backend.open(where);
    expect(await again.tips.schedule("slack", "C1")).toMatchObject({ enabledAt: 5, weekdaysOnly: true });
  });

  it("migrates a database the first released version left, keeping its rows", async () => {
    const where = await backend.blank();
    const first = MIGRATIONS.slice(0, 1);
    if (backend.name === "sqlite") {
      const db = new Database(where);
      migrate(db, first);
      db.close();
    } else {
      await backend.sql(where, first[0]?.postgres ?? "");
      await backend.sql(where, "CREATE TABLE schema_version (version INTEGER NOT NULL)");
      await backend.sql(where, "INSERT INTO schema_version (version) VALUES (1)");
    }
    await backend.sql(
      where,
      "INSERT INTO tip_schedules (platform, channel_id, time, time_zone, weekdays_only, enabled, origin, enabled_at, updated_at) VALUES ('slack', 'C1', '09:00', 'UTC', 0, 1, 'command', 1, 1)",
    );
    await backend.sql(
      where,
      "INSERT INTO tip_posts (platform, channel_id, day, due_at, tip_id, status, attempts) VALUES ('slack', 'C1', '2026-11-01', 1, 't', 'posted', 1)",
    );
    const storage = await backend.open(where);
    const version =
      backend.name === "sqlite"
        ? "SELECT user_version AS version FROM pragma_user_version"
        : "SELECT version FROM schema_version";
    expect(await backend.sql(where, version)).toEqual([{ version: MIGRATIONS.length }]);
    expect(await storage.tips.enabledSchedules()).toEqual([expect.objectContaining({ channelId: "C1" })]);
    expect(await storage.tips.slot("slack", "C1", "2026-11-01")).toMatchObject({ status: "posted" });
    expect(await storage.feedback.report()).toMatchObject({ disliked: [], unanswered: [] });
  });

  it("refuses a database from a newer version of the bot", async () => {
    const where = await backend.fresh();
    await (await backend.open(where)).close();
    const newer = MIGRATIONS.length + 1;
    await backend.sql(
      where,
      backend.name === "sqlite"
        ? `PRAGMA user_version = ${newer}`
        : `UPDATE schema_version SET version = ${newer}`,
    );
    await expect(backend.open(where)).rejects.toThrow(
      `The database is at schema version ${newer}, newer than this bot knows (${MIGRATIONS.length}). Upgrade the bot.`,
    );
  });
});

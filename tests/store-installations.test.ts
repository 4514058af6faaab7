import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Reply } from "../src/index.js";
import { parseKey, TokenCipher } from "../src/store/token-cipher.js";
import { storageBackends } from "./backends.js";

// Slack installed in many workspaces: installations sealed at rest, key rotation, uninstall, and the
// report per workspace, on SQLite and on PostgreSQL.

const BACKENDS = storageBackends();
const KEY = randomBytes(32);
const OLD_KEY = randomBytes(32);
const TOKEN = "xoxb-T111-secret-token";
const record = (id: string, token = TOKEN) => ({
  id,
  teamId: id,
  json: JSON.stringify({ team: { id }, bot: { token } }),
});
const unanswered = (question: string): Reply => ({
  kind: "no-answer",
  question,
  truncated: false,
  disclaimer: "",
  flags: [],
  clarify: false,
  confidence: 0,
  suggestions: [],
  topics: [],
});

/** `text` sealed under KEY as values were before they were bound to their row ("v1"). */
function unboundSeal(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", KEY, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  const id = createHash("sha256").update(KEY).digest("hex").slice(0, 8);
  return ["v1", id, ...[iv, cipher.getAuthTag(), body].map((b) => b.toString("base64"))].join(":");
}

describe.each(BACKENDS)("Slack installations on $name", (backend) => {
  it("takes a row sealed before rows were bound only if it is that row's workspace's, and binds it", async () => {
    const where = await backend.fresh();
    const installations = (await backend.open(where)).installations(new TokenCipher(KEY));
    for (const id of ["T111", "T222"]) await installations.save(record(id), 1);
    const old = (id: string) => unboundSeal(record(id).json);
    await backend.sql(where, `UPDATE slack_installations SET sealed = '${old("T111")}' WHERE id = 'T111'`);
    expect(await installations.find("T111")).toEqual(record("T111"));
    expect(
      String(
        (await backend.sql(where, "SELECT sealed FROM slack_installations WHERE id = 'T111'"))[0]?.sealed,
      ),
    ).toMatch(/^v2:/);
    // T111's old value, from a backup taken before, written over T222's row
    await backend.sql(where, `UPDATE slack_installations SET sealed = '${old("T111")}' WHERE id = 'T222'`);
    await expect(installations.find("T222")).rejects.toThrow("it was altered or damaged");
  });

  it("keeps no token in clear, and gives it back with the right key", async () => {
    const where = await backend.fresh();
    const storage = await backend.open(where);
    const installations = storage.installations(new TokenCipher(KEY));
    await installations.save(record("T111"), 1);
    const rows = await backend.sql(where, "SELECT * FROM slack_installations");
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("secret-token");
    expect(String(rows[0]?.sealed)).toMatch(/^v2:[0-9a-f]{8}:/);
    expect(await installations.find("T111")).toEqual(record("T111"));
    expect(await installations.find("T999")).toBeUndefined();
    // T111's sealed installation copied over T222's row by someone who may write the database
    await installations.save(record("T222"), 1);
    await backend.sql(
      where,
      "UPDATE slack_installations SET sealed = (SELECT sealed FROM slack_installations WHERE id = 'T111') WHERE id = 'T222'",
    );
    await expect(installations.find("T222")).rejects.toThrow("it was altered or damaged");
  });

  it("refuses plainly to open an installation under a key that did not seal it", async () => {
    const where = await backend.fresh();
    const storage = await backend.open(where);
    await storage.installations(new TokenCipher(KEY)).save(record("T111"), 1);
    await expect(storage.installations(new TokenCipher(randomBytes(32))).find("T111")).rejects.toThrow(
      "a stored Slack installation was encrypted with another key: set SLACK_TOKEN_ENCRYPTION_KEY (or SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS) to the key it was stored with",
    );
  });

  it("rotates keys: the previous key still opens, and what it sealed is sealed again under the new one", async () => {
    const where = await backend.fresh();
    const storage = await backend.open(where);
    await storage.installations(new TokenCipher(OLD_KEY)).save(record("T111"), 1);
    await storage.installations(new TokenCipher(OLD_KEY)).save(record("T222"), 1);
    const rotating = storage.installations(new TokenCipher(KEY, OLD_KEY));
    expect(await rotating.find("T111")).toEqual(record("T111"));
    expect(await rotating.resealAll(2)).toBe(1);
    expect(await rotating.resealAll(3)).toBe(0);
    const after = storage.installations(new TokenCipher(KEY));
    expect(await after.find("T111")).toEqual(record("T111"));
    expect(await after.find("T222")).toEqual(record("T222"));
  });

  it("removes an installation with its workspace's tips, leaving the other workspaces'", async () => {
    const where = await backend.fresh();
    const storage = await backend.open(where);
    const installations = storage.installations(new TokenCipher(KEY));
    await installations.save(record("T111"), 1);
    await installations.save(record("T222"), 1);
    const time = { time: "09:00", timeZone: "UTC", weekdaysOnly: false };
    await storage.tips.enable("slack", "T111:C1", time, "command", 1);
    await storage.tips.enable("slack", "T222:C1", time, "command", 1);
    await storage.tips.setCycle("slack", "T111:C1", 2);
    expect(await installations.remove("T111")).toBe(true);
    expect(await installations.remove("T111")).toBe(false);
    expect(await installations.find("T111")).toBeUndefined();
    expect(await installations.find("T222")).toEqual(record("T222"));
    expect((await storage.tips.enabledSchedules()).map((s) => s.channelId)).toEqual(["T222:C1"]);
    expect(await storage.tips.cycle("slack", "T111:C1")).toBe(0);
  });

  it("reports one workspace's votes, questions and days with a team, and all of them without", async () => {
    const { feedback } = await backend.open(await backend.fresh());
    const day = Date.UTC(2026, 0, 5);
    await feedback.recordVote(
      { entryId: "a", vote: "down", platform: "slack", userId: "U1", channelId: "T111:C1" },
      day,
    );
    await feedback.recordVote(
      { entryId: "b", vote: "down", platform: "slack", userId: "U2", channelId: "T222:C1" },
      day,
    );
    // a Teams channel's id ("19:…") is no Slack workspace
    await feedback.recordVote(
      {
        entryId: "c",
        vote: "down",
        platform: "teams",
        userId: "29:member",
        channelId: "19:channel-one@thread.tacv2",
      },
      day,
    );
    expect((await feedback.report(10, 14, "19")).disliked).toEqual([]);
    await feedback.recordQuestion(unanswered("how do i reply to a troll"), day, "T111");
    await feedback.recordQuestion(unanswered("can i post an x-ray"), day, "T222");
    await feedback.recordQuestion(unanswered("can i post an x-ray"), day, "T222");
    const one = await feedback.report(10, 14, "T111");
    expect(one.disliked.map((d) => d.entryId)).toEqual(["a"]);
    expect(one.unanswered).toMatchObject([{ question: "how do i reply to a troll", count: 1 }]);
    expect(one.days).toEqual([{ day: "2026-01-05", asked: 1, answered: 0 }]);
    const all = await feedback.report();
    expect(all.disliked.map((d) => d.entryId).sort()).toEqual(["a", "b", "c"]);
    expect(all.days).toEqual([{ day: "2026-01-05", asked: 3, answered: 0 }]);
    expect((await feedback.report(10, 14, "T333")).days).toEqual([]);
  });
});

describe("the token key", () => {
  it("reads 32 bytes as hex or base64, and names the setting when malformed", () => {
    expect(parseKey(KEY.toString("hex"), "K")).toEqual(KEY);
    expect(parseKey(KEY.toString("base64"), "K")).toEqual(KEY);
    for (const bad of ["", "abc", randomBytes(16).toString("base64"), `${KEY.toString("hex")}00`])
      expect(() => parseKey(bad, "SLACK_TOKEN_ENCRYPTION_KEY")).toThrow(
        "SLACK_TOKEN_ENCRYPTION_KEY: must be 32 random bytes, as 64 hex digits or as base64 (make one with `openssl rand -base64 32`)",
      );
  });

  it("refuses a sealed value that was altered, or moved to another workspace's row", () => {
    const cipher = new TokenCipher(KEY);
    const sealed = cipher.seal(TOKEN, "T111");
    const parts = sealed.split(":");
    const body = Buffer.from(parts[4] ?? "", "base64");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString("base64");
    expect(() => cipher.open(parts.join(":"), "T111")).toThrow("it was altered or damaged");
    expect(cipher.open(sealed, "T111")).toEqual({ text: TOKEN, stale: false });
    // copied over workspace T222's row, T111's installation would run T222's events with T111's token
    expect(() => cipher.open(sealed, "T222")).toThrow("it was altered or damaged");
  });

  it("opens a value sealed before values were bound to their row, and asks for it to be sealed again", () => {
    expect(new TokenCipher(KEY).open(unboundSeal(TOKEN), "T111")).toEqual({
      text: TOKEN,
      stale: true,
      unbound: true,
    });
  });
});

import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Readable } from "node:stream";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { main } from "../app/main.js";
import {
  askWithin,
  type ConfigError,
  createGuide,
  loadConfig,
  loadKnowledge,
  RateLimits,
} from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import { TokenCipher } from "../src/store/token-cipher.js";
import { capturedLogger, FIXTURE_DIR, tempDir } from "./helpers.js";
import { SLACK_TEST, slackOAuthSettings } from "./slack-settings.js";

// Many workspaces, around the OAuth flow (slack-oauth.test.ts): the settings, the limits per
// workspace, and the report of one workspace.

const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const { logger } = capturedLogger();
const KEY = randomBytes(32);
const OAUTH = slackOAuthSettings(KEY, "hex");

describe("the settings of a distributable Slack app", () => {
  const env = {
    SLACK_CLIENT_ID: OAUTH.clientId,
    SLACK_CLIENT_SECRET: OAUTH.clientSecret,
    SLACK_STATE_SECRET: OAUTH.stateSecret,
    SLACK_SIGNING_SECRET: SLACK_TEST.secret,
    SLACK_TOKEN_ENCRYPTION_KEY: KEY.toString("hex"),
  };

  it("runs in HTTP mode with no bot token of its own", () => {
    expect(loadConfig(env).slack).toEqual({
      mode: "http",
      oauth: OAUTH,
      signingSecret: SLACK_TEST.secret,
      port: 3000,
      apiUrl: undefined,
    });
  });

  it("names each missing or conflicting setting, and a malformed key, never its value", () => {
    const error = (() => {
      try {
        loadConfig({
          SLACK_CLIENT_ID: OAUTH.clientId,
          SLACK_TOKEN_ENCRYPTION_KEY: "not-a-key-value",
          SLACK_BOT_TOKEN: "xoxb-1",
          SLACK_TIP_CHANNELS: "C0123ABCD",
        });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error("the settings were accepted");
    })();
    expect(error.issues).toEqual(
      expect.arrayContaining([
        "SLACK_TOKEN_ENCRYPTION_KEY: must be 32 random bytes, as 64 hex digits or as base64 (make one with `openssl rand -base64 32`)",
        "SLACK_CLIENT_SECRET: required with SLACK_CLIENT_ID (the app's Client Secret (Basic Information page))",
        "SLACK_STATE_SECRET: required with SLACK_CLIENT_ID (a long random string that signs the install flow)",
        "SLACK_SIGNING_SECRET: required with SLACK_CLIENT_ID (the app's Signing Secret (Basic Information page))",
        "SLACK_BOT_TOKEN: leave it unset with SLACK_CLIENT_ID: each workspace's token comes from its installation",
        "SLACK_TIP_CHANNELS: leave it unset with SLACK_CLIENT_ID: each workspace turns its tips on with the slash command",
      ]),
    );
    expect(error.message).not.toContain("not-a-key-value");
  });
});

describe("limits across workspaces", () => {
  it("counts a person's questions within their workspace, so the same user id elsewhere is not held back", async () => {
    const limits = new RateLimits({ questionsPerMinute: 1, sharesPerHour: 1, logger });
    const ask = (channelId: string) =>
      askWithin(guide, { limits }, { platform: "slack", text: "help", userId: "U1", channelId }, logger);
    expect(await ask("T111:C1")).toHaveProperty("reply");
    expect(await ask("T111:C2")).toHaveProperty("refusal");
    expect(await ask("T222:C1")).toHaveProperty("reply");
  });
});

describe("report --team", () => {
  /** The command line in this process, with the database at `path`. */
  async function run(args: string[], path: string) {
    vi.stubEnv("KNOWLEDGE_DIR", FIXTURE_DIR);
    vi.stubEnv("DATABASE_PATH", path);
    vi.stubEnv("DATABASE_URL", "");
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await main(
        args,
        (t) => out.push(t),
        (t) => err.push(t),
        Readable.from([]),
      );
      return { code, out: out.join("\n"), err: err.join("\n") };
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it("shows one workspace's unanswered questions and days, and refuses what is not a team id", async () => {
    const path = join(tempDir("smg-report-"), "bot.db");
    const store = openSqliteStorage(path);
    const asked = (question: string) => guide.ask(question);
    await store.feedback.recordQuestion(asked("zebra quantum banana"), Date.UTC(2026, 0, 5), "T111");
    await store.feedback.recordQuestion(asked("purple walrus orbit"), Date.UTC(2026, 0, 5), "T222");
    await store.close();
    const one = await run(["report", "--team", "T111"], path);
    expect(one.code, one.err).toBe(0);
    expect(one.out).toContain("Slack workspace T111 only");
    expect(one.out).toContain("zebra quantum banana");
    expect(one.out).not.toContain("purple walrus orbit");
    expect(one.out).toMatch(/2026-01-05 +0 of +1 answered/);
    expect(one.out).not.toContain("Nothing is recorded");
    // a workspace with nothing kept for it (one token: figures carry no team) is told why, not left blank
    const none = await run(["report", "--team", "T999"], path);
    expect(none.out).toContain(
      "Nothing is recorded for T999: figures are kept per workspace only where the bot is installed in several (OAuth); with one token, run report without --team.",
    );
    const all = await run(["report"], path);
    expect(all.out).toContain("purple walrus orbit");
    const bad = await run(["report", "--team", "'; DROP TABLE feedback"], path);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--team must be a Slack team id such as T0123ABCD");
  });
});

describe("starting with installations sealed under another key", () => {
  /** A database holding T111's installation sealed under `key`; its path. */
  async function sealedUnder(key: Buffer): Promise<string> {
    const path = join(tempDir("smg-start-"), "bot.db");
    const store = openSqliteStorage(path);
    const json = JSON.stringify({ team: { id: "T111" }, bot: { token: "xoxb-T111-bot-token" } });
    await store.installations(new TokenCipher(key)).save({ id: "T111", json }, 1);
    await store.close();
    return path;
  }

  /** `start` as a distributable app on `path` with `extra` settings: its exit code and what it told the operator. */
  async function start(path: string, extra: Record<string, string> = {}) {
    const env = {
      KNOWLEDGE_DIR: FIXTURE_DIR,
      DATABASE_PATH: path,
      DATABASE_URL: "",
      LOG_LEVEL: "silent",
      PORT: "0",
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: OAUTH.stateSecret,
      SLACK_SIGNING_SECRET: SLACK_TEST.secret,
      SLACK_TOKEN_ENCRYPTION_KEY: OAUTH.encryptionKey,
      ...extra,
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const err: string[] = [];
    try {
      const code = await main(
        ["start"],
        () => undefined,
        (t) => err.push(t),
        Readable.from([]),
      );
      return { code, err: err.join("\n") };
    } finally {
      vi.unstubAllEnvs();
    }
  }

  /** The id of the key T111's row is sealed under (see token-cipher.ts). */
  function keyIdOf(path: string): string {
    const db = new Database(path, { readonly: true });
    try {
      const row = db.prepare("SELECT sealed FROM slack_installations WHERE id = 'T111'").get();
      return String((row as { sealed: string }).sealed.split(":")[1]);
    } finally {
      db.close();
    }
  }

  it("stops at start with a sentence saying which setting to fix", async () => {
    const { code, err } = await start(await sealedUnder(randomBytes(32)));
    expect(code).toBe(1);
    expect(err).toContain(
      "Could not start the Slack bot (installations_unreadable): a stored Slack installation was encrypted with another key: set SLACK_TOKEN_ENCRYPTION_KEY (or SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS) to the key it was stored with",
    );
    expect(err).not.toContain("xoxb-");
  });

  it("with the previous key set, seals every installation again under the new one at start", async () => {
    const previous = randomBytes(32);
    const path = await sealedUnder(previous);
    const before = keyIdOf(path);
    // The port taken, so that start stops once the platforms have started, without waiting for a signal.
    const taken = createServer();
    taken.listen(0);
    await once(taken, "listening");
    try {
      const port = String((taken.address() as AddressInfo).port);
      const rotating = { PORT: port, SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS: previous.toString("hex") };
      const { code, err } = await start(path, rotating);
      expect(code).toBe(1);
      expect(err).toContain(`Port ${port} is already in use`);
    } finally {
      taken.close();
    }
    expect(keyIdOf(path)).not.toBe(before);
    const store = openSqliteStorage(path);
    try {
      const current = new TokenCipher(Buffer.from(OAUTH.encryptionKey, "hex"));
      expect((await store.installations(current).find("T111"))?.json).toContain("xoxb-T111-bot-token");
    } finally {
      await store.close();
    }
  });
});

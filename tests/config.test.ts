import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { localSettings } from "../src/config.js";
import { ConfigError, loadConfig } from "../src/index.js";

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("runs the console with nothing set, and treats empty .env values as unset", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: " ", PORT: "" });
    expect(config.slack).toBeUndefined();
    expect(config.logLevel).toBe("info");
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("names a missing setting that another needs on the same run as a malformed one", () => {
    const issues = issuesOf({
      SLACK_BOT_TOKEN: "xoxb-1",
      DISCORD_TOKEN: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB",
      RATE_LIMIT_PER_MINUTE: "abc",
    });
    expect(issues.map((i) => i.split(":")[0]).sort()).toEqual([
      "DISCORD_APPLICATION_ID",
      "RATE_LIMIT_PER_MINUTE",
      "SLACK_SIGNING_SECRET",
    ]);
  });

  it("names a misspelt token instead of leaving the platform's other settings unused", () => {
    expect(issuesOf({ DISCORD_TOKN: "x".repeat(30), DISCORD_APPLICATION_ID: "110000000000000001" })).toEqual([
      "DISCORD_TOKEN: required with DISCORD_APPLICATION_ID (the Bot page of the app)",
    ]);
    expect(
      issuesOf({
        SLACK_TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        SLACK_CLIENT_IDD: "1.2",
      }),
    ).toEqual([
      expect.stringMatching(
        /^SLACK_TOKEN_ENCRYPTION_KEY: used only by a distributable app, with SLACK_CLIENT_ID/,
      ),
    ]);
  });

  it("reads a true-or-false setting in any case", () => {
    expect(
      loadConfig({ LOG_QUESTIONS: "TRUE", LEARN_FROM_USE: " False ", RECORD_CONSOLE: "No" }),
    ).toMatchObject({
      logQuestions: true,
      learnFromUse: false,
      recordConsole: false,
    });
    expect(issuesOf({ LOG_QUESTIONS: "maybe" })).toEqual(["LOG_QUESTIONS: must be true or false"]);
  });

  it("chooses Socket Mode when there is an app token", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(config.slack).toMatchObject({ mode: "socket", botToken: "xoxb-1", appToken: "xapp-1" });
  });

  it("chooses HTTP mode with a signing secret, on PORT or 3000", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).slack).toMatchObject({
      mode: "http",
      port: 3000,
    });
    expect(
      loadConfig({
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_SIGNING_SECRET: "s",
        PORT: "8080",
        SLACK_API_URL: "http://127.0.0.1:9/api",
      }).slack,
    ).toMatchObject({ port: 8080, apiUrl: "http://127.0.0.1:9/api" });
  });

  it("names every problem at once, without echoing a secret", () => {
    const issues = issuesOf({
      SLACK_BOT_TOKEN: "xoxp-user-token",
      SLACK_APP_TOKEN: "wrong",
      PORT: "http",
      LOG_LEVEL: "loud",
    });
    expect(issues.map((i) => i.split(":")[0]).sort()).toEqual([
      "LOG_LEVEL",
      "PORT",
      "SLACK_APP_TOKEN",
      "SLACK_BOT_TOKEN",
    ]);
    expect(issues.join("\n")).not.toContain("xoxp-user-token");
  });

  it("needs a signing secret in HTTP mode, and a bot token for any Slack setting", () => {
    expect(issuesOf({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET/)]);
    expect(issuesOf({ SLACK_APP_TOKEN: "xapp-1" })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN/)]);
  });
});

describe("settings a command does not use", () => {
  it("are not checked, so a wrong Slack token does not stop validating the knowledge", () => {
    const env = { SLACK_BOT_TOKEN: "not-a-token", LOG_LEVEL: "loud", DISCORD_TOKEN: "x" };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    const config = loadConfig(env, localSettings());
    expect(config.slack).toBeUndefined();
    expect(config.logLevel).toBe("info");
  });

  it("read a path's '~/' as the home folder, as a shell would (a .env file is read by none)", () => {
    const config = loadConfig({ DATABASE_PATH: "~/smg/bot.db", KNOWLEDGE_DIR: "~/kb" });
    expect(config.databasePath).toBe(join(homedir(), "smg", "bot.db"));
    expect(config.knowledgeDir).toBe(join(homedir(), "kb"));
    // a name that only starts with one is a name
    expect(loadConfig({ DATABASE_PATH: "~bot.db" }).databasePath).toBe(resolve("~bot.db"));
  });

  it("are still checked where the command uses them", () => {
    expect(() => loadConfig({ DATABASE_PATH: "", FEEDBACK_SALT: "short" }, localSettings())).toThrow(
      /FEEDBACK_SALT/,
    );
    expect(() => loadConfig({ DISCORD_TOKEN: "x" }, localSettings("DISCORD_"))).toThrow(/DISCORD_TOKEN/);
  });
});

describe("settings in plain words", () => {
  it("says what a number, a level or a channel list should be, and refuses a channel name", () => {
    const issues = issuesOf({
      PORT: "abc",
      LOG_LEVEL: "loud",
      SLACK_TIP_CHANNELS: "general",
      DISCORD_TIP_CHANNELS: "C0123ABCD",
      RATE_LIMIT_PER_MINUTE: "1.5",
    }).join("\n");
    expect(issues).toContain("PORT: must be a port number, a whole number from 0 to 65535");
    expect(issues).toContain("LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent");
    // a level in capitals is the level
    expect(loadConfig({ LOG_LEVEL: " WARN " }).logLevel).toBe("warn");
    expect(issues).toContain("SLACK_TIP_CHANNELS: must be channel ids separated by commas (like C0123ABCD)");
    expect(issues).toContain("DISCORD_TIP_CHANNELS: must be channel ids");
    expect(issues).toContain(
      "RATE_LIMIT_PER_MINUTE: must be a number of questions, a whole number from 1 to 10000",
    );
    expect(issues).not.toMatch(/NaN|expected one of|Invalid input/);
  });

  it("refuses a tip grace too short for a tip to be posted in, and a zone abbreviation zones share", () => {
    // "0s" let every tip be skipped as due too long ago, a moment after it fell due
    for (const grace of ["0s", "0m", "10m"])
      expect(issuesOf({ TIP_GRACE: grace }).join("\n"), grace).toContain(
        "TIP_GRACE: must be a duration of at least 30m",
      );
    expect(loadConfig({ TIP_GRACE: "45m" }).tips.graceMs).toBe(45 * 60_000);
    // a day, or hours and minutes spaced, are durations; a fraction is told how to write one
    expect(loadConfig({ TIP_GRACE: "1d" }).tips.graceMs).toBe(24 * 3_600_000);
    expect(loadConfig({ TIP_GRACE: "6 h" }).tips.graceMs).toBe(6 * 3_600_000);
    expect(issuesOf({ TIP_GRACE: "1.5h" }).join("\n")).toContain(
      'TIP_GRACE: must be written in days, hours and minutes, such as "6h", "90m" or "1d"',
    );
    // an abbreviation several zones share names them, as tips on does; what is not a zone says what is
    expect(issuesOf({ TIP_TIMEZONE: "IST" }).join("\n")).toContain(
      "TIP_TIMEZONE: is the name of more than one time zone (India, Ireland or Israel: Asia/Kolkata, Europe/Dublin or Asia/Jerusalem): give the zone's name",
    );
    expect(issuesOf({ TIP_TIMEZONE: "Mars/Olympus" }).join("\n")).toContain(
      "TIP_TIMEZONE: must be a time zone: a name such as Europe/London, an abbreviation such as EST, or an offset such as UTC+2",
    );
    expect(loadConfig({ TIP_TIMEZONE: "EST" }).tips.timeZone).toBe("America/New_York");
    expect(issuesOf({ TIP_TIME: "25:00" }).join("\n")).toContain(
      "TIP_TIME: must be a time of day, such as 09:00 or 9am",
    );
    // a name an earlier version took still starts the bot
    expect(loadConfig({ TIP_TIMEZONE: "Singapore" }).tips.timeZone).toBe("Asia/Singapore");
  });

  it("says how long a Discord id is and where to find it, not only that it is a number", () => {
    const issues = issuesOf({
      DISCORD_TOKEN: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB",
      DISCORD_APPLICATION_ID: "123",
      DISCORD_GUILD_ID: "my-server",
    }).join("\n");
    expect(issues).toContain(
      "DISCORD_APPLICATION_ID: must be the application's id, 15 to 22 digits (Developer Portal",
    );
    expect(issues).toContain("DISCORD_GUILD_ID: must be a server's id, 15 to 22 digits");
  });
});

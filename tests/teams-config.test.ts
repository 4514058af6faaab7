import { describe, expect, it } from "vitest";
import { localSettings } from "../src/config.js";
import { ConfigError, loadConfig } from "../src/index.js";

const CLIENT = "11111111-2222-3333-4444-555555555555";
const TENANT = "99999999-8888-7777-6666-555555555555";

/** The sentences of the ConfigError that `env` raises. */
function issues(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("Teams settings", () => {
  it("runs Teams with a client id and secret, single-tenant with a tenant and multi-tenant without", () => {
    const single = loadConfig({
      TEAMS_CLIENT_ID: CLIENT,
      TEAMS_CLIENT_SECRET: "secret",
      TEAMS_TENANT_ID: TENANT,
    });
    expect(single.teams).toEqual({
      credentials: { clientId: CLIENT, clientSecret: "secret", tenantId: TENANT },
    });
    const multi = loadConfig({ TEAMS_CLIENT_ID: CLIENT, TEAMS_CLIENT_SECRET: "secret" });
    expect(multi.teams).toEqual({ credentials: { clientId: CLIENT, clientSecret: "secret" } });
    expect(loadConfig({}).teams).toBeUndefined();
  });

  it("names every missing or wrong Teams setting at once, never a secret", () => {
    expect(issues({ TEAMS_CLIENT_ID: CLIENT })).toEqual([
      "TEAMS_CLIENT_SECRET: required with TEAMS_CLIENT_ID (a client secret from the app registration's Certificates & secrets page)",
    ]);
    expect(issues({ TEAMS_CLIENT_SECRET: "s3cr3t-value", TEAMS_TENANT_ID: TENANT })).toEqual([
      "TEAMS_CLIENT_ID: required with TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID (the app registration's Application (client) ID)",
    ]);
    const both = issues({
      TEAMS_CLIENT_ID: "my-bot",
      TEAMS_TENANT_ID: "contoso",
      TEAMS_CLIENT_SECRET: "s3cr3t-value",
    });
    expect(both).toEqual([
      "TEAMS_CLIENT_ID: must be the app registration's Application (client) ID, a GUID like 00000000-0000-0000-0000-000000000000",
      "TEAMS_TENANT_ID: must be the app registration's Directory (tenant) ID, a GUID like 00000000-0000-0000-0000-000000000000",
    ]);
    expect(both.join(" ")).not.toContain("s3cr3t");
  });

  it("takes channel ids for daily tips, not channel names", () => {
    const env = { TEAMS_CLIENT_ID: CLIENT, TEAMS_CLIENT_SECRET: "secret" };
    const channels = "19:abc123@thread.tacv2, 19:def456@thread.skype";
    expect(loadConfig({ ...env, TEAMS_TIP_CHANNELS: channels }).tips.teamsChannels).toEqual([
      "19:abc123@thread.tacv2",
      "19:def456@thread.skype",
    ]);
    expect(issues({ ...env, TEAMS_TIP_CHANNELS: "General" })).toEqual([
      "TEAMS_TIP_CHANNELS: must be channel ids separated by commas (like 19:abc123@thread.tacv2), not channel names",
    ]);
  });

  it("runs Teams without credentials only in local testing, and never with them", () => {
    expect(loadConfig({ TEAMS_LOCAL_TESTING: "true" }).teams).toEqual({});
    expect(loadConfig({ TEAMS_LOCAL_TESTING: "false" }).teams).toBeUndefined();
    expect(
      issues({ TEAMS_LOCAL_TESTING: "true", TEAMS_CLIENT_ID: CLIENT, TEAMS_CLIENT_SECRET: "x" }),
    ).toEqual([
      "TEAMS_LOCAL_TESTING: only without TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET; with credentials every request is checked, so remove one or the other",
    ]);
  });

  it("does not check Teams settings for a command that does not use them", () => {
    expect(loadConfig({ TEAMS_CLIENT_ID: "my-bot" }, localSettings()).teams).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLASH_COMMAND } from "../adapters/slack/app.js";

const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "adapters", "slack", name), "utf8"));

describe("Slack app manifests", () => {
  it.each(["manifest.json", "manifest.http.json"])("%s registers what the adapter listens for", (name) => {
    const m = read(name);
    expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([SLASH_COMMAND]);
    expect(m.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        "commands",
        "chat:write",
        "app_mentions:read",
        "im:history",
        "users:read",
        "channels:read",
      ]),
    );
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual(["app_mention", "message.im"]);
    expect(m.settings.interactivity.is_enabled).toBe(true);
  });

  it("uses Socket Mode in manifest.json and signed HTTP requests to /slack/events in manifest.http.json", () => {
    expect(read("manifest.json").settings.socket_mode_enabled).toBe(true);
    const http = read("manifest.http.json");
    expect(http.settings.socket_mode_enabled).toBe(false);
    for (const url of [
      http.features.slash_commands[0].url,
      http.settings.event_subscriptions.request_url,
      http.settings.interactivity.request_url,
    ]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
  });
});

import { describe, expect, it } from "vitest";
import { describeStartFailure as discordStart } from "../adapters/discord/register.js";
import { describeStartFailure as slackStart } from "../adapters/slack/errors.js";
import { unreachableCause } from "../src/index.js";
import { mayHaveGoneThrough } from "../src/net.js";

/** fetch's error for a refused connection, as Node's undici throws it. */
const refused = () => Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });

describe("a platform that cannot be reached at start", () => {
  it("finds the network reason anywhere in the error's chain", () => {
    expect(unreachableCause(refused())).toBe("ECONNREFUSED");
    expect(unreachableCause({ code: "slack_webapi_request_error", original: refused() })).toBe(
      "ECONNREFUSED",
    );
    expect(unreachableCause(new Error("invalid_auth"))).toBeUndefined();
  });

  it("says so, and which setting to check, instead of a bare TypeError", () => {
    expect(discordStart(refused()).message).toBe(
      "Could not reach Discord (ECONNREFUSED): check the network, or DISCORD_API_URL if it is set.",
    );
    expect(slackStart({ code: "slack_webapi_request_error", original: refused() }).message).toBe(
      "Could not reach Slack (ECONNREFUSED): check the network, or SLACK_API_URL if it is set.",
    );
  });
});

describe("a post that failed but may be there all the same", () => {
  it("is one that ran out of time once sent, or that Discord says was answered already", () => {
    expect(mayHaveGoneThrough(new DOMException("the call timed out", "TimeoutError"))).toBe(true);
    expect(
      mayHaveGoneThrough({ code: "slack_webapi_request_error", original: { name: "TimeoutError" } }),
    ).toBe(true);
    expect(mayHaveGoneThrough({ name: "DiscordAPIError", code: 40060 })).toBe(true);
    // refused, unreachable, or never sent (busy): not there
    expect(mayHaveGoneThrough({ name: "DiscordAPIError", code: 50001 })).toBe(false);
    expect(mayHaveGoneThrough(refused())).toBe(false);
    expect(mayHaveGoneThrough({ name: "OutboundBusy", code: "busy" })).toBe(false);
  });
});

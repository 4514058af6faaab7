import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * One temporary folder for the whole run: the tests' databases and corpus copies go under it
 * (see tempDir in helpers.ts), and it is removed when the run ends, so runs leave nothing behind.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "smg-tests-"));
  process.env.SMG_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}

import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The small corpus the core's unit tests run on. */
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "knowledge");

/** The shipped corpus. */
export const KNOWLEDGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "knowledge");

/** A writable copy of the fixture corpus, with `files` (relative path -> text) written over it. */
export function fixtureCopy(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "smg-knowledge-"));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

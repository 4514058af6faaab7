import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs `fn` holding `file`'s lock, a file beside it made only if absent: learns run at once each read
 * the YAML, added their phrasing and wrote it back, and all but the last one's phrasings were lost
 * though each said "Accepted". A lock older than a minute is a learn's that died, and is taken over.
 */
export async function whileLocked<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(dirname(file), `.${basename(file)}.lock`);
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new Error(`Cannot edit ${file}: ${(error as Error).message}`);
    }
    if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS)
      rmSync(lock, { force: true });
    else if (Date.now() > until)
      throw new Error(
        `${file} is being edited by another learn: try again (or remove ${lock} if none runs).`,
      );
    else await sleep(50);
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
const LOCK_WAIT_MS = 10_000;
const STALE_LOCK_MS = 60_000;

/** Temp file in the same folder, then rename: a reader sees the old file or the new, never half. */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: statSync(file).mode & 0o777 });
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new Error(`Cannot write ${file}: ${(error as Error).message}`);
  }
}

import { type Logger, settlesWithin, type UsageRecords } from "../src/index.js";
import type { Storage } from "../src/store/storage.js";

// How long a stopping bot waits for what is still in flight, so that it stops within a container's grace.

/** How long shutdown waits for a tip post in flight (see stopAll). */
export const TIP_STOP_WAIT_MS = 2_000;

/**
 * How long shutdown waits for the records still being written, and then for the database to close:
 * with the tip post's two waits and the launcher's last second, a silent database and a tip in flight
 * hold shutdown 9 s at most, inside Docker's 10 s grace. Replies in flight have their own wait (8 s),
 * which the tip's first wait runs beside.
 */
export const CLOSE_WAIT_MS = 2_000;

/**
 * Writes what is still in flight and closes the database, each within CLOSE_WAIT_MS: a database gone
 * silent (a network partition) held shutdown 30 s, past a container's grace, and the console chat a
 * minute after it said goodbye.
 */
export async function closeWithin(
  records: UsageRecords,
  storage: Storage,
  warn: (message: string) => void,
): Promise<void> {
  const flushed = await settlesWithin(records.flush(), CLOSE_WAIT_MS);
  const closed = await settlesWithin(storage.close(), CLOSE_WAIT_MS);
  if (!flushed || !closed) warn(CLOSE_FAILED);
}

/** Said when the database did not answer at shutdown (the command line then exits without it). */
export const CLOSE_FAILED = "The database did not answer at shutdown; what was not yet written is lost.";

/**
 * The first SIGINT or SIGTERM, which starts the shutdown. Each later one is logged and changes nothing:
 * with a handler for the first only, Node's default for a second SIGTERM killed the bot mid-shutdown (the
 * replies in flight and the database's close cut off), and a second SIGINT was swallowed without a word.
 * Shutdown is bounded anyway (within 9 s); SIGKILL stops it at once.
 */
export function stopSignal(
  logger: Logger,
  signals: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"],
): Promise<string> {
  return new Promise((resolve) => {
    let first: string | undefined;
    for (const signal of signals)
      process.on(signal, () => {
        if (first) logger.warn({ signal, first }, "already shutting down; this signal changes nothing");
        else {
          first = signal;
          resolve(signal);
        }
      });
  });
}

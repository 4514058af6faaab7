/** Work in progress that shutdown should let finish: replies being sent, posts being made. */
/**
 * How long replies in flight get to finish on SIGTERM, on every platform: with the Mattermost notice
 * (up to 1 s) and the launcher's exit timer (1 s) after it, the process is gone within Docker's 10 s
 * grace with a second to spare; at 8 s a hanging Teams reply and a slow Mattermost command took it to
 * 10.0 s, and SIGKILL, about half the time.
 */
export const REPLY_GRACE_MS = 7_000;

export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.pending.add(p);
    const forget = () => this.pending.delete(p);
    p.then(forget, forget);
    return p;
  }

  /** How many are still running. */
  get size(): number {
    return this.pending.size;
  }

  /** Waits for everything in flight, but no longer than `timeoutMs`. */
  async drain(timeoutMs = 5_000): Promise<void> {
    await settlesWithin(Promise.allSettled([...this.pending]), timeoutMs);
  }
}

/** Waits for `work` to settle, but no longer than `timeoutMs`: true when it settled in time. */
export async function settlesWithin(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const settled = work.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What `within` rejects with: the work may still finish after it. */
export class NoAnswerInTime extends Error {}

/** `work`'s value, or a rejection saying how long it was waited for when it takes longer than `timeoutMs`. */
export function within<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerInTime(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

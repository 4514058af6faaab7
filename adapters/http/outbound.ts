import { setMaxListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

/** Limits on every call the bot makes to a platform's HTTP API (Slack's Web API and response_url, Mattermost's REST API). */
export interface OutboundLimits {
  /** Each attempt's time limit, from sending to the last byte of the answer. */
  readonly timeoutMs: number;
  /** Attempts after the first, after a timeout, a network error, a 5xx or a 429. */
  readonly retries: number;
  /** A longer Retry-After is not waited for: the 429 goes back to the caller, which reports it. */
  readonly maxRetryAfterMs?: number;
  /** Calls in progress to one host; more wait for a free slot, within their own time limit. */
  readonly perHost?: number;
  /** Calls waiting for a slot on one host; more fail at once, so a stalled host cannot pile up work. */
  readonly queuePerHost?: number;
  /** How a retry waits; tests make it instant. Rejects when `signal` aborts. */
  readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * How an adapter's calls to its platform are limited, and how long its stop() lets them finish: the
 * production defaults suit the platforms; tests shorten them and make waits instant.
 */
export interface CallLimits {
  /** Attempts after the first (see OutboundLimits). */
  readonly retries?: number;
  /** Each attempt's time limit. */
  readonly timeoutMs?: number;
  /** How a retry waits (Retry-After, backoff). */
  readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** How long stop() lets replies in flight finish before ending them (default 8 s). */
  readonly graceMs?: number;
}

/** A call refused because its host already has a full queue. */
export class OutboundBusy extends Error {
  override readonly name = "OutboundBusy";
  readonly code = "busy";
}

/**
 * The fetch every call to a platform goes through (Bolt's WebClient and respond(), Mattermost's REST
 * calls): a time limit per attempt, bounded retries with backoff, Retry-After honoured on 429, a cap on
 * calls per host, and close() to end them all at shutdown. A POST cut off by its time limit is not sent
 * again: the platform may have acted on it, and none offers a way to make a post idempotent, so a slow
 * but working server got each daily tip or shared answer three times, and the scheduler's own retries
 * made it seven (platform exploratory test). The caller reports the time-out; a post refused with an
 * answer (429, 5xx) or never sent (a refused connection) is still tried again.
 */
export class Outbound {
  private readonly closing = new AbortController();
  private readonly hosts = new Map<string, Slots>();
  private readonly wait: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(
    private readonly limits: OutboundLimits,
    private readonly base: typeof fetch = (input, init) => globalThis.fetch(input, init),
  ) {
    this.wait = limits.wait ?? ((ms, signal) => sleep(ms, undefined, { signal }));
    // every call in progress listens for shutdown
    setMaxListeners(0, this.closing.signal);
  }

  /** fetch(), within the limits. */
  readonly fetch = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const host = new URL(input).host;
    const { retries, maxRetryAfterMs = 30_000 } = this.limits;
    for (let attempt = 0; ; attempt++) {
      const limit = deadline(this.limits.timeoutMs, this.closing.signal, init.signal);
      let delay: number | undefined;
      try {
        const response = await this.attempt(host, input, { ...init, signal: limit.signal });
        delay = retryDelay(response, attempt, maxRetryAfterMs);
        if (delay === undefined || attempt >= retries) return response;
      } catch (error) {
        if (error instanceof OutboundBusy || attempt >= retries || this.closing.signal.aborted) throw error;
        if (init.signal?.aborted) throw error;
        if (timedOut(error) && !IDEMPOTENT.has((init.method ?? "GET").toUpperCase())) throw error;
        delay = backoff(attempt);
      } finally {
        limit.done();
      }
      await this.wait(delay, this.closing.signal);
    }
  };

  /** Ends every call in progress or waiting, now: shutdown's grace period is over. */
  close(): void {
    this.closing.abort(new DOMException("shutting down", "AbortError"));
  }

  /** One attempt in a slot of its host, the answer read in full so that the connection is free again. */
  private async attempt(host: string, input: string | URL, init: RequestInit): Promise<Response> {
    let slots = this.hosts.get(host);
    if (!slots) {
      slots = new Slots(host, this.limits.perHost ?? 50, this.limits.queuePerHost ?? 1_000);
      this.hosts.set(host, slots);
    }
    const release = await slots.take(init.signal as AbortSignal);
    try {
      const response = await this.base(input, init);
      const body = [101, 204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
      const copy = new Response(body, response);
      // WebClient reads response.url for one method; a new Response has none of its own
      Object.defineProperty(copy, "url", { value: response.url });
      return copy;
    } finally {
      release();
    }
  }
}

/**
 * A signal that aborts after `ms` or with any of `signals`; done() lets go of them. Built by hand: on
 * Node 20, AbortSignal.any() holds AbortSignal.timeout() weakly, and a collected timeout never fires.
 */
function deadline(ms: number, ...signals: (AbortSignal | null | undefined)[]) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("the call timed out", "TimeoutError")),
    ms,
  );
  const live = signals.filter((s): s is AbortSignal => s != null);
  const abort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const s of live) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener("abort", abort, { once: true });
  }
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener("abort", abort);
    },
  };
}

/** The methods that sending twice does no more than sending once. */
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** Whether an attempt ended at its own time limit (see deadline), not for any other reason. */
function timedOut(error: unknown): boolean {
  return (error as { name?: unknown } | undefined)?.name === "TimeoutError";
}

/** How long to wait before the next attempt, or undefined when this answer is final. */
function retryDelay(response: Response, attempt: number, maxRetryAfterMs: number): number | undefined {
  if (response.status === 429) {
    const seconds = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
    if (!Number.isFinite(seconds) || seconds < 0) return backoff(attempt);
    return seconds * 1000 <= maxRetryAfterMs ? seconds * 1000 : undefined;
  }
  return response.status >= 500 ? backoff(attempt) : undefined;
}

/** 0.5 s, 1 s, 2 s, ... */
function backoff(attempt: number): number {
  return 500 * 2 ** attempt;
}

/** A counting semaphore with a bounded queue; waiting ends when the caller's signal aborts. */
class Slots {
  private used = 0;
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly host: string,
    private readonly max: number,
    private readonly maxWaiting: number,
  ) {}

  async take(signal: AbortSignal): Promise<() => void> {
    if (this.used >= this.max) {
      if (this.waiting.size >= this.maxWaiting)
        throw new OutboundBusy(`too many calls waiting for ${this.host}`);
      signal.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const ready = () => {
          signal.removeEventListener("abort", abort);
          resolve();
        };
        const abort = () => {
          this.waiting.delete(ready);
          // a call whose time ran out while it waited was never sent: busy, not "may have gone
          // through" (a share or a tip counted as posted, though nothing was; code review)
          const timedOutWaiting = (signal.reason as { name?: unknown } | undefined)?.name === "TimeoutError";
          reject(timedOutWaiting ? new OutboundBusy(`no free call to ${this.host} in time`) : signal.reason);
        };
        this.waiting.add(ready);
        signal.addEventListener("abort", abort, { once: true });
      });
    } else {
      this.used++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.values().next();
      if (next.done) {
        this.used--;
      } else {
        // the slot passes straight to the next caller
        this.waiting.delete(next.value);
        next.value();
      }
    };
  }
}

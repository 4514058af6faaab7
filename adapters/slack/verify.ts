import { createHmac, timingSafeEqual } from "node:crypto";
import { type ReplayMemory, ReplaysInMemory } from "../../src/index.js";

/** How far a request's timestamp may be from our clock, either way (Slack's documented 5 minutes). */
export const WINDOW_SECONDS = 5 * 60;

/**
 * Checks Slack's v0 request signature, the timestamp's window both ways, and that the request was not
 * seen before. Signatures seen are kept for the window: in this process's memory, or, where several
 * replicas share a database behind one URL, in the database (`shared`), so that a request replayed to
 * another replica is refused as well.
 */
export class RequestVerifier {
  /** The signatures seen, each until its timestamp is out of the window anyway. */
  private readonly seen: ReplayMemory;

  constructor(
    private readonly signingSecret: string,
    private readonly now: () => number = Date.now,
    shared?: ReplayMemory,
  ) {
    this.seen = shared ?? new ReplaysInMemory();
  }

  /**
   * What can be refused from the headers alone, before the body is read: a timestamp that is not
   * Slack's or out of the window, a signature that is not one. Undefined when they may be Slack's.
   */
  headers(timestamp: unknown, signature: unknown): string | undefined {
    // whole seconds only: "1e9", "Infinity" and "1700000000.5" are not Slack's
    if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return "bad_timestamp";
    if (Math.abs(Math.floor(this.now() / 1000) - Number(timestamp)) > WINDOW_SECONDS)
      return "stale_timestamp";
    if (typeof signature !== "string" || !/^v0=[0-9a-f]{64}$/i.test(signature)) return "bad_signature";
    return undefined;
  }

  /** Undefined when the request is Slack's and new; otherwise why it is refused, for the log. */
  async check(timestamp: unknown, signature: unknown, body: Buffer): Promise<string | undefined> {
    const refused = this.headers(timestamp, signature);
    if (refused || typeof timestamp !== "string" || typeof signature !== "string") return refused;
    const ts = Number(timestamp);
    const nowSeconds = Math.floor(this.now() / 1000);
    const expected = createHmac("sha256", this.signingSecret).update(`v0:${ts}:`).update(body).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature.slice(3), "hex"))) return "bad_signature";
    const first = await this.seen.first(signature.toLowerCase(), ts + WINDOW_SECONDS, nowSeconds);
    return first ? undefined : "replayed";
  }
}

import type { Logger } from "../log.js";
import type { Platform, PostFailure } from "../ports.js";
import type { SlotKey, TipStorage } from "../store/storage.js";

/** A post that failed, as the scheduler holds it: the slot, its claim, and the attempt it was. */
export interface FailedPost {
  readonly key: SlotKey;
  readonly ids: { platform: Platform; channel: string; day: string };
  readonly token: string;
  readonly attempts: number;
  /** When it failed. */
  readonly at: number;
}

/**
 * Records a failed post: retried after a backoff (1, 4, 16 minutes from `retryBaseMs`), or the wait the
 * platform asked for, or given up after `maxAttempts`, the channel then shown as failing. A refusal that
 * trying again today cannot change (PostFailure.permanent: the bot left the channel) is not retried today.
 */
export async function recordFailure(
  store: TipStorage,
  log: Logger,
  { key, ids, token, attempts, at }: FailedPost,
  failure: PostFailure,
  policy: { readonly maxAttempts: number; readonly retryBaseMs: number },
): Promise<void> {
  // The platform took too long to answer: the post may have gone out all the same, and sent again it
  // would be posted twice (a slow server got one tip seven times). Never double-posting, the slot is
  // uncertain, as after a crash mid-post: not sent again, logged, and shown by `tips status`.
  if (failure.code === "timeout") {
    await store.updateSlot(
      key,
      ["sending"],
      { status: "uncertain", attempts, error: failureText(failure) },
      token,
    );
    log.warn(
      { ...ids, code: failure.code, detail: failure.detail, attempts },
      "daily tip uncertain: the platform took too long to answer and may have posted it, so it is not sent again",
    );
    return;
  }
  if (attempts < policy.maxAttempts && !failure.permanent) {
    const backoff = policy.retryBaseMs * 4 ** (attempts - 1);
    const wait = Math.max(backoff, (failure.retryAfterSeconds ?? 0) * 1000);
    await store.updateSlot(
      key,
      ["sending"],
      { status: "retry", attempts, nextAttemptAt: at + wait, error: failureText(failure) },
      token,
    );
    log.warn(
      { ...ids, code: failure.code, detail: failure.detail, attempts, retryInMs: wait },
      "daily tip failed; will retry",
    );
    return;
  }
  await store.updateSlot(
    key,
    ["sending"],
    { status: "failed", attempts, error: failureText(failure) },
    token,
  );
  await store.setFailing(key.platform, key.channelId, at, failureText(failure));
  log.error(
    {
      ...ids,
      code: failure.code,
      detail: failure.detail,
      attempts,
      ...(failure.permanent ? { permanent: true } : {}),
    },
    "daily tip failed; the channel is marked failing",
  );
}

/**
 * A failed post as `tips status` shows it to a channel admin: the platform's sentence saying what went
 * wrong, without its "please try again" (the bot tries again itself), and the code in brackets, for
 * whoever looks in the log. A code alone told an admin nothing ("slack_webapi_http_error").
 */
export function failureText(failure: PostFailure): string {
  const sentence = failure.message
    .replace(/\s*Please try again in (?:a moment|\d+ seconds)\.$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return sentence && sentence !== failure.code
    ? `${sentence.replace(/\.$/, "")} (${failure.code})`
    : failure.code;
}

/** A stored failure, as a clause: the sentence recorded, or a code alone (as older versions stored). */
export function storedFailure(text: string | undefined | null): string {
  if (!text) return "an error";
  return /\s/.test(text) ? text : `error ${text}`;
}

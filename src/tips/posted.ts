/**
 * A tip posted, recorded as posted (see TipScheduler): at once, or, when the database would not take
 * it then, on each later tick until it does.
 */
import type { Logger } from "../log.js";
import type { SlotKey, TipStorage } from "../store/storage.js";

/** A post made, to be recorded. */
export interface Unrecorded {
  readonly key: SlotKey;
  readonly token: string;
  readonly tipId: string;
  readonly messageId: string;
  readonly postedAt: number;
}

/**
 * Records a post as made: from "sending", or from "uncertain" when the lease ran out meanwhile. False
 * when the slot is no longer this claim's (nothing is recorded, and the channel's failing mark stays).
 */
export async function markPosted(store: TipStorage, p: Unrecorded): Promise<boolean> {
  const { messageId, postedAt } = p;
  const changes = { status: "posted" as const, messageId, postedAt };
  // from "posted" too: the claim's token must match, so a slot already posted is this claim's, recorded
  // by an earlier try whose setFailing (or COMMIT's answer) failed
  const from = ["sending", "uncertain", "posted"] as const;
  if (!(await store.updateSlot(p.key, from, changes, p.token))) return false;
  await store.setFailing(p.key.platform, p.key.channelId, null, null);
  return true;
}

/** The posts the database would not record before, recorded now if it takes them. */
export async function recordLate(
  store: TipStorage,
  log: Logger,
  unrecorded: Map<string, Unrecorded>,
): Promise<void> {
  for (const [id, posted] of unrecorded) {
    try {
      const recorded = await markPosted(store, posted);
      unrecorded.delete(id);
      const { platform, channelId: channel, day } = posted.key;
      const fields = { platform, channel, day, tip: posted.tipId };
      if (recorded) log.info(fields, "daily tip posted earlier, recorded now");
      else
        log.warn(
          fields,
          "daily tip posted earlier; its slot was no longer this claim's, so it is not recorded",
        );
    } catch {
      // the next tick tries again
    }
  }
}

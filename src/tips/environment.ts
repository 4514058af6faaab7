import type { Logger } from "../log.js";
import type { Platform, TipPoster } from "../ports.js";
import type { TipStorage } from "../store/storage.js";
import type { TipTime } from "./schedule.js";
import { sameZone } from "./time.js";

/**
 * Makes a platform's schedules that came from the environment follow it: a channel named there gets
 * one unless it has one; one still as the environment set it takes the environment's time now
 * (TIP_TIME, TIP_TIMEZONE, as `t`); one no longer named is dropped, so that it is on again if listed
 * again. What an admin set in the channel (`tips on`, `tips off`) is left as it is: a restart kept
 * sending tips to a channel taken out of the list, at the old time (platform exploratory test).
 * A listed channel the platform's poster says it cannot post into yet is warned of now, not first when
 * its tip fails (a Teams channel in the list before the bot is added to its team).
 */
export async function followEnvironment(
  store: TipStorage,
  log: Logger,
  platform: Platform,
  channelIds: readonly string[],
  t: TipTime,
  now: number,
  poster?: TipPoster,
): Promise<void> {
  for (const id of channelIds) {
    const unready = await poster?.unready?.(id);
    // not for one an admin turned off there (tips off), which gets no tip however listed
    if (unready && (await store.schedule(platform, id))?.enabled !== false)
      log.warn({ platform, channel: id }, `a channel the environment lists for tips: ${unready}`);
    if (await store.seed(platform, id, t, now)) {
      log.info({ platform, channel: id }, "daily tip scheduled from the environment");
      continue;
    }
    const s = await store.schedule(platform, id);
    if (s?.enabled && s.origin === "env" && (s.time !== t.time || !sameZone(s.timeZone, t.timeZone))) {
      await store.enable(platform, id, t, "env", now);
      log.info(
        { platform, channel: id, time: t.time, timeZone: t.timeZone },
        "daily tip time changed from the environment",
      );
    }
  }
  const named = new Set(channelIds);
  for (const s of await store.enabledSchedules()) {
    if (s.platform !== platform || s.origin !== "env" || named.has(s.channelId)) continue;
    await store.forget(platform, s.channelId);
    log.info(
      { platform, channel: s.channelId },
      "daily tip turned off: the channel is no longer in the environment",
    );
  }
}

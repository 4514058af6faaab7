/**
 * Each channel walks its own shuffled order of the tips, one cycle at a time: every tip once before
 * any repeats, and a different order for each channel and each cycle.
 */

import { seededRandom } from "../random.js";

/** 32-bit FNV-1a: a stable number from a text, to seed a channel's order. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The order of `ids` for a channel's cycle (Fisher-Yates over the sorted ids). */
export function orderFor(channelKey: string, cycle: number, ids: readonly string[]): string[] {
  const out = [...ids].sort();
  const random = seededRandom(seedOf(`${channelKey}#${cycle}`));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}

/**
 * The next tip for a channel: the first in this cycle's order not yet used in it; when all are used,
 * the first of the next cycle's order (never the tip just posted, so no tip shows twice in a row).
 */
export function nextTip(
  channelKey: string,
  cycle: number,
  ids: readonly string[],
  usedThisCycle: ReadonlySet<string>,
  last?: string,
): { tipId: string; cycle: number } | undefined {
  if (ids.length === 0) return undefined;
  const unused = orderFor(channelKey, cycle, ids).find((id) => !usedThisCycle.has(id));
  if (unused) return { tipId: unused, cycle };
  const order = orderFor(channelKey, cycle + 1, ids);
  const first = order[0] === last && order.length > 1 ? order[1] : order[0];
  return first ? { tipId: first, cycle: cycle + 1 } : undefined;
}

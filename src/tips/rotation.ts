/**
 * Each channel walks its own shuffled order of the tips, one cycle at a time: every tip once before
 * any repeats, and a different order for each channel and each cycle.
 */

/** 32-bit FNV-1a: a stable number from a text, to seed a channel's order. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small seeded generator, enough to shuffle a list reproducibly. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The order of `ids` for a channel's cycle (Fisher-Yates over the sorted ids). */
export function orderFor(channelKey: string, cycle: number, ids: readonly string[]): string[] {
  const out = [...ids].sort();
  const random = generator(seedOf(`${channelKey}#${cycle}`));
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

/**
 * The ranking with first the best of its top `reach` entries of the question's kind, when the first
 * entry is of another: whom a contact is with (counterpart.ts), whom a photo shows (depicted.ts), who
 * posted (poster.ts), what a view is about (opinion.ts), what is asked about a medicine
 * (prescribing.ts), the asker's country (country.ts). The question's kind is read (`asked`) only
 * when the first entry has a kind at all (or, with `overNone`, may have none) and another within reach
 * has a different one, since reading it is a good part of a long question's cost; the ranking is
 * unchanged when the first is of the question's kind, or none within reach is.
 */
export function firstOfKind<K>(
  order: number[],
  reach: number,
  kindOf: (index: number) => K | undefined,
  asked: () => K | undefined,
  overNone = false,
): number[] {
  const first = order[0];
  const firstKind = first === undefined ? undefined : kindOf(first);
  if (firstKind === undefined && !overNone) return order;
  // Only an entry within reach of another kind than the first's can move up: with none, the question
  // need not be read.
  const others = order.slice(1, reach).some((i) => {
    const k = kindOf(i);
    return k !== undefined && k !== firstKind;
  });
  if (!others) return order;
  const kind = asked();
  if (kind === undefined) return order;
  const at = order.slice(0, reach).findIndex((i) => kindOf(i) === kind);
  return at > 0 ? moveFirst(order, at) : order;
}

/** The ranking with the entry at `at` first and the rest in their order. */
export function moveFirst(order: readonly number[], at: number): number[] {
  return [order[at] as number, ...order.slice(0, at), ...order.slice(at + 1)];
}

/**
 * The kind an entry's phrasings mostly say (whom its photos show, who posted): the commonest kind read
 * from them, when at least `least` phrasings say it and `times` times as many as say any other.
 */
export function mostlyOne<K>(
  phrasings: readonly string[],
  read: (text: string) => K | undefined,
  least: number,
  times: number,
): K | undefined {
  const counts = new Map<K, number>();
  for (const phrasing of phrasings) {
    const kind = read(phrasing);
    if (kind !== undefined) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const [best, next] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < least || best[1] < times * (next?.[1] ?? 0)) return undefined;
  return best[0];
}

/** The kind a text says when it says one of two and not the other ("a health claim" or "politics"). */
export function eitherOf<K>(text: string, a: readonly [RegExp, K], b: readonly [RegExp, K]): K | undefined {
  const saysA = a[0].test(text);
  return saysA === b[0].test(text) ? undefined : saysA ? a[1] : b[1];
}

/** How many of an entry's phrasings, and what share of them, must say a kind read by `entryKindByShare`. */
const SHARE_MIN = 3;
const SHARE = 0.25;

/**
 * The kind an entry's phrasings say, when a good share of them say it (at least 3, and a quarter) and 3
 * times as many as say any other: a kind only a few of many phrasings mention is incidental to it.
 */
export function entryKindByShare<K>(
  phrasings: readonly string[],
  read: (text: string) => K | undefined,
): K | undefined {
  return mostlyOne(phrasings, read, Math.max(SHARE_MIN, SHARE * phrasings.length), 3);
}

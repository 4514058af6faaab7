/**
 * What a question says of the people in it that can reorder the ranking: whom its contact is with
 * (counterpart.ts) and whom its photos show (depicted.ts). Each is read from the question only when
 * the ranking asks, and once.
 */
import { type Counterpart, counterpartFirst, counterpartOf } from "./counterpart.js";
import { type Depicted, depictedIn } from "./depicted.js";
import { firstOfKind } from "./first-of-kind.js";

/** The question's readings, each a function that reads it on first call. */
export interface Readings {
  readonly who: () => Counterpart | undefined;
  readonly depicted: () => Depicted | undefined;
}

/** Readings of nothing: a ranking by the words alone. */
export const NO_READINGS: Readings = { who: () => undefined, depicted: () => undefined };

/** The readings of `question`, each read on its first call. */
export function readingsOf(question: string): Readings {
  let who: { readonly value: Counterpart | undefined } | undefined;
  let depicted: { readonly value: Depicted | undefined } | undefined;
  return {
    who: () => {
      who ??= { value: counterpartOf(question) };
      return who.value;
    },
    depicted: () => {
      depicted ??= { value: depictedIn(question) };
      return depicted.value;
    },
  };
}

/** The ranking with first the entry the readings point to, among the top `reach` (each reading's rule). */
export function readingsFirst(
  order: number[],
  items: readonly { readonly counterpart?: Counterpart; readonly depicts?: Depicted }[],
  readings: Readings,
  reach: number,
): number[] {
  const byWhom = counterpartFirst(order, items, readings.who, reach);
  return firstOfKind(byWhom, reach, (i) => items[i]?.depicts, readings.depicted);
}

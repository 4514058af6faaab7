/**
 * What a question says of the people in it that can reorder the ranking: whom its contact is with
 * (counterpart.ts) and whom its photos show (depicted.ts). Each is read from the question only when
 * the ranking asks, and once.
 */
import { type Counterpart, counterpartFirst, counterpartOf } from "./counterpart.js";
import { type Country, countryOf } from "./country.js";
import { type Depicted, depictedIn } from "./depicted.js";
import { firstOfKind } from "./first-of-kind.js";

/** The question's readings, each a function that reads it on first call. */
export interface Readings {
  readonly who: () => Counterpart | undefined;
  readonly depicted: () => Depicted | undefined;
  readonly country: () => Country | undefined;
}

/** Readings of nothing: a ranking by the words alone. */
export const NO_READINGS: Readings = {
  who: () => undefined,
  depicted: () => undefined,
  country: () => undefined,
};

/** The readings of `question`, each read on its first call. */
export function readingsOf(question: string): Readings {
  let who: { readonly value: Counterpart | undefined } | undefined;
  let depicted: { readonly value: Depicted | undefined } | undefined;
  let country: { readonly value: Country | undefined } | undefined;
  return {
    who: () => {
      who ??= { value: counterpartOf(question) };
      return who.value;
    },
    depicted: () => {
      depicted ??= { value: depictedIn(question) };
      return depicted.value;
    },
    country: () => {
      country ??= { value: countryOf(question) };
      return country.value;
    },
  };
}

/** The ranking with first the entry the readings point to, among the top `reach` (each reading's rule). */
export function readingsFirst(
  order: number[],
  items: readonly {
    readonly counterpart?: Counterpart;
    readonly depicts?: Depicted;
    readonly entry: { readonly title: string };
  }[],
  readings: Readings,
  reach: number,
): number[] {
  const byWhom = counterpartFirst(order, items, readings.who, reach);
  const byDepicted = firstOfKind(byWhom, reach, (i) => items[i]?.depicts, readings.depicted);
  // the asker's country: when the first entry's title ties it to another ("US rules", "(US)"), the best
  // entry of the question's own country goes first; unchanged when there is none (an entry of no
  // country may be about something else altogether)
  return firstOfKind(byDepicted, COUNTRY_REACH, (i) => titleCountry(items[i]?.entry.title), readings.country);
}

/** How far down the ranking an entry of the asker's own country is looked for: a country's rules entry ranks low for a question that names the country only in passing. */
const COUNTRY_REACH = 8;

const titleCountries = new Map<string, Country | undefined>();
/** The country an entry's title ties it to ("US rules from state boards", "What the GMC expects (UK)"), read once. */
function titleCountry(title: string | undefined): Country | undefined {
  if (title === undefined) return undefined;
  if (!titleCountries.has(title)) titleCountries.set(title, countryOf(title));
  return titleCountries.get(title);
}

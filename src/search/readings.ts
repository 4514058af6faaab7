/**
 * What a question says of the people in it that can reorder the ranking: whom its contact is with
 * (counterpart.ts), whom its photos show (depicted.ts), who took them (recorder.ts), who posted what
 * it is about (poster.ts), the asker's country (country.ts), what a view posted is about (opinion.ts),
 * what is asked of the clinician about a medicine (prescribing.ts) and whether it reports someone at
 * risk (at-risk.ts). Each is read from the question only when the ranking asks, and once.
 */

import { remembering } from "../remembering.js";
import { reportsRisk } from "./at-risk.js";
import { withoutRelativeAsides } from "./clauses.js";
import { type Counterpart, counterpartFirst, counterpartOf } from "./counterpart.js";
import { type Country, countryOf } from "./country.js";
import { type Depicted, depictedIn } from "./depicted.js";
import type { EntryKinds } from "./entry-kinds.js";
import { firstOfKind, moveFirst } from "./first-of-kind.js";
import { type Opinion, opinionIn } from "./opinion.js";
import { type Poster, posterIn } from "./poster.js";
import { type MedicineAct, medicineActIn } from "./prescribing.js";
import { type Recorder, recorderIn } from "./recorder.js";

/** The question's readings, each a function that reads it on first call. */
export interface Readings {
  readonly who: () => Counterpart | undefined;
  readonly depicted: () => Depicted | undefined;
  readonly country: () => Country | undefined;
  readonly poster: () => Poster | undefined;
  readonly opinion: () => Opinion | undefined;
  readonly medicine: () => MedicineAct | undefined;
  readonly recorder: () => Recorder | undefined;
  readonly risk: () => boolean;
}

/** Readings of nothing: a ranking by the words alone. */
export const NO_READINGS: Readings = {
  who: () => undefined,
  depicted: () => undefined,
  country: () => undefined,
  poster: () => undefined,
  opinion: () => undefined,
  medicine: () => undefined,
  recorder: () => undefined,
  risk: () => false,
};

/** The readings of `question`, each read on its first call. */
export function readingsOf(question: string): Readings {
  // read once, and only by the readings of who did what to whom
  const plain = readOnce(() => withoutRelativeAsides(question));
  return {
    who: readOnce(() => counterpartOf(plain())),
    depicted: readOnce(() => depictedIn(plain())),
    country: readOnce(() => countryOf(question)),
    poster: readOnce(() => posterIn(plain())),
    opinion: readOnce(() => opinionIn(question)),
    medicine: readOnce(() => medicineActIn(question)),
    recorder: readOnce(() => recorderIn(plain())),
    risk: readOnce(() => reportsRisk(question)),
  };
}

/** `read`, called on the first call only; its value (undefined too) is kept for the later ones. */
function readOnce<T>(read: () => T): () => T {
  let kept: { readonly value: T } | undefined;
  return () => {
    kept ??= { value: read() };
    return kept.value;
  };
}

/** The ranking with first the entry the readings point to, among the top `reach` (each reading's rule). */
export function readingsFirst(
  order: number[],
  items: readonly (EntryKinds & { readonly entry: { readonly title: string } })[],
  readings: Readings,
  reach: number,
): number[] {
  const byWhom = counterpartFirst(order, items, readings.who, reach);
  const byDepicted = firstOfKind(byWhom, reach, (i) => items[i]?.depicts, readings.depicted);
  // who took the photo or recording: over an entry of no side too, since an entry that speaks of
  // neither (boundaries, a clinic's own page) answers badly who may film whom
  const byRecorder = firstOfKind(byDepicted, reach, (i) => items[i]?.recorder, readings.recorder, true);
  const byPoster = firstOfKind(byRecorder, reach, (i) => items[i]?.poster, readings.poster);
  const byOpinion = firstOfKind(byPoster, reach, (i) => items[i]?.opinion, readings.opinion);
  const byMedicine = firstOfKind(byOpinion, reach, (i) => items[i]?.medicine, readings.medicine);
  // the asker's country: when the first entry's title ties it to another ("US rules", "(US)"), the best
  // entry of the question's own country goes first; unchanged when there is none (an entry of no
  // country may be about something else altogether)
  const byCountry = firstOfKind(
    byMedicine,
    COUNTRY_REACH,
    (i) => {
      const title = items[i]?.entry.title;
      return title === undefined ? undefined : titleCountry(title);
    },
    readings.country,
  );
  // Someone at risk now: the guidance on acting on it goes first from anywhere in the fused ranking
  // (the top 20 of either reading), over whatever the message was about or where it came (a comment
  // section, a group, a review).
  const first = byCountry[0];
  if (first === undefined || items[first]?.urgent) return byCountry;
  const urgent = byCountry.findIndex((i) => items[i]?.urgent);
  return urgent < 0 || !readings.risk() ? byCountry : moveFirst(byCountry, urgent);
}

/** How far down the ranking an entry of the asker's own country is looked for: a country's rules entry ranks low for a question that names the country only in passing. */
const COUNTRY_REACH = 8;
/** More titles than a knowledge base has: each is read once. */
const TITLES_KEPT = 10_000;

/** The country an entry's title ties it to ("US rules from state boards", "What the GMC expects (UK)"), read once. */
const titleCountry = remembering(TITLES_KEPT, countryOf);

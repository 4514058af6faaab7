/**
 * What an entry's phrasings say of the situations it is about, for the readings that settle a choice
 * between close entries (see readings.ts): whom its contact is with, whom its photos show, who posted,
 * whether it is about acting on someone at risk, what views it speaks of, what it asks about a
 * medicine, who takes its photos and recordings. Each is read from the phrasings when the index is
 * built, kept in the compiled index, and mostly absent.
 */
import { entryUrgent } from "./at-risk.js";
import { type Counterpart, entryCounterpart } from "./counterpart.js";
import { type Depicted, entryDepicts } from "./depicted.js";
import { entryOpinion, type Opinion } from "./opinion.js";
import { entryPoster, type Poster } from "./poster.js";
import { entryMedicineAct, type MedicineAct } from "./prescribing.js";
import { entryRecorder, type Recorder } from "./recorder.js";

/** An entry's kinds: only those its phrasings say. */
export interface EntryKinds {
  /** Whom the entry's contact is with (see counterpart.ts). */
  readonly counterpart?: Counterpart;
  /** Whom the entry's photos show (see depicted.ts). */
  readonly depicts?: Depicted;
  /** Who posted what the entry is about (see poster.ts). */
  readonly poster?: Poster;
  /** True when the entry is about acting on someone at risk (see at-risk.ts). */
  readonly urgent?: boolean;
  /** What the views its phrasings speak of are about (see opinion.ts). */
  readonly opinion?: Opinion;
  /** What its phrasings ask of the clinician about a medicine (see prescribing.ts). */
  readonly medicine?: MedicineAct;
  /** Who takes the photos or recordings its phrasings speak of (see recorder.ts). */
  readonly recorder?: Recorder;
}

/** The kinds an entry's phrasings say. */
export function entryKinds(questions: readonly string[]): EntryKinds {
  return kindsOf({
    counterpart: entryCounterpart(questions),
    depicts: entryDepicts(questions),
    poster: entryPoster(questions),
    urgent: entryUrgent(questions),
    opinion: entryOpinion(questions),
    medicine: entryMedicineAct(questions),
    recorder: entryRecorder(questions),
  });
}

/** The kinds of an entry (or of its saved copy), without the ones it lacks: what the compiled index keeps. */
export function kindsOf(item: EntryKinds): EntryKinds {
  const { counterpart, depicts, poster, urgent, opinion, medicine, recorder } = item;
  return {
    ...(counterpart ? { counterpart } : {}),
    ...(depicts ? { depicts } : {}),
    ...(poster ? { poster } : {}),
    ...(urgent ? { urgent } : {}),
    ...(opinion ? { opinion } : {}),
    ...(medicine ? { medicine } : {}),
    ...(recorder ? { recorder } : {}),
  };
}

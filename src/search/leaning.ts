import type { Term } from "./analyse.js";
import type { OtherSubjects } from "./index-data.js";
import type { WordModel } from "./word-model.js";

/**
 * How much likelier the question's words are under another subject's example questions than under
 * the likeliest entry (`lean`: log-likelihood per unit of weight, in the word model's reading, from
 * -1 to 1), and which subject's (`subject`, its position among the other subjects). Above 0, the
 * question reads more like one about pay, a dose or a landlord than like anything the knowledge
 * answers. A lean of 0 and no subject without examples, or when the model knows none of its words.
 * What the lean rests on: `read`, the share of the question's weight on words either model knows, and
 * `words`, how many they are.
 */
export interface Leaning {
  readonly lean: number;
  readonly subject?: number;
  readonly read?: number;
  readonly words?: number;
}

/** The question's leaning to another subject (see Leaning), with each term's weight in the word model. */
export function leaningOf(
  terms: readonly Term[],
  words: WordModel,
  others: OtherSubjects | undefined,
  weightOf: (t: Term) => number,
): Leaning {
  if (!others) return { lean: 0 };
  const read = terms
    .filter((t) => words.knows(t.stem) || others.words.knows(t.stem))
    .map((t) => ({ stem: t.stem, weight: weightOf(t) }));
  const weight = read.reduce((sum, t) => sum + t.weight, 0);
  if (weight === 0) return { lean: 0 };
  const all = terms.reduce((sum, t) => sum + weightOf(t), 0);
  let entry = Number.NEGATIVE_INFINITY;
  // by index: for...of over a typed array made an object for every entry
  const log = words.likelihoods(read, weight, others.entryBase).log;
  for (let i = 0; i < log.length; i++) entry = Math.max(entry, log[i] as number);
  let other = Number.NEGATIVE_INFINITY;
  let subject = 0;
  others.words.likelihoods(read, weight).log.forEach((ll, i) => {
    if (ll > other) [other, subject] = [ll, i];
  });
  return {
    lean: Math.max(-1, Math.min(1, (other - entry) / weight)),
    subject,
    read: weight / all,
    words: read.length,
  };
}

/**
 * A question's terms, sentence by sentence, weighed into one list: the asking sentences' words in full,
 * the story's less, asides least (see SearchIndex.terms).
 */
import { asks, type Term } from "./analyse.js";
import type { Sentence } from "./question.js";
import type { TermWeights } from "./term-weights.js";
import type { SearchTuning } from "./tuning.js";

/**
 * The terms of a question's sentences as one list, each word once at its weightiest: the asking
 * sentences' in full, the story's known words at `contextWeight` (more when the asking sentences say
 * little), asides at `asideWeight`. A word of the story that the knowledge never uses (`known`) is
 * left out, and in a question with a story a rare one of the asking sentences counts at
 * `askedRareUnknownWeight`.
 */
export function weighTerms(
  sentences: readonly (Sentence & { readonly terms: readonly Term[] })[],
  weights: TermWeights,
  known: (stem: string) => boolean,
  tune: SearchTuning,
): Term[] {
  // In how many sentences each word is said: what a post keeps coming back to is what it is about.
  const said = new Map<string, number>();
  for (const sentence of sentences)
    if (!sentence.aside)
      for (const stem of new Set(sentence.terms.map((t) => t.stem)))
        said.set(stem, (said.get(stem) ?? 0) + 1);
  const merged = new Map<string, Term>();
  const add = (term: Term) => {
    const n = said.get(term.stem) ?? 1;
    const t = n > 1 ? { ...term, sentences: n } : term;
    const seen = merged.get(t.stem);
    if (!seen || (seen.weight ?? 1) * seen.credit < (t.weight ?? 1) * t.credit) merged.set(t.stem, t);
  };
  const story: Term[] = [];
  for (const sentence of sentences) {
    for (const t of sentence.terms) {
      if (sentence.asking) add(t);
      else if (!known(t.stem)) continue;
      else if (sentence.aside) add({ ...t, weight: tune.asideWeight, part: "aside" });
      else story.push(t);
    }
  }
  if (story.length === 0) return [...merged.values()];
  // With a story around it, a rare word of the asking sentence that the knowledge never uses names a
  // particular of the case (a drug, a procedure, a place), not another subject: it counts less.
  for (const [stem, t] of merged)
    if (asks(t) && !known(stem) && weights.isRare(t.word))
      merged.set(stem, { ...t, weight: tune.askedRareUnknownWeight });
  let asked = 0;
  for (const t of merged.values()) if (known(t.stem) && asks(t)) asked += weights.weightOf(t) * t.credit;
  const weight = asked >= tune.vagueAskWeight ? tune.contextWeight : tune.vagueContextWeight;
  for (const t of story) add({ ...t, weight, part: "story" });
  return [...merged.values()];
}

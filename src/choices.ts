import type { Counterpart } from "./search/counterpart.js";
import type { Hit } from "./search/search-index.js";
import type { Entry } from "./types.js";

// Between the best two entries: whether to ask back which was meant, and when a summary answers instead.

/** Entries a summary covers that come this close to one another fit the question equally well. */
export const SUMMARY_MARGIN = 0.12;

/**
 * Whether two entries of different topics scoring alike (within `margin`) leave the bot a real choice
 * to ask about. Not when both readings of the question put the first one first, nor when whom the
 * question's contact is with settles it: the first is about contact with that person and the second
 * about contact with someone else ("should doctors follow their patients back": patients, not
 * colleagues). Not between a summary and an entry it covers, or entries related to each other.
 */
export function choiceIsOpen(top: Hit, second: Hit, who: Counterpart | undefined, margin: number): boolean {
  const settledByWhom =
    who !== undefined &&
    top.counterpart === who &&
    second.counterpart !== undefined &&
    second.counterpart !== who;
  return (
    top.agreement < 1 &&
    !settledByWhom &&
    top.entry.topic !== second.entry.topic &&
    top.score - second.score <= margin &&
    !top.entry.covers.includes(second.entry.id) &&
    !second.entry.covers.includes(top.entry.id) &&
    !top.entry.related.includes(second.entry.id) &&
    !second.entry.related.includes(top.entry.id)
  );
}

/**
 * A question that two of a summary's entries fit equally well, neither matching a word of it that the
 * other lacks ("what do doctors gain from it" between networking and learning), asks about the
 * summary: it answers, and the best single entry is offered beside it.
 */
export function preferSummary(hits: readonly Hit[], summaries: readonly Entry[]): Hit[] {
  const [lead, ...rest] = hits;
  if (!lead) return [];
  for (const summary of summaries) {
    if (!summary.covers.includes(lead.entry.id)) continue;
    const tied = rest
      .slice(0, 2)
      .some(
        (h) =>
          summary.covers.includes(h.entry.id) &&
          lead.score - h.score <= SUMMARY_MARGIN &&
          [...lead.matched].every((stem) => h.matched.has(stem)),
      );
    if (!tied) continue;
    const own = hits.find((h) => h.entry.id === summary.id);
    const answer = { ...lead, entry: summary, score: Math.max(lead.score, own?.score ?? 0) };
    return [answer, lead, ...rest.filter((h) => h.entry.id !== summary.id)];
  }
  return [...hits];
}

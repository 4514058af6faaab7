/**
 * The safety net: a question whose story holds one of the warning signs of suicide in someone else's
 * message (a goodbye note, possessions given away, a pet to be looked after, "no way out"), or a red
 * flag said of small things too (a symptom with help put off, a threat to hurt someone, abuse, neglect,
 * a poison swallowed, someone missing: see warningWords in at-risk.ts) keeps its answer, and the reply
 * offers the guidance on acting on risk beside it. The signs are everyday words too, so they never
 * change the answer; a link costs an ordinary message little, and a missed one may cost a life. A
 * question whose words report danger outright gets that guidance as its answer (see readings.ts); when
 * the ranking did not reach it (the entry ranked in neither reading's top 20), the net offers it too.
 */
import { reportsRisk, warningWords } from "./search/at-risk.js";
import type { Entry, EntryLink } from "./types.js";

/**
 * The link to `urgent` (the entry about acting on risk) that a reply to `question` offers, when the
 * question holds a warning sign or reports danger and the reply does not already answer with that entry.
 * `reports` says whether it reports danger: the judgement's reading where there is one (see Judgement's
 * reportsRisk), so that a question is not read for it twice.
 */
export function safetyNet(
  urgent: Entry | undefined,
  question: string,
  answered: string | undefined,
  reports: () => boolean = () => reportsRisk(question),
): EntryLink | undefined {
  if (!urgent || answered === urgent.id) return undefined;
  if (!warningWords(question) && !reports()) return undefined;
  return { id: urgent.id, title: urgent.title };
}

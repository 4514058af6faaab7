/**
 * What a view posted online is about: a health claim (a vaccine, a treatment, a cure) or politics,
 * religion and social issues. The same words (posting, opinion, free speech, disciplined) ask about
 * either: "a colleague keeps posting that the MMR causes autism, could she be disciplined?" is about
 * misinformation (misinformation-discipline, correcting-misinformation), "could I be disciplined for
 * posting about the election?" about personal opinions. An entry is about one when a good share of its
 * phrasings name it, and mostly that one; the question, when it names one and not the other.
 */
import { eitherOf, entryKindByShare } from "./first-of-kind.js";

/** What a view is about: a claim about health, or politics, religion and social issues. */
export type Opinion = "health" | "politics";

const HEALTH =
  /\b(?:vaccin\w*|vax\w*|anti-?vax\w*|jabs?|mmr|autism|statins?|ivermectin|covid|boosters?|fluoride|hpv|cures?|misinformation|disinformation|false (?:health )?claims?|conspirac\w*|homeopath\w*|detox\w*)\b/i;
const POLITICS =
  /\b(?:politic\w*|elections?|(?:labour|conservative|tory|liberal|green|republican|democratic)\s+party|tory|tories|religio\w*|abortion|gun laws?|immigration|referendum|brexit|democrats|republicans|gaza|israel|palestin\w*|ukraine)\b/i;

/** What the text's view is about, when it names one and not the other. */
export function opinionIn(text: string): Opinion | undefined {
  return eitherOf<Opinion>(text, [HEALTH, "health"], [POLITICS, "politics"]);
}

/** What an entry's views are about: what a good share of its phrasings name, and mostly that. */
export function entryOpinion(questions: readonly string[]): Opinion | undefined {
  return entryKindByShare(questions, opinionIn);
}

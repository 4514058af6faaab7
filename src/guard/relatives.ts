import { CUES } from "./name-patterns.js";
import { cueName, extend, type Span } from "./name-signs.js";
import type { Token } from "./name-tokens.js";
import { CARE_CONTEXT } from "./name-words.js";

// A patient's relative named after the relation (see findNames).

/** The people close to a patient whose names identify the patient as surely as the patient's own. */
const RELATIONS =
  /^(?:daughter|son|wife|husband|partner|mother|mum|mom|father|dad|sister|brother|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|gran|grandma|grandpa|relative|carer|fiancee?|girlfriend|boyfriend)$/;
/** Whose relative it is, when the text is about a patient in the asker's care: "his", "her", "their". */
const PRONOUNS = /^(?:his|her|their)$/;
/** Between the relation and the name: a space, a comma, or an opening bracket. */
const RELATION_GAP = /^\s*[,(]?\s*$/;

/**
 * "my patient's daughter, Karen, ...", "the pt's husband (Trevor)", and where the text is about the
 * asker's patient, "her son Mo": a name after a patient's relation. The asker's own family ("my wife
 * Karen") and a colleague's ("my colleague's wife") are not a patient's.
 */
export function relativeNamed(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const relation = tokens[i] as Token;
  const whose = tokens[i - 1];
  if (!whose || relation.possessive || !RELATIONS.test(relation.lower)) return undefined;
  const patients = whose.possessive && CUES.test(whose.lower);
  if (!patients && !(PRONOUNS.test(whose.lower) && CARE_CONTEXT.test(text))) return undefined;
  const name = tokens[i + 1];
  if (!name || !RELATION_GAP.test(name.gap) || !cueName(name)) return undefined;
  return extend(tokens, i + 1, i + 1);
}

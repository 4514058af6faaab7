import { CUES } from "./name-patterns.js";
import { cueName, extend, type Span } from "./name-signs.js";
import type { Token } from "./name-tokens.js";
import { CARE_CONTEXT } from "./name-words.js";

// A patient's relative named after the relation (see findNames).

/** The people close to a patient whose names identify the patient as surely as the patient's own. */
const RELATIONS =
  /^(?:(?:step-?)?(?:daughter|son|mother|mum|mom|father|dad|sister|brother)|wife|husband|partner|aunt|uncle|niece|nephew|grandson|granddaughter|grandmother|grandfather|gran|grandma|grandpa|relative|carer|fiancee?|girlfriend|boyfriend)$/;
/** A word that may stand between whose and the relation: "my patient's eldest daughter". */
const RELATION_ADJECTIVE =
  /^(?:eldest|oldest|youngest|older|elder|younger|only|adult|teenage|teenaged|grown-up|late)$/;
/**
 * The people a text may speak of before "his", "her" or "their". In a text about the asker's care
 * (CARE_CONTEXT), the pronoun is a patient's unless the person it stands for is one of the asker's
 * colleagues or friends ("A colleague posted about a patient online. Her husband Tom ...").
 */
const PEOPLE =
  /\b(?:patients?|pts?|clients?|residents?|colleagues?|co-?workers?|consultants?|registrars?|nurses?|doctors?|gps?|friends?|boss|managers?|supervisors?|students?|mentors?|juniors?|seniors?|man|woman|lady|gentleman|gent|girl|boy|child|baby)\b/gi;
/** ... and those the pronoun's person is not a patient as. */
const NOT_PATIENTS =
  /^(?:colleagues?|co-?workers?|consultants?|registrars?|nurses?|doctors?|gps?|friends?|boss|managers?|supervisors?|students?|mentors?|juniors?|seniors?)$/i;

/** Whose relative it is, when the text is about a patient in the asker's care: "his", "her", "their". */
const PRONOUNS = /^(?:his|her|their)$/;
/** Between the relation and the name: a space, a comma, a dash or an opening bracket. */
const RELATION_GAP = /^\s*[,(–—-]?\s*$/;

/**
 * "my patient's daughter, Karen, ...", "the pt's husband (Trevor)", and where the text is about the
 * asker's patient, "her son Mo": a name after a patient's relation. The asker's own family ("my wife
 * Karen") and a colleague's ("my colleague's wife") are not a patient's.
 */
export function relativeNamed(tokens: readonly Token[], i: number, text: string): Span | undefined {
  const relation = tokens[i] as Token;
  if (relation.possessive || !RELATIONS.test(relation.lower)) return undefined;
  const adjective = RELATION_ADJECTIVE.test(tokens[i - 1]?.lower ?? "") ? 1 : 0;
  const whose = tokens[i - 1 - adjective];
  if (!whose) return undefined;
  const patients = whose.possessive && CUES.test(whose.lower);
  if (
    !patients &&
    !(PRONOUNS.test(whose.lower) && CARE_CONTEXT.test(text) && patientBefore(text, whose.start))
  )
    return undefined;
  const name = tokens[i + 1];
  if (!name || !RELATION_GAP.test(name.gap) || !cueName(name)) return undefined;
  return extend(tokens, i + 1, i + 1);
}

/**
 * Whether the person a pronoun at `at` stands for may be a patient: the last person named before it in
 * its own sentence, or, for a pronoun opening its sentence, the first one the sentence before names
 * (its subject, most often), is no colleague or friend.
 */
function patientBefore(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opening = before.search(/[^.!?\n]*$/);
  const own = [...before.slice(opening).matchAll(PEOPLE)].at(-1)?.[0];
  const previous = before.slice(0, opening).replace(/[.!?\s]+$/, "");
  const person = own ?? previous.slice(previous.search(/[^.!?\n]*$/)).match(PEOPLE)?.[0];
  return person === undefined || !NOT_PATIENTS.test(person);
}

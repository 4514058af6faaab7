import { isListedName } from "./lexicon.js";
import { cueName, extend, type Span, spaced } from "./name-signs.js";
import type { Token } from "./name-tokens.js";

// Names tied to a patient by the care the asker gave them (see findNames).

/** The verbs of caring for someone, which a patient's name may follow: "I discharged Dominic". */
const CARE_VERBS =
  /^(?:treated|nursed|examined|admitted|discharged|referred|scanned|delivered|intubated|extubated|triaged|cannulated|resuscitated|sedated|sutured|stitched|bathed|clerked|catheteri[sz]ed|swabbed|assessed|reviewed|operated|looked|looking|cared|caring|nursing|treating)$/;
/**
 * The asker's own family, cared for at home ("I looked after Mum"), written as names are: no patient's
 * name. Nor is a specialty or a ward one looks after ("I looked after Paeds"), nor anything the name
 * lists do not hold as a person's name ("I delivered Grand Rounds", "I assessed ChatGPT").
 */
const FAMILY =
  /^(?:mum|mam|mom|mummy|mommy|mother|dad|daddy|father|gran|granny|grandma|grandmother|nan|nana|nanna|grandad|granddad|grandpa|grandfather|auntie|aunty|aunt|uncle)$/;
/** Where care is given, which may follow the verb in capitals: "I looked after Ward 7". */
const CARE_PLACES =
  /^(?:ward|wards|bay|bed|room|unit|theatre|theatres|clinic|resus|majors|minors|icu|itu|nicu|picu|hdu|ccu|ed|er|a)$/;
/** The word some of them take before the person: "operated on", "looked after", "caring for". */
const PARTICLE: Readonly<Record<string, string>> = {
  operated: "on",
  looked: "after",
  looking: "after",
  cared: "for",
  caring: "for",
};

/** "I discharged Dominic", "we intubated Amara Obi", "I looked after Doreen": a name after the care given. */
export function caredFor(tokens: readonly Token[], i: number): Span | undefined {
  const token = tokens[i] as Token;
  const verb = token.lower;
  // capitalised mid-sentence, it is part of a title: "Chief Nursing Officer"
  if (!CARE_VERBS.test(verb) || (token.capitalised && !token.first)) return undefined;
  let j = i + 1;
  const particle = PARTICLE[verb];
  if (particle) {
    if (tokens[j]?.lower !== particle || !spaced(tokens[j])) return undefined;
    j++;
  }
  const name = tokens[j];
  if (!name || !spaced(name) || CARE_PLACES.test(name.lower) || FAMILY.test(name.lower)) return undefined;
  if (name.lower === "grand" && /^rounds?$/i.test(tokens[j + 1]?.lower ?? "")) return undefined;
  if (!cueName(name) || !(name.foreign || isListedName(name.lower))) return undefined;
  return extend(tokens, j, j);
}

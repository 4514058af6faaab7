import { cueName, extend, type Span, spaced } from "./name-signs.js";
import type { Token } from "./name-tokens.js";

// Names tied to a patient by the care the asker gave them (see findNames).

/** The verbs of caring for someone, which a patient's name may follow: "I discharged Dominic". */
const CARE_VERBS =
  /^(?:treated|nursed|examined|admitted|discharged|referred|scanned|delivered|intubated|extubated|triaged|cannulated|resuscitated|sedated|sutured|stitched|bathed|clerked|catheteri[sz]ed|swabbed|assessed|operated|looked|cared)$/;
/** Where care is given, which may follow the verb in capitals: "I looked after Ward 7". */
const CARE_PLACES =
  /^(?:ward|wards|bay|bed|room|unit|theatre|theatres|clinic|resus|majors|minors|icu|itu|nicu|picu|hdu|ccu|ed|er|a)$/;
/** The word some of them take before the person: "operated on", "looked after", "cared for". */
const PARTICLE: Readonly<Record<string, string>> = { operated: "on", looked: "after", cared: "for" };

/** "I discharged Dominic", "we intubated Amara Obi", "I looked after Doreen": a name after the care given. */
export function caredFor(tokens: readonly Token[], i: number): Span | undefined {
  const verb = (tokens[i] as Token).lower;
  if (!CARE_VERBS.test(verb)) return undefined;
  let j = i + 1;
  const particle = PARTICLE[verb];
  if (particle) {
    if (tokens[j]?.lower !== particle || !spaced(tokens[j])) return undefined;
    j++;
  }
  const name = tokens[j];
  if (!name || !spaced(name) || CARE_PLACES.test(name.lower) || !cueName(name)) return undefined;
  return extend(tokens, j, j);
}

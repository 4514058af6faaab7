/**
 * Who posted what the question is about: the asker ("I posted a photo", "we shared"), a colleague ("a
 * coworker posted", "another student put up a story"), or a patient or their family ("a patient posted
 * a review", "her son shared"). The same words (posted, patient, photo, HIPAA) ask about different
 * things: what to do about one's own post (accidental-breach), about a colleague's
 * (colleague-unprofessional-post), or about what a patient made public (patient-posted-own-info). An
 * entry has a poster when most of its phrasings that say one say the same; the question, when it says
 * one and not another.
 */
import { mostlyOne } from "./first-of-kind.js";
import { ROLE } from "./sentence-kinds.js";

/** Who posted: the asker, a colleague, or a patient or someone of theirs. */
export type Poster = "self" | "colleague" | "patient";

const POSTED = String.raw`(?:posted|posts|posting|shared|shares|sharing|uploaded|tweeted|retweeted|put up|puts up|putting up|wrote about|made a (?:post|tiktok|video|reel|thread)|left a review|(?:put|puts|putting)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:story|post|video|photo|pic|picture|tiktok|reel|status)\s+up)`;
const SOON = String.raw`(?:\([^()]{0,80}\)\s+)?(?:\w+\s+){0,3}?(?:has\s+|had\s+|have\s+|just\s+|keeps\s+|recently\s+|then\s+|also\s+)*`;
const SELF = new RegExp(
  String.raw`\b(?:i|i've|i’ve|ive|we|we've|we’ve)\s+(?:just\s+|recently\s+|accidentally\s+|once\s+|then\s+|also\s+|have\s+|had\s+)*${POSTED}\b`,
  "i",
);
const COLLEAGUE = new RegExp(
  String.raw`\b(?:colleagues?|co-?workers?|co workers?|classmates?|another (?:student|nurse|doctor|resident|trainee|junior|medic)|fellow (?:students?|nurses?|doctors?|residents?)|one of (?:my|our) (?:nurses|staff|team|colleagues|students|trainees|juniors|residents|receptionists|hcas)|(?:a|one|another) (?:nurse|doctor|resident|registrar|consultant|hca|tech|receptionist|student) (?:on|in|at|from) (?:my|our|the) (?:unit|ward|team|department|practice|floor|placement|course|cohort|year)|(?:my|our|a|the) (?:preceptor|mentor|supervisor|boss|attending|consultant|registrar|charge nurse|ward manager|crew ?mate|crewmate|partner on the (?:truck|ambulance|rig|crew))|one of (?:my|our) (?:\w+\s+)?${ROLE}s?|one of the (?:\w+\s+)?${ROLE}s?\s+(?:i|we) work with|(?:${ROLE}|someone|somebody|guy|girl|woman|man|lady|person)s?\s+(?:(?:that|who)\s+)?(?:i|we)\s+work\s+with)\s+${SOON}${POSTED}\b`,
  "i",
);
const PATIENT = new RegExp(
  String.raw`\b(?:patients?|pts?|clients?|customers?|(?:his|her|their|the|a|patient's|patient’s) (?:mum|mom|mother|dad|father|son|daughter|husband|wife|partner|family|relatives?|sister|brother|parents?))\s+${SOON}${POSTED}\b`,
  "i",
);

/** Who posted, when the text says one and no other. */
export function posterIn(text: string): Poster | undefined {
  const found: Poster[] = [];
  if (SELF.test(text)) found.push("self");
  if (COLLEAGUE.test(text)) found.push("colleague");
  if (PATIENT.test(text)) found.push("patient");
  return found.length === 1 ? found[0] : undefined;
}

/** How many phrasings must say it, and how many times more often than every other. */
const ENTRY_MIN = 3;
const ENTRY_RATIO = 3;

/** Who posted, for an entry: what its phrasings say, at least ENTRY_MIN of them and mostly one. */
export function entryPoster(questions: readonly string[]): Poster | undefined {
  return mostlyOne(questions, posterIn, ENTRY_MIN, ENTRY_RATIO);
}

/**
 * Who takes the photo, video or recording the question is about: the clinician's side ("can I film a
 * patient in resus for TikTok?", "I'd like to record my consultations for teaching", "my crewmate wants
 * to film us on shift") or the patient's ("a patient recorded our consultation", "her boyfriend is
 * filming me", "I was filmed by a relative"). The same words (record, film, consultation, patient,
 * TikTok) ask about opposite duties: consent and confidentiality when the clinician records, the
 * clinician's rights and the patient's when the patient does. Whom the photo shows (depicted.ts) does
 * not tell them apart: a recorded consultation shows both. An entry records from one side when most
 * of its phrasings that say a side say that one; the question, when it says one side and not the other.
 */
import { onFirstNeed } from "../eager-pattern.js";
import { mostlyOne } from "./first-of-kind.js";
import { QUOTE_CLOSES, QUOTE_OPENS, straightQuotes } from "./normalise.js";

/** Who records: the clinician (or their team), or a patient, a relative or a member of the public. */
export type Recorder = "clinician" | "public";

/** Recording, in any tense: film, record, photograph, tape, video, screenshot, take a photo. */
const RECORDS = String.raw`(?:(?:audio|video|voice|screen)[- ]?)?(?:film(?:s|ed|ing)?|record(?:s|ed|ing)?|photograph(?:s|ed|ing)?|tap(?:e|es|ed|ing)|video(?:s|ed|ing)?|screenshot(?:s|ted|ting)?|live-?stream(?:s|ed|ing)?|(?:take|takes|took|taking|taken|snap|snaps|snapped|snapping|get|got|getting)\s+(?:a\s+|some\s+|an?\s+\w+\s+|the\s+)?(?:photos?|pics?|pictures?|videos?|selfies?|snaps?|clips?|recordings?|footage))\b`;
/** Auxiliaries and adverbs between the asker and the verb: "I'd really like to", "we have just", "I'm thinking of". */
const INTENT = String.raw`(?:(?:'d|'m|'ve|'ll|am|have|had|would|could|can|may|might|should|will|just|also|often|sometimes|usually|really|recently|accidentally|secretly|quickly|then|like|love|want|wants|wanted|wanna|plan|plans|planned|planning|hope|hoping|going|gonna|need|needs|needed|to|thinking|of|about|started|starts|start|keep|keeps|kept|tend|tried|tries|trying)\s+){0,4}`;
/** The asker or their team as the one who records ("I filmed", "can we record", "am I allowed to take a photo"). */
const CLINICIAN = new RegExp(
  [
    String.raw`\b(?:i|we|i'd|i'm|i've|i'll|we'd|we're|we've|we'll)\s+${INTENT}${RECORDS}`,
    // "I'm a GP trainer and want to record..."
    String.raw`\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:a|an)\s+(?:[\w-]+\s+){1,4}?(?:and|&)\s+${INTENT}${RECORDS}`,
    String.raw`\b(?:can|could|may|should|shall|do|must|would)\s+(?:i|we)\s+(?:still\s+|legally\s+|ever\s+|also\s+|just\s+)?(?:be\s+allowed\s+to\s+)?${RECORDS}`,
    String.raw`\b(?:am|are)\s+(?:i|we)\s+(?:allowed|ok|okay|able|permitted|free)\s+to\s+${RECORDS}`,
    String.raw`\bis\s+it\s+(?:ok|okay|alright|all\s+right|allowed|legal|wrong|fine|appropriate|acceptable|against\s+\w+)\s+(?:for\s+(?:me|us)\s+)?to\s+${RECORDS}`,
  ].join("|"),
  "i",
);
/** A colleague or the asker's workplace as the one who records ("my crewmate keeps filming us"). */
const COLLEAGUE = new RegExp(
  String.raw`\b(?:my|our)\s+(?:colleagues?|co-?workers?|crew-?mate|partner\s+on\s+the\s+\w+|team|manager|consultant|mentor|preceptor|trust|practice|clinic|hospital|unit|ward)\s+(?:\w+\s+){0,2}?${RECORDS}`,
  "i",
);
/** Someone outside the care team, as the one who records. */
const PUBLIC_PERSON = String.raw`(?:patients?|pts?|clients?|relatives?|visitors?|bystanders?|onlookers?|(?:a|the)\s+(?:man|woman|guy|lady|member\s+of\s+the\s+public)|members?\s+of\s+the\s+public|journalists?|reporters?|(?:his|her|their|the|a|patient's|pt's|my\s+patient's)\s+(?:mum|mom|mother|dad|father|son|daughter|husband|wife|partner|family|boyfriend|girlfriend|relatives?|parents?|sister|brother|friend|carer))`;
const PUBLIC = new RegExp(
  [
    // "a patient secretly recorded", "her boyfriend is filming", "the family want to record"
    String.raw`\b${PUBLIC_PERSON}\s+(?:(?!(?:i|we|me|us|you)\b)\w+\s+){0,3}?${RECORDS}`,
    // "the family is planning to sue and wants to video the nurses"
    String.raw`\b${PUBLIC_PERSON}\s+(?:is|are|was|were|has|have|had|keeps?|kept)\s+[^.!?]{0,60}?\band\s+${INTENT}${RECORDS}`,
    // "I was filmed", "we've been recorded"
    String.raw`\b(?:i|we)(?:\s+was|\s+were|\s+got|\s+have\s+been|'ve\s+been|\s+had\s+been|'d\s+been|\s+am\s+being|'m\s+being|\s+are\s+being|'re\s+being)\s+(?:secretly\s+|covertly\s+)?(?:filmed|recorded|photographed|taped|videoed)(?!\s+by\s+(?:a|an|my|our|the|one\s+of\s+(?:my|our|the))\s+(?:colleagues?|co-?workers?|crew-?mate|manager|consultant|team|nurses?|doctors?|trust|hospital|employer))`,
    // "let the patient's mum record"
    String.raw`\blet\s+(?:a\s+|the\s+|my\s+)?${PUBLIC_PERSON}\s+${RECORDS}`,
  ].join("|"),
  "i",
);

/** "Recording me", "filmed us": someone else records, unless a colleague is named as doing it. */
const OF_ME =
  /\b(?:filmed|filming|films|recorded|recording|records|photographed|photographing|taped|taping|videoed|videoing)\s+(?:me|us)\b/i;

/**
 * Words in quotation marks: someone's own words ("he said 'you don't mind if I record this?'"), whose
 * first person is not the asker's. An apostrophe inside a word ("don't") neither opens nor closes one.
 */
const QUOTED = new RegExp(`${QUOTE_OPENS}.{0,300}?${QUOTE_CLOSES}`, "g");

/**
 * The three long patterns compiled to machine code on their first need (see eager-pattern.ts): left to
 * V8's default, their bytecode took about 45 ms on a first long question and 5 ms on each of the next
 * few; this way about 12 ms once, then a hundredth of a millisecond. A question whose ranking never
 * asks who records never compiles them.
 */
const compile = onFirstNeed(CLINICIAN, COLLEAGUE, PUBLIC);

/** Who records, when the text says one side and not the other (outside what it quotes). */
export function recorderIn(text: string): Recorder | undefined {
  compile();
  const told = straightQuotes(text).replace(QUOTED, " ");
  const colleague = COLLEAGUE.test(told);
  const clinician = colleague || CLINICIAN.test(told);
  const outside = PUBLIC.test(told) || (!colleague && OF_ME.test(told));
  return clinician === outside ? undefined : clinician ? "clinician" : "public";
}

/** How many phrasings must say it, and how many times more often than the other side (as depicted.ts). */
const ENTRY_MIN = 3;
const ENTRY_RATIO = 3;

/** Who records, for an entry: what its phrasings say, at least ENTRY_MIN of them and mostly one side. */
export function entryRecorder(questions: readonly string[]): Recorder | undefined {
  return mostlyOne(questions, recorderIn, ENTRY_MIN, ENTRY_RATIO);
}

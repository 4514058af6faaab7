/**
 * Who a photo or a video shows: a patient ("a photo of a patient", "patient photos", "a video of my
 * patient's wound") or the staff ("a photo of me", "filmed us", "took pictures of the nurses"). The
 * same words (post, photo, patient) ask about opposite things: "can I post a photo of a patient?" is
 * about consent and confidentiality; "a patient posted a photo of me" about being filmed at work. An
 * entry shows whom its phrasings' photos show, when most say it; the question, when it says it.
 */
import { mostlyOne } from "./first-of-kind.js";

/** Whom a photo shows: a patient, or the staff (the asker among them). */
export type Depicted = "patient" | "staff";

const MEDIA =
  "photos?|photographs?|pictures?|pics?|images?|videos?|vids?|clips?|footage|selfies?|x-?rays?|scans?|recordings?|snaps?";
const OF_PATIENT = new RegExp(
  `\\b(?:${MEDIA})\\s+(?:\\w+\\s+){0,2}?of\\s+(?:(?:a|an|my|our|the|his|her|their|this|that|one of my)\\s+)?(?:\\w+\\s+)?(?:patients?|pts?|clients?|residents?|bab(?:y|ies)|child(?:ren)?|wounds?|rash(?:es)?|lesions?)\\b|\\bpatients?(?:['’]s?|s['’])?\\s+(?:${MEDIA})\\b`,
  "i",
);
const OF_STAFF = new RegExp(
  `\\b(?:${MEDIA})\\s+(?:\\w+\\s+){0,2}?of\\s+(?:me|us|staff|nurses|doctors|my colleagues?|the team)\\b|\\b(?:filmed|filming|films|photographed|photographing|recorded|recording|snapped)\\s+(?:me|us|staff|nurses|doctors)\\b`,
  "i",
);

/** Whom the text's photo or video shows, when it says one and not the other. */
export function depictedIn(text: string): Depicted | undefined {
  const patient = OF_PATIENT.test(text);
  const staff = OF_STAFF.test(text);
  return patient === staff ? undefined : patient ? "patient" : "staff";
}

/** How many phrasings must say it, and how many times more often than the other. */
const ENTRY_MIN = 3;
const ENTRY_RATIO = 3;

/** Whom an entry's photos show: what its phrasings say, at least ENTRY_MIN of them and mostly one. */
export function entryDepicts(questions: readonly string[]): Depicted | undefined {
  return mostlyOne(questions, depictedIn, ENTRY_MIN, ENTRY_RATIO);
}

/**
 * Where people live in care (a nursing home, a care home, memory care, assisted living, aged care), the
 * people cared for are its "residents". Everywhere else a resident is a doctor in training, and the
 * synonyms read the word so ("trainee"). A text that names such a place, and no residency, reads its
 * residents as patients: "a resident's granddaughter posts pictures" is a patient's relative, not a
 * trainee's.
 */
const CARE_HOME =
  /\b(?:nursing[- ]?homes?|care[- ]?homes?|memory care|dementia (?:unit|ward|care)|assisted living|long[- ]term care|aged care|rest homes?|residential (?:care|homes?|facility|facilities)|care facilit(?:y|ies)|skilled nursing|ltc|snf)\b/i;

/**
 * Words that show the text speaks of doctors in training after all ("a resident doctor covering a care
 * home", "our psych residents", "the attending"): then nothing is changed.
 */
const RESIDENCY =
  /\b(?:residency|residencies|pgy ?-?\d|(?:chief|senior|junior|fellow|first[- ]year|second[- ]year|third[- ]year|medical|surgical|surgery|family medicine|internal medicine|im|em|emergency medicine|psych|psychiatry|peds|pediatric|paediatric|ob|obgyn|anesthesia|radiology) residents?|residents? (?:doctors?|physicians?|medical officers?)|(?:an?|the|my|our|your|his|her|their) attending\b|attendings|interns?|internship|rotations?|registrars?|house officers?|junior doctors?|fy ?[12]|f[12]|program director|med school|medical school)\b/i;

/** Each form of "resident" and the patient form it reads as. */
const FORMS: Readonly<Record<string, string>> = {
  resident: "patient",
  residents: "patients",
  "resident's": "patient's",
  "residents'": "patients'",
  "resident’s": "patient’s",
  "residents’": "patients’",
};

/** "Resident", not where it only says where someone lives ("local residents", "a UK resident"). */
const RESIDENT =
  /(?<!\b(?:local|permanent|legal|uk|us|eu|british|american|canadian|australian|irish|town|city|village|area)\s)\bresidents?(?:['’]s?)?(?![\p{L}\p{N}])/giu;

/** The text with its care home's residents read as patients; unchanged when it names no care home. */
export function residentsAsPatients(text: string): string {
  if (!CARE_HOME.test(text) || RESIDENCY.test(text)) return text;
  return text.replace(RESIDENT, (form) => {
    const patient = FORMS[form.toLowerCase()];
    if (!patient) return form;
    return form[0] === "R" ? `P${patient.slice(1)}` : patient;
  });
}

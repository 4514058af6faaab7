/**
 * Where people live in care (a nursing home, a care home, memory care, assisted living, aged care), the
 * people cared for are its "residents". Everywhere else a resident is a doctor in training, and the
 * synonyms read the word so ("trainee"). A text that names such a place, and no residency, reads its
 * residents as patients: "a resident's granddaughter posts pictures" is a patient's relative, not a
 * trainee's.
 */
const CARE_HOME =
  /\b(?:nursing homes?|care homes?|memory care|dementia (?:unit|ward|care)|assisted living|long[- ]term care|aged care|rest homes?|residential (?:care|homes?|facility|facilities)|care facilit(?:y|ies)|skilled nursing|ltc|snf)\b/i;

/** Words that show the text speaks of residency training after all: then nothing is changed. */
const RESIDENCY =
  /\b(?:residency|pgy ?-?\d|chief residents?|senior residents?|junior residents?|attendings?|interns?|program director|med school|medical school)\b/i;

/** Each form of "resident" and the patient form it reads as. */
const FORMS: Readonly<Record<string, string>> = {
  resident: "patient",
  residents: "patients",
  "resident's": "patient's",
  "residents'": "patients'",
  "resident’s": "patient’s",
  "residents’": "patients’",
};

const RESIDENT = /\bresidents?(?:['’]s?)?(?![\p{L}\p{N}])/giu;

/** The text with its care home's residents read as patients; unchanged when it names no care home. */
export function residentsAsPatients(text: string): string {
  if (!CARE_HOME.test(text) || RESIDENCY.test(text)) return text;
  return text.replace(RESIDENT, (form) => {
    const patient = FORMS[form.toLowerCase()];
    if (!patient) return form;
    return form[0] === "R" ? `P${patient.slice(1)}` : patient;
  });
}

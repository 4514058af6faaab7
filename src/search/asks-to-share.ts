/**
 * A sentence that asks leave to post, share or send something ("can I post it in our Facebook group?",
 * "is it OK to send them to the registrar?"): a question about sharing, whatever the thing shared is
 * about. A word of clinical care or of equipment in it ("a dosing error", "a camera phone") is what is
 * shared, so it does not make the question one of that subject (see the judge's offSubject). Not
 * "send" in the ward's sense: a patient sent home, for a scan or to A&E, bloods or a sample sent off
 * (their results sent on are shared).
 */
const ASKS_TO_SHARE =
  /\b(?:(?:can|could|should|may|shall)\s+(?:i|we)|(?:is\s+it|would\s+it\s+be)\s+(?:ok|okay|alright|all\s+right|fine|appropriate)\s+(?:for\s+(?:me|us)\s+)?to|am\s+i\s+allowed\s+to)\b[^.?!]*?\b(?:post(?:ing)?|shar(?:e|ing)|upload(?:ing)?|tweet(?:ing)?|(?:send|forward)(?:ing)?(?!\s+(?:(?:the|a|this|that|my|our|your)\s+)?(?:patients?|pts?|him|her|them|someone|people|off|baby|child|kids?|mum|mom|dad)\s+(?:home|back|off|in|out|for\s+(?:an?\s+)?(?:ct|mri|x-?rays?|scans?|ultrasound|bloods?|tests?)|to\s+(?:a&e|ed|er|hospital|resus|theatre|icu|itu|the\s+ward|ward|the\s+lab|lab|clinic|the\s+clinic|radiology|x-?ray|the\s+gp|gp))\b|\s+off\b|\s+(?:(?:the|a|some)\s+)?(?:bloods?|samples?|swabs?|urine|specimens?|cultures?)\b(?!\s+results?)))\b/i;

/**
 * Whether a word of `subject` in `sentence` names only what the sentence asks leave to share: so for
 * clinical care and equipment (subject names of knowledge/off-topic.yaml: renaming one there changes
 * this), not for careers and pay ("can I send my payslip to HR?" is still about pay).
 */
export function sharesWhatItNames(subject: string | undefined, sentence: string): boolean {
  return subject !== undefined && /clinical|equipment/.test(subject) && ASKS_TO_SHARE.test(sentence);
}

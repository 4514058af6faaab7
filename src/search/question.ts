/** One sentence of a question, and whether it is the part that asks. */
export interface Sentence {
  readonly text: string;
  readonly asking: boolean;
}

const AUX = "is|are|am|was|were|do|does|did|has|have|will|would|could|can|should|shall|may|might|must";
const SUBJECT =
  "i|im|it|its|this|that|these|those|there|we|you|he|she|they|my|our|your|his|her|their|a|an|the|one|anyone|someone|somebody|something|anything|doctors?|nurses?|patients?|students?";
/**
 * How a sentence that asks begins when its question mark is missing: an auxiliary or modal before its
 * subject ("should I", "is it"), a question word before an auxiliary ("how do", "what should"), or a
 * plea for advice ("any advice", "thoughts"). "When I arrived..." starts a story, not a question.
 */
const ASKING_START = new RegExp(
  `^(?:(?:so|and|but|also|now|then|ok|okay|please|hi|hello|hey)[ ,]+)*(?:(?:${AUX}) (?:${SUBJECT})\\b|(?:how|what|whats|when|where|why|who|which|whether) (?:${AUX}|to|much|many|long|often|far)\\b|(?:any )?(?:advice|thoughts|ideas|opinions|suggestions)\\b)`,
  "i",
);
/** A request phrased as a statement: "I'd like to know", "I wonder if", "tell me whether". */
const ASKING_INSIDE =
  /\b(?:i (?:am |was )?wonder(?:ing)?|i(?: would|'d) like to know|i want to know|not sure (?:if|whether|what|how)|unsure (?:if|whether)|tell me (?:if|whether|how)|advise (?:me|on)|any (?:advice|thoughts|tips))\b/i;

/** A sentence ends at . ! or ? (and any closing quote or bracket) followed by space. */
const SENTENCE_END = /(?<=[.!?]["'”’)]*)\s+/;

/**
 * Splits a question into sentences and marks the ones that ask. Real askers write a story first and
 * the question last; the asking sentences say what they want, the rest is supporting context.
 * A text with no sentence that looks like a question (a keyword search) is all asking.
 */
export function readQuestion(text: string): Sentence[] {
  const sentences: string[] = [];
  // A plain split, not Intl.Segmenter: the index reads every phrasing this way at start, and the
  // segmenter made that (and a one-shot `ask`) several times slower for no better sentences here.
  for (const line of text.split(/\n+/)) {
    for (const part of line.split(SENTENCE_END)) {
      const s = part.trim();
      if (s) sentences.push(s);
    }
  }
  const marked = sentences.map((s) => ({ text: s, asking: isAsking(s) }));
  if (!marked.some((s) => s.asking)) return marked.map((s) => ({ ...s, asking: true }));
  return marked;
}

function isAsking(sentence: string): boolean {
  const s = sentence.replace(/^[^\p{L}\p{N}]+/u, "");
  return /\?\s*["'”’)]*\s*$/.test(sentence) || ASKING_START.test(s) || ASKING_INSIDE.test(s);
}

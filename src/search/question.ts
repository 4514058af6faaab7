/** One sentence of a question, and whether it is the part that asks. */
export interface Sentence {
  readonly text: string;
  readonly asking: boolean;
  /** It only says who is asking ("I'm a student midwife", "Nurse here"): not what they ask, nor the story. */
  readonly intro?: boolean;
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

/** Who is speaking, at the start of a sentence: "I'm a student midwife", "As a PGY-2 resident". */
const WHO = String.raw`(?:(?:hi|hello|hey)[ ,!]+)?(?:i'm|i’m|im|i am|as|being|speaking as) (?:an?|the) (?:[^\s,;:.!?]+\s+){0,5}?[^\s,;:.!?]+`;
/** A sentence that opens by saying who is asking, then asks or tells: "I'm a student midwife and can I...". */
const OPENS_WITH_WHO = new RegExp(`^(${WHO})(?:\\s*[,;:]\\s*|\\s+[–—-]\\s+|\\s+and\\s+)(\\S.*)$`, "i");
/** A sentence that only says who is asking: "I'm a CNA.", "I'm an FY1 in Leeds.", "Nurse here." */
const ONLY_WHO = new RegExp(`^(?:${WHO}|[^\\s,;:.!?]+(?: [^\\s,;:.!?]+)? here)[.!]?$`, "i");

/** A sentence ends at . ! or ? (and any closing quote or bracket) followed by space. */
const SENTENCE_END = /(?<=[.!?]["'”’)]*)\s+/;

/**
 * Splits a question into sentences and marks the ones that ask. Real askers write a story first and
 * the question last; the asking sentences say what they want, the rest is supporting context.
 * A text with no sentence that looks like a question (a keyword search) is all asking.
 * Who is asking ("I'm a student midwife and...", "As a GP,", "Nurse here.") is split off and marked
 * `intro`: a role says little of what is asked, and read as part of the question it drew the answer
 * to the entries about students, midwives or practices. Knowledge phrasings are read with
 * `whoIsAsking: false`: an intro there is part of the situation the phrasing describes.
 */
export function readQuestion(text: string, options: { readonly whoIsAsking?: boolean } = {}): Sentence[] {
  const marked: Sentence[] = [];
  // A plain split, not Intl.Segmenter: the index reads every phrasing this way at start, and the
  // segmenter made that (and a one-shot `ask`) several times slower for no better sentences here.
  for (const line of text.split(/\n+/)) {
    for (const part of line.split(SENTENCE_END)) {
      const s = part.trim();
      if (!s) continue;
      const opening = options.whoIsAsking === false ? null : OPENS_WITH_WHO.exec(s);
      if (opening?.[1] && opening[2]) {
        marked.push({ text: opening[1], asking: false, intro: true });
        marked.push({ text: opening[2], asking: isAsking(opening[2]) });
      } else if (options.whoIsAsking !== false && ONLY_WHO.test(s))
        marked.push({ text: s, asking: false, intro: true });
      else marked.push({ text: s, asking: isAsking(s) });
    }
  }
  if (!marked.some((s) => s.asking)) return marked.map((s) => (s.intro ? s : { ...s, asking: true }));
  return marked;
}

function isAsking(sentence: string): boolean {
  const s = sentence.replace(/^[^\p{L}\p{N}]+/u, "");
  return /\?\s*["'”’)]*\s*$/.test(sentence) || ASKING_START.test(s) || ASKING_INSIDE.test(s);
}

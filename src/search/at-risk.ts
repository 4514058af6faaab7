/**
 * Whether a question reports that someone may be at risk: a message, post or comment that speaks of
 * suicide, self-harm or an overdose taken, or of someone being hurt at home. Such a question must get the
 * guidance on acting on risk, not the entry about the photo or the comment section it came in: "a
 * client tagged me in a story with a photo of a bottle of pills" reads as a question about photos by its
 * words. An entry is urgent when most of its phrasings say such a thing; the question, when it does.
 *
 * The words are the plain ones people use, in the forms that report something done or said ("has taken
 * an overdose", "wants to end her life"), not a clinical subject ("managing a paracetamol overdose"),
 * which the bot declines.
 */
const RISK_WORDS = [
  // suicide and self-harm, said of someone
  "suicidal",
  String.raw`(?:kill|killing|hurt|hurting|harm|harming|cut|cutting)\s+(?:myself|herself|himself|themselves|themself)`,
  "self[- ]?harm(?:s|ed|ing)?",
  String.raw`end(?:ing)?\s+(?:it\s+all|(?:my|her|his|their)\s+(?:own\s+)?life)`,
  String.raw`take\s+(?:my|her|his|their)\s+(?:own\s+)?life`,
  String.raw`wants?\s+to\s+die`,
  String.raw`(?:don['’]?t|doesn['’]?t|not)\s+want(?:ing)?\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up)`,
  String.raw`better\s+off\s+(?:dead|without\s+me)`,
  String.raw`can['’]?t\s+go\s+on`,
  String.raw`won['’]?t\s+be\s+(?:here|around)\s+(?:tomorrow|anymore|much\s+longer)`,
  String.raw`by\s+the\s+time\s+you\s+read\s+this`,
  // an overdose taken, or tablets gathered for one
  String.raw`(?:taken|took|take|taking|swallowed|had)\s+an\s+overdose`,
  "overdosed",
  String.raw`(?:taken|took|swallowed)\s+(?:a\s+load\s+of|a\s+lot\s+of|too\s+many|all\s+(?:of\s+)?(?:my|her|his|their)|a\s+(?:bottle|handful|box)\s+of)\s+(?:pills|tablets|meds|paracetamol)`,
  "stockpil(?:e|ed|es|ing)",
  // harm at home
  String.raw`scared\s+to\s+go\s+home`,
  String.raw`threaten(?:s|ed|ing)?\s+to\s+kill`,
];
const RISK = new RegExp(String.raw`\b(?:${RISK_WORDS.join("|")})`, "i");

/** Whether the text reports that someone may be at risk. */
export function reportsRisk(text: string): boolean {
  return RISK.test(text);
}

/** How many phrasings must report risk, and the least share of them that must, for an entry to be urgent. */
const ENTRY_MIN = 3;
const ENTRY_SHARE = 0.5;

/** Whether an entry is about acting on risk: most of its phrasings report it. */
export function entryUrgent(questions: readonly string[]): boolean {
  const reporting = questions.filter(reportsRisk).length;
  return reporting >= ENTRY_MIN && reporting >= ENTRY_SHARE * questions.length;
}

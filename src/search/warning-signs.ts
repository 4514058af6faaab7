/**
 * The warning signs of suicide that public guidance lists beside talk of dying (the US National
 * Institute of Mental Health's list, which crisis services such as the 988 Lifeline repeat): feeling a
 * burden to others, feeling trapped with no way out, putting affairs in order, looking up a way to do
 * it, saying goodbye, giving away possessions, making a will, a sudden calm. Messages rarely say "I want
 * to die".
 *
 * Only the signs that say enough alone are read (`STRONG`, with the words of danger in at-risk.ts),
 * each in a form no everyday message takes: a burden "to everyone", affairs put in order, asking how
 * many tablets it would take to not wake up, not needing something "where I'm going". The others are
 * everyday words too (thanks for everything, a goodbye, a last post, a pet to be looked after, being at
 * peace, no way out, feeling trapped, better off with someone else): a review found that reading two of
 * them together turned 4 in 10 ordinary messages (a bereaved family's thanks, a colleague leaving, a
 * patient in recovery) into crisis guidance, so they are not read. Each is read as the words of danger
 * are: someone else's, said online, and not a subject spoken of.
 */

/** Whose: the asker's own words count only when quoted (see at-risk.ts). */
const WHOSE = "(?:my|her|his|their)";
/** Where a clause ends, so "a burden to her family." is a sign and "a burden to her family's finances" is not. */
const END = String.raw`(?=\s*(?:[.!?,;:"')]|$|\s(?:and|but|so|or|anymore|any\s?more)\b))`;
const PILLS = String.raw`(?:pills|tablets|meds|paracetamol|tylenol|painkillers|sleeping\s+(?:pills|tablets))`;

/** Signs that say enough alone. */
export const STRONG = [
  // a burden to the people around them
  String.raw`(?:i'?m|i\s+am|she'?s|she\s+is|he'?s|he\s+is|they'?re|they\s+are|being|feels?\s+like|feeling\s+like|felt\s+like)\s+(?:such\s+|only\s+|nothing\s+but\s+)?a\s+burden\s+(?:to|on)\s+(?:everyone|everybody|them|${WHOSE}\s+(?:family|kids|children|parents|husband|wife|partner|mum|mom|dad))${END}`,
  // affairs put in order
  String.raw`(?:put|putting|puts|got|getting|gets|sorted|sorting)\s+${WHOSE}\s+affairs\s+in\s+order|${WHOSE}\s+affairs\s+(?:are|were|all)\s+(?:all\s+)?in\s+order`,
  // a way looked up
  String.raw`how\s+many\s+(?:of\s+)?(?:${WHOSE}\s+|these\s+|those\s+)?${PILLS}\s+(?:(?:would|does|will)\s+it|it'?d|it\s+would)\s+take(?:\s+to\s+(?:die|not\s+wake(?:\s+up)?|never\s+wake(?:\s+up)?|sleep\s+forever|end\s+it)|${END})`,
  // things not needed where they are going
  String.raw`(?:won'?t|will\s+not|wont)\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|this|these|that|those|(?:${WHOSE}|any)\s+\w+)\s+where\s+(?:i'?m|she'?s|he'?s|they'?re)\s+going`,
  String.raw`where\s+(?:i'?m|she'?s|he'?s|they'?re|im)\s+going,?\s+(?:i|she|he|they)\s+(?:won'?t|will\s+not|wont)\s+need`,
];

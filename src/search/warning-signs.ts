/**
 * The warning signs of suicide that public guidance lists beside talk of dying (the US National
 * Institute of Mental Health's list, which crisis services such as the 988 Lifeline repeat): feeling a
 * burden to others, feeling trapped with no way out, putting affairs in order, looking up a way to do
 * it, saying goodbye, giving away possessions, making a will, a sudden calm. Messages rarely say "I want
 * to die"; a follower who writes "thank you for everything, please look after Milo for me" has said
 * as much.
 *
 * Some signs say enough alone (`STRONG`, read with the words of danger in at-risk.ts). The others
 * (`SIGNS`) are everyday words too, a colleague's goodbye post when leaving, a will-writing advert, a
 * kitten given away, so a report needs two different ones in the message (at-risk.ts reads the
 * sentence and the one after it). Each is read as the words of danger are: someone else's, said
 * online, and not a subject spoken of.
 */

/** Whose: the asker's own words count only when quoted (see at-risk.ts). */
const WHOSE = "(?:my|her|his|their)";
/** Where a clause ends, so "no way out." is a sign and "no way out of the contract" is not. */
const END = String.raw`(?=\s*(?:[.!?,;:"')]|$|\s(?:and|but|so|or|anymore|any\s?more)\b))`;
const PILLS = String.raw`(?:pills|tablets|meds|paracetamol|tylenol|painkillers|sleeping\s+(?:pills|tablets))`;
const LOVED =
  "(?:kids|children|son|daughter|boys|girls|baby|cat|cats|dog|dogs|pets?|puppy|kitten|horse|rabbit|bird)";

/** Signs that say enough alone. */
export const STRONG = [
  // a burden to others, or everyone better off
  String.raw`(?:i'?m|i\s+am|she'?s|he'?s|they'?re|being|feels?\s+like|feeling\s+like|felt\s+like|just)\s+(?:such\s+|only\s+|nothing\s+but\s+)?a\s+burden(?:\s+(?:to|on)\s+(?:everyone|everybody|people|them|you|${WHOSE}\s+(?:family|kids|children|parents|husband|wife|partner|mum|mom|dad)))?${END}`,
  String.raw`(?:everyone|everybody|they|you|(?:the|${WHOSE})\s+(?:family|kids|children|baby|boys|girls))\s+(?:would|will|'d|'ll)\s+be\s+better\s+off(?:\s+(?:with|without)\s+[^.!?,;]{1,30}?)?${END}`,
  // no one would notice or care
  String.raw`(?:nobody|no\s+one|noone)\s+(?:would|will|'d|'ll|is\s+going\s+to)\s+(?:even\s+)?(?:notice|care|miss(?:\s+(?:me|her|him|them))?)(?:\s+(?:if|when)\s+(?:i|she|he|they)\b|${END})`,
  // trapped, with no way out
  String.raw`(?:(?:there'?s|there\s+is|is)\s+no|(?:can'?t|cannot|couldn'?t|don'?t|doesn'?t)\s+see\s+(?:a|any))\s+way\s+out${END}`,
  String.raw`(?:feels?|feeling|felt)\s+(?:so\s+|completely\s+|totally\s+|really\s+)?trapped${END}`,
  // affairs put in order, a way looked up
  String.raw`(?:put|putting|puts|got|getting|gets|sorted|sorting)\s+${WHOSE}\s+affairs\s+in\s+order|${WHOSE}\s+affairs\s+(?:are|were|all)\s+(?:all\s+)?in\s+order`,
  String.raw`how\s+many\s+(?:of\s+)?(?:${WHOSE}\s+|these\s+|those\s+)?${PILLS}\s+(?:(?:would|does|will)\s+it|it'?d|it\s+would)\s+take(?:\s+to\s+(?:die|not\s+wake|sleep\s+forever|end\s+it))?${END}`,
  String.raw`see\s+(?:you|everyone|everybody|y'?all)\s+on\s+the\s+other\s+side${END}`,
  String.raw`(?:won'?t|will\s+not|wont)\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|this|these|that|those|(?:${WHOSE}|any)\s+\w+)\s+where\s+(?:i'?m|she'?s|he'?s|they'?re)\s+going`,
  String.raw`where\s+(?:i'?m|she'?s|he'?s|they'?re|im)\s+going,?\s+(?:i|she|he|they)\s+(?:won'?t|will\s+not|wont)\s+need`,
];

/** Signs that need another beside them: each pattern is one kind, and two kinds make a report. */
export const SIGNS: readonly RegExp[] = [
  // a farewell: thanks or sorry for everything, a last word, a goodbye. One kind, since they come
  // together whenever anyone leaves ("a goodbye letter thanking me for everything" from a patient moving
  // abroad); a farewell and a sign of another kind make a report
  [
    String.raw`thank(?:s|ed|ing)?(?:\s+(?:you|everyone|everybody|us|all))?\s+(?:so\s+much\s+)?for\s+everything|(?<=thank(?:s|ed|ing)?\s+me\s+)for\s+everything`,
    String.raw`sorry\s+for\s+everything|(?:please\s+)?forgive\s+me\b`,
    String.raw`(?:last|final)\s+(?:post|message|tweet|video|story|status|text|goodbye)\b|this\s+(?:is|will\s+be)\s+(?:my|the)\s+last\b`,
    String.raw`(?:said|saying|says|say)\s+(?:(?:her|his|their|my)\s+)?goodbyes?\b|goodbye\s+(?:message|post|text|note|letter|video)`,
  ].join("|"),
  // someone asked to look after what they love
  String.raw`(?:look\s+after|take\s+care\s+of|have|keep|mind)\s+${WHOSE}\s+${LOVED}\s+for\s+(?:me|her|him|them)|look\s+after\s+${WHOSE}\s+${LOVED}`,
  // possessions given away
  String.raw`(?:giving|gave|given|give|gives)\s+away\s+(?:all\s+)?(?:of\s+)?${WHOSE}\s+(?:\w+\s+)?(?:\w+|${LOVED})|(?:rehom(?:e|ed|ing))\s+${WHOSE}\s+${LOVED}`,
  // a will made
  String.raw`(?:made|making|wrote|written|writing|updated|updating|sorted|done|did)\s+(?:a|${WHOSE})\s+will\b`,
  // calm after a crisis (not peace "with" something: a diagnosis accepted, a job left)
  String.raw`(?:suddenly|weirdly|strangely|oddly|eerily|unusually)\s+(?:so\s+)?(?:calm|peaceful|at\s+peace|happy|upbeat|content)|(?:finally|at\s+last)\s+at\s+peace(?!\s+with)|at\s+peace\s+(?:now|at\s+last|finally)|(?:made|making)\s+${WHOSE}\s+peace(?!\s+with)`,
  // no future, and things no longer needed (at a clause's end: not "any more since she moved")
  String.raw`no\s+future|no\s+hope\s+left|nothing\s+(?:left\s+)?to\s+look\s+forward\s+to|hopeless|worthless|can'?t\s+see\s+a\s+future`,
  String.raw`(?:won'?t|will\s+not|wont)\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|this|these|that|those|(?:${WHOSE}|any)\s+\w+)\s+any\s?more${END}`,
  // accounts closed down, everyone pushed away
  String.raw`(?:deleted|deleting|deactivated|deactivating|shut\s+down|shutting\s+down)\s+(?:all\s+)?(?:of\s+)?${WHOSE}\s+(?:accounts?|profiles?|socials|social\s+media)`,
].map((sign) => new RegExp(String.raw`\b(?:${sign})`, "gi"));

/**
 * Red flags in someone else's message other than the words of suicide: symptoms that need emergency
 * care with help refused or put off, and a threat to hurt someone. at-risk.ts reads them in a sentence
 * said online in someone else's message. A symptom of the first list (SYMPTOM) with help plainly
 * refused ("won't call", "refuses to go in") is danger and gets the guidance on acting on risk as its
 * answer. Any other red flag (a symptom of either list with help only put off: "sleep it off", "doesn't
 * want to make a fuss", "not calling anyone"; one of the second list with help refused; a threat: "he
 * says he'll hurt her") is also said of small things, so it only makes the reply offer that guidance
 * beside its answer (the safety net).
 */

/** Red-flag symptoms which, with help plainly refused, are danger: chest pain, breathing, stroke signs, bleeding. */
const SYMPTOM =
  /\b(?:chest\s+(?:pain|hurts|feels|is\s+tight|pressure)|crushing|can'?t\s+breathe|struggling\s+to\s+breathe|short\s+of\s+breath|vomiting\s+blood|coughing\s+up\s+blood|bleeding|numb|slurred|drooping|seizure|fitting|unconscious|unresponsive|won'?t\s+wake|overdose|swollen|headache|can'?t\s+see|blood)\b/i;

/**
 * More red-flag symptoms, said in words that also describe small things ("went blue" in a cold lake),
 * so only a reason for the safety net: breathing oddly, an unwell baby, a baby not moving in pregnancy,
 * a rash that does not fade, a stiff neck, a swelling throat.
 */
const MORE_SYMPTOM =
  /\b(?:pressure\s+in\s+(?:his|her|their|my)\s+chest|breathing\s+(?:weird(?:ly)?|funny|strange(?:ly)?|odd(?:ly)?|noisily)|(?:not|isn'?t|stopped)\s+breathing|gasping|floppy|(?:turned|turning|going|gone|went)\s+(?:blue|grey|gray)|blue\s+lips|(?:hasn'?t|has\s+not|haven'?t|not)\s+felt\s+(?:the|her|my|their)\s+baby\s+move|baby\s+(?:hasn'?t|has\s+not|isn'?t|is\s+not|stopped)\s+mov(?:ed|ing)|rash\s+(?:that\s+)?(?:doesn'?t|won'?t|does\s+not)\s+fade|stiff\s+neck|(?:swollen|swelling)\s+(?:lips|tongue|throat)|throat\s+(?:is\s+)?(?:closing|swelling))\b/i;

/** Help plainly refused: with a symptom, danger. */
const REFUSES_HELP =
  /\b(?:won'?t|will\s+not|wont|refuses?\s+to|refused\s+to|refusing\s+to|doesn'?t\s+want\s+to|isn'?t\s+going\s+to|not\s+going\s+to)\s+(?:call|ring|go\s+(?:in|to)|get|see|phone)\b/i;

/** Help put off, or refused in words also said of small things: with a symptom, a reason for the safety net. */
const PUTS_OFF_HELP =
  /\b(?:(?:sleep|ride|wait|tough|sweat)\s+it\s+(?:off|out)|wait\s+and\s+see|see\s+how\s+(?:he|she|they|it)\s+(?:is|are|goes|feels?)\s+(?:in\s+the\s+morning|tomorrow)|(?:not|isn'?t|is\s+not|aren'?t)\s+(?:calling|ringing|phoning)\s+(?:anyone|anybody|an\s+ambulance|911|999|000|111|112)|(?:hasn'?t|has\s+not|haven'?t|didn'?t)\s+(?:called|rung|phoned)\s+(?:anyone|anybody|an\s+ambulance|911|999|000|111|112)|(?:make|making|cause|causing)\s+a\s+fuss|(?:don'?t|doesn'?t|didn'?t)\s+want\s+to\s+(?:bother|waste)\s+(?:anyone|anybody|the|a|you)|(?:costs?|cost)\s+too\s+much|can'?t\s+afford|refus(?:es|ed|ing)\s+(?:an?\s+|the\s+)?(?:ambulance|paramedics)|(?:won'?t|will\s+not|doesn'?t\s+want\s+to|refuses?\s+to|not\s+going\s+to)\s+(?:bring|take)\s+(?:him|her|them|the\s+baby|the\s+kids?)\s+(?:in|to)|let\s+(?:him|her|them)\s+sleep)\b/i;

/** A threat to hurt someone, told or reported: "he says he'll hurt her", "her ex will kill her". */
const THREAT =
  /\b(?:he|she|they|(?:his|her|their|my)\s+(?:[\w']+\s+)?(?:partner|boyfriend|girlfriend|husband|wife|dad|father|stepdad|stepfather|mum|mom|mother|ex|brother|uncle))(?:'ll|'d|\s+will|\s+would|\s+is\s+going\s+to|\s+(?:says|said|swears|swore)\s+(?:he|she|they)(?:'ll|'d|\s+will|\s+would))\s+(?:kill|hurt|finish|beat|stab|shoot|strangle)\s+(?:me|her|him|them|us|the\s+(?:kids?|children|baby))\b/i;

/**
 * Red flags named as a subject, not reported: a list of signs, advice not to wait, a campaign; or in
 * the past ("he refused the ambulance last year").
 */
const NOT_NOW =
  /\b(?:signs?\s+of|symptoms?\s+of|(?:don'?t|never|do\s+not)\s+(?:wait|ignore|sleep|ride|tough)|awareness|campaign|article|leaflet|infographic|video\s+(?:on|about)|last\s+(?:year|month)|years?\s+ago|months?\s+ago|died|passed\s+away)\b/i;

/** For a quick look over a whole question: could any sentence hold a red flag? */
export const MAY_FLAG = new RegExp(`${SYMPTOM.source}|${MORE_SYMPTOM.source}|${THREAT.source}`, "i");

/** The words of danger in a sentence: a symptom of the first list with help plainly refused, or undefined. */
export function refusedHelp(sentence: string): string | undefined {
  const refused = REFUSES_HELP.exec(sentence);
  return refused && SYMPTOM.test(sentence) ? refused[0] : undefined;
}

/**
 * The words of a red flag that the safety net reads in a sentence, or undefined: a threat, or a symptom
 * (of either list) with help refused or put off.
 */
export function redFlag(sentence: string): string | undefined {
  if (NOT_NOW.test(sentence)) return undefined;
  const threat = THREAT.exec(sentence);
  if (threat) return threat[0];
  if (!SYMPTOM.test(sentence) && !MORE_SYMPTOM.test(sentence)) return undefined;
  return (PUTS_OFF_HELP.exec(sentence) ?? REFUSES_HELP.exec(sentence))?.[0];
}

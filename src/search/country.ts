/**
 * The country a question is asked from, and the country an entry's rules are: a GP in England who asks
 * "who sets the social media rules for me?" was given the US rules, because "I'm a GP in England" is
 * read as who is asking (an aside, weighing little) and the rest matched the US entry's phrasings.
 */

/** The countries whose rules the knowledge sets out. */
export type Country = "US" | "UK" | "Australia" | "Canada";

/** How each is named: abbreviations in capitals only ("us" is the pronoun), names and regulators in any case. */
const NAMES: readonly (readonly [Country, RegExp])[] = [
  ["US", /\b(?:US|U\.S\.|USA|U\.S\.A\.)\b|\b(?:united states|america|american|hipaa)\b/i],
  [
    "UK",
    /\b(?:UK|U\.K\.|NHS|GMC|NMC)\b|\b(?:united kingdom|britain|british|england|english|scotland|scottish|wales|welsh|northern ireland)\b/i,
  ],
  ["Australia", /\b(?:australia|australian|ahpra)\b/i],
  ["Canada", /\b(?:canada|canadian|ontario|quebec|alberta|cpso|cmpa)\b/i],
];

/** Abbreviations, matched as written: "US" is the country, "us" the pronoun. */
const CASED = /^(?:US|U\.S\.|USA|U\.S\.A\.|UK|U\.K\.|NHS|GMC|NMC)$/;

/** The one country `text` names, if it names exactly one. */
export function countryOf(text: string): Country | undefined {
  const named = NAMES.filter(([, pattern]) => {
    const m = new RegExp(pattern.source, "gi");
    for (let found = m.exec(text); found; found = m.exec(text)) {
      const word = found[0];
      // an abbreviation counts only in capitals
      if (!CASED.test(word.toUpperCase()) || CASED.test(word)) return true;
    }
    return false;
  });
  return named.length === 1 ? named[0]?.[0] : undefined;
}

/**
 * The country a question is asked from, and the country an entry's rules are: a GP in England who asks
 * "who sets the social media rules for me?" was given the US rules, because "I'm a GP in England" is
 * read as who is asking (an aside, weighing little) and the rest matched the US entry's phrasings.
 */

/** The countries whose rules the knowledge sets out. */
export type Country = "US" | "UK" | "Australia" | "Canada";

/** How each is named (global, for matchAll): abbreviations in capitals only ("us" is the pronoun), names and regulators in any case. */
const NAMES: readonly (readonly [Country, RegExp])[] = [
  [
    "US",
    /\b(?:US|USA)\b|(?<!\w)U\.S\.(?:A\.)?(?!\w)|\b(?:united states|hipaa)\b|(?<!\b(?:south|latin|central)\s)\bamerican?\b/gi,
  ],
  [
    "UK",
    /\b(?:UK|NHS|GMC|NMC)\b|(?<!\w)U\.K\.(?!\w)|\b(?:united kingdom|britain|scotland|scottish|northern ireland)\b|(?<!\bnew\s)\bengland\b|(?<!\bnew south\s)\bwales\b|\bbritish\b(?!\s+columbia)/gi,
  ],
  ["Australia", /\b(?:australia|australian|ahpra|new south wales)\b/gi],
  ["Canada", /\b(?:canada|canadian|ontario|quebec|alberta|british columbia|cpso|cmpa)\b/gi],
];

/** Abbreviations, matched as written: "US" is the country, "us" the pronoun. */
const CASED = /^(?:US|U\.S\.|USA|U\.S\.A\.|UK|U\.K\.|NHS|GMC|NMC)$/;

/** True when `pattern` finds the country in `text` (an abbreviation only in capitals). */
const finds = (text: string, pattern: RegExp) =>
  [...text.matchAll(pattern)].some(([word]) => !CASED.test(word.toUpperCase()) || CASED.test(word));

/** The one country `text` names, if it names exactly one. */
export function countryOf(text: string): Country | undefined {
  const named = NAMES.filter(([, pattern]) => finds(text, pattern));
  return named.length === 1 ? named[0]?.[0] : undefined;
}

/** True when `text` names the country, or a body of it (Ahpra, the GMC, HIPAA, the CMPA), among others. */
export function namesCountry(text: string, country: Country): boolean {
  return NAMES.some(([c, pattern]) => c === country && finds(text, pattern));
}

/** How a reply names a country's guidance: "Canadian guidance". */
export const COUNTRY_ADJECTIVE: Readonly<Record<Country, string>> = {
  US: "US",
  UK: "UK",
  Australia: "Australian",
  Canada: "Canadian",
};

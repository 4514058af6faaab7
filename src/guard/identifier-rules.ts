/**
 * The patterns the patient-data guard reads a question with (see identifiers.ts), one rule a kind of
 * HIPAA Safe Harbor identifier: what matches, what a match must not be, and what a text must hold for
 * the rule to be tried at all.
 */

import { PING_WORDS } from "../words/ping-words.js";
import {
  bareHandle,
  bareHandleNotOwn,
  HANDLE_MARK,
  HANDLE_PLATFORMS,
  ON_PLATFORM,
  ORGANISATION_HANDLE,
} from "./handles.js";
import type { IdentifierKind } from "./identifiers.js";
import { publicLink } from "./links.js";
import { NEVER_NAMES } from "./name-words.js";
import { askersOwn } from "./owner.js";

/** "@here", "@all": a word that notifies a channel, no one's handle. */
const PING_HANDLE = new RegExp(`^@(?:${PING_WORDS})$`, "i");

const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DAY = "(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?";
const NAME = "[A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+)?";
const US_STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC";
const STREET =
  "street|st|road|rd|avenue|ave|lane|ln|drive|close|court|ct|crescent|cres|boulevard|blvd|way|place|pl|terrace|tce|square|sq|gardens|grove|parade|highway|hwy|row|mews"
    .split("|")
    .flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)])
    .join("|");
/** One kind of identifier and the pattern that finds it. */
export interface Rule {
  readonly kind: IdentifierKind;
  readonly pattern: RegExp;
  /** The capture group that is the identifier itself (default: the whole match). */
  readonly group?: number;
  /** Rejects a match that only looks like an identifier. */
  readonly unless?: (match: RegExpExecArray, text: string) => boolean;
  /** The identifier's span when it follows the match rather than being it (a labelled number). */
  readonly after?: (rest: string) => number | undefined;
  /**
   * What a text must hold for the pattern to match at all (a digit, an "@"): a text without it is not
   * scanned. Most questions have no "@", many no digit, and a scan costs more than this test.
   */
  readonly needs?: RegExp;
}

const DIGIT = /\d/;
/** Two years, or two times of day, joined by a dash. */
const YEARS_OR_HOURS = /^(?:(?:19|20)\d\d\s?-\s?(?:19|20)?\d\d|[0-2]\d[0-5]\d\s?-\s?[0-2]\d[0-5]\d)$/;
/**
 * The value after a label such as "MRN" or "plate number": up to four tokens of capitals, digits and
 * hyphens ("00482913", "AB12 CDE", "XGH-448-2231"), with a digit somewhere and five characters at least.
 */
function labelledValue(rest: string): number | undefined {
  const m = /^[A-Z0-9][A-Z0-9-]*(?:[ ][A-Z0-9][A-Z0-9-]*){0,3}/.exec(rest);
  if (!m || !/\d/.test(m[0]) || m[0].replace(/[^A-Z0-9]/g, "").length < 5) return undefined;
  return m[0].length;
}

/** The patterns, most specific first: a later kind never takes a span an earlier one found. */
export const RULES: readonly Rule[] = [
  { kind: "email", pattern: /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}/g, needs: /@/ },
  // spelt out so that filters miss it: "jane at gmail dot com"
  {
    kind: "email",
    pattern:
      /\b[\w.+-]{1,64}\s?(?:\(at\)|\[at\]|\sat\s)\s?[\w-]{1,63}\s?(?:\(dot\)|\[dot\]|\sdot\s)\s?[a-z]{2,6}\b/gi,
    needs: /dot/i,
  },
  // A person mentioned in a Slack command, which Slack sends with their username: "<@U0123|mary.jones>"
  { kind: "handle", pattern: /<@[UW][A-Z0-9]{2,20}\|([^<>|]{1,80})>/g, group: 1, needs: /<@/ },
  // @handles, but not the broadcast words of Slack, Mattermost and Discord (PING_HANDLE), nor a
  // regulator's or professional body's
  {
    kind: "handle",
    pattern: /(?<![\w<@])@[A-Za-z0-9_][A-Za-z0-9_.]{2,29}\b/g,
    needs: /@/,
    unless: (m, text) => PING_HANDLE.test(m[0]) || ORGANISATION_HANDLE.test(m[0]) || askersOwn(m, text),
  },
  // a handle without its "@", given as one: "her insta is sarahj_99", "his tiktok handle is
  // mike.jones.22"; not the asker's own ("my username is nurse_kate") nor a regulator's ("gmc_uk")
  {
    kind: "handle",
    pattern: new RegExp(
      `\\b(?:handle|user\\s?name|${HANDLE_PLATFORMS})(?:\\s+(?:name|handle|account|id))?\\s+(?:is|was)\\s+`,
      "gi",
    ),
    after: bareHandle,
    needs: HANDLE_MARK,
    unless: bareHandleNotOwn,
  },
  // ... or as where someone posts: "he messaged me from tom_harris88 on twitter"
  {
    kind: "handle",
    pattern: /\b(?:from|by|user|account)\s+/gi,
    after: (rest) => {
      const length = bareHandle(rest);
      return length !== undefined && ON_PLATFORM.test(rest.slice(length)) ? length : undefined;
    },
    needs: HANDLE_MARK,
    unless: bareHandleNotOwn,
  },
  {
    kind: "url",
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>|]+/gi,
    unless: (m, text) => publicLink(m[0], text) || askersOwn(m, text),
  },
  {
    kind: "url",
    pattern:
      /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|org|net|uk|au|ca|us|io|me|ly|gl)\/[^\s<>|]*/gi,
    needs: /\//,
    unless: (m, text) => publicLink(m[0], text) || askersOwn(m, text),
  },
  {
    kind: "ip-address",
    pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g,
    needs: DIGIT,
  },
  { kind: "ip-address", pattern: /\b(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}\b/gi, needs: /:/ },
  // US Social Security numbers
  { kind: "id-number", pattern: /\b\d{3}-\d{2}-\d{4}\b/g, needs: DIGIT },
  // a labelled number: MRN, NHS or hospital number, insurance, Medicare, account, licence, plate, VIN...
  {
    kind: "id-number",
    pattern:
      /\b(?:mrn|medical record|record|hospital|nhs|chi|patient|chart|case|health card|ohip|medicare|medicaid|insurance|policy|member|subscriber|account|acct|claim|licen[cs]e|plate|registration|reg|vin|serial|device|ssn|social security|passport|id|urn|unit record)\s*(?:no\.?|number|num|#|id)?\s*(?:(?:is|was|=)\s+)?[:#]?\s*/gi,
    after: labelledValue,
    needs: DIGIT,
  },
  // a short record number after a word that can only mean one: "mrn 4471", "hosp no 1234"
  {
    kind: "id-number",
    pattern:
      /\b(?:m\.?r\.?n\.?|(?:medical |hospital |hosp\.? |unit |chart |case note |nhs |chi |patient |pt )(?:record )?(?:no\.?|number|num|#|id))\s*(?:(?:is|was)\s+)?[:#]?\s*([A-Z]{0,3}\d{3,}[A-Z]?)\b/gi,
    group: 1,
    needs: DIGIT,
  },
  // phone numbers: international, North American, UK and Australian shapes
  {
    kind: "phone",
    pattern: /(?:\+|\b00)\d{1,3}[\s.-]?(?:\(0?\d{1,4}\)|\d{1,4})(?:[\s.-]?\d{2,4}){2,4}\b/g,
    needs: DIGIT,
  },
  { kind: "phone", pattern: /(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g, needs: DIGIT },
  { kind: "phone", pattern: /\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g, needs: DIGIT },
  // vehicle identification numbers
  {
    kind: "id-number",
    pattern: /\b(?=[A-HJ-NPR-Z0-9]{0,16}\d)(?=[A-HJ-NPR-Z0-9]{0,16}[A-Z])[A-HJ-NPR-Z0-9]{17}\b/g,
    needs: DIGIT,
  },
  // dates: numeric with a year, ISO, or a day with a month name (with or without the year)
  {
    kind: "date",
    pattern: /\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2})\b/g,
    needs: DIGIT,
  },
  {
    kind: "date",
    pattern: /\b(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:\d{4}|\d{2})\b/g,
    needs: DIGIT,
  },
  { kind: "date", pattern: /\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g, needs: DIGIT },
  {
    kind: "date",
    pattern: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+(?:${MONTHS})\\.?(?:,?\\s+\\d{4})?\\b`, "gi"),
    unless: documentDate,
    needs: DIGIT,
  },
  {
    kind: "date",
    pattern: new RegExp(`\\b(?:${MONTHS})\\.?\\s+${DAY}\\b(?:,?\\s+\\d{4})?`, "gi"),
    unless: (m, text) => documentDate(m, text) || /^may\s/i.test(m[0]),
    needs: DIGIT,
  },
  // a date of birth given: "born 3/4", "DOB: 12.01.1980", "born on 5 May"; not "born here" or "DOB, address"
  {
    kind: "date",
    pattern:
      /\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\s*[:-]?\s*(?:\d[\d/.-]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/gi,
  },
  // a day and month without a year ("25/12") only after a word that dates an event: "24/7" stays
  // innocent, and so does UK shorthand for a count of nights or a fraction ("on 4/7 nights", "1/2 hourly obs")
  {
    kind: "date",
    pattern:
      /\b(?:admitted|discharged|seen|born|died|operated|delivered|attended|visited|on|since)\s+((?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2]))(?![/.\d])(?!\s*(?:nights?|days?|long days|shifts?|hourly|staffing|time|of)\b)/gi,
    group: 1,
    needs: DIGIT,
  },
  // ages over 89: "92 years old", "aged 94", "turned 97", and the notes' "92F"
  {
    kind: "age",
    pattern:
      /\b(?:9\d|1[01]\d)\s*(?:-|\s)?(?:years?|yrs?|y\.?o\.?|y\/o)(?:[\s-]*old)?\b|\b(?:aged?|turn(?:ed|ing|s))\s+(?:9\d|1[01]\d)\b|\b(?:9\d|1[01]\d)\s?[mf]\b/gi,
    needs: DIGIT,
  },
  // street addresses and postcodes
  {
    kind: "address",
    pattern: new RegExp(`\\b\\d{1,5}[A-Za-z]?,?\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:${STREET})\\b\\.?`, "g"),
    needs: DIGIT,
  },
  // in any case ("12 high street"), unless a word between says it is a count ("a 5 minute drive")
  {
    kind: "address",
    pattern: new RegExp(`\\b\\d{1,5}[a-z]?,?\\s+(?:[a-z'’-]+\\s+){1,3}(?:${STREET})\\b\\.?`, "gi"),
    unless: (m) =>
      m[0]
        .split(/[\s,]+/)
        .slice(1, -1)
        .some((w) => NOT_STREET_WORDS.has(w.toLowerCase())),
    needs: DIGIT,
  },
  { kind: "postcode", pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g, needs: DIGIT },
  {
    kind: "postcode",
    pattern: /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b/g,
    needs: DIGIT,
  },
  {
    kind: "postcode",
    pattern: new RegExp(`\\b(?:${US_STATES})\\s+\\d{5}(?:-\\d{4})?\\b`, "g"),
    needs: DIGIT,
  },
  { kind: "postcode", pattern: /\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT)\s+\d{4}\b/g, needs: DIGIT },
  {
    kind: "postcode",
    pattern:
      /\b(?:zip|zip code|postcode|post code|postal code)\s*[:#]?\s*(?=[A-Z0-9]{0,4}\d)[A-Z0-9]{3,5}(?:[\s-][A-Z0-9]{3,4})?\b/gi,
    needs: DIGIT,
  },
  // "Dave, 52," or "Dave (52)": a name with an age
  {
    kind: "name",
    pattern: new RegExp(
      `\\b(${NAME})(?:,\\s*\\d{1,3}\\s*(?:yo|y\\/o|[MF])?,|\\s*\\(\\d{1,3}\\s*(?:yo|y\\/o|[MF])?\\))`,
      "g",
    ),
    group: 1,
    unless: (m) => NEVER_NAMES.has((m[1] ?? "").split(/\s+/)[0]?.toLowerCase() ?? ""),
    needs: DIGIT,
  },
  {
    kind: "name",
    pattern: new RegExp(
      `\\b(${NAME}),?\\s+(?:aged\\s+)?\\d{1,3}(?:\\s*(?:yo|y\\/o|years? old|[MF]))?,?\\s+(?:was|is|came|presented|admitted|with|who)\\b`,
      "g",
    ),
    group: 1,
    unless: (m) => NEVER_NAMES.has((m[1] ?? "").split(/\s+/)[0]?.toLowerCase() ?? ""),
    needs: DIGIT,
  },
  // any other long number, last so that a more specific kind wins: 7 or more digits, possibly grouped
  // (but not a span of years or a shift's hours: "our 2023-2024 audit", "on 0700-1930")
  {
    kind: "id-number",
    pattern: /\b\d(?:[\s-]?\d){6,}\b/g,
    unless: (m) => YEARS_OR_HOURS.test(m[0]),
    needs: DIGIT,
  },
];

/** A date of a document ("guidance in effect from 30 January 2024") is not a patient's date. */
function documentDate(m: RegExpExecArray, text: string): boolean {
  const around = text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40).toLowerCase();
  return /\b(guidance|guideline|policy|statement|published|in effect|came into force|updated|code|standard|opinion|version|edition)\b/.test(
    around,
  );
}

/** Words between a number and a street word that make it a count, not an address ("5 minute drive"). */
const NOT_STREET_WORDS = new Set(
  "a an the of to in on at for from with by and or my our your his her their this that is are was be it per each every more less than times time minute minutes min mins hour hours hr hrs day days week weeks month months year years second seconds mile miles km metres meters step steps tip tips way ways thing things reason reasons people patients followers post posts likes videos reels best top easy simple quick good great bad big small first last next other hard tb gb".split(
    " ",
  ),
);

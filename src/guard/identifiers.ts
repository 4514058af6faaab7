/**
 * Finds likely patient identifiers in a question before anything else reads it, following the
 * HIPAA Safe Harbor list (45 CFR 164.514(b)): names tied to a patient, dates more precise than a
 * year, ages over 89, phone and fax numbers, email addresses, record, account, insurance and other
 * ID numbers, street addresses and postcodes, URLs and IP addresses, vehicle and device identifiers.
 * It errs towards flagging: a false alarm costs a sentence, a miss can cost a patient's privacy.
 * Names are found in names.ts. The asker's own handle or page, and links to guidance, papers and
 * news, are not flagged.
 */

import { RULES } from "./identifier-rules.js";
import { isListedName } from "./lexicon.js";
import { findNames } from "./names.js";

export type IdentifierKind =
  | "name"
  | "date"
  | "age"
  | "phone"
  | "email"
  | "id-number"
  | "address"
  | "postcode"
  | "url"
  | "ip-address"
  | "handle";

/** How each kind is named to the user. */
export const IDENTIFIER_LABELS: Readonly<Record<IdentifierKind, string>> = {
  name: "a patient's name",
  date: "a date more precise than a year",
  age: "an age over 89",
  phone: "a phone or fax number",
  email: "an email address",
  "id-number": "a record, account, insurance or other ID number",
  address: "a street address",
  postcode: "a postcode or ZIP code",
  url: "a web address",
  "ip-address": "an IP address",
  handle: "a social media handle",
};

export interface Finding {
  readonly kind: IdentifierKind;
  readonly start: number;
  readonly end: number;
}

/**
 * How much of a message's beginning, and of its end, the guard reads: far more than the bot ever keeps
 * or matches (a long question's beginning and end: see cutQuestion), while keeping the time per
 * message bounded whatever is pasted in.
 */
export const GUARD_SCAN_CHARS = 5_000;

/**
 * Characters that show nothing (category Cf: the soft hyphen, zero-width space and joiners, direction
 * marks), and the combining grapheme joiner.
 */
const SHOWS_NOTHING = /\p{Cf}|\u034f/gu;
/** Decimal digits of other scripts (Arabic-Indic, Devanagari...), which the rules' \d does not read. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;

/**
 * The text as the guard must also read it, or undefined when that is the text itself: compatibility
 * forms folded (NFKC: full-width "０７７００" is "07700", a full-width "＠" is "@"), other scripts'
 * digits read as 0-9, and what shows nothing taken out, so that a soft hyphen or a zero-width joiner
 * inside a name or a number hides neither. The rules read ASCII digits and plain letters, and these
 * let a phone number or a name through unflagged, to be stored (security review).
 */
export function foldedForGuard(text: string): string | undefined {
  if (!/\P{ASCII}/u.test(text)) return undefined;
  const folded = text.normalize("NFKC").replace(SHOWS_NOTHING, "").replace(OTHER_DIGIT, asciiDigit);
  return folded === text ? undefined : folded;
}

/**
 * The reading the guard holds for, and its findings: `text` as it is, or folded (foldedForGuard, of
 * `raw` when the text was already cleaned of what shows nothing) where that finds more. Only then is
 * the folded form what is read, shown and kept: folding an ordinary question would change it (a
 * Persian word without its joiner, an emoji split in two).
 */
export function guardReading(text: string, raw: string = text): { text: string; findings: Finding[] } {
  const findings = findIdentifiers(text);
  const folded = foldedForGuard(raw);
  if (folded !== undefined) {
    const hidden = findIdentifiers(folded);
    if (hidden.length > findings.length) return { text: folded, findings: hidden };
  }
  return { text, findings };
}

/** The text with what the guard finds in its reading (see guardReading) replaced by its kind: safe to keep. */
export function redactReading(text: string): string {
  const reading = guardReading(text);
  return redact(reading.text, reading.findings);
}

/**
 * A decimal digit of any script as 0-9: Unicode keeps each script's digits in runs of ten from zero,
 * some runs next to each other, so the digit's value is its distance from where its runs begin, mod 10.
 */
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return String((code - start) % 10);
}

/**
 * Every likely identifier in `full`, earliest first, overlaps merged: in all of it when it is at most
 * twice GUARD_SCAN_CHARS long, else in its first and last GUARD_SCAN_CHARS (the engine reads a long
 * question's end, where it asks, as well as its beginning).
 */
export function findIdentifiers(full: string): Finding[] {
  if (full.length <= 2 * GUARD_SCAN_CHARS) return findIn(full);
  const tail = full.length - GUARD_SCAN_CHARS;
  const shifted = findIn(full.slice(tail)).map((f) => ({ ...f, start: f.start + tail, end: f.end + tail }));
  return [...findIn(full.slice(0, GUARD_SCAN_CHARS)), ...shifted];
}

function findIn(text: string): Finding[] {
  const found: Finding[] = [];
  const exempt: Finding[] = [];
  for (const rule of RULES) {
    if (rule.needs && !rule.needs.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      if (rule.unless?.(m, text)) {
        // what lies inside a public or the asker's own link (a date in a news path) is not flagged either
        if (rule.kind === "url") exempt.push({ kind: "url", start: m.index, end: m.index + m[0].length });
        continue;
      }
      if (rule.after) {
        const start = m.index + m[0].length;
        const length = rule.after(text.slice(start));
        if (length !== undefined) found.push({ kind: rule.kind, start, end: start + length });
        continue;
      }
      const part = rule.group ? (m[rule.group] ?? m[0]) : m[0];
      const start = m.index + m[0].indexOf(part);
      found.push({ kind: rule.kind, start, end: start + part.length });
    }
  }
  found.push(...findNames(text));
  const kept = found.filter((f) => !exempt.some((e) => f.start >= e.start && f.end <= e.end));
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Finding[] = [];
  for (const f of kept) {
    const last = merged.at(-1);
    if (last && f.start < last.end) {
      if (f.end > last.end) merged[merged.length - 1] = { ...last, end: f.end };
      continue;
    }
    merged.push(f);
  }
  return merged;
}

/** The text with each finding replaced by its kind in brackets: safe to match, count or store. */
export function redact(text: string, findings: readonly Finding[] = findIdentifiers(text)): string {
  return replaceSpans(text, findings, (f) => `[${f.kind}]`);
}

/**
 * The text with each finding's span replaced (findings in order, not overlapping); a span past the
 * text's end (the guard reads further than the engine does) is left out.
 */
export function replaceSpans(
  text: string,
  findings: readonly Finding[],
  by: (finding: Finding) => string,
): string {
  let out = "";
  let at = 0;
  for (const f of findings) {
    if (f.start >= text.length) break;
    out += `${text.slice(at, f.start)}${by(f)}`;
    at = Math.min(f.end, text.length);
  }
  return out + text.slice(at);
}

/**
 * What is kept of the findings in a question read as another language: any identifier, but a name only
 * when its words are all listed as names ("maria garcía"), or one of them is, capitalised ("mi paciente
 * Maria Garcia"). The name readers take another language's words for names ("aceptar una solicitud de
 * amistad", "un paciente"), and such a question is neither answered nor kept, so a wrong warning was
 * all it got. An English question misread as another language keeps the names it holds.
 */
export function inAnotherLanguage(text: string, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => {
    if (f.kind !== "name") return true;
    const words = text.slice(f.start, f.end).match(/\p{L}+/gu) ?? [];
    const listed = (w: string) => isListedName(w.toLowerCase());
    return words.every(listed) || words.some((w) => /^\p{Lu}\p{Ll}/u.test(w) && listed(w));
  });
}

import { type Finding, replaceSpans } from "./identifiers.js";
import { isDictionaryWord, isKnownWord, isListedName, isOrdinaryWord } from "./lexicon.js";
import { COMMA_GAP } from "./name-patterns.js";
import { capital, SPACES, strong } from "./name-signs.js";
import { type Token, tokenise } from "./name-tokens.js";
import { COLLEAGUE_ROLES, INSTITUTIONS, ORGANISATION_WORDS, PARTICLES } from "./name-words.js";

/**
 * People's names in a question that is about to be kept (an unanswered question for the moderators'
 * report, a candidate phrasing that `learn` may write into the knowledge): a colleague, a doctor or a
 * relative named, who is no patient and so not the guard's. The bot promises that what it keeps has
 * anything identifying removed, and "Dr Ahmed Khan at St Mary's posted about my mum" was kept whole.
 *
 * - after a title, up to three name words, initials before them: "Dr Ahmed Khan", "dr a. khan",
 *   "Nurse Emily", "Mrs van der Berg";
 * - after a role, a sign-off or a greeting: "my colleague Priya", "my consultant, Sarah,", "Thanks Emily";
 * - two capitalised words that are both listed names: "Oliver Bennett" (not "Nova Scotia", "Alder Hey").
 *
 * A name word is a listed name that is no everyday word, or a capitalised listed name or word English
 * does not know ("Grace", "Priya"). After a title it may be in any case, as stored questions are lower
 * case and are read again later ("dr ahmed khan"); after a role, a word in lower case must be a listed
 * name that is no word of the dictionary ("my colleague sarah"; "consultant general surgeon", "my
 * manager states" keep their words, and so does "my colleague john", which the dictionary holds).
 */
export function withoutPeopleNames(text: string): string {
  const tokens = tokenise(text);
  const spans: Finding[] = [];
  const take = (from: number, to: number) => {
    const a = tokens[from];
    const b = tokens[to];
    if (a && b) spans.push({ kind: "name", start: a.start, end: b.end });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const lead = leadOf(t);
    if (lead) {
      const last = namedAfter(tokens, i, lead);
      if (last > i) {
        take(i + 1, last);
        i = last;
        continue;
      }
    }
    const n = tokens[i + 1];
    if (n && pairOfNames(t, n)) {
      take(i, i + 1);
      i++;
    }
  }
  return replaceSpans(text, spans, () => "[name]");
}

/** Titles written short, which may take a full stop: "Dr. Khan". */
const SHORT_TITLES = new Set(["dr", "mr", "mrs", "ms", "mx", "prof"]);
/** Titles written in full, which never do: "I'm a Nurse. Can I..." has no name after it. */
const FULL_TITLES = new Set(["doctor", "nurse", "sister", "matron", "professor", "miss", "sir", "dame"]);
/** Roles and relations a name follows: "my colleague Priya", "her boyfriend Tom". */
const ROLES = new Set([
  ...COLLEAGUE_ROLES,
  ...`receptionist physio attending resident midwife gp boyfriend girlfriend neighbour neighbor mum mom
    dad son daughter brother fiance fiancee`.split(/\s+/),
]);
/** Words a name follows in a greeting or a sign-off: "Thanks Emily", "Hi Priya". */
const SIGN_OFFS = new Set(["thanks", "cheers", "regards", "hi", "hello", "dear"]);

type Lead = "short-title" | "title" | "role" | "sign-off";

function leadOf(t: Token): Lead | undefined {
  // "her neighbour's gran": whose, not a name after the role
  if (t.possessive) return undefined;
  if (SHORT_TITLES.has(t.lower)) return "short-title";
  if (FULL_TITLES.has(t.lower)) return "title";
  if (ROLES.has(t.lower)) return "role";
  return SIGN_OFFS.has(t.lower) ? "sign-off" : undefined;
}

/** What may stand between a title written short and a name ("Dr. Khan"), or between two initials. */
const NAME_GAP = /^\.?\s+$/;
/** ... and between a role or a greeting and a name: "my colleague Priya", "my colleague, Sarah,". */
const ROLE_GAP = new RegExp(`${SPACES.source}|${COMMA_GAP.source}`);

/** The last token of the name after the lead at `i`, or `i` when none follows it. */
function namedAfter(tokens: readonly Token[], i: number, lead: Lead): number {
  const titled = lead === "short-title" || lead === "title";
  const opening = lead === "short-title" ? NAME_GAP : lead === "title" ? SPACES : ROLE_GAP;
  let k = i + 1;
  if (!tokens[k] || !opening.test((tokens[k] as Token).gap)) return i;
  // initials after a title: "Dr A Khan", "Dr. S. Okafor", or alone, "Dr K"
  if (titled) while (initial(tokens[k]) && (k === i + 1 || NAME_GAP.test((tokens[k] as Token).gap))) k++;
  let last = k > i + 1 ? k - 1 : i;
  // a title's name is up to three words, a role's or a greeting's a given name and perhaps a surname
  const most = titled ? 3 : 2;
  for (let words = 0; words < most && tokens[k]; k++) {
    const w = tokens[k] as Token;
    if (k > i + 1 && !(k === last + 1 && NAME_GAP.test(w.gap))) break;
    // "Mrs van der Berg", "Mr de la Cruz": particles count with a name after them
    let after = k;
    while (PARTICLES.has((tokens[after] as Token).lower) && NAME_GAP.test(tokens[after + 1]?.gap ?? ""))
      after++;
    if (after > k && nameWord(tokens[after] as Token, lead)) {
      last = after - 1;
      k = after - 1;
      continue;
    }
    if (!nameWord(w, lead)) break;
    if (!titled && k === i + 1 && COMMA_GAP.test(w.gap) && !strong(w)) break;
    // after a role or a greeting, a second word only as a capitalised surname ("my colleague Priya posted")
    if (words > 0 && !titled && !(w.capitalised && strong(w))) break;
    last = k;
    words++;
  }
  return last;
}

/** A single letter, as an initial: "A", "s". */
const initial = (t: Token | undefined) =>
  t !== undefined &&
  t.lower.length === 1 &&
  // "As a nurse I have a question": the pronoun
  t.lower !== "i" &&
  /\p{L}/u.test(t.lower) &&
  (t.capitalised || t.upper || !t.blocked);

/** A word of a name after a lead (see withoutPeopleNames); after a greeting, only a capitalised one ("Hi everyone" is none). */
function nameWord(t: Token, lead: Lead): boolean {
  // "On", "A": a word of two letters is no name word here (initials are read before)
  if (t.blocked || t.lower.length < 3) return false;
  if (lead === "sign-off") return t.capitalised && (strong(t) || (capital(t) && !isOrdinaryWord(t.lower)));
  // after a role, a word in lower case only when it is a listed name that no dictionary holds ("my
  // colleague sarah"; not "consultant general surgeon", "my son will", "my manager states", "my gp well")
  if (lead === "role" && !t.capitalised && !t.upper) return strong(t) && !isDictionaryWord(t.lower);
  // after a short title, a word English does not know in any case: stored questions are lower case, and
  // hyphenated or unlisted surnames ("mrs smith-jones", "dr al-hassan", "mr obrien") were kept; not
  // after "nurse" or "doctor", which begin compounds ("nurse injector", "doctor influencer")
  return strong(t) || capital(t) || (t.capitalised || lead === "short-title" ? !isKnownWord(t.lower) : false);
}

/** Two capitalised words that are both listed names, and no institution's: "Emily Clarke". */
function pairOfNames(a: Token, b: Token | undefined): boolean {
  if (!b || !SPACES.test(b.gap) || a.possessive) return false;
  // the first a listed name by its capital too ("Mark Taylor", "Grace Hopper"; not first in a sentence)
  const first = (strong(a) || capital(a)) && isListedName(a.lower);
  if (!a.capitalised || !b.capitalised || !first || !isListedName(b.lower) || b.blocked) return false;
  return !INSTITUTIONS.has(`${a.lower}-${b.lower}`) && !ORGANISATION_WORDS.has(b.lower);
}

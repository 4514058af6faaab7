/**
 * Whom a pronoun in a contact stands for, for the counterpart reading (see counterpart.ts): "One of my
 * patients is lovely. She added me on Facebook", "my consultant is great and he sent me a friend
 * request", "a mum on my caseload only answers WhatsApp: can I message her there?". A pronoun stands
 * for the last one named before it, in its clause or in the clauses before, who can be it: one person
 * for "he" or "she" (not a husband for "she", nor a colleague once "she" stood for her); for "they",
 * anyone, but the several named before over one person not said to be one, and things only when they
 * are sent on or shared ("share them", "WhatsApp them to my husband"). When that is someone who is
 * none of the counterparts (the asker's own sister, a journalist, a GP) or a thing, the pronoun stands
 * for no one in touch. Not who a pronoun stands for: a person named only as the owner of a thing ("a
 * patient's wound"), or a role that describes someone named ("my patient is a nurse", "I'm a GP").
 */
import type { Counterpart } from "./counterpart.js";
import {
  ARTICLE,
  DESCRIBING,
  isPerson,
  MEN,
  OTHER_PEOPLE,
  RELATIVE,
  THING_VERBS,
  THINGS,
  WOMEN,
} from "./counterpart-words.js";

/** The pronouns that may be the one in touch, the subject ("she added me") or the object ("texting him"). */
const PRONOUNS: ReadonlyMap<string, { readonly plural?: boolean; readonly sex?: "f" | "m" }> = new Map([
  ["he", { plural: false, sex: "m" }],
  ["him", { plural: false, sex: "m" }],
  ["she", { plural: false, sex: "f" }],
  ["her", { plural: false, sex: "f" }],
  // "they" may be one person ("a patient messaged me and they...") or several
  ["they", {}],
  ["them", {}],
]);
/** Plurals that do not end in "s". */
const PLURAL_WORDS: ReadonlySet<string> = new Set([
  "children",
  "grandchildren",
  "grandkids",
  "people",
  "staff",
  "men",
  "women",
]);
/**
 * After "her", the words that leave it the object ("message her there", "added her on Facebook");
 * before anything else it says whose ("her husband", "her post").
 */
const AFTER_OBJECT: ReadonlySet<string> = new Set(
  "there here back on about a an the my to for at in into from with via through over after before when while instead directly privately again yet first now today tonight later anyway though or and but so if as because too then".split(
    " ",
  ),
);

/** The words that may name someone who is no counterpart, or things (see namedIn). */
const ANTECEDENTS: ReadonlySet<string> = new Set([...OTHER_PEOPLE, ...THINGS, ...RELATIVE]);

/** Where each kind of person is named in a clause, as [start, end) word indices. */
type People = Map<Counterpart, [number, number][]>;

/** Someone or something named in the text, as a pronoun may stand for them. */
export interface Named {
  /** The counterpart, or undefined for anyone or anything else (see OTHER_PEOPLE, THINGS). */
  readonly kind?: Counterpart;
  readonly plural: boolean;
  /** From the word ("husband"), or set by the first pronoun that stood for them ("a colleague said she"). */
  sex?: "f" | "m";
  /** A thing, not a person (see THINGS). */
  readonly thing?: boolean;
  /** Said to be one ("one of my patients"): "they" may stand for them even after several were named. */
  readonly one?: boolean;
  /** Where in its clause the naming ends. */
  readonly end: number;
}

/** Whether a recipient follows at `i` ("... them to my husband"), not a purpose ("text them to say thanks"). */
function sentTo(base: readonly string[], i: number): boolean {
  const next = base[i + 1] ?? "";
  return base[i] === "to" && (ARTICLE.has(next) || isPerson(next));
}

/** Whether the word at `i` describes someone already named ("my patient is a retired nurse", "I'm a GP"). */
function describing(base: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) if (DESCRIBING.has(base[k] ?? "")) return true;
  return false;
}

/** Whether "one of" comes in the four words before `start` ("one of my diabetic patients" is one person). */
function oneOf(base: readonly string[], start: number): boolean {
  for (let k = Math.max(0, start - 4); k < start - 1; k++)
    if (base[k] === "one" && base[k + 1] === "of") return true;
  return false;
}

function namedAs(kind: Counterpart | undefined, head: string, end: number, one: boolean): Named {
  const plural = !one && (PLURAL_WORDS.has(head) || (head.endsWith("s") && !head.endsWith("ss")));
  const sex = WOMEN.has(head) ? "f" : MEN.has(head) ? "m" : undefined;
  const thing = THINGS.has(head);
  return {
    ...(kind ? { kind } : {}),
    plural,
    ...(sex ? { sex } : {}),
    ...(thing ? { thing } : {}),
    ...(one ? { one } : {}),
    end,
  };
}

/**
 * Everyone and everything a clause names that a pronoun may stand for, in order: the counterparts in
 * `people` (not one named only as the owner of a thing), and anyone or anything else.
 */
export function namedIn(said: readonly string[], base: readonly string[], people: People): Named[] {
  const named: Named[] = [];
  // Where the counterparts' namings start and which words they cover: most clauses name none.
  let covered: boolean[] | undefined;
  let starts: Set<number> | undefined;
  for (const spans of people.values())
    for (const [start, end] of spans) {
      covered ??= [];
      starts ??= new Set();
      starts.add(start);
      for (let k = start; k < end; k++) covered[k] = true;
    }
  for (const [kind, spans] of people)
    for (const [start, end] of spans) {
      const owns = end < base.length && /'s?$/.test(said[end - 1] ?? "") && !starts?.has(end);
      if (owns) continue;
      // "the daughter of one of my patients" is the daughter
      const head = RELATIVE.has(base[start] ?? "") ? (base[start] ?? "") : (base[end - 1] ?? "");
      named.push(namedAs(kind, head, end, oneOf(base, start)));
    }
  for (let i = 0; i < base.length; i++) {
    const word = base[i] ?? "";
    if (!ANTECEDENTS.has(word) || covered?.[i] || describing(base, i)) continue;
    named.push(namedAs(undefined, word, i + 1, oneOf(base, i)));
  }
  return named.length > 1 ? named.sort((a, b) => a.end - b.end) : named;
}

/** The last of `named` before word `before` (all when undefined) that `fits`. */
function lastFitting(
  named: readonly Named[],
  fits: (n: Named) => boolean,
  before = Number.POSITIVE_INFINITY,
) {
  for (let k = named.length - 1; k >= 0; k--) {
    const n = named[k] as Named;
    if (n.end <= before && fits(n)) return n;
  }
  return undefined;
}

/**
 * Adds to `people` each pronoun of the clause that stands for a counterpart, as that counterpart: the
 * last one named before it who can be it, in the clause (`here`) or in the clauses before (`before`).
 * A person's sex, once a pronoun has stood for them, is recorded on their `Named`.
 */
export function withPronouns(
  base: readonly string[],
  people: People,
  here: readonly Named[],
  before: readonly Named[],
): void {
  base.forEach((word, i) => {
    const pronoun = PRONOUNS.get(word);
    if (!pronoun) return;
    if (word === "her" && i + 1 < base.length && !AFTER_OBJECT.has(base[i + 1] ?? "")) return;
    // "they" added me is someone; "them" may be the things just named when sent or shared ("share them")
    const things = word === "them" && (THING_VERBS.has(base[i - 1] ?? "") || sentTo(base, i + 1));
    const fits = (n: Named) =>
      (pronoun.plural === undefined || n.plural === pronoun.plural) &&
      (!n.sex || !pronoun.sex || n.sex === pronoun.sex) &&
      (things || !n.thing);
    let named = lastFitting(here, fits, i) ?? lastFitting(before, fits);
    // "my colleagues said a patient had complained: can I message them?" is the colleagues
    if (pronoun.plural === undefined && named && !named.plural && !named.one) {
      const several = (n: Named) => fits(n) && n.plural;
      named = lastFitting(here, several, i) ?? lastFitting(before, several) ?? named;
    }
    if (!named) return;
    named.sex ??= pronoun.sex;
    if (named.kind) people.get(named.kind)?.push([i, i + 1]);
  });
}

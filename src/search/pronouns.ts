/**
 * Whom a pronoun in a contact stands for, for the counterpart reading (see counterpart.ts): "One of my
 * patients is lovely. She added me on Facebook", "my consultant is great and he sent me a friend
 * request", "a mum on my caseload only answers WhatsApp: can I message her there?". A pronoun stands
 * for the last person named before it, in its clause or in the clauses before, who can be it: one
 * person for "she", several for "they", not a husband for "she", nor a colleague once "she" stood for
 * her. The asker's own people ("my mum"), anyone not named as a patient, a relative or a colleague,
 * and a person named only as the owner of a thing ("a patient's wound") stand for no one.
 */
import type { Counterpart } from "./counterpart.js";

/** Pronouns that may be the one in touch, the subject ("she added me") or the object ("texting him"). */
const PRONOUNS: ReadonlyMap<string, { readonly plural: boolean; readonly sex?: "f" | "m" }> = new Map([
  ["he", { plural: false, sex: "m" }],
  ["him", { plural: false, sex: "m" }],
  ["she", { plural: false, sex: "f" }],
  ["her", { plural: false, sex: "f" }],
  ["they", { plural: true }],
  ["them", { plural: true }],
]);
/** Plurals that do not end in "s". */
const PLURAL_WORDS: ReadonlySet<string> = new Set([
  "children",
  "grandchildren",
  "grandkids",
  "people",
  "staff",
]);
const words = (list: string) => new Set(list.split(" "));
/** People words that say the person is a woman, or a man. */
const WOMEN = words(
  "mum mom mam mammy mother daughter wife sister granddaughter grandmother grandma nan nana nanna gran granny niece aunt auntie stepmum stepmom stepdaughter mother-in-law daughter-in-law sister-in-law stepmother stepsister fiancee fiancée widow girl matron",
);
const MEN = words(
  "dad father son husband brother grandson grandfather grandpa grandad granddad nephew uncle stepdad stepson father-in-law son-in-law brother-in-law stepfather stepbrother fiance fiancé widower boy",
);
/**
 * After "her", the words that leave it the object ("message her there", "added her on Facebook");
 * before anything else it says whose ("her husband", "her post").
 */
const AFTER_OBJECT = words(
  "there here back on about a an the my to for at in into from with via through over after before when while instead directly privately again yet first now today tonight later anyway though or and but so if as because too then",
);

/** Where each kind of person is named in a clause, as [start, end) word indices. */
type People = Map<Counterpart, [number, number][]>;

/** A person named in the text, as a pronoun may stand for them. */
export interface Named {
  readonly kind: Counterpart;
  readonly plural: boolean;
  /** From the word ("husband"), or from the first pronoun that stood for them ("a colleague said she"). */
  sex?: "f" | "m";
  /** Where in its clause the naming ends. */
  readonly end: number;
}

/**
 * The people a clause names, in order, as pronouns may stand for them: not one named only as the
 * owner of a thing ("a patient's wound", "the pt's leg ulcer").
 */
export function namedIn(said: readonly string[], base: readonly string[], people: People): Named[] {
  const named: Named[] = [];
  for (const [kind, spans] of people)
    for (const [start, end] of spans) {
      const head = base[end - 1] ?? "";
      const owns = /'s?$/.test(said[end - 1] ?? "") && end < base.length;
      if (owns && !startsPerson(people, end)) continue;
      // "one of my patients" is one person
      const one = base
        .slice(Math.max(0, start - 4), start)
        .join(" ")
        .includes("one of");
      const plural = !one && (PLURAL_WORDS.has(head) || (head.endsWith("s") && !head.endsWith("ss")));
      const sex = WOMEN.has(head) ? "f" : MEN.has(head) ? "m" : undefined;
      named.push({ kind, plural, ...(sex ? { sex } : {}), end });
    }
  return named.sort((a, b) => a.end - b.end);
}

/** Whether word `at` begins a person's naming in the clause. */
function startsPerson(people: People, at: number): boolean {
  for (const spans of people.values()) if (spans.some(([start]) => start === at)) return true;
  return false;
}

/**
 * The clause's people with each pronoun added as the person it stands for: the last one named before
 * it who can be it, in the clause or in `before` (those named in the clauses before, in order).
 */
export function withPronouns(
  base: readonly string[],
  people: People,
  here: readonly Named[],
  before: readonly Named[],
): People {
  const referred: [Counterpart, number][] = [];
  base.forEach((word, i) => {
    const pronoun = PRONOUNS.get(word);
    if (!pronoun) return;
    if (word === "her" && i + 1 < base.length && !AFTER_OBJECT.has(base[i + 1] ?? "")) return;
    const fits = (n: Named) =>
      n.plural === pronoun.plural && (!n.sex || !pronoun.sex || n.sex === pronoun.sex);
    let named: Named | undefined;
    for (const n of [...before, ...here.filter((h) => h.end <= i)]) if (fits(n)) named = n;
    if (!named) return;
    named.sex ??= pronoun.sex;
    referred.push([named.kind, i]);
  });
  for (const [kind, i] of referred) people.get(kind)?.push([i, i + 1]);
  return people;
}

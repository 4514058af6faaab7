/**
 * Phrasal verbs whose synonym term may be split by its object ("look him up", "take the post down"),
 * read by the analyser (see analyse.ts) as the term and then the object.
 */
import type { Word } from "./analyse.js";
import { ARTICLE, isPerson } from "./counterpart-words.js";

/** The particles a phrasal verb may leave behind its object: "look him up", "take the post down". */
export const PARTICLES: ReadonlySet<string> = new Set(["up", "down", "out", "off"]);
/**
 * The verbs whose synonym phrase may be split by its object: looking someone up, taking a post down,
 * calling or slagging someone off or out, striking someone off, blurring a name out, cleaning a profile
 * up. Not "written up" (written the patient up as a case report) or "made up" (made my mind up).
 */
export const SEPARABLE_VERBS: ReadonlySet<string> = new Set(
  "look looks looked looking take takes took taken taking call calls called calling slag slags slagged slagging strike strikes struck striking blur blurs blurred blurring clean cleans cleaned cleaning".split(
    " ",
  ),
);
/** The forms of "take": what is taken down is a thing, not a person. */
const TAKING: ReadonlySet<string> = new Set(["take", "takes", "took", "taken", "taking"]);
/** Pronouns for people. */
const PEOPLE_PRONOUNS: ReadonlySet<string> = new Set(
  "me him her us you someone somebody anyone anybody everyone everybody people".split(" "),
);
/** A one-word object that may stand between a verb and its particle: a pronoun, or a person. */
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set([
  ...PEOPLE_PRONOUNS,
  ..."them it this that these those".split(" "),
]);
/** The first of a two-word object ("the post", "my patients", "these photos"). */
const OBJECT_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLE, "these", "those"]);

/**
 * A phrasal verb with its object between verb and particle, read as the synonym term and then the
 * object: "look him up" as "look up him", "took the post down" as "took down the post". The object is a
 * pronoun, a person ("look patients up") or a determiner and a word; anything else between them is
 * not an object ("look stuck up" is not looking anyone up).
 */
export function splitPhrase(
  words: readonly Word[],
  i: number,
  particles: ReadonlySet<string> | undefined,
  phrases: ReadonlyMap<string, readonly string[]>,
): { read: Word[]; length: number } | undefined {
  if (!particles) return undefined;
  const verb = words[i] as Word;
  const next = words[i + 1]?.word ?? "";
  // One word ("take this down", "look him up"), else a determiner and a word ("take her photo down").
  const one = (OBJECT_PRONOUNS.has(next) || isPerson(next)) && particles.has(words[i + 2]?.word ?? "");
  const two = !one && OBJECT_DETERMINERS.has(next) && particles.has(words[i + 3]?.word ?? "");
  if (!one && !two) return undefined;
  // What is taken down is a post, not a person taken down to theatre
  const head = (words[i + (one ? 1 : 2)] as Word).word;
  if (TAKING.has(verb.word) && (isPerson(head) || PEOPLE_PRONOUNS.has(head))) return undefined;
  const size = one ? 1 : 2;
  const particle = (words[i + 1 + size] as Word).word;
  const canonical = phrases.get(`${verb.word} ${particle}`) ?? [];
  const credit = Math.min(verb.credit, (words[i + 1 + size] as Word).credit);
  return {
    read: [...canonical.map((word) => ({ word, credit })), ...words.slice(i + 1, i + 1 + size)],
    length: size + 2,
  };
}

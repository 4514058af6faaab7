/**
 * A text's clauses for the counterpart reading (see counterpart.ts): its lowercase words, split at
 * punctuation, with the clauses of caring for, working beside or supervising someone read as the
 * person, asides in brackets that name no one left out, and an aside after someone named joined up.
 */
import {
  ANOTHER_ROLE,
  CARED_AS,
  CARED_FOR_CLAUSE,
  MOTHER_CARED_FOR,
  ON_CASELOAD,
  ON_MY_TEAM,
  SUPERVISED_CLAUSE,
  WORKS_WITH_CLAUSE,
} from "./care-clauses.js";
import { CONTACT, CONTACT_STARTS, phrasesIn, REACHES_OUT, REACHES_OUT_STARTS } from "./contact-phrases.js";
import { CARED_FOR, COLLEAGUE, DETERMINER, isPerson, owner, PATIENT, RELATIVE } from "./counterpart-words.js";

/**
 * The text's clauses, each as its lowercase words. Quotation marks and brackets do not end a clause
 * (`a "friend request" from my preceptor`); other punctuation does; apostrophes are read as one kind.
 */
export function clausesOf(text: string): string[][] {
  return withoutAsides(
    text
      .toLowerCase()
      .replace(/[‘’´ʼ`]/g, "'")
      .replace(CARED_FOR_CLAUSE, asCaredFor)
      .replace(MOTHER_CARED_FOR, asCaredFor)
      .replace(ON_CASELOAD, asCaredFor)
      .replace(WORKS_WITH_CLAUSE, "colleague")
      .replace(ANOTHER_ROLE, (_whole, plural: string) => (plural ? "colleagues" : "colleague"))
      // in the number of the role said: "the nurses on my ward" are several, "a nurse who works on it" one
      .replace(ON_MY_TEAM, (_whole, role?: string, resident?: string, trainee?: string) =>
        [role, resident, trainee].some((word) => word?.endsWith("s")) ? "colleagues" : "colleague",
      )
      .replace(SUPERVISED_CLAUSE, "trainees")
      // Words in brackets that name no one ("found my TikTok (no idea how) and followed me") are an aside:
      // counted, they would push the person out of reach of the contact.
      .replace(/\(([^()]*)\)/g, (whole, inside: string) => (namesSomeone(inside) ? whole : " "))
      .replace(/["“”«»()[\]{}]/g, " ")
      .split(/[^a-z0-9à-öø-ÿ\s'-]+/)
      .map((clause) =>
        clause
          .split(/\s+/)
          .map((word) => (word.includes("'") ? word.replace(/^'+/, "").replace(/(?<!s)'+$/, "") : word))
          .filter(Boolean),
      )
      .filter((said) => said.length >= 2),
  );
}

/** A clause of caring for someone, read as the person cared for, in its number ("patient", "patients"). */
const asCaredFor = (_whole: string, who: string) => CARED_AS[who] ?? "patient";

/** Words that start another subject or clause, not the deed of the person before an aside. */
const NOT_A_DEED = new Set([
  ...DETERMINER,
  ..."and or but so then i you he she we they it this that who".split(" "),
]);

/**
 * "One of my patients, a woman in her 60s, sent me a friend request": asides of up to six words from "a"
 * or "an", after someone named and before what they did, drop out and the two sides are one clause, so
 * that the deed is that person's. An aside may say what the person is ("a young mum"), but not name a
 * patient or a colleague, say whose ("a nurse's husband") or reach anyone ("my colleague is upset, a
 * patient followed her"); nor does one drop before "and" or another subject.
 */
function withoutAsides(clauses: readonly string[][]): string[][] {
  const isAside = (said: readonly string[]) => {
    const base = said.map(owner);
    return (
      (said[0] === "a" || said[0] === "an") &&
      said.length <= 6 &&
      !base.some((word) => PATIENT.has(word) || COLLEAGUE.has(word)) &&
      !said.some((word) => /'s?$/.test(word)) &&
      phrasesIn(base, CONTACT, CONTACT_STARTS).length === 0 &&
      phrasesIn(base, REACHES_OUT, REACHES_OUT_STARTS).length === 0
    );
  };
  const kept: string[][] = [];
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] ?? [];
    const head = kept[kept.length - 1];
    let next = i;
    while (next < clauses.length && isAside(clauses[next] ?? [])) next++;
    const after = clauses[next];
    const deed = after?.[0] !== undefined && !NOT_A_DEED.has(after[0]) && !isPerson(owner(after[0]));
    if (head?.some((word) => isPerson(owner(word))) && next > i && after && deed) {
      kept[kept.length - 1] = [...head, ...after];
      i = next;
    } else kept.push(clause);
  }
  return kept;
}

/**
 * A relative clause about a person set off by commas, between them and what they did: "One of my
 * patients, who I also see at church, sent me a friend request". Not a "which" clause, which may say
 * who did something ("A video, which a patient recorded, is on TikTok").
 */
const RELATIVE_ASIDE = /,\s*(?:who|whom)\b([^,.;:!?]{1,80}),\s*/gi;

/**
 * The text with each comma-bound relative clause about a person left out, unless it names someone
 * ("my colleague, who is married to my patient, ..."): for the readings of who did what to whom.
 */
export function withoutRelativeAsides(text: string): string {
  return text.replace(RELATIVE_ASIDE, (whole, inside: string) =>
    namesSomeone(inside.toLowerCase()) ? whole : " ",
  );
}

/** Whether a text names a patient, a relative or a colleague (possessives read as their word). */
function namesSomeone(text: string): boolean {
  return text
    .split(/[^a-z0-9à-öø-ÿ'-]+/)
    .map(owner)
    .some((word) => PATIENT.has(word) || RELATIVE.has(word) || COLLEAGUE.has(word) || CARED_FOR.has(word));
}

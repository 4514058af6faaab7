/**
 * Who the asker's contact is with: a patient, a patient's relative, or a colleague. "A patient's mum
 * sent me a friend request", "several students asked to be Facebook friends with their preceptors",
 * "texting updates to physicians": the same words (friend request, text, Facebook) ask about different
 * people, and an entry about one of them answers badly for another. Read from the words around a
 * contact (a friend request, a follow, a message, being friends) and not from who is named anywhere:
 * nearly every question names a patient.
 *
 * Read clause by clause, a word at a time, against sets of words: regular expressions with gaps in
 * them, for every way of getting in touch, read the same but cost a one-shot `ask` tens of
 * milliseconds to compile. Only a few clauses are rewritten by pattern first ("a woman I looked
 * after", "a nurse I work with"), global ones that V8 compiles straight to machine code (clauses.ts).
 */
import { clausesOf } from "./clauses.js";
import { CONTACT, CONTACT_STARTS, phrasesIn, REACHES_OUT, REACHES_OUT_STARTS } from "./contact-phrases.js";
import {
  ANSWERING,
  ARTICLE,
  afterMy,
  CARED_FOR,
  COLLEAGUE,
  DETERMINER,
  GIVING,
  isPerson,
  MESSAGING,
  NUMBER,
  owner,
  PATIENT,
  PATIENT_THING,
  PREPOSITION,
  REACHING_FOR,
  RELATIVE,
  SOCIAL_POST,
  staffChat,
  WHOSE,
} from "./counterpart-words.js";
import { firstOfKind } from "./first-of-kind.js";
import { type Named, namedIn, withPronouns } from "./pronouns.js";
import { residentsAsPatients } from "./residents.js";

export type Counterpart = "patient" | "relative" | "colleague";

/** One clause, read once for every person in it. */
interface Clause {
  /** The words, possessives kept ("patient's"). */
  readonly said: readonly string[];
  /** The words without their possessives, for the word sets. */
  readonly base: readonly string[];
  /** For each place, how many words before it say more than which person (not DETERMINER). */
  readonly counted: readonly number[];
  /** For each place, how many words before it name a person of any kind. */
  readonly people: readonly number[];
  /** For each place, where the nearest contact phrase ending at or before it ends (-1: none). */
  readonly contactEnd: readonly number[];
  /** Where contact phrases start. */
  readonly contactStarts: ReadonlySet<number>;
  /** For each place, where the nearest phrase of someone reaching out starting at or after it starts (-1: none). */
  readonly reachingStart: readonly number[];
}

/** How many of `counts`' items lie between two places. */
const within = (counts: readonly number[], from: number, to: number) =>
  (counts[to] ?? 0) - (counts[from] ?? 0);

function clauseOf(said: readonly string[], base: readonly string[]): Clause {
  const counted = [0];
  const people = [0];
  base.forEach((word, i) => {
    counted.push((counted[i] ?? 0) + (DETERMINER.has(word) ? 0 : 1));
    people.push((people[i] ?? 0) + (isPerson(word) ? 1 : 0));
  });
  const contact = phrasesIn(base, CONTACT, CONTACT_STARTS);
  const contactEnd = counted.map(() => -1);
  for (const [, end] of contact) contactEnd[end] = end;
  contactEnd.forEach((e, i) => {
    if (e < 0 && i > 0) contactEnd[i] = contactEnd[i - 1] ?? -1;
  });
  const reachingStart = counted.map(() => -1);
  for (const [start] of phrasesIn(base, REACHES_OUT, REACHES_OUT_STARTS)) reachingStart[start] = start;
  for (let i = reachingStart.length - 2; i >= 0; i--)
    if ((reachingStart[i] ?? -1) < 0) reachingStart[i] = reachingStart[i + 1] ?? -1;
  return {
    said,
    base,
    counted,
    people,
    contactEnd,
    contactStarts: new Set(contact.map(([start]) => start)),
    reachingStart,
  };
}

/** Where each kind of person is named in a clause (its words, possessives read as their word), as [start, end) word indices. */
function peopleIn(said: readonly string[], base: readonly string[]): Map<Counterpart, [number, number][]> {
  const found = new Map<Counterpart, [number, number][]>([
    ["patient", []],
    ["relative", []],
    ["colleague", []],
  ]);
  base.forEach((word, i) => {
    const next = base[i + 1] ?? "";
    // "a patient's (elderly) mother" names the relative, not the patient
    const relativeNext = RELATIVE.has(next) || RELATIVE.has(base[i + 2] ?? "");
    const thing = PATIENT_THING.has(next) && (said[i] === "patient" || said[i] === "pt");
    if (PATIENT.has(word) && !relativeNext && !thing) found.get("patient")?.push([i, i + 1]);
    if (word === "service" && /^users?$/.test(next)) found.get("patient")?.push([i, i + 2]);
    if (RELATIVE.has(word)) {
      // one word may describe them: "a patient's elderly mother"; two after "of": "the daughter of one
      // of my palliative care patients"
      if (WHOSE.has(base[i - 1] ?? "")) found.get("relative")?.push([i - 1, i + 1]);
      else if (WHOSE.has(base[i - 2] ?? "") && !isPerson(base[i - 1] ?? ""))
        found.get("relative")?.push([i - 2, i + 1]);
      if (next === "of") {
        let j = i + 2;
        while (j < base.length && DETERMINER.has(base[j] ?? "")) j++;
        for (
          let skipped = 0;
          skipped < 2 && !CARED_FOR.has(base[j] ?? "") && !isPerson(base[j] ?? "");
          skipped++
        )
          j++;
        if (CARED_FOR.has(base[j] ?? "")) found.get("relative")?.push([i, j + 1]);
      }
    }
    if (COLLEAGUE.has(word) || (word === "team" && base[i - 1] === "the"))
      found.get("colleague")?.push([i, i + 1]);
    if (word === "team" && /^mates?$/.test(next)) found.get("colleague")?.push([i, i + 2]);
  });
  return found;
}

/** Where the last word before `at` that says more than which person is ("from" in "from one of my patients"); -1 for none. */
function lastSaidAt(base: readonly string[], at: number): number {
  let j = at - 1;
  while (j >= 0 && DETERMINER.has(base[j] ?? "")) j--;
  return j;
}

/**
 * Whether a clause has contact with one of `who`: "a friend request (on Facebook) from X" (up to three
 * words between, or four when the last is a preposition), "texting X" or "text updates to X", "adding
 * X", "X's friend request", "X (...) sent me / added me / wants to follow me / asked for my number"
 * (up to three words between), or "give X my number" and "give my number to X". Words that only say
 * which person ("one of my former") are not counted, and another person between them ends the reach:
 * in "a friend request from a colleague about a patient" the request is the colleague's.
 */
function inContact(clause: Clause, who: readonly [number, number][]): boolean {
  const { said, base, counted, people, contactEnd, contactStarts, reachingStart } = clause;
  const clear = (from: number, to: number) => from <= to && within(people, from, to) === 0;
  // The nearest contact or reach is the one to read: a farther one has more words and people between.
  return who.some(([start, end]) => {
    const before = lastSaidAt(base, start);
    const last = base[before] ?? "";
    const e = contactEnd[start] ?? -1;
    const gap = within(counted, e, start);
    const requested = e >= 0 && clear(e, start) && (gap <= 3 || (gap === 4 && PREPOSITION.has(last)));
    // "texting patients", or up to two words more ending in "to" or "with": "text updates to physicians"
    const messagedAt = last === "to" || last === "with" ? [before - 1, before - 2, before - 3] : [before];
    const messaged = messagedAt.some(
      (m) => MESSAGING.has(base[m] ?? "") && clear(m + 1, start) && within(counted, m + 1, start) <= 2,
    );
    const reachedFor =
      (REACHING_FOR.has(last) && !ARTICLE.has(base[before - 1] ?? "") && clear(before + 1, start)) ||
      ((last === "to" || last === "on") &&
        ANSWERING.has(base[before - 1] ?? "") &&
        (said[end - 1] === base[end - 1] || SOCIAL_POST.has(base[end] ?? "")) &&
        clear(before + 1, start));
    // "give patients my (own) mobile", "gave my (personal) number to a patient", "shared my number with a patient"
    const givenTo =
      (GIVING.has(last) && NUMBER.has(base[afterMy(base, end)] ?? "")) ||
      ((last === "to" || last === "with") &&
        NUMBER.has(base[before - 1] ?? "") &&
        [before - 2, before - 3].some(
          (m) => afterMy(base, m) === before - 1 && GIVING.has(base[m - 1] ?? ""),
        ));
    const r = reachingStart[end] ?? -1;
    const reached = r >= 0 && clear(end, r) && within(counted, end, r) <= 3;
    const possessive = /'s?$/.test(said[end - 1] ?? "") && contactStarts.has(end);
    return requested || messaged || reachedFor || reached || possessive || givenTo;
  });
}

/**
 * Who the text's contact is with, or undefined when it names none or more than one kind. A relative
 * wins over a patient: "the mother of a patient sent me a friend request" names both. A pronoun in
 * touch ("she added me") is the person it stands for (see pronouns.ts).
 */
export function counterpartOf(text: string): Counterpart | undefined {
  const found = new Set<Counterpart>();
  // A pronoun may stand for someone named in an earlier clause.
  const before: Named[] = [];
  // A care home's residents are its patients, as the other readings take them (see residents.ts).
  for (const said of clausesOf(residentsAsPatients(text))) {
    const base = said.map(owner);
    const people = peopleIn(said, base);
    const here = namedIn(said, base, people);
    withPronouns(base, people, here, before);
    before.push(...here);
    // A clause that names no one can still be a staff chat, but needs no contact tables.
    if ([...people.values()].some((who) => who.length > 0)) {
      const clause = clauseOf(said, base);
      for (const [kind, who] of people) if (who.length > 0 && inContact(clause, who)) found.add(kind);
    }
    if (staffChat(base)) found.add("colleague");
  }
  if (found.has("relative")) found.delete("patient");
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Who an entry's contact is with: the counterpart its phrasings name most often, when at least two of
 * them and one in eight of all its phrasings do, and no other is named as often. Most entries have
 * none: a question about a post, a review or a rule is about no one contact.
 */
export function entryCounterpart(phrasings: readonly string[]): Counterpart | undefined {
  const counts = new Map<Counterpart, number>();
  for (const phrasing of phrasings) {
    const who = counterpartOf(phrasing);
    if (who) counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const [best, next] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] === next?.[1]) return undefined;
  return best[1] >= Math.max(2, phrasings.length / 8) ? best[0] : undefined;
}

/**
 * The ranking with the question's counterpart first: when the first entry is about contact with
 * someone else (a patient's relative for a question about a colleague's friend request), the first
 * entry within `reach` about contact with the question's counterpart moves to the top. `who` reads
 * the question only when the first entry is about someone's contact (about one question in four):
 * the reading is a good part of a long question's cost.
 */
export function counterpartFirst(
  order: number[],
  items: readonly { readonly counterpart?: Counterpart }[],
  who: () => Counterpart | undefined,
  reach: number,
): number[] {
  // A first entry about no one contact (a post, a review) is not displaced.
  return firstOfKind(order, reach, (i) => items[i]?.counterpart, who);
}

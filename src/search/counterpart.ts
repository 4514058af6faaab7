/**
 * Who the asker's contact is with: a patient, a patient's relative, or a colleague. "A patient's mum
 * sent me a friend request", "several students asked to be Facebook friends with their preceptors",
 * "texting updates to physicians": the same words (friend request, text, Facebook) ask about different
 * people, and an entry about one of them answers badly for another. Read from the words around a
 * contact (a friend request, a message, a follow, being friends) and not from who is named anywhere:
 * nearly every question names a patient.
 *
 * Read word by word, clause by clause, with sets of words: the same reading as regular expressions
 * with gaps in them cost a one-shot `ask` tens of milliseconds to compile.
 */
export type Counterpart = "patient" | "relative" | "colleague";

const words = (list: string) => new Set(list.split(" "));

const PATIENT = words("patient patients pt pts client clients ex-patient ex-patients");
/** Whose relative: "a patient's mum", "his daughter", "patient families". */
const WHOSE = words("patient patients patient's patients' resident resident's client client's his her their");
const RELATIVE = words(
  "mum mom mother father dad family families son daughter husband wife partner parent parents relative relatives sister brother carer granddaughter grandson nephew niece aunt uncle",
);
/** "The parents of a baby we cared for". */
const CARED_FOR = words("patient patients baby child boy girl resident");
/** A possessive's owner: "patient's" -> "patient". */
const owner = (word: string) => word.replace(/'s$|s'$/, "");
const COLLEAGUE = words(
  "coworker coworkers co-worker co-workers colleague colleagues preceptor preceptors preceptee preceptees classmate classmates residents attending attendings consultant consultants registrar registrars boss bosses manager managers supervisor supervisors physicians doctors nurses staff students mentor mentors peer peers teammate teammates trainees juniors seniors receptionists",
);
/** Words that say which person ("one of my former patients") and count for nothing between a contact and its person. */
const DETERMINER = words("a an my our the one of former ex current other fellow some several");
const PREPOSITION = words("from with to by");

/** A run of words, each from a set; a set marked optional may be skipped. */
type Phrase = readonly { readonly words: ReadonlySet<string>; readonly optional: boolean }[];

/** "friend|friended request|requests", "?be" optional. */
const phrase = (text: string): Phrase =>
  text
    .split(" ")
    .map((part) => ({ words: new Set(part.replace(/^\?/, "").split("|")), optional: part.startsWith("?") }));

/** Becoming or being in touch: a friend request, a follow, being friends. */
const CONTACT = [
  "friend|friended|follow|connection request|requests",
  "request|requested|requests to ?be friend|friends|connect|follow",
  "add|added|adds|follow|followed|follows|following|messaged|messages|text|texted|texts|dm|dmed|dms me",
  "connect|connected|connects|connecting|friend|friends with",
  "friending|befriend|befriending",
].map(phrase);
/** Getting in touch with someone named right after ("adding my trainees", "following a patient's account"). */
const REACHING_FOR = words("add adding follow following friend friending befriend befriending");
/** Messaging someone, read only with its person next to it ("texting patients", "text updates to physicians"). */
const MESSAGING = words(
  "text texting message messaging whatsapp whatsapping email emailing e-mail e-mailing",
);
/** Someone reaching out: "...'s mum sent", "a patient keeps adding", "students asked to follow". */
const REACHES_OUT = [
  "sent|sends|sending|added|adds|followed|messaged|texted|requested",
  "has sent",
  "keep|keeps adding|sending|trying",
  "want|wants|wanted to add|follow|friend|connect|be|stay|keep",
  "asked|asks|asking|requested|requesting|requests ?me to ?be add|follow|friend|friends|connect",
].map(phrase);
/** A chat among staff: "our team WhatsApp", "the unit's group chat", "a work chat". */
const APP = words("whatsapp messenger signal telegram");
const STAFF_PLACE = words("ward team unit work staff firm station practice");

/** Where a phrase starting at word `i` ends (the index after it), or -1. */
function phraseAt(said: readonly string[], i: number, p: Phrase): number {
  let k = i;
  for (const part of p) {
    if (k < said.length && part.words.has(said[k] ?? "")) k++;
    else if (!part.optional) return -1;
  }
  return k > i ? k : -1;
}

/** The phrases' places in a clause, as [start, end) word indices. */
function phrasesIn(said: readonly string[], phrases: readonly Phrase[]): [number, number][] {
  const found: [number, number][] = [];
  said.forEach((_, i) => {
    for (const p of phrases) {
      const end = phraseAt(said, i, p);
      if (end > 0) {
        found.push([i, end]);
        break;
      }
    }
  });
  return found;
}

/** Where each kind of person is named in a clause, as [start, end) word indices. */
function peopleIn(said: readonly string[]): Map<Counterpart, [number, number][]> {
  const people = new Map<Counterpart, [number, number][]>([
    ["patient", []],
    ["relative", []],
    ["colleague", []],
  ]);
  said.forEach((word, i) => {
    const next = said[i + 1] ?? "";
    if ((PATIENT.has(owner(word)) && !RELATIVE.has(next)) || (word === "service" && /^users?$/.test(next)))
      people.get("patient")?.push([i, i + 1]);
    if (RELATIVE.has(word) && WHOSE.has(said[i - 1] ?? "")) people.get("relative")?.push([i - 1, i + 1]);
    if (RELATIVE.has(word) && next === "of") {
      let j = i + 2;
      while (j < said.length && DETERMINER.has(said[j] ?? "")) j++;
      // one word may describe them: "the daughter of one of my elderly patients"
      if (!CARED_FOR.has(said[j] ?? "")) j++;
      if (CARED_FOR.has(said[j] ?? "")) people.get("relative")?.push([i, j + 1]);
    }
    if (COLLEAGUE.has(owner(word)) || (word === "team" && (said[i - 1] === "the" || /^mates?$/.test(next))))
      people.get("colleague")?.push([i, i + 1]);
  });
  return people;
}

/** The words between two places that say more than which person (see DETERMINER). */
const between = (said: readonly string[], from: number, to: number) =>
  said.slice(from, to).filter((w) => !DETERMINER.has(w));

/**
 * Whether a clause has contact with one of `who`: "a friend request (on Facebook) from X" (up to three
 * words between, then a preposition), "texting X" or "text updates to X", "adding X", "X's friend
 * request", or "X (...) sent me / added me / wants to follow me" (up to three words between). Words
 * that only say which person ("one of my former") are not counted.
 */
function inContact(said: readonly string[], who: readonly [number, number][]): boolean {
  const contact = phrasesIn(said, CONTACT);
  const reaching = phrasesIn(said, REACHES_OUT);
  return who.some(([start, end]) => {
    const after = contact.some(([, e]) => {
      if (e > start) return false;
      const gap = between(said, e, start);
      return gap.length <= 3 || (gap.length === 4 && PREPOSITION.has(gap[3] ?? ""));
    });
    const messaged = said.some((w, m) => {
      if (!MESSAGING.has(w) || m >= start) return false;
      const gap = between(said, m + 1, start);
      return (
        gap.length === 0 ||
        (gap.length <= 2 && (gap[gap.length - 1] === "to" || gap[gap.length - 1] === "with"))
      );
    });
    const reachedFor = said.some(
      (w, m) => REACHING_FOR.has(w) && m < start && between(said, m + 1, start).length === 0,
    );
    const reached = reaching.some(([s]) => s >= end && between(said, end, s).length <= 3);
    // "a patient's friend request", "my consultant's follow request"
    const theirs = /'s$|s'$/.test(said[end - 1] ?? "") && contact.some(([s]) => s === end);
    return after || messaged || reachedFor || reached || theirs;
  });
}

/** "Our team WhatsApp", "the unit's group chat", "a Signal group", "a work chat". */
function staffChat(said: readonly string[]): boolean {
  return said.some((w, i) => {
    const next = said[i + 1] ?? "";
    return (
      (["our", "the", "my"].includes(w) &&
        STAFF_PLACE.has((said[i + 1] ?? "").replace(/'s$/, "")) &&
        (APP.has(said[i + 2] ?? "") || ["group", "chat"].includes(said[i + 2] ?? ""))) ||
      (w === "group" && /^(?:chats?|texts?)$/.test(next)) ||
      /^groupchats?$/.test(w) ||
      (APP.has(w) && /^groups?$/.test(next)) ||
      (w === "work" && /^chats?$/.test(next))
    );
  });
}

/**
 * Who the text's contact is with, or undefined when it names none or both a patient and a colleague.
 * A relative wins over a patient: "a patient's mum added me" names both.
 */
export function counterpartOf(text: string): Counterpart | undefined {
  const found = new Set<Counterpart>();
  for (const clause of text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .split(/[^a-z0-9à-ÿ\s'-]+/)) {
    const said = clause.split(/\s+/).filter(Boolean);
    if (said.length < 2) continue;
    for (const [kind, who] of peopleIn(said)) if (who.length > 0 && inContact(said, who)) found.add(kind);
    if (staffChat(said)) found.add("colleague");
  }
  if (found.has("relative")) return "relative";
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Who an entry's contact is with: the counterpart most of its phrasings that name one name, when at
 * least two of them and one in eight of all its phrasings do. Most entries have none: a question
 * about a post, a review or a rule is about no one contact.
 */
export function entryCounterpart(phrasings: readonly string[]): Counterpart | undefined {
  const counts = new Map<Counterpart, number>();
  for (const phrasing of phrasings) {
    const who = counterpartOf(phrasing);
    if (who) counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= Math.max(2, phrasings.length / 8) ? best[0] : undefined;
}

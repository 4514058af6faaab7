/**
 * The words the counterpart reading reads a clause against (see counterpart.ts): who a person is (a
 * patient, a relative, a colleague), the words between a contact and its person that say only which
 * person, the words of getting in touch, and the words of a staff chat and the test for one. The
 * phrases of getting in touch are in contact-phrases.ts; the clauses of caring for, working beside or
 * supervising someone, in care-clauses.ts.
 */
const words = (list: string) => new Set(list.split(" "));

/** A patient, by any of the names professions use. */
export const PATIENT = words(
  "patient patients pt pts client clients customer customers ex-patient ex-patients",
);
/**
 * After "patient" (or "pt"), words that make it part of a thing's name, not a person: "the patient
 * list", "a patient safety lead". Not after a possessive, or a plural that may be one whose apostrophe
 * was left off: "a patient's photo", "a patients photo" still name the patient.
 */
export const PATIENT_THING = words(
  "safety liaison experience advocate advocacy services relations portal list lists notes records record details information info data file files chart charts leaflet leaflets education feedback survey surveys satisfaction confidentiality privacy identifiers updates update photos photo pictures picture images image stories story care",
);
/** Whose relative: "a patient's mum", "his daughter", "patient families". */
export const WHOSE = words(
  "patient patients pt resident residents client clients customer customers his her their",
);
/** A patient's relative or carer. */
export const RELATIVE = words(
  "mum mom mam mammy mother father dad family families son daughter husband wife partner parent parents relative relatives sister brother carer granddaughter grandson grandchild grandchildren grandkids grandmother grandfather grandma grandpa grandad granddad nan nana nanna gran granny grandparent grandparents nephew niece aunt auntie uncle cousin stepdad stepmum stepmom stepson stepdaughter mother-in-law father-in-law son-in-law daughter-in-law " +
    "mums moms mams mothers fathers dads sons daughters husbands wives partners sisters brothers carers granddaughters grandsons grandmothers grandfathers grandmas grandpas grandads nephews nieces aunts aunties uncles cousins " +
    "spouse spouses fiance fiancee fiancé fiancée guardian guardians widow widower nok brother-in-law sister-in-law stepfather stepmother stepsister stepbrother",
);
/** "The parents of a baby we cared for". */
export const CARED_FOR = words("patient patients pt pts client clients baby child boy girl resident");
/**
 * The people a clinician works beside. Plural or titled only where the singular is as often the
 * asker ("I'm a nurse", "as a student").
 */
export const COLLEAGUE = words(
  "coworker coworkers co-worker co-workers colleague colleagues preceptor preceptors preceptee preceptees classmate classmates residents attending attendings consultant consultants registrar registrars boss bosses manager managers supervisor supervisors subordinate subordinates employee employees physicians doctors nurses staff students mentor mentors peer peers teammate teammates trainees juniors seniors interns co-interns receptionists matron matrons",
);
/** Words that say which person ("one of my former patients") and count for nothing between a contact and its person. */
export const DETERMINER = words(
  "a an my our your his her their the one of former ex current other fellow some several",
);
/** Before "friend" or "follow", words that make it a noun: "a friend of a patient", "my follow list". */
export const ARTICLE = words("a an my our the his her their your this that");
/** The words that may end the gap between a request and its person ("a friend request on Facebook from my consultant"). */
export const PREPOSITION = words("from with to by");

/** Messaging someone, read only with its person next to it ("texting patients", "text updates to physicians"). */
export const MESSAGING = words(
  "text texting message messaging whatsapp whatsapping email emailing e-mail e-mailing",
);
/**
 * Answering or reacting to the person named after "to" or "on": "I replied to a patient", "commented
 * on a patient's post" (after a possessive, only one of the posts of SOCIAL_POST: "comment on a
 * patient's complaint" is not contact with them).
 */
export const ANSWERING = words(
  "reply replied replies replying respond responded responds responding react reacted reacts reacting comment commented comments commenting",
);
/** What someone posts: "a patient's photo", "her story". */
export const SOCIAL_POST = words(
  "post posts photo photos picture pictures pic pics story stories tweet tweets status video videos reel reels selfie selfies comment comments update updates",
);
/** Getting in touch with the person named right after ("adding my trainees", "I followed a patient"). */
export const REACHING_FOR = words(
  "add adding added follow following followed friend friending friended befriend befriending befriended unfriend unfriending unfriended defriend defriending defriended unfollow unfollowing unfollowed liked liking",
);
/** Giving someone a way to reach you: "give patients my mobile", "gave my number to a patient". */
export const GIVING = words("give gives gave giving share shares shared sharing");
/** What is given: a phone number. */
export const NUMBER = words("number mobile phone cell digits");
/** A chat among staff: "our team WhatsApp", "the unit's group chat", "a work chat". */
const APP = words("whatsapp messenger signal telegram");
/** Whose chat it is when it is the staff's: "our ward WhatsApp", "the team group". */
const STAFF_PLACE = words("ward team unit work staff firm station practice");

/** A word without its possessive: "patient's" -> "patient", "physicians'" -> "physicians". */
export const owner = (word: string) => (word.includes("'") ? word.replace(/'s?$/, "") : word);

/** A person of any of the three kinds. */
export const isPerson = (word: string) => PATIENT.has(word) || RELATIVE.has(word) || COLLEAGUE.has(word);

/** Whose a chat group is when it is not the staff's: "the parents' WhatsApp group", "a family WhatsApp group". */
const OUTSIDE_WORK = new Set([
  ...PATIENT,
  ...RELATIVE,
  ...words(
    "family friends friend school club neighbourhood neighborhood community church village mums moms dads",
  ),
]);

/** The words of a staff chat (see staffChat), made once: a regular expression literal is a new object each time it runs. */
const GROUP_CHAT_NEXT = /^(?:chats?|texts?)$/;
/** "groupchat", written as one word. */
const GROUPCHAT = /^groupchats?$/;
/** "group" or "groups" after an app's name. */
const GROUPS = /^groups?$/;
/** "chat" or "chats" after "work". */
const CHATS = /^chats?$/;

/** With "my" at `at`, where the word it is about is ("my (own|personal) number"); -1 when no "my" is there. */
export function afterMy(base: readonly string[], at: number): number {
  if (base[at] !== "my") return -1;
  return base[at + 1] === "own" || base[at + 1] === "personal" ? at + 2 : at + 1;
}

/** How many determiners start at `at`. */
function leadingDeterminers(base: readonly string[], at: number): number {
  let n = 0;
  while (DETERMINER.has(base[at + n] ?? "")) n++;
  return n;
}

/**
 * "Our team WhatsApp", "the unit's group chat", "a Signal group", "a work chat"; not a chat set up for
 * or with patients ("a WhatsApp group for my patients").
 */
export function staffChat(base: readonly string[]): boolean {
  const forPatients = base.some(
    (w, i) =>
      (w === "for" || w === "with") && PATIENT.has(base[i + 1 + leadingDeterminers(base, i + 1)] ?? ""),
  );
  if (forPatients) return false;
  return base.some((w, i) => {
    const next = base[i + 1] ?? "";
    const after = base[i + 2] ?? "";
    return (
      (["our", "the", "my"].includes(w) &&
        STAFF_PLACE.has(next) &&
        (APP.has(after) || after === "group" || after === "chat")) ||
      (w === "group" && GROUP_CHAT_NEXT.test(next)) ||
      GROUPCHAT.test(w) ||
      (APP.has(w) && GROUPS.test(next) && !OUTSIDE_WORK.has(base[i - 1] ?? "")) ||
      (w === "work" && CHATS.test(next))
    );
  });
}

/** People words that say the person is a woman, or a man (for whom "she" or "he" may stand). */
export const WOMEN = words(
  "mum mom mam mammy mother daughter wife sister granddaughter grandmother grandma nan nana nanna gran granny niece aunt auntie stepmum stepmom stepdaughter mother-in-law daughter-in-law sister-in-law stepmother stepsister fiancee fiancée widow girl girlfriend woman lady matron",
);
export const MEN = words(
  "dad father son husband brother grandson grandfather grandpa grandad granddad nephew uncle stepdad stepson father-in-law son-in-law brother-in-law stepfather stepbrother fiance fiancé widower boy boyfriend man guy",
);
/**
 * People who are none of the counterparts, and things several of which "them" may be: a pronoun that
 * stands for one of them stands for no one in touch ("a journalist saw it and he messaged me", "my
 * patients sent me cards: can I WhatsApp them to my husband?"). Not "a woman" or "a man", which as
 * often describe the patient just named ("one of our patients, a woman about my age, ...").
 */
export const OTHER_PEOPLE = words(
  "journalist journalists reporter reporters stranger strangers neighbour neighbours neighbor neighbors follower followers troll trolls girlfriend boyfriend gp gps doctor nurse surgeon physician pharmacist paramedic midwife dentist therapist lawyer solicitor police officer teacher",
);
export const THINGS = words(
  "photos pictures pics images videos clips posts screenshots cards gifts notes results records letters reviews stories reels tiktoks memes files documents charts scans x-rays details numbers links articles tweets flowers",
);
/** Verbs done to things: "them" after one may be the photos or cards just named ("share them", "send them to"). */
export const THING_VERBS = words(
  "send sending sent forward forwarding forwarded post posting posted share sharing shared save saving saved show showing showed print printing printed delete deleting deleted keep keeping kept bin frame",
);
/** Words before a role or relative that make it a description, not someone else: "my patient is a teacher", "I'm a nurse". */
export const DESCRIBING = words("is was am are were as i'm im also became become becomes herself himself");

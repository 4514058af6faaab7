/**
 * The words the counterpart reading reads a clause against (see counterpart.ts): who a person is (a
 * patient, a relative, a colleague), the words between a contact and its person that say only which
 * person, the phrases of getting in touch (each a run of word sets matched a word at a time), the words
 * of a staff chat and the test for one, and the clauses of caring for, working beside or supervising
 * someone.
 */
import { ROLE } from "./sentence-kinds.js";

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

/** A run of words, each from a set; a set marked optional may be skipped. */
type Phrase = readonly { readonly words: ReadonlySet<string>; readonly optional: boolean }[];

/** "friend|friended request|requests", "?be" optional. */
const phrase = (text: string): Phrase =>
  text
    .split(" ")
    .map((part) => ({ words: new Set(part.replace(/^\?/, "").split("|")), optional: part.startsWith("?") }));

/** Becoming or being in touch: a friend request, a follow, being friends. */
export const CONTACT = [
  "friend|friended|follow|connection request|requests",
  "request|requested|requests to ?be|become friend|friends|connect|follow",
  "add|added|adds|follow|followed|follows|following|messaged|messages|text|texted|texts|dm|dmed|dms me",
  "connect|connected|connects|connecting|friend|friends with",
  "friending|befriend|befriending",
].map(phrase);
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
/** Someone reaching out, to the asker or with a request: "...'s mum sent me", "students asked to follow". */
export const REACHES_OUT = [
  "sent|sends|sending|send|added|adds|followed|follows|messaged|messages|texted|texts|dmed|dms|dm'd|dmd|dming|dm-ing|pmed|pm'd|pmd|pms|pming|inboxed|inboxes|inboxing|whatsapp|whatsapps|whatsapped|facetimed|facetimes|snapchatted|snapchats|pinged|pings|pinging|rang|rings|ringing|phoned|phones|phoning|emailed|emails|requested|friended|contacted|contacts|contacting|messaging|texting|emailing|whatsapping|snapchatting|facetiming me|us",
  "sent|sends|sending|send ?me ?a|an ?facebook|instagram|linkedin|snapchat|tiktok|fb|insta friend|follow|connection request|requests",
  "keep|keeps|kept|start|starts|started|starting|begun|began adding|sending|trying|messaging|texting|following",
  // on the asker's own posts only: patients commenting on a practice's page are not in personal contact
  "keep|keeps|kept|always liking|commenting|reacting ?on|to ?all ?of my",
  "liked|likes|liking|commented|comments|commenting|reacted|reacts|reacting ?on|to ?all ?of my",
  "want|wants|wanted|wanting to add|follow|friend|connect",
  // asking whether they may get in touch: "asked if she could add me", "asked me whether he can text me"
  "asked|asks|asking|wondered|wonders|wondering ?me if|whether she|he|they could|can|would|might|may add|follow|friend|message|text|dm|email|call|connect ?with me|us",
  "want|wants|wanted|wanting to be|become friend|friends",
  "want|wants|wanted|wanting to stay|keep in touch",
  "asked|asks|asking|requested|requesting|requests|invited|invites|inviting ?me to ?be|become ?a|her|his|their|your add|follow|friend|friends|connect",
  "asked|asks|asking|requested|requesting|wants|wanted for ?my number|mobile|phone|digits",
  "gave|gives|giving|passed|slipped me|us ?his|her|their|a ?phone|mobile|personal|cell number|mobile|digits",
  "left|leaves|leaving ?me|us ?his|her|their|a ?phone|mobile|personal|cell number|mobile|digits for me|us",
  "asked|asks|asking|wants|wanted me to text|call|ring|phone|whatsapp|message|email|dm her|him|them",
  // ... or to send them a picture: "the registrar asked me to send a picture of the rash" (not "to send
  // patients reminders", whose contact is with the patients)
  "asked|asks|asking|wants|wanted me to send|snap|whatsapp|message|email ?her|him|them a|an|the|some photo|photos|picture|pictures|pic|pics|image|images|scan|scans|video|videos",
].map(phrase);
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

/** Where a phrase starting at word `i` ends (the index after it), or -1. */
function phraseAt(base: readonly string[], i: number, p: Phrase): number {
  let k = i;
  for (const part of p) {
    if (k < base.length && part.words.has(base[k] ?? "")) k++;
    else if (!part.optional) return -1;
  }
  return k > i ? k : -1;
}

/** The words any of the phrases can start with (no phrase starts with an optional word). */
const startsOf = (phrases: readonly Phrase[]) => new Set(phrases.flatMap((p) => [...(p[0]?.words ?? [])]));
/** The words a contact phrase can start with. */
export const CONTACT_STARTS = startsOf(CONTACT);
/** The words a phrase of someone reaching out can start with. */
export const REACHES_OUT_STARTS = startsOf(REACHES_OUT);

/** The phrases' places in a clause, as [start, end) word indices; only a word a phrase starts with is tried. */
export function phrasesIn(
  base: readonly string[],
  phrases: readonly Phrase[],
  starts: ReadonlySet<string>,
): [number, number][] {
  const found: [number, number][] = [];
  base.forEach((word, i) => {
    if (!starts.has(word)) return;
    for (const p of phrases) {
      const end = phraseAt(base, i, p);
      if (end > 0) {
        found.push([i, end]);
        break;
      }
    }
  });
  return found;
}

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

/**
 * Someone the asker cares for, told by what they did for them: "a woman I looked after", "a boy I've
 * been treating for months", "a patient I'm currently looking after". The person reads as a patient
 * and the words of care go, so that they do not push the person out of reach of the contact.
 */
export const CARED_FOR_CLAUSE =
  /\b(woman|women|man|men|lady|gentleman|guy|girl|boy|baby|child|kid|teenager|teen|patient|patients|client|resident)\s+(?:(?:that|who|whom)\s+)?(?:i|we)(?:'ve|'d|'m|\s+have|\s+had|\s+am|\s+was|\s+were)?\s+(?:(?:been|currently|recently|just|also|once)\s+)*(?:looked after|looking after|look after|cared for|caring for|care for|treated|treating|treat|nursed|nursing|delivered|saw|seen|see|operated on|discharged|scanned|examined|admitted)(?:\s+for\s+(?:\S+\s+){0,2}(?:months?|weeks?|years?|days?|shifts?))?\b/g;
/**
 * A mother the asker delivered or cared for: "a new mum I delivered", "the mothers I look after". Only
 * the words of care: "my mum I see every weekend" is the asker's own mother.
 */
export const MOTHER_CARED_FOR =
  /\b(mum|mums|mom|moms|mother|mothers)\s+(?:(?:that|who|whom)\s+)?(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:(?:been|recently|just|also)\s+)*(?:delivered|looked after|look after|looking after|cared for|care for|caring for|nursed|supported|discharged|scanned)\b/g;
/**
 * Someone on the asker's caseload: "a mum from my caseload", "a family on our books". In midwifery and
 * community care the mother or the family is the one cared for, not a patient's relative.
 */
export const ON_CASELOAD =
  /\b(woman|women|mum|mums|mom|moms|mother|mothers|lady|ladies|man|men|family|families|person|people|client|clients|patient|patients)\s+(?:from|on|in)\s+(?:my|our|the|her|his|their)\s+(?:caseload|case load|books)\b/g;
/** Someone the asker works or trains beside: "a nurse I work with", "a guy I trained with". Reads as a colleague. */
export const WORKS_WITH_CLAUSE = new RegExp(
  String.raw`\b(?:${ROLE}|someone|somebody|guy|girl|woman|man|lady|person)s?\s+(?:(?:that|who|whom)\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:work|works|worked|working|used to work|trained|train|studied|study)\s+(?:with|alongside)\b`,
  "g",
);
/** Another of the asker's own kind: "another nurse", "a fellow paramedic", "other students". Reads as a colleague. */
export const ANOTHER_ROLE = new RegExp(
  String.raw`\b(?:another|fellow|other)\s+(?:student\s+)?(?:${ROLE}|healthcare assistant|receptionist)(s?)\b`,
  "g",
);
/**
 * One of the asker's own team: "a nurse on my ward", "the HCAs on our unit", "a new doctor who started
 * on our ward", "a student nurse on placement with me", "a resident on our team", "my trainee". Reads
 * as a colleague. Not a visitor, a carer or a caregiver, who may be a patient's; a resident only on a
 * team, a rotation or a firm ("a resident on my floor" may live there: see residents.ts). The role word
 * is captured, so that the colleague is read in its number ("the nurses on my ward" are several).
 */
export const ON_MY_TEAM = new RegExp(
  String.raw`\b(?:(?:student\s+)?(?!(?:visitor|carer|caregiver|resident)s?\b)(${ROLE}s?)\s+(?:(?:who\s+)?(?:started|starts|works|worked|working)\s+)?(?:(?:on|in|from)\s+(?:my|our)\s+(?:ward|team|unit|rotation|firm|shift|department|floor)|on\s+placement\s+with\s+(?:me|us))|(residents?)\s+(?:on|in|from)\s+(?:my|our)\s+(?:team|rotation|firm)|my\s+((?:trainee|mentee)s?))\b`,
  "g",
);
/** How a person cared for reads: as a patient, in the number the clause used. */
export const CARED_AS: Readonly<Record<string, string>> = {
  patients: "patients",
  client: "client",
  clients: "clients",
  women: "patients",
  mums: "patients",
  moms: "patients",
  mothers: "patients",
  ladies: "patients",
  men: "patients",
  families: "patients",
  people: "patients",
};
/** Someone the asker teaches or supervises: "a student midwife I'm assessing", "a probationer I mentor". */
export const SUPERVISED_CLAUSE =
  /\b(?:student|trainee|junior|probationer|preceptee|mentee|newbie|new starter|new grad|intern)\s+(?:\S+\s+)?(?:(?:that|who|whom)\s+)?(?:i|we)(?:'m|'ve been|\s+am|\s+have been)?\s+(?:currently\s+)?(?:assessing|assess|mentoring|mentor|supervising|supervise|precepting|precept|training|train|teaching|teach|signing off)\b/g;

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

/**
 * The phrases of getting in touch that the counterpart reading finds in a clause (see counterpart.ts):
 * becoming or being in touch, and someone reaching out, each a run of word sets matched a word at a
 * time.
 */

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

/**
 * Whether a question reports that someone may be in danger now: a message, post or comment in which
 * someone says they will end their life, has taken an overdose, is hurting themselves, is being hurt
 * at home, or has red-flag symptoms and will not get help, or tells of harm outright (red-flags.ts:
 * hands round someone's neck, a child shaken, a button battery swallowed). Such a question must get
 * the guidance on acting on risk, not the entry about the platform or the comment section it came in
 * ("a follower commented on my TikTok that she has taken all her tablets" reads by its words as a
 * question about comments).
 *
 * The words must report something someone else said or did, not name a subject or speak for the asker:
 * "she says she wants to die" and "he's taken a load of pills" report risk; "research on whether
 * self-harm content makes teenagers more likely to hurt themselves", "the assisted dying bill would let
 * patients end their life", "he overdosed last year and died" and "night shifts make me want to die"
 * do not. So a report needs someone else's message, post or comment in its sentence or the one before
 * ("she messaged me", "a follower commented that"), the words in the first person count only inside
 * quotation marks or after "saying", "wrote" or a colon, and a subject named between the report and the words
 * (an article, research, a campaign, a bill, "people who") or a death in the past just after them
 * makes them no report. Curly apostrophes and quotation marks read as straight ones.
 *
 * The same reading finds the warning signs that everyday messages also say (warningWords: a goodbye
 * note, possessions given away, "no way out") and the red flags said of small things too (red-flags.ts:
 * a floppy baby with help put off, "he says he'll hurt her"), which never change the answer but make
 * the reply offer the guidance on acting on risk beside it (safety-net.ts).
 */

import { onFirstNeed } from "../eager-pattern.js";
import {
  A_THING,
  DANGER_RE,
  FAREWELL,
  LEAVING,
  NEGATED,
  PLAIN_REASON,
  REVIEW,
  ROLE,
  WARNING_RE,
} from "./danger-words.js";
import { QUOTE_CLOSES, QUOTE_OPENS, straightQuotes } from "./normalise.js";
import { sentencesOf } from "./question.js";
import {
  littleAgent,
  MADE_UP_CASE,
  MAY_FLAG,
  mayFlag,
  outrightHarm,
  redFlag,
  refusedHelp,
  TOLD_OF,
} from "./red-flags.js";

/**
 * The patterns compiled to machine code on first need (see eager-pattern.ts): compiled to bytecode
 * first, as V8 does for a short subject, the danger list's first use took about 13 ms, this way about
 * 5 ms, and a question that names no report or message never compiles it; the warning signs', tried
 * on every question, about 3.7 ms and then 1 ms on the next, this way about 1 ms once.
 */
const compileDanger = onFirstNeed(DANGER_RE);
/**
 * The red flags' quick look (MAY_FLAG) too, tried with the warning signs on every question that reports
 * someone's words: compiled to bytecode on its first use it took about 31 ms, and 7 ms more on the
 * next; this way about 7.5 ms once. A one-shot `ask` of a question that reports nothing never pays it.
 */
const compileWarning = onFirstNeed(WARNING_RE, ...MAY_FLAG);
/**
 * Someone else's message, post or comment: a verb of sending or saying not said by the asker ("she
 * messaged", "a follower commented", "saying", "she's been posting", not "I've been posting" or "I was posting"), or a
 * message named as someone's.
 */
const REPORT =
  /\b(?<!\b(?:i|we)\s)(?:messaged|messages|texted|texts|commented|comments|posted|posts|(?<!\b(?:i|we)(?:'ve|'m|'d|'re)?(?:\s+(?:was|were|am|are|have|had|been|keep|kept|started|start|also|just|still|always|often|never|used\s+to))*\s+)posting|wrote|writes|said|says|saying|threatened|threatening|tweeted|replied|replies|emailed|dmed|dm'?d|dms|dm'?s|pms|inboxed|inboxes|whatsapped|snapchatted|sent|shared|captioned|left\s+a\s+(?:comment|review|message|voice\s+note))\b|\b(?:message|text|comment|dm|email|post|story|status|review|tweet|reply|voice\s+note)\s+(?:from|by)\b/i;
/** Words that put what follows in someone else's mouth, so that the first person there is theirs. */
const SAYING = /\b(?:saying|said|says|wrote|writes|captioned|reads|read)\b|:/i;
/**
 * The asker speaking of themselves just before the words ("night shifts make me want to die", "I'd kill
 * myself"); not "me" after a verb of sending, asking or thanking, which is the message's reader ("a
 * follower DM'd me asking how many of her pills it would take").
 */
const ASKER_BEFORE =
  /(?:\b(?:i|i'?m|i'd|i'll|i've|my)|(?<!\b(?:thank\w*|ask\w*|told|tell\w*|messag\w*|texted|emailed|sent|dm'?d|dmed|begg\w*|wants?|wanted)\s)\bme)\s+(?:\S+\s+){0,2}$/i;
const FIRST_PERSON = /\b(?:myself|my|me|i)\b/i;
/**
 * A subject named between the report and the words: they are spoken of, not said ("an article on
 * suicide rates", "research on whether... more likely to hurt themselves", "the bill would let patients
 * end their life", "people who self-harm").
 */
const A_SUBJECT = new RegExp(
  String.raw`\b(?:article|articles|study|studies|statistics|stats|rates?|research|paper|awareness|campaign|prevention|podcast|documentary|lecture|training|webinar|meme|memes|infographic|(?:dying|euthanasia|suicide)\s+bill|the\s+bill\s+would|(?<!-)law|euthanasia|assisted\s+dying|people\s+who|patients\s+who|teenagers|novel|book|film|movie|series|episode|policy|policies|moderat\w*|guidelines?|more\s+likely|why\s+do|what\s+if|if\s+(?:i|we)\s+(?:post|share|write|wrote|made|make|put|said|say|were\s+to)|case\s+study|${TOLD_OF})\b`,
  "i",
);
/**
 * A made-up case or a joke's format, anywhere in the sentence: a quiz, a scenario, a role-play, a meme
 * ("a scenario: a child says...", "a meme captioned 'me when results come out: can't cope'").
 */
const MADE_UP = new RegExp(String.raw`\b(?:${MADE_UP_CASE}|memes?)\b`, "i");
/** A death in the past just after the words ("he overdosed last year and died"). */
const PAST_AFTER =
  /^[^.!?]{0,40}\b(?:(?<!\bsince\s+(?:(?:her|his|their|my|the)\s+)?(?:\w+\s+){0,2})(?:died|passed\s+away)|last\s+year|years\s+(?:ago|back)|months\s+(?:ago|back)|in\s+(?:19|20)\d\d|anniversary|funeral|rip)\b/i;
/** A joke. */
const JOKE = /\b(?:lol|lmao|haha|jk|(?<!\b(?:not|n't|never)\s)joking|as\s+a\s+joke)\b|😂|🤣/i;
/** Where it was said: a message, post or comment, or a platform (not face to face). */
const ONLINE =
  /\b(?:messag\w*|dm|dms|dm'?d|dmed|pm'd|inbox\w*|text|texts|texted|texting|sms|posts?|posted|posting|comments?|commented|tweets?|tweeted|story|stories|status|reviews?|e-?mails?|e-?mailed|whatsapp\w*|snapchat|snap|instagram|insta|ig|facebook|fb|messenger|tiktok|twitter|reddit|discord|linkedin|youtube|bluesky|threads|slack|(?:microsoft\s+|on\s+)teams|teams\s+(?:chat|message)|on\s+x(?![-\w])|forum|group|page|reel|thread|replied|reply|tagged|online|portal|app|voice\s+note|social\s+media|go(?:ing)?\s+live|live\s?stream\w*|(?:tiktok|instagram|insta|facebook|ig)\s+live)\b/i;

/** A quotation mark: an opening one (the first group) or a closing one. */
const QUOTE_MARK = new RegExp(`(${QUOTE_OPENS})|${QUOTE_CLOSES}`, "g");

/** Whether the text reports that someone may be in danger now, in a message, post or comment. */
export function reportsRisk(text: string): boolean {
  return riskWords(text) !== undefined;
}

/** The words that report risk, or undefined: for a test or a log. */
export function riskWords(text: string): string | undefined {
  return reported(sentencesOf(straightQuotes(text)), (sentence) => {
    compileDanger();
    return dangerIn(sentence, DANGER_RE, true);
  });
}

/**
 * The words of a warning sign (WARNING_SIGNS), or of a red flag (a symptom with help put off, or a
 * threat: red-flags.ts), in someone else's message, read as the words of danger are; a warning sign
 * only when its sentence gives no reason for leaving (LEAVING). A reason to offer the guidance on acting
 * on risk beside the answer, never to change it. As for riskWords, the text is a question already cut
 * to its limit (cutQuestion): a text ten times as long with many rejected signs takes far longer.
 */
export function warningWords(text: string): string | undefined {
  const straight = straightQuotes(text);
  const sentences = sentencesOf(straight);
  // Only someone else's words are read (see reported): a question that reports no message, post or
  // comment, as most do not, is answered without compiling the long patterns at all.
  if (!sentences.some((sentence) => REPORT.test(sentence))) return undefined;
  compileWarning();
  // most questions name no sign or red flag: one pass over the whole text spares them the sentences
  // (search, not test: search leaves a global pattern's lastIndex as it was, test moves it)
  if (straight.search(WARNING_RE) < 0 && !mayFlag(straight)) return undefined;
  return reported(
    sentences,
    (sentence) =>
      (LEAVING.test(sentence) ? undefined : dangerIn(sentence, WARNING_RE, false)) ?? flagIn(sentence),
  );
}

/** The first words `read` finds in a sentence said online in someone else's message (see above). */
function reported(
  sentences: readonly string[],
  read: (sentence: string) => string | undefined,
): string | undefined {
  const online = sentences.map((s) => ONLINE.test(s));
  const reports = sentences.map((s) => REPORT.test(s));
  // a quotation that runs on from the sentence before and closes in this one ('I'm sorry. I'm sorry
  // for everything.'): its opening mark is carried in, so that its first person stays someone else's.
  // One that never closes (a stray mark, an elision: 'til Friday, '60s) carries nothing.
  for (const [i, sentence] of sentences.entries()) {
    // said online: this sentence, the one before or the one after names a message or a platform
    if (!online[i] && !online[i - 1] && !online[i + 1]) continue;
    // someone else's message: in this sentence or the one before
    if (!reports[i] && !reports[i - 1]) continue;
    if (JOKE.test(sentence)) continue;
    const before = sentences[i - 1];
    const carried = before !== undefined && inQuotes(before) && QUOTE_CLOSE.test(sentence);
    const words = read(carried ? `"${sentence}` : sentence);
    if (words) return words;
  }
  return undefined;
}

/**
 * A red flag (red-flags.ts) in a sentence, unless what was said there is the asker's own ("A colleague
 * posted about me. I've had a headache all week and I'm not calling anyone."): in the first person,
 * with no quotation or word of saying to make it someone else's. `read` finds the red flag: any that
 * offers the link (redFlag), or for the danger reading, harm said outright (outrightHarm).
 */
function flagIn(
  sentence: string,
  read: (sentence: string) => string | undefined = redFlag,
): string | undefined {
  const words = read(sentence);
  if (!words) return undefined;
  // "me" after a verb of sending is the message's reader ("a mate sent me a Snapchat"), not the asker's own words
  const said = sentence.slice(lastReport(sentence)).replace(READER, "");
  const theirs = SAYING.test(sentence) || sentence.search(QUOTE_MARK) >= 0;
  return FIRST_PERSON.test(said) && !theirs ? undefined : words;
}

/** The asker as the one a message was sent to or shown: "sent me", "messaged me", "tagged me in". */
const READER =
  /\b(?:sent|send|sends|messaged|texted|emailed|dm'?d|dmed|pm'?d|told|tells|asked|asks|showed|shows|tagged|forwarded|called|rang)\s+me\b/gi;

/** A closing quotation mark. */
const QUOTE_CLOSE = new RegExp(QUOTE_CLOSES);

/**
 * The index after the character at `i`: after both halves of a surrogate pair when the text is read as
 * code points (a pattern's u or v flag).
 */
function nextIndex(text: string, i: number, unicode: boolean): number {
  return unicode && (text.codePointAt(i) ?? 0) > 0xffff ? i + 2 : i + 1;
}

/** The first words of `pattern` in the sentence that report danger, read as described above. */
function dangerIn(sentence: string, pattern: RegExp, withRefusal: boolean): string | undefined {
  // exec, not matchAll: matchAll copies the pattern on every call, and copying one this long (the
  // danger list, the warning signs) cost more than reading the sentence with it: some 6% of a
  // 120-word question's time. The same matches, in the same order: exec reads a global pattern from
  // its lastIndex, set to 0 here (dangerIn leaves it where it stopped; the only other reader of these
  // patterns is search, which ignores it), and an empty match, read like any other, moves it on one
  // character, a whole one under the u or v flag, as matchAll does; without that, exec would find the
  // same empty match forever.
  if (!pattern.global) throw new TypeError("dangerIn reads a global pattern");
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
    if (match[0].length === 0)
      pattern.lastIndex = nextIndex(
        sentence,
        pattern.lastIndex,
        pattern.unicode || pattern.flags.includes("v"),
      );
    const before = sentence.slice(0, match.index);
    const after = sentence.slice(match.index + match[0].length);
    // the words after the last report or quotation mark are what was said
    const said = before.slice(lastReport(before));
    if (A_SUBJECT.test(said) || PAST_AFTER.test(after) || MADE_UP.test(sentence)) continue;
    // a young child doing it ("her 2-year-old hits the baby", "the toddler keeps hurting himself")
    if (littleAgent(said, match[0])) continue;
    // farewell words said for a plain reason ("she won't be here tomorrow and asked someone to swap"),
    // said of a thing ("the vaccine bus won't be here much longer"), or of a professional in a review
    if (
      FAREWELL.test(match[0]) &&
      (LEAVING.test(sentence) || PLAIN_REASON.test(sentence) || A_THING.test(said))
    )
      continue;
    if (/better\s+off\s+without/i.test(match[0]) && ROLE.test(sentence) && REVIEW.test(sentence)) continue;
    // not said: "she's not cutting herself", "doesn't want to die under anaesthetic"
    if (NEGATED.test(said)) continue;
    const firstPerson = FIRST_PERSON.test(match[0]) || ASKER_BEFORE.test(said);
    if (firstPerson && !inQuotes(before) && !SAYING.test(before)) continue;
    return match[0];
  }
  return withRefusal ? (refusedHelp(sentence) ?? flagIn(sentence, outrightHarm)) : undefined;
}

/** Whether the text ends inside quotation marks: its last opening mark comes after its last closing one. */
function inQuotes(before: string): boolean {
  let open = -1;
  let close = -1;
  for (const m of before.matchAll(QUOTE_MARK)) {
    if (m[1] !== undefined) open = m.index;
    else close = m.index;
  }
  return open > close;
}

/** Where the last report ("that", "saying", a colon, a quotation mark) before the words ends, or 0. */
function lastReport(before: string): number {
  let at = 0;
  for (const m of before.matchAll(/\b(?:that|saying|said|says|wrote|writes|:)\s|"/gi))
    at = m.index + m[0].length;
  return at;
}

/** How many phrasings must report risk, and the least share of them, for an entry to be about acting on it. */
const ENTRY_MIN = 3;
const ENTRY_SHARE = 0.4;

/** Whether an entry is about acting on risk: many of its phrasings report it. */
export function entryUrgent(questions: readonly string[]): boolean {
  const reporting = questions.filter(reportsRisk).length;
  return reporting >= ENTRY_MIN && reporting >= ENTRY_SHARE * questions.length;
}

import { remembering } from "../remembering.js";
import { PING_WORDS } from "../words/ping-words.js";

/** The longest question the engine reads; a longer one is cut to its beginning and end (and the reply says so). */
export const MAX_QUESTION_CHARS = 1_200;

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^can't$/g, "can not"],
  [/^won't$/g, "will not"],
  [/^shan't$/g, "shall not"],
  [/n't$/g, " not"],
  [/'m$/g, " am"],
  [/'re$/g, " are"],
  [/'ve$/g, " have"],
  [/'ll$/g, " will"],
  [/'d$/g, " would"],
  [/'s$/g, ""],
];

/**
 * Characters that show nothing, or only turn the text's direction: direction marks, embeddings and
 * isolates, the word joiner and its kin, the byte-order mark, and the soft hyphen (shown only where a
 * line breaks at it: text pasted from a PDF or a web page has it inside words, and "pa\u00adtient" was
 * no word the knowledge knows, so the question was declined). A line of them alone asks nothing, and
 * shown to a moderator they can reorder what the terminal prints. (The zero-width joiner and
 * non-joiner, which build emoji and shape Persian or Hindi words, are kept.)
 */
const INVISIBLE = /[\u00ad\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** A zero-width space: a break between words that shows none. */
const ZERO_WIDTH_SPACE = /\u200b/g;

/**
 * A terminal's control sequences: colours and cursor moves (ESC [ ... letter), a title or link ended
 * as terminals end them (ESC ] ... BEL or ESC \\), a key (ESC O letter), and ESC with one character or
 * none (so an unended ESC ] takes only itself, not the rest of the question). Copied from a coloured terminal
 * into a question they are no words ("can I [31maccept" lost a word), and shown to a moderator they
 * would act on the terminal.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it finds
const TERMINAL_CONTROL = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bO[@-~]|\x1b[@-~]?/g;

/** The text without its invisible characters (see INVISIBLE) and terminal controls, a zero-width space read as a space. */
export function visibleText(text: string): string {
  return text.replace(TERMINAL_CONTROL, "").replace(INVISIBLE, "").replace(ZERO_WIDTH_SPACE, " ");
}

/**
 * How much of an overlong question's beginning is kept; the rest of MAX_QUESTION_CHARS goes to its end.
 * A long post tells its story first and asks last, so a plain cut would keep the story and lose the ask.
 */
export const QUESTION_HEAD_CHARS = 400;
/** What stands between the kept beginning and end: a line of its own, so neither half joins the other's sentence. */
const CUT_MARK = "\n…\n";

/**
 * Cuts a question to MAX_QUESTION_CHARS, without splitting a surrogate pair: its first
 * QUESTION_HEAD_CHARS (who is asking, what happened) and its end (what they ask), each trimmed to
 * whole words and the end to a whole sentence where one starts near the cut.
 */
export function cutQuestion(text: string): { text: string; truncated: boolean } {
  // A text no longer in UTF-16 units than the limit has no more characters than it either.
  if (text.length <= MAX_QUESTION_CHARS) return { text, truncated: false };
  const chars = Array.from(text);
  if (chars.length <= MAX_QUESTION_CHARS) return { text, truncated: false };
  const tailChars = MAX_QUESTION_CHARS - QUESTION_HEAD_CHARS - CUT_MARK.length;
  const head = chars.slice(0, QUESTION_HEAD_CHARS).join("");
  const tail = chars.slice(chars.length - tailChars).join("");
  return { text: `${wholeWordsFrom(head)}${CUT_MARK}${wholeWordsTo(tail)}`, truncated: true };
}

/** The text without a word cut off at its end (unless it is one long word). */
function wholeWordsFrom(head: string): string {
  const trimmed = head.replace(/\s+\S*$/u, "");
  return trimmed || head;
}

/** The text from its first whole sentence when one starts within its first fifth, else its first whole word. */
function wholeWordsTo(tail: string): string {
  const sentence = /[.!?]["'”’)\]]*\s+(?=\S)/u.exec(tail.slice(0, Math.floor(tail.length / 5)));
  if (sentence) return tail.slice(sentence.index + sentence[0].length);
  const word = /\s+(?=\S)/u.exec(tail);
  return word ? tail.slice(word.index + word[0].length) : tail;
}

/** The text with curly, modifier and grave apostrophes written as straight ones (she’s -> she's). */
export function straightApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

/** The text with its apostrophes and curly quotation marks written as straight ones ("she’s", “so” -> "so"). */
export function straightQuotes(text: string): string {
  return straightApostrophes(text).replace(/[\u201c\u201d]/g, '"');
}

/**
 * A quotation mark that opens a quotation (at the start, or after a space, "(" or ":") and one that
 * closes it (before the end, a space or punctuation): an apostrophe inside a word ("don't") is neither.
 * Read on straight marks (straightQuotes).
 */
export const QUOTE_OPENS = String.raw`(?<=^|[\s(:])["']`;
export const QUOTE_CLOSES = String.raw`["'](?=$|[\s.,;:!?)])`;

/**
 * Reduces chat text to lowercase words separated by single spaces: platform tokens
 * (Slack `<@U1>`, `<!here>`, `<#C1|name>`; Discord `<@1>`, `<#1>`, `<:emoji:1>`), the words that
 * notify a whole channel (`@channel`, `@here`, `@everyone`, `@all`), emoji shortcodes (`:grimacing:`), URLs,
 * control characters and punctuation go; contractions are expanded; "US" and "U.S." read as "usa".
 */
export function normalise(text: string): string {
  // Printable ASCII (most questions) is its own NFKC form and has no control characters.
  const plain = PRINTABLE_ASCII.test(text);
  const unlinked = (
    plain ? text : text.replace(SIGNS_AS_LETTERS, " ").normalize("NFKC").replace(LOOSE_MARKS, " ")
  )
    // Slack links keep their label: <https://x|label> -> label
    .replace(SLACK_LINK, " $1 ")
    // every other <...> chat token (mentions, channels, emoji, timestamps) carries no meaning
    .replace(CHAT_TOKEN, " ")
    // an emoji typed as its shortcode (Slack, Mattermost, Discord: ":grimacing:", ":+1:") is no word
    .replace(EMOJI_SHORTCODE, " ")
    // "@channel", "@here", "@everyone" typed as text (Mattermost, Discord) notify; they ask nothing
    .replace(PING_WORD, " ")
    .replace(WEB_ADDRESS, " ");
  const cleaned = (plain ? unlinked : unlinked.replace(CONTROL, " "))
    // "US" in capitals is the country, not the pronoun that lowercasing would make of it
    .replace(US_IN_CAPITALS, " usa ")
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(NOT_WORD, " ");
  // Words are now one space apart; only a contraction, expanded or dropped ("'s"), can change that.
  if (!cleaned.includes("'")) return cleaned.trim();
  return expandContractions(cleaned).replace(SPACES, " ").trim();
}

// normalise's patterns, made once: it runs for every sentence of every question, and a regular
// expression literal is a new object each time it runs.
const SLACK_LINK = /<(?:https?|mailto):[^|>\s]*\|([^>]*)>/gi;
const CHAT_TOKEN = /<[@#!:a-z/][^<>\s]{0,200}>/gi;
const PING_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}@])@(?:${PING_WORDS})(?![\p{L}\p{N}_-])`, "giu");
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/gi;
/**
 * An emoji shortcode, not inside a word ("Re:Facebook:" is no emoji): its name is letters, digits, "_",
 * "+" and "-", with at least one letter (not the "30" of "10:30:15"), or ±1.
 */
const EMOJI_SHORTCODE = /(?<![\p{L}\p{N}]):(?:[a-z0-9_+-]*[a-z][a-z0-9_+-]*|[+-]1):/giu;
const CONTROL = /\p{C}+/gu;
/**
 * Emoji and the trade and service mark signs, taken out before NFKC, which would spell some as letters
 * and so as words: ™ and ℠ as "tm" and "sm", ℹ️ as "i", Ⓜ️ as "m", 🈷️ as "月". Every other emoji goes later
 * as no word anyway.
 */
const SIGNS_AS_LETTERS = /\p{Extended_Pictographic}\ufe0f?|[\u2120\u2122]/gu;
/**
 * Marks on no letter: the emoji-style selector of "❤️" and "👩‍⚕️" and a keycap's frame ("1️⃣"), left behind when
 * the emoji they belong to goes as no word, which read as a word of their own that the knowledge never
 * uses, and so lowered the confidence of a question signed off with one. A mark on a letter stays ("é").
 */
const LOOSE_MARKS = /(?<![\p{L}\p{M}])\p{M}+/gu;
const US_IN_CAPITALS = /\bU\.?S\.?(?:A\.?)?(?=[\s,;:!?)]|$)/g;
const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
/**
 * A run of what is not part of a word (letters, marks, digits, the apostrophe), which becomes one space.
 * A run that is one space already (between most words) is no match: written as itself, it cost a
 * replacement per word, much of normalise's time and most of what it allocated.
 */
const NOT_WORD = /[^\p{L}\p{M}\p{N}' ][^\p{L}\p{M}\p{N}']*| [^\p{L}\p{M}\p{N}']+/gu;
const SPACES = / {2,}/g;

/** Text that is printable ASCII throughout, line breaks and tabs allowed (every step reads them as spaces). */
const PRINTABLE_ASCII = /^[\x20-\x7e\t\n\r]*$/;

/**
 * The text with each word that holds an apostrophe expanded (expandContraction): its words are one
 * space apart by now. Found from each apostrophe, where a pattern for such a word ([^ ]*'[^ ]*) tried
 * every letter of every word as its start, and a word's expansion remembered, as a chat says "don't"
 * and "I'm" over and over.
 */
function expandContractions(text: string): string {
  let out = "";
  let at = 0;
  for (let mark = text.indexOf("'"); mark >= 0; mark = text.indexOf("'", at)) {
    const start = text.lastIndexOf(" ", mark) + 1;
    const space = text.indexOf(" ", mark);
    const end = space < 0 ? text.length : space;
    out += text.slice(at, start) + expanded(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/** A word with an apostrophe, its contractions expanded ("don't" is "do not") and the apostrophes dropped. */
function expandContraction(word: string): string {
  let out = word;
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  return out.replace(/'/g, "");
}

/** More different words with an apostrophe than a chat says in a day. */
const EXPANDED_KEPT = 5_000;
/** expandContraction, remembered (see expandContractions). */
const expanded = remembering(EXPANDED_KEPT, expandContraction);

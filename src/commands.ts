import type { TipSettings } from "./ports.js";
import { normalise, visibleText } from "./search/normalise.js";
import { asksForHelp, type SmallTalk, smallTalkOf } from "./small-talk.js";

/** One thing a user can ask the bot to do; every adapter maps this table onto its platform. */
export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly description: string;
  /** Only meaningful in a chat channel (Slack, Discord), not in the console. */
  readonly channelOnly?: boolean;
}

/** The platform-neutral command table. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: "ask", usage: "ask <question>", description: "Answer a question (the default: just type it)." },
  { name: "topics", usage: "topics", description: "List the topics and what the bot can answer." },
  { name: "tip", usage: "tip", description: "Show one daily tip now." },
  {
    name: "tips",
    usage: "tips on [HH:MM] [time zone] | tips off | tips status",
    description: "Turn this channel's daily tip on or off, or see its schedule.",
    channelOnly: true,
  },
  { name: "help", usage: "help", description: "Show how to use the bot." },
];

/** Example questions shown in help. */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  "Can I accept a friend request from a patient?",
  "How do I keep patient details confidential when I post?",
  "Someone is harassing me online, what should I do?",
];

/** A user's text, read as a command of the table. */
export interface ParsedCommand {
  readonly name: string;
  readonly args: string;
}

/** Reads "topics", "tip", "tips on|off|status ...", "help" or "ask <q>"; anything else is a question. Empty text is a request for help. */
export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim();
  if (!trimmed) return { name: "help", args: "" };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const rest = match?.[2] ?? "";
  // "Help!", "topics?", "Tip.": a command word alone with end punctuation is still the command
  // ("Tips? On Instagram, what should nurses avoid?" is a question)
  const typed = match?.[1]?.toLowerCase() ?? "";
  const word = rest ? typed : typed.replace(/(?<=\w)[!?.]+$/, "");
  // "tips on 08:30", not "tips off-duty posting?" or "tips on-call"
  if (word === "tips" && /^(on|off|status)(?![\w-])/i.test(rest)) return { name: "tips", args: rest };
  // "tips stop", "tips enable 9am": the words people reach for, read as off and on
  const verb = /^(?:(enable|start)(?:[.!]?$|\s+(?=\d))|(disable|stop)[.!]?$)/i.exec(rest);
  if (word === "tips" && verb) {
    const on = verb[1] !== undefined;
    return { name: "tips", args: on ? `on ${rest.slice(verb[0].length)}`.trim() : "off" };
  }
  // "tips" alone asks about the channel's daily tip (the knowledge's entries on tips are not meant)
  if (word === "tips" && !rest) return { name: "tips", args: "status" };
  // "how do I turn on daily tips?" is a question about the bot, which help answers: help on tips
  if (
    /\b(daily tips?|tips? of the day)\b/i.test(trimmed) &&
    /\b(how|turn|switch|set|enable|disable|stop|start|get)\b/i.test(trimmed)
  ) {
    return { name: "help", args: "tips" };
  }
  if (word === "ask") return rest ? { name: "ask", args: rest } : { name: "help", args: "" };
  if ((word === "help" || word === "topics" || word === "tip") && !rest) return { name: word, args: "" };
  return { name: "ask", args: trimmed };
}

/** A change to a channel's daily tip, typed: platforms with typed options build it directly. */
export type TipsChange =
  | ({ readonly action: "on" } & TipSettings)
  | { readonly action: "off" }
  | { readonly action: "status" };

/** Everything a user can ask or press, on any platform. */
export type Request =
  | { readonly kind: "ask"; readonly question: string }
  /** Help, or with `about` help on the daily tips ("how do I turn on daily tips?"). */
  | { readonly kind: "help"; readonly about?: "tips" }
  /** "hi", "thanks", "ok", "why?": said to the bot, not asked of it (see small-talk.ts). */
  | { readonly kind: "small-talk"; readonly said: SmallTalk }
  /** "are you ChatGPT?", "who made you?", "do you keep my questions?": about the bot itself. */
  | { readonly kind: "about" }
  | { readonly kind: "topics" }
  | { readonly kind: "tip" }
  | {
      readonly kind: "tips";
      readonly change: TipsChange | { readonly action: "unclear"; readonly word: string };
    }
  | { readonly kind: "open"; readonly entryId: string }
  | {
      readonly kind: "share";
      readonly entryId: string;
      /**
       * Put into a message its sharer then sends (Teams' message extension) rather than posted by the
       * bot: the same answer may be put in again at once, since one taken out of the message unsent is
       * never reported.
       */
      readonly inserted?: boolean;
    }
  | { readonly kind: "vote"; readonly entryId: string; readonly vote: "up" | "down" };

/** A user's typed text (a slash command's text, a mention, a direct message, a console line) as a request. */
export function readRequest(typed: string): Request {
  // A line of invisible characters alone is an empty one (help), not a question.
  const text = visibleText(typed);
  const plain = withoutEndPunctuation(text.trim().toLowerCase());
  const said = smallTalkOf(plain);
  if (said) return { kind: "small-talk", said };
  if (asksAboutTheBot(text)) return { kind: "about" };
  // "???", a lone emoji or link, a message of nothing but "<!channel>" or "@here": no word to look up
  if (!normalise(text) || asksForHelp(plain)) return { kind: "help" };
  const { name, args } = parseCommand(text);
  switch (name) {
    case "help":
      return args === "tips" ? { kind: "help", about: "tips" } : { kind: "help" };
    case "topics":
    case "tip":
      return { kind: name };
    case "tips":
      return { kind: "tips", change: readTipsChange(args) };
    default:
      return { kind: "ask", question: args };
  }
}

/**
 * True when the text asks about the bot itself rather than about social media: what it is ("are you
 * ChatGPT?", "are you a real person"), who made it, whether it runs on AI, how it works, and what it
 * keeps of the questions. Asked of the knowledge, "are you ChatGPT?" was answered with the entry on
 * putting patient information into AI chatbots.
 */
export function asksAboutTheBot(text: string): boolean {
  // runs of spaces as one: split on /\s*,?\s+and\s+/ below took cubic time on a run of thousands
  // (12 s for 4,000 spaces in a Slack command's text, the event loop blocked)
  const plain = withoutEndPunctuation(
    text.trim().toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " "),
  ).replace(/^(?:(?:hey|hi|hello|so|ok|okay|and|but|wait|quick question),?\s+)+/, "");
  // a longer message that opens so is a question of its own ("are you a bot? can I accept a patient's
  // friend request?"): the knowledge answers it
  if (plain.split(/\s+/).length > ABOUT_MAX_WORDS) return false;
  const about = (part: string) => ABOUT_THE_BOT.some((pattern) => pattern.test(part));
  // two questions about the bot in one ("who made you and do you keep my questions?")
  const parts = plain.split(/\s*,?\s+and\s+/);
  return about(plain) || (parts.length > 1 && parts.every(about));
}

/**
 * The text without the spaces and ! . ? , at its end. A loop, not /[\s!.?,]+$/: that regex tries every
 * start in a long run of them and takes quadratic time on a hostile message.
 */
function withoutEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && END_PUNCTUATION.test(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}
const END_PUNCTUATION = /^[\s!.?,]$/;

/** The most words a message about the bot itself has. */
const ABOUT_MAX_WORDS = 10;
const YOU = "(?:you|u)";
const AI =
  "(?:ai|a\\.i|artificial intelligence|chatgpt|chat gpt|gpt(?:-?\\d)?|an? llm|llms?|openai|an? ai|an? language model|an? chatbot|an? bot)";
/** What someone says to the bot: "what I type", "what I ask you". */
const ASKED = "what i (?:type|ask|write|say|send|tell)(?: (?:you|u|here|the bot|this bot))?";
/** The same said to the bot by name or "here": "what I ask you", "my questions here", not "what I write". */
const ASKED_HERE =
  "(?:what i (?:type|ask|write|say|send|tell) (?:you|u|here|the bot|this bot)|what i ask|my questions?(?: (?:here|to you|to the bot))?)";
const ABOUT_THE_BOT: readonly RegExp[] = [
  new RegExp(
    `^(?:are|r) ${YOU} (?:(?:a|an|just|really|actually|even)\\s+)*(?:bot|robot|ai|a\\.i|human|real|person|chatgpt|chat gpt|gpt|llm|chatbot|chat bot|machine|computer|program|programme)\\b`,
  ),
  new RegExp(`^(?:who|what) (?:are|r) ${YOU}$`),
  new RegExp(
    `^(?:who|what company|which company) (?:made|built|created|wrote|developed|programmed|owns|runs|trained|designed|makes) (?:${YOU}|this bot|the bot|this)$`,
  ),
  new RegExp(`^(?:what|which) (?:ai|model|llm|language model|engine) (?:are|do|is) ${YOU}\\b`),
  new RegExp(
    `^(?:is|does) (?:this|the) bot (?:use|using|run on|running on|powered by|based on|built on|an?)\\s+${AI}\\b`,
  ),
  new RegExp(
    `^(?:is|does) this (?:app|thing|tool|service) (?:use|using|run on|running on|powered by|based on|built on)\\s+${AI}\\b`,
  ),
  new RegExp(`^(?:do|are) ${YOU} (?:use|using|run on|running on|powered by|based on|built on)\\s+${AI}\\b`),
  new RegExp(`^(?:how do ${YOU} work|how does (?:this|this bot|it) work)$`),
  /^is (?:this|it|this bot|this thing) (?:an? )?(?:ai|a\.i|bot|chatbot|chat bot|chatgpt|chat gpt|gpt|llm|robot|real person|human|person)$/,
  /^(?:is|are) (?:this|this chat|this conversation|it|my questions?|my conversations?|our chats?|our conversations?|what i (?:type|ask|write)) (?:confidential|private|anonymous|secure|safe|recorded|logged|stored|saved|kept)$/,
  new RegExp(
    `^(?:where|what) (?:do|does) ${YOU}r (?:answers?|information|info|guidance|advice|knowledge) come from$`,
  ),
  new RegExp(`^what (?:are|is) ${YOU}r (?:sources?|references?|evidence)$`),
  new RegExp(
    `^how (?:up to date|up-to-date|current|recent|reliable|accurate|trustworthy) (?:is|are) ${YOU}r (?:answers?|guidance|information|info|advice|sources?|knowledge)$`,
  ),
  new RegExp(
    `^(?:do|will|can) ${YOU} (?:store|keep|save|log|record|remember|see|read|share) (?:(?:my|our|the|any)?\\s*(?:questions?|messages?|data|chats?|conversations?|answers?)\\b|${ASKED}$)`,
  ),
  new RegExp(`^what do ${YOU} do with (?:my|our|the) (?:questions?|data|messages?)$`),
  /^what happens (?:to|with) (?:my|our) (?:questions?|data|chats?|conversations?)(?: here)?$/,
  // who else may read what is asked here: not "can my employer see what I post"
  new RegExp(
    `^(?:can|could|will|does|do) (?:my |the )?(?:employer|boss|manager|hospital|trust|practice|work|workplace|admins?|moderators?|anyone|anybody|someone|people|other people|others) (?:see|read|find out|know) ${ASKED_HERE}$`,
  ),
];

/**
 * A word meant as the time of day: one that starts with a digit ("09:00", "8am", "0830", "25:00"), or
 * noon, midday or midnight. Right or not, parseTime checks it.
 */
const TIME_WORD = /^(?:\d|noon$|midday$|midnight$)/i;

function readTipsChange(args: string): TipsChange | { action: "unclear"; word: string } {
  // "8:30 pm" is one time of day
  const [verb = "", ...words] = args
    .trim()
    .replace(/(\d)\s+([ap]\.?m\.?)(?=\s|$)/gi, "$1$2")
    .split(/\s+/);
  // "tips off." and "tips status?" are off and status; only "on" turns the tip on ("tips foo" did too)
  const action = verb.toLowerCase().replace(/[.!?,;:]+$/, "");
  if (action === "off" || action === "status")
    return words.length ? { action: "unclear", word: words.join(" ") } : { action };
  if (action !== "on") return { action: "unclear", word: verb };
  let time: string | undefined;
  let timeZone: string | undefined;
  let weekdaysOnly = false;
  // the time, the zone and weekdays in any order, "Europe/London," and "at 08:30" as typed; a TIME_WORD
  // is the time, so that "0830" or "8:30:00" is told it is not a time of day rather than not a zone.
  // A zone may take words in a row ("New York", "GMT +1"), as Discord's field takes them.
  let inZone = false;
  for (const word of words.map((w) => w.replace(/[.,;!]+$/, "")).filter((w) => w && !/^at$/i.test(w))) {
    const wasInZone = inZone;
    inZone = false;
    if (/^(weekdays?(-only)?|mon-fri|monday-friday)$/i.test(word)) weekdaysOnly = true;
    else if (time === undefined && TIME_WORD.test(word)) time = word;
    else if (timeZone === undefined || wasInZone) {
      timeZone = timeZone === undefined ? word : `${timeZone} ${word}`;
      inZone = true;
    } else return { action: "unclear", word };
  }
  return {
    action: "on",
    ...(time !== undefined ? { time } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(weekdaysOnly ? { weekdaysOnly } : {}),
  };
}

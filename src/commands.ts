import type { TipSettings } from "./ports.js";

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
  const word = match?.[1]?.toLowerCase() ?? "";
  const rest = match?.[2] ?? "";
  if (word === "tips" && /^(on|off|status)\b/i.test(rest)) return { name: "tips", args: rest };
  // "how do I turn on daily tips?" is a question about the bot, which help answers
  if (
    /\b(daily tips?|tips? of the day)\b/i.test(trimmed) &&
    /\b(how|turn|switch|set|enable|disable|stop|start|get)\b/i.test(trimmed)
  ) {
    return { name: "help", args: "" };
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
  | { readonly kind: "help" }
  /** "hi", "thanks": said to the bot, not asked of it. */
  | { readonly kind: "small-talk"; readonly said: "hello" | "thanks" }
  | { readonly kind: "topics" }
  | { readonly kind: "tip" }
  | {
      readonly kind: "tips";
      readonly change: TipsChange | { readonly action: "unclear"; readonly word: string };
    }
  | { readonly kind: "open"; readonly entryId: string }
  | { readonly kind: "share"; readonly entryId: string }
  | { readonly kind: "vote"; readonly entryId: string; readonly vote: "up" | "down" };

/** A user's typed text (a slash command's text, a mention, a direct message, a console line) as a request. */
export function readRequest(text: string): Request {
  const plain = text
    .trim()
    .toLowerCase()
    .replace(/[\s!.?,]+$/g, "");
  if (HELLO.test(plain)) return { kind: "small-talk", said: "hello" };
  if (THANKS.test(plain)) return { kind: "small-talk", said: "thanks" };
  if (/^\?+$/.test(text.trim())) return { kind: "help" };
  const { name, args } = parseCommand(text);
  switch (name) {
    case "help":
    case "topics":
    case "tip":
      return { kind: name };
    case "tips":
      return { kind: "tips", change: readTipsChange(args) };
    default:
      return { kind: "ask", question: args };
  }
}

const HELLO = /^(?:hi|hiya|hello|hey|yo|good (?:morning|afternoon|evening)|greetings)(?: there| bot)?$/;
const THANKS = /^(?:thanks?|thank you|thx|ty|cheers|thanks a lot|thank you so much|great,? thanks)$/;

/** "on 08:30 Europe/London weekdays", "off", "status": a time has a colon, anything else is the zone. */
function readTipsChange(args: string): TipsChange | { action: "unclear"; word: string } {
  const [verb = "", ...words] = args.trim().split(/\s+/);
  const action = verb.toLowerCase();
  if (action === "off" || action === "status")
    return words.length ? { action: "unclear", word: words.join(" ") } : { action };
  let time: string | undefined;
  let timeZone: string | undefined;
  let weekdaysOnly = false;
  for (const word of words) {
    if (/^weekdays?(-only)?$/i.test(word)) weekdaysOnly = true;
    else if (/^\d{1,2}:\d{2}$/.test(word) && time === undefined) time = word;
    else if (timeZone === undefined) timeZone = word;
    else return { action: "unclear", word };
  }
  return {
    action: "on",
    ...(time !== undefined ? { time } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(weekdaysOnly ? { weekdaysOnly } : {}),
  };
}

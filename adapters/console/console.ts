import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import {
  type CardLink,
  Conversation,
  createLogger,
  type Guide,
  helpCard,
  type Request,
  readRequest,
  type UsageParts,
  visibleText,
} from "../../src/index.js";
import { CONSOLE_HELP, choicesOf, renderCard, terminalWidth } from "./render.js";

const QUIT_WORDS = new Set(["quit", "exit", ":q"]);
/** A line that leaves the chat: a quit word, or a farewell ("bye", "goodbye", "thanks, bye"). */
function quits(raw: string): boolean {
  const request = readRequest(visibleText(raw));
  return (
    QUIT_WORDS.has(visibleText(raw).trim().toLowerCase()) ||
    (request.kind === "small-talk" && request.said === "bye")
  );
}
/** What rates the last answer: "+" or "-", or the thumbs themselves. */
const VOTES = new Map<string, "up" | "down">([
  ["+", "up"],
  ["👍", "up"],
  ["-", "down"],
  ["👎", "down"],
]);
/**
 * Words answering RATE_HINT's "Useful?" straight after an answer: a rating, as "+" or "-" is. Only the
 * whole line, and only then: "no" at another moment, or "no, I meant my manager", stays a message.
 */
const RATE_WORDS = new Map<string, "up" | "down">([
  // "+1" and "-1" too: at another moment, as after "Type a number from 1 to 4", "-1" is a number mistyped
  ["+1", "up"],
  ["-1", "down"],
  ...[
    "yes",
    "y",
    "yep",
    "yeah",
    "useful",
    "helpful",
    "very useful",
    "very helpful",
    "thumbs up",
    "good",
    "great",
  ].map((w) => [w, "up"] as const),
  ...["no", "n", "nope", "not useful", "not helpful", "unhelpful", "useless", "thumbs down", "bad"].map(
    (w) => [w, "down"] as const,
  ),
]);
const RATE_HINT = "Useful? Type + or - to rate this answer.";
/** How long after a line from a terminal another may come as part of the same paste. */
const PASTE_QUIET_MS = 30;
/** Daily tips are posted into channels; the console can only show one. */
const TIPS_ELSEWHERE =
  "Daily tips are set up in a Slack, Discord, Teams or Mattermost channel (tips on 08:30 Europe/London). Type tip to see one here.";

/** How a chat ended: the lines it read, and what became of its output when it could not be written. */
export interface ConsoleEnd {
  readonly lines: number;
  /** True when the output's reader went away (`| head`): the chat ended as it should, quietly. */
  readonly outputGone?: boolean;
  /** Why the output could not be written, when it failed otherwise (a full disk). */
  readonly outputFailed?: string;
}

/**
 * Runs an interactive chat on the given streams until `quit` or end of input, recording use with
 * `parts.records`. At a terminal, readline reads each line itself (terminal mode): the arrow keys and
 * backspace edit it, earlier questions come back with the up arrow, and a long paste is read whole,
 * where the terminal's own line mode cut a line at about 4,095 characters without a word. Output that
 * can no longer be written ends the chat: quietly when its reader has gone (`| head`), else said in
 * `outputFailed`.
 */
export function runConsole(
  io: { input: Readable; output: Writable },
  guide: Guide,
  parts: UsageParts = {},
): Promise<ConsoleEnd> {
  const conversation = new Conversation({
    guide,
    logger: createLogger("silent"),
    help: CONSOLE_HELP,
    ...parts,
  });
  const who = {
    platform: "console",
    userId: "console",
    visibility: "private",
    canShare: false,
    tipsElsewhere: TIPS_ELSEWHERE,
  } as const;
  const terminal = Boolean((io.input as { isTTY?: boolean }).isTTY);
  // readline's terminal mode only when both ends are the terminal: with the output sent to a file
  // (start > chat.log) it would echo the typing into the file, and the raw terminal would show none of it.
  const editing = terminal && Boolean((io.output as { isTTY?: boolean }).isTTY);
  /** Set once output fails: nothing more is written, and the chat ends. */
  let failed: NodeJS.ErrnoException | undefined;
  const write = (text: string) => {
    if (!failed) io.output.write(text);
  };
  const say = (text: string) => write(`${text}\n\n`);
  const width = terminalWidth(io.output as { columns?: number });
  const rl = createInterface({ input: io.input, output: io.output, terminal: editing, historySize: 100 });
  rl.setPrompt("> ");
  /** True once readline has closed, after which it may not be asked to prompt. */
  let closed = false;
  rl.once("close", () => {
    closed = true;
  });
  // The prompt after an answer to a line that came before "quit" or the end of input is still written.
  const prompt = () => {
    if (failed) return;
    if (closed) write("> ");
    else rl.prompt();
  };
  let choices: readonly CardLink[] = [];
  /** The entry of the last answer shown, which "+" or "-" rates. */
  let rateable: string | undefined;
  /** True while the last thing said was an answer asking "Useful?", which a "yes" or "no" then answers. */
  let hinted = false;
  /** Lines are answered one after another, in the order typed, even when piped in at once. */
  let queue = Promise.resolve();
  const answer = async (request: Request) => {
    const { card } = await conversation.handle(request, who);
    // A number picks from the last reply's choices only: a reply with none (a decline) leaves nothing to
    // pick, where a number once opened an entry offered two replies before. A "+" or "-" rates only what
    // the reply showed. A vote's thanks keeps both, so that a vote may be changed ("-" after "+").
    if (request.kind !== "vote") {
      choices = choicesOf(card);
      rateable = card.votable ? card.entryId : undefined;
    }
    hinted = Boolean(card.votable && card.entryId);
    say(`${renderCard(card, width)}${hinted ? `\n\n${RATE_HINT}` : ""}`);
  };
  const line = async (raw: string) => {
    const text = visibleText(raw).trim();
    // A rating of the last answer, as 👍/👎 on the platforms: a 👍 on an unsure answer teaches a phrasing.
    const vote =
      VOTES.get(text) ??
      (hinted
        ? RATE_WORDS.get(
            text
              .toLowerCase()
              .replace(/[.!?]+$/, "")
              .replace(/^(?:that was|it was|it's|that's) /, ""),
          )
        : undefined);
    hinted = false;
    if (vote) {
      if (rateable) await answer({ kind: "vote", entryId: rateable, vote });
      else say("There is no answer to rate just now: ask a question.");
      prompt();
      return;
    }
    // A number alone picks from what was offered: any other number ("100", "-1") is no question either.
    // Copied as the list shows it ("[3]"), it is the number.
    const number = /^\[\s*(\d+)\s*\]$/.exec(text)?.[1] ?? text;
    if (/^[-+]?\d+$/.test(number)) {
      const pick = /^\d+$/.test(number) ? choices[Number(number) - 1] : undefined;
      if (pick) await answer({ kind: "open", entryId: pick.entryId });
      else
        say(
          choices.length
            ? `Type a number from 1 to ${choices.length}, or ask a question.`
            : "There is nothing numbered to pick just now: ask a question.",
        );
    } else if (text) await answer(readRequest(text));
    prompt();
  };
  say(renderCard(helpCard(guide, CONSOLE_HELP), width));
  prompt();
  return new Promise((resolve) => {
    // Lines already read past "quit" (pasted or piped in with it) are not answered, nor recorded.
    let quitting = false;
    let lines = 0;
    io.output.on("error", (error: NodeJS.ErrnoException) => {
      if (failed) return;
      failed = error;
      quitting = true;
      rl.close();
    });
    // Ctrl-C at a terminal in terminal mode reaches readline as a key, not the process as a signal:
    // it leaves the chat as Ctrl-D does (readline would otherwise only pause its input).
    rl.on("SIGINT", () => {
      quitting = true;
      rl.close();
    });
    const take = (raw: string) => {
      if (quitting) return;
      if (quits(raw)) {
        quitting = true;
        rl.close();
        return;
      }
      queue = queue.then(() => line(raw));
    };
    // At a terminal, lines that arrive together were pasted together (an email, a post with its story),
    // and are one question: each was answered as a question of its own, sixty answers for sixty lines.
    // Piped in (a script, a test), each line is a line of its own.
    let pasted: string[] = [];
    let settling: NodeJS.Timeout | undefined;
    const paste = () => {
      clearTimeout(settling);
      if (pasted.length === 0) return;
      const together = pasted;
      pasted = [];
      take(together.length === 1 ? (together[0] ?? "") : together.join(" "));
    };
    rl.on("line", (raw) => {
      lines++;
      if (!terminal) return take(raw);
      pasted.push(raw);
      // A terminal hands a paste over a line at a time, each within a few milliseconds of the last; no
      // one types a line and Enter that fast. The paste is taken once PASTE_QUIET_MS pass without one.
      clearTimeout(settling);
      settling = setTimeout(paste, PASTE_QUIET_MS);
    });
    rl.on("close", () => {
      // a paste that ended the input (Ctrl-D straight after it) is answered before leaving
      if (pasted.length > 0) paste();
      void queue.then(() => {
        write("\nGoodbye.\n");
        resolve(
          !failed
            ? { lines }
            : failed.code === "EPIPE"
              ? { lines, outputGone: true }
              : { lines, outputFailed: failed.message },
        );
      });
    });
  });
}

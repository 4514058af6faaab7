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
} from "../../src/index.js";
import { CONSOLE_HELP, choicesOf, renderCard, terminalWidth } from "./render.js";

const QUIT_WORDS = new Set(["quit", "exit", "bye", ":q"]);
/** Daily tips are posted into channels; the console can only show one. */
const TIPS_ELSEWHERE =
  "Daily tips are set up in a Slack or Discord channel (tips on 08:30 Europe/London). Type tip to see one here.";

/** Runs an interactive chat on the given streams until `quit` or end of input, recording use with `parts.records`. */
export function runConsole(
  io: { input: Readable; output: Writable },
  guide: Guide,
  parts: UsageParts = {},
): Promise<void> {
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
  const say = (text: string) => io.output.write(`${text}\n\n`);
  const width = terminalWidth(io.output as { columns?: number });
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  let choices: readonly CardLink[] = [];
  /** Lines are answered one after another, in the order typed, even when piped in at once. */
  let queue = Promise.resolve();
  const answer = async (request: Request) => {
    const { card } = await conversation.handle(request, who);
    // A card with nothing to pick keeps the last choices, so "2" still opens what was offered.
    if (card.offers.length > 0) choices = choicesOf(card);
    say(renderCard(card, width));
  };
  const line = async (raw: string) => {
    const text = raw.trim();
    if (/^\d{1,2}$/.test(text)) {
      const pick = choices[Number(text) - 1];
      if (pick) await answer({ kind: "open", entryId: pick.entryId });
      else
        say(
          choices.length
            ? `Type a number from 1 to ${choices.length}, or ask a question.`
            : "Ask a question first.",
        );
    } else if (text) await answer(readRequest(text));
    io.output.write("> ");
  };
  say(renderCard(helpCard(guide, CONSOLE_HELP), width));
  io.output.write("> ");
  return new Promise((resolve) => {
    rl.on("line", (raw) => {
      if (QUIT_WORDS.has(raw.trim().toLowerCase())) {
        rl.close();
        return;
      }
      queue = queue.then(() => line(raw));
    });
    rl.on("close", () => {
      void queue.then(() => {
        io.output.write("\nGoodbye.\n");
        resolve();
      });
    });
  });
}

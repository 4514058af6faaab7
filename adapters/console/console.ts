import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { askWithin, createLogger, type Guide, parseCommand, type Usage } from "../../src/index.js";
import { choicesOf, renderHelp, renderReply, renderTipAlone, renderTopics } from "./render.js";

const QUIT_WORDS = new Set(["quit", "exit", "bye", ":q"]);
const CONSOLE_HELP = [
  "  1, 2, ...        Open one of the numbered entries offered with the last reply.",
  "  quit             Leave the chat.",
];
/** Daily tips are posted into channels; the console can only show one. */
const TIPS_ELSEWHERE =
  "Daily tips are set up in a Slack or Discord channel (tips on 08:30 Europe/London). Type tip to see one here.";

/** Runs an interactive chat on the given streams until `quit` or end of input. */
export function runConsole(
  io: { input: Readable; output: Writable },
  guide: Guide,
  usage?: Usage,
): Promise<void> {
  const say = (text: string) => io.output.write(`${text}\n\n`);
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  const logger = createLogger("silent");
  let choices: readonly { id: string }[] = [];
  say(renderHelp(guide, CONSOLE_HELP));
  io.output.write("> ");
  return new Promise((resolve) => {
    rl.on("line", (line) => {
      const text = line.trim();
      if (QUIT_WORDS.has(text.toLowerCase())) {
        rl.close();
        return;
      }
      const pick = /^\d{1,2}$/.test(text) ? choices[Number(text) - 1] : undefined;
      if (pick) {
        const reply = guide.show(pick.id);
        if (reply) {
          usage?.picked("console", "console", pick.id);
          choices = choicesOf(reply);
          say(renderReply(reply));
        }
      } else if (/^\d{1,2}$/.test(text)) {
        say(
          choices.length
            ? `Type a number from 1 to ${choices.length}, or ask a question.`
            : "Ask a question first.",
        );
      } else if (text) {
        const command = parseCommand(text);
        if (command.name === "help") say(renderHelp(guide, CONSOLE_HELP));
        else if (command.name === "topics") say(renderTopics(guide.topics()));
        else if (command.name === "tips") say(TIPS_ELSEWHERE);
        else if (command.name === "tip") {
          const tip = guide.randomTip();
          say(tip ? renderTipAlone(guide, tip) : "There are no tips in the knowledge base yet.");
        } else {
          const asked = askWithin(
            guide,
            usage,
            { platform: "console", userId: "console", text: command.args },
            logger,
          );
          if ("reply" in asked) {
            choices = choicesOf(asked.reply);
            say(renderReply(asked.reply));
          } else say(asked.refusal);
        }
      }
      io.output.write("> ");
    });
    rl.on("close", () => {
      io.output.write("\nGoodbye.\n");
      resolve();
    });
  });
}

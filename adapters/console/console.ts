import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { type Guide, parseCommand } from "../../src/index.js";
import { renderHelp, renderReply, renderTipAlone, renderTopics } from "./render.js";

const QUIT_WORDS = new Set(["quit", "exit", "bye", ":q"]);
const CONSOLE_HELP = ["  quit             Leave the chat."];

/** Runs an interactive chat on the given streams until `quit` or end of input. */
export function register(io: { input: Readable; output: Writable }, guide: Guide): Promise<void> {
  const say = (text: string) => io.output.write(`${text}\n\n`);
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  say(renderHelp(guide, CONSOLE_HELP));
  io.output.write("> ");
  return new Promise((resolve) => {
    rl.on("line", (line) => {
      const text = line.trim();
      if (QUIT_WORDS.has(text.toLowerCase())) {
        rl.close();
        return;
      }
      if (text) {
        const command = parseCommand(text);
        if (command.name === "help") say(renderHelp(guide, CONSOLE_HELP));
        else if (command.name === "topics") say(renderTopics(guide.topics()));
        else if (command.name === "tip") {
          const tip = guide.randomTip();
          say(tip ? renderTipAlone(guide, tip) : "There are no tips in the knowledge base yet.");
        } else say(renderReply(guide.ask(command.args)));
      }
      io.output.write("> ");
    });
    rl.on("close", () => {
      io.output.write("\nGoodbye.\n");
      resolve();
    });
  });
}

import { asksAboutTheBot, readRequest } from "../src/commands.js";
import type { Guide } from "../src/guide.js";
import type { EntryRef, Reply } from "../src/types.js";
import type { Out } from "./output.js";

/** What the text `ask` says to "help", "hello" or "thanks", which ask nothing of the knowledge. */
export const ONE_SHOT_HELP =
  'ask answers one question about using social media professionally as a clinician, e.g. socialmedia-guidance ask "can I accept a friend request from a patient?". socialmedia-guidance start opens a chat, and socialmedia-guidance help lists every command.';

/** `ask [--json] "question"`: one answer, or with --json and no question one JSON line per input line. */
export async function ask(
  guide: Guide,
  words: readonly string[],
  json: boolean,
  out: Out,
  err: Out,
  input: () => NodeJS.ReadableStream,
): Promise<number> {
  if (words.join(" ").trim()) {
    const question = words.join(" ");
    // "help", "hi", "thanks" typed as the question: said to a chat, which this is not
    const said = json ? undefined : readRequest(question).kind;
    if (said === "help" || said === "small-talk") {
      out(ONE_SHOT_HELP);
      return 0;
    }
    const reply = guide.ask(question);
    if (json) out(JSON.stringify(replyJson(reply, asksAboutTheBot(question))));
    else {
      // The cards and the terminal renderer (marked-terminal) load only for text output.
      const [{ aboutCard, replyCard }, { CONSOLE_HELP, renderCard, terminalWidth }] = await Promise.all([
        import("../src/conversation/cards.js"),
        import("../adapters/console/render.js"),
      ]);
      // "are you ChatGPT?" is about the bot, as in a chat, not a question for the knowledge
      // nothing is read after it, so the entries it offers are listed, not numbered to pick
      out(
        renderCard(
          asksAboutTheBot(question) ? aboutCard(guide, CONSOLE_HELP) : replyCard(reply),
          terminalWidth(),
          {
            picks: false,
          },
        ),
      );
    }
    return 0;
  }
  // A question given but empty (an unset shell variable) is a mistake, not a request to read standard input.
  if (!json || words.length > 0) {
    err(
      'ask needs a question, e.g. socialmedia-guidance ask "can I accept a friend request from a patient?"',
    );
    // Text piped in is answered line by line only with --json (one JSON line an answer, for scripts).
    if (!json && !(input() as { isTTY?: boolean }).isTTY)
      err("To answer questions from standard input, one a line, use: socialmedia-guidance ask --json");
    return 2;
  }
  // At a terminal, say what is awaited rather than wait in silence.
  if ((input() as { isTTY?: boolean }).isTTY)
    err("Reading questions from standard input, one a line, one JSON line an answer; Ctrl-D ends.");
  // node:readline loads only here: a one-shot question never reads standard input.
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: input(), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) out(JSON.stringify(replyJson(guide.ask(line), asksAboutTheBot(line))));
  return 0;
}

/**
 * The `ask --json` contract. A question about the bot itself ("are you ChatGPT?"), which a chat and the
 * text `ask` answer with the about card, has no answer from the knowledge: `aboutTheBot` says so.
 */
export function replyJson(reply: Reply, aboutTheBot = false) {
  const ref = (r: EntryRef) => ({ id: r.id, title: r.title, score: r.score });
  return {
    question: reply.question,
    answer:
      reply.kind === "answer" && !aboutTheBot
        ? { id: reply.entry.id, title: reply.entry.title, confidence: reply.confidence }
        : null,
    ...(aboutTheBot ? { aboutTheBot: true } : {}),
    // the about card is the reply then, not a decline: no subject it was declined as
    ...(reply.kind === "no-answer" && reply.otherSubject && !aboutTheBot
      ? { otherSubject: reply.otherSubject }
      : {}),
    ...(reply.kind === "no-answer" && reply.otherLanguage && !aboutTheBot ? { otherLanguage: true } : {}),
    suggestions: aboutTheBot ? [] : reply.suggestions.map(ref),
    ...(reply.safety && !aboutTheBot ? { safety: { id: reply.safety.id, title: reply.safety.title } } : {}),
    ...(reply.kind === "answer" && reply.otherCountry && !aboutTheBot
      ? { otherCountry: reply.otherCountry }
      : {}),
    flags: [...reply.flags],
    ...(reply.truncated ? { truncated: true } : {}),
  };
}

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { register as registerConsole } from "../adapters/console/console.js";
import { renderReply, renderTips, renderTopics } from "../adapters/console/render.js";
import { ConfigError, loadConfig } from "./config.js";
import { evaluate, formatEval, parseEvalFile } from "./eval/evaluate.js";
import { createGuide, type Guide } from "./guide.js";
import { KnowledgeError, loadKnowledge } from "./knowledge/load.js";
import type { Reply } from "./types.js";

const USAGE = `Usage: socialmedia-guidance <command> [options]

Commands:
  start                     Run the bot (console chat when no platform tokens are set)
  ask [--json] "question"   Answer one question; with --json and no question, one per stdin line
  topics [--json]           List the topics and their entries
  tips list [--json]        List the daily tips with their sources and linked entries
  validate                  Check the knowledge base; exits 1 on a problem
  eval <file.jsonl>         Measure answer quality on a labelled set
  help                      Show this text`;

type Out = (text: string) => void;

/** The composition root: parses argv, wires config, knowledge and adapters. Returns an exit code. */
export async function main(argv: readonly string[], out: Out = print, err: Out = printErr): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { command, json, rest } = parsed;
  if (command === "help" || command === "--help" || command === "-h") {
    out(USAGE);
    return 0;
  }
  if (!["start", "ask", "topics", "tips", "validate", "eval"].includes(command)) {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let guide: Guide;
  try {
    guide = createGuide(loadKnowledge(loadConfig(process.env).knowledgeDir));
  } catch (error) {
    if (error instanceof KnowledgeError || error instanceof ConfigError) {
      err(error.message);
      if (command !== "validate") err("Fix the knowledge base (see knowledge/README.md) and try again.");
      return 1;
    }
    throw error;
  }
  switch (command) {
    case "validate":
      out(
        `Knowledge base OK: ${guide.knowledge.entries.length} entries, ${guide.knowledge.topics.length} topics, ${guide.knowledge.tips.length} tips.`,
      );
      return 0;
    case "topics":
      out(json ? JSON.stringify(topicsJson(guide), null, 2) : renderTopics(guide.topics()));
      return 0;
    case "tips":
      return tips(guide, rest, json, out, err);
    case "ask":
      return ask(guide, rest, json, out, err);
    case "eval":
      return runEval(guide, rest[0], out, err);
    default:
      await registerConsole({ input: process.stdin, output: process.stdout }, guide);
      return 0;
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [command = "start", ...rest] = positionals;
  return { command, json: values.json ?? false, rest };
}

async function ask(guide: Guide, words: string[], json: boolean, out: Out, err: Out): Promise<number> {
  if (words.length > 0) {
    const reply = guide.ask(words.join(" "));
    out(json ? JSON.stringify(replyJson(reply)) : renderReply(reply));
    return 0;
  }
  if (!json) {
    err(
      'ask needs a question, e.g. socialmedia-guidance ask "can I accept a friend request from a patient?"',
    );
    return 2;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) out(JSON.stringify(replyJson(guide.ask(line))));
  return 0;
}

function tips(guide: Guide, args: string[], json: boolean, out: Out, err: Out): number {
  if (args[0] !== "list" || args.length > 1) {
    err(`Unknown tips command "${args.join(" ")}". Try: socialmedia-guidance tips list [--json]`);
    return 2;
  }
  out(json ? JSON.stringify(tipsJson(guide), null, 2) : renderTips(guide));
  return 0;
}

function tipsJson(guide: Guide) {
  return guide.tips().map((t) => ({
    id: t.id,
    topic: t.topic,
    text: t.text,
    sources: guide
      .sourcesOf(t)
      .map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, year: s.year })),
    entry: { id: t.entry, title: guide.entry(t.entry)?.title ?? t.entry },
  }));
}

function runEval(guide: Guide, file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err("eval needs a file: npm run eval -- ../shared/eval/dev.jsonl");
    return 2;
  }
  try {
    out(formatEval(evaluate(guide, parseEvalFile(readFileSync(file, "utf8")))));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

/** The `ask --json` contract. */
export function replyJson(reply: Reply) {
  const ref = (r: { id: string; title: string; confidence: number }) => ({
    id: r.id,
    title: r.title,
    confidence: r.confidence,
  });
  return {
    question: reply.question,
    answer:
      reply.kind === "answer"
        ? { id: reply.entry.id, title: reply.entry.title, confidence: reply.confidence }
        : null,
    suggestions: reply.suggestions.map(ref),
  };
}

function topicsJson(guide: Guide) {
  return guide.topics().map((l) => ({
    id: l.topic.id,
    title: l.topic.title,
    entries: l.entries.map((e) => ({ id: e.id, title: e.title })),
  }));
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function printErr(text: string): void {
  process.stderr.write(`${text}\n`);
}

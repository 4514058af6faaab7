import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { renderCard } from "../adapters/console/render.js";
import { ask, discord, guardEval, preview, report, runEval, tips, topicsJson } from "./cli/commands.js";
import { fitConfidence } from "./cli/fit.js";
import { LEARN_USAGE, learn } from "./cli/learn.js";
import type { Out } from "./cli/runtime.js";
import { start } from "./cli/start.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { topicsCard } from "./conversation/cards.js";
import { createGuide, type Guide } from "./guide.js";
import { KnowledgeError, loadKnowledge } from "./knowledge/load.js";

export { replyJson } from "./cli/commands.js";

const USAGE = `Usage: socialmedia-guidance <command> [options]

Commands:
  start                     Run the bot (console chat when no platform tokens are set)
  ask [--json] "question"   Answer one question; with --json and no question, one per stdin line
  topics [--json]           List the topics and their entries
  tips list [--json]        List the daily tips with their sources and linked entries
  discord deploy            Register the Discord commands (npm run discord:deploy)
  validate                  Check the knowledge base; exits 1 on a problem
  eval <file.jsonl>         Measure answer quality on a labelled set
  fit [--write] [files...]  Fit the confidence model on the project's labelled sets (cross-validated)
  guard-eval <file.jsonl>   Measure the patient-data guard: recall and false positives
  report [--json]           Most 👎 entries, most-asked unanswered questions, answer rate by day
  learn [--list]            Go through the phrasings users proposed: a(ccept), r(eject), s(kip), q(uit)
  learn --accept <n>        Accept (or --reject <n>) candidate n of learn --list; learn --help for more
  help                      Show this text`;

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
  if (command === "help" || command === "--help" || command === "-h" || parsed.help) {
    out(command === "learn" ? LEARN_USAGE : USAGE);
    return 0;
  }
  if (
    ![
      "start",
      "ask",
      "topics",
      "tips",
      "validate",
      "eval",
      "fit",
      "guard-eval",
      "report",
      "learn",
      "discord",
    ].includes(command)
  ) {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  loadDotenv({ quiet: true });
  let config: Config;
  let guide: Guide;
  try {
    config = loadConfig(process.env);
    guide = createGuide(loadKnowledge(config.knowledgeDir));
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      err("Fix these settings in .env or the environment (see .env.example) and try again.");
      return 1;
    }
    if (error instanceof KnowledgeError) {
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
      out(json ? JSON.stringify(topicsJson(guide), null, 2) : renderCard(topicsCard(guide.topics())));
      return 0;
    case "tips":
      return rest[0] === "preview"
        ? preview(config, guide, parsed, out, err)
        : tips(guide, rest, json, out, err);
    case "ask":
      return ask(guide, rest, json, out, err);
    case "eval":
      return runEval(guide, rest[0], out, err);
    case "fit":
      return fitConfidence(guide, rest, config.knowledgeDir, parsed.write, out, err);
    case "discord":
      return discord(config, rest, out, err);
    case "guard-eval":
      return guardEval(rest[0], out, err);
    case "report":
      return report(config, guide, json, out, err);
    case "learn":
      return learn(config, guide.knowledge, parsed, out, err);
    default:
      return start(config, guide, err);
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      json: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      channel: { type: "string" },
      days: { type: "string" },
      platform: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      list: { type: "boolean", default: false },
      accept: { type: "string", multiple: true, default: [] },
      reject: { type: "string", multiple: true, default: [] },
    },
    allowPositionals: true,
  });
  const [command = "start", ...rest] = positionals;
  return {
    command,
    json: values.json ?? false,
    write: values.write ?? false,
    rest,
    channel: values.channel,
    days: values.days,
    platform: values.platform,
    help: values.help ?? false,
    list: values.list ?? false,
    accept: values.accept ?? [],
    reject: values.reject ?? [],
  };
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function printErr(text: string): void {
  process.stderr.write(`${text}\n`);
}

import { join } from "node:path";
import { fs } from "../src/builtins.js";
import { loadGuide } from "../src/compiled.js";
import type { Config } from "../src/config-types.js";
import { createGuide, type Guide } from "../src/guide.js";
import { KnowledgeError } from "../src/knowledge/errors.js";
import { knowledgeDirOf, packageRoot } from "../src/paths.js";
import { type Args, parseArgv } from "./args.js";
import { readEnvFile, warnUnknownSettings } from "./env-file.js";
import { nearestNames } from "./nearest.js";
import { type Out, print, printErr } from "./output.js";
import { commandHelp, SUBCOMMANDS, type Subcommand, usageText } from "./subcommands.js";

/** True when argv runs the bot (`start`, named or left to the default), as main reads it. */
export function runsTheBot(argv: readonly string[]): boolean {
  try {
    return parseArgv(argv).command === "start";
  } catch {
    return false;
  }
}

/**
 * The composition root: parses argv, loads config and knowledge, and runs the subcommand the table
 * names. Returns the exit code: 0 done, 1 failed, 2 misused.
 */
export async function main(
  argv: readonly string[],
  out: Out = print,
  err: Out = printErr,
  input?: NodeJS.ReadableStream,
): Promise<number> {
  let args: Args;
  try {
    args = parseArgv(argv);
  } catch (error) {
    // the usage of the command it was given to, when one is named first: not the whole table
    const named = SUBCOMMANDS.find((c) => c.name === argv[0] && c.name !== "help");
    err(
      `${optionProblem(error as Error & { code?: string })}\n\n${named ? commandHelp(named) : usageText()}`,
    );
    return 2;
  }
  if (args.version) {
    out(packageVersion());
    return 0;
  }
  const name = args.command === "--help" || args.command === "-h" ? "help" : args.command;
  const subcommand = SUBCOMMANDS.find((c) => c.name === name);
  if (args.help) {
    out(subcommand && args.named && subcommand.name !== "help" ? commandHelp(subcommand) : usageText());
    return 0;
  }
  if (!subcommand) {
    err(`${await unknownCommand(args)}\n\n${usageText()}`);
    return 2;
  }
  if (subcommand.words !== undefined && args.rest.length > subcommand.words) {
    err(
      `${subcommand.name} takes ${subcommand.words === 0 ? "no words after it" : `at most ${subcommand.words === 1 ? "one word" : `${subcommand.words} words`} after it`}; not "${args.rest.slice(subcommand.words).join(" ")}". See socialmedia-guidance ${subcommand.name} --help.`,
    );
    return 2;
  }
  const unused = optionsNotTaken(subcommand, args);
  if (unused.length > 0) {
    // "validate --json" printed plain text, as if --json had been taken
    err(
      `${subcommand.name} does not take ${unused.map((o) => `--${o}`).join(" or ")}. See socialmedia-guidance ${subcommand.name} --help.`,
    );
    return 2;
  }
  // Standard input is opened only by a command that reads it: opening it costs a one-shot command ~10 ms.
  const io = { args, out, err, input: () => input ?? process.stdin };
  if (subcommand.needs === "nothing") return subcommand.run(io);
  const envFile = fs.existsSync(".env") ? await readEnvFile(err) : undefined;
  if (envFile === "unreadable") return 1;
  // Only the commands that read settings beyond the knowledge folder load the validator (zod): a
  // one-shot ask reads KNOWLEDGE_DIR alone.
  if (subcommand.needs === "knowledge") {
    const knowledgeDir = knowledgeDirOf(process.env);
    const guide = await guideOf(knowledgeDir, subcommand, err);
    return guide ? subcommand.run({ ...io, guide, knowledgeDir }) : 1;
  }
  const { ConfigError, loadConfig, SETTING_NAMES } = await import("../src/config.js");
  await warnUnknownSettings(envFile, SETTING_NAMES, err);
  let config: Config;
  try {
    const settings = subcommand.settings;
    config = loadConfig(process.env, settings && ((name) => settings(name, args.rest)));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(error.message);
    err("Fix these settings in .env or the environment (see .env.example) and try again.");
    return 1;
  }
  if (subcommand.needs === "config") return subcommand.run({ ...io, config });
  const { withoutKnowledge } = subcommand;
  const guide = await guideOf(config.knowledgeDir, subcommand, withoutKnowledge ? undefined : err);
  if (guide) return subcommand.run({ ...io, config, guide, knowledgeDir: config.knowledgeDir });
  if (!withoutKnowledge) return 1;
  err(
    `The knowledge base has a problem (socialmedia-guidance validate says what): entries are named by id alone, and what the bot does with each question now is left out.`,
  );
  return withoutKnowledge({ ...io, config });
}

/**
 * The knowledge as the command reads it (afresh, or compiled); undefined when it has a problem, which
 * is said to `err` if given.
 */
async function guideOf(dir: string, subcommand: Subcommand, err?: Out): Promise<Guide | undefined> {
  try {
    return subcommand.fresh
      ? createGuide((await import("../src/knowledge/load.js")).loadKnowledge(dir))
      : await loadGuide(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    if (!err) return undefined;
    err(error.message);
    if (subcommand.name !== "validate")
      err("Fix the knowledge base (see knowledge/README.md) and try again.");
    return undefined;
  }
}

/** This package's version, from its package.json. */
function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(join(packageRoot(), "package.json"), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "unknown";
}

/**
 * What to say of a command the table lacks: how to ask, when it reads as a question typed without
 * `ask` ("socialmedia-guidance can I post a photo?"), else the command it is likely a slip for.
 */
async function unknownCommand(args: Args): Promise<string> {
  // Control characters and escape sequences never reach the terminal: they would act on it.
  const { shown } = await import("./shown.js");
  const command = shown(args.command);
  const head = `Unknown command "${command}".`;
  const said = shown([args.command, ...args.rest].join(" ")).trim();
  if (!said) return head;
  if (args.rest.length > 0 || /\s|\?$/.test(said)) {
    // in single quotes, so that a shell pastes it as typed ("$100" stays "$100")
    const quoted = `'${said.replace(/'/g, "'\\''")}'`;
    return `${head} To ask a question, put ask before it: socialmedia-guidance ask ${quoted}`;
  }
  const [near] = await nearestNames(
    [command],
    SUBCOMMANDS.map((c) => c.name),
  );
  return near ? `${head} Did you mean "${near}"?` : head;
}

/**
 * What is wrong with a command line's options, in words of our own: Node's messages name the option
 * but suggest a quoting trick that confuses here. An option given no value ("--channel" last, "--days -5") needs
 * one; any other is unknown.
 */
function optionProblem(error: Error & { code?: string }): string {
  // The first quoted name in Node's message ("'--days <value>'", "'-h, --help'", "'-='"): the long
  // form, without its placeholder, is the name to give
  const quoted = /'(-[^']*)'/.exec(error.message)?.[1];
  const option = quoted?.split(", ").at(-1)?.replace(/\s.*$/, "");
  if (!option) return error.message;
  if (error.code !== "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `Unknown option "${option}".`;
  if (/does not take an argument/.test(error.message)) return `Option "${option}" takes no value.`;
  // "--days -5": a value that starts with "-" reads as another option
  const dashed = /ambiguous/.test(error.message)
    ? ` (write one that starts with "-" as ${option}=<value>)`
    : "";
  return `Option "${option}" needs a value after it${dashed}.`;
}

/**
 * The options given that the command does not take: those its help never names (usage, further forms
 * and details are where each command lists its own). --help and --version are everyone's.
 */
function optionsNotTaken(subcommand: Subcommand, args: Args): string[] {
  const help = [
    subcommand.usage,
    ...(subcommand.more ?? []).flatMap((m) => [m.usage, m.summary]),
    subcommand.details,
  ];
  const taken = new Set([...help.join(" ").matchAll(/--([a-z]+)/g)].map((m) => m[1]));
  const given: Record<string, boolean> = {
    json: args.json,
    write: args.write,
    record: args.record,
    list: args.list,
    channel: args.channel !== undefined,
    days: args.days !== undefined,
    platform: args.platform !== undefined,
    team: args.team !== undefined,
    accept: args.accept.length > 0,
    reject: args.reject.length > 0,
  };
  return Object.keys(given).filter((o) => given[o] && !taken.has(o));
}

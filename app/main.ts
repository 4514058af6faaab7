import { readFileSync } from "node:fs";
import { join } from "node:path";
import { config as loadDotenv } from "dotenv";
import {
  type Config,
  ConfigError,
  createGuide,
  type Guide,
  KnowledgeError,
  loadConfig,
  loadGuide,
  loadKnowledge,
} from "../src/index.js";
import { packageRoot } from "../src/paths.js";
import { type Args, parseArgv } from "./args.js";
import { type Out, print, printErr } from "./output.js";
import { SUBCOMMANDS, usageText } from "./subcommands.js";

/**
 * The composition root: parses argv, loads config and knowledge, and runs the subcommand the table
 * names. Returns the exit code: 0 done, 1 failed, 2 misused.
 */
export async function main(
  argv: readonly string[],
  out: Out = print,
  err: Out = printErr,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  let args: Args;
  try {
    args = parseArgv(argv);
  } catch (error) {
    // Node's own wording names the option but suggests a quoting trick that confuses here.
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    err(`${option ? `Unknown option "${option}".` : (error as Error).message}\n\n${usageText()}`);
    return 2;
  }
  if (args.version) {
    out(packageVersion());
    return 0;
  }
  const name = args.command === "--help" || args.command === "-h" ? "help" : args.command;
  const subcommand = SUBCOMMANDS.find((c) => c.name === name);
  if (args.help) {
    out(subcommand?.details ?? usageText());
    return 0;
  }
  if (!subcommand) {
    err(`Unknown command "${args.command}".\n\n${usageText()}`);
    return 2;
  }
  if (subcommand.words !== undefined && args.rest.length > subcommand.words) {
    err(
      `${subcommand.name} takes ${subcommand.words === 0 ? "no words after it" : `at most ${subcommand.words}`}; not "${args.rest.slice(subcommand.words).join(" ")}". See socialmedia-guidance ${subcommand.name} --help.`,
    );
    return 2;
  }
  if (subcommand.bare) return subcommand.run({ args, out, err, input });
  loadDotenv({ quiet: true });
  let config: Config;
  let guide: Guide;
  try {
    config = loadConfig(process.env, subcommand.settings);
    guide = subcommand.fresh
      ? createGuide(loadKnowledge(config.knowledgeDir))
      : loadGuide(config.knowledgeDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      err("Fix these settings in .env or the environment (see .env.example) and try again.");
      return 1;
    }
    if (error instanceof KnowledgeError) {
      err(error.message);
      if (name !== "validate") err("Fix the knowledge base (see knowledge/README.md) and try again.");
      return 1;
    }
    throw error;
  }
  return subcommand.run({ args, config, guide, out, err, input });
}

/** This package's version, from its package.json. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

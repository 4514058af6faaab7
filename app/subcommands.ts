import { localSettings } from "../src/config.js";
import type { Config, Guide } from "../src/index.js";
import type { Args } from "./args.js";
import { ask } from "./ask.js";
import { check } from "./check.js";
import { discordDeploy } from "./discord-deploy.js";
import { guardEval, runEval } from "./eval.js";
import { fitConfidence } from "./fit.js";
import { LEARN_USAGE, learn } from "./learn.js";
import type { Out } from "./output.js";
import { report } from "./report.js";

// The commands that draw on the terminal renderer or the platforms load them on use, so that a
// one-shot `ask` does not (see app/lazy.ts for the platforms themselves).
const start = async (...a: Parameters<typeof import("./start.js").start>) =>
  (await import("./start.js")).start(...a);
const topics = async (...a: Parameters<typeof import("./topics.js").topics>) =>
  (await import("./topics.js")).topics(...a);
const tips = async (...a: Parameters<typeof import("./tips.js").tips>) =>
  (await import("./tips.js")).tips(...a);
const preview = async (...a: Parameters<typeof import("./tips.js").preview>) =>
  (await import("./tips.js")).preview(...a);

/** What every subcommand is given: the parsed command line and where to read and write. */
export interface Io {
  readonly args: Args;
  readonly out: Out;
  readonly err: Out;
  readonly input: NodeJS.ReadableStream;
}

/** What most subcommands are given besides: the validated settings and the loaded knowledge. */
export interface Loaded extends Io {
  readonly config: Config;
  readonly guide: Guide;
}

/** One row of the help text: how the command is called and what it does. */
export interface UsageRow {
  readonly usage: string;
  readonly summary: string;
}

/**
 * A subcommand: its help rows (`more` for other forms), its own `--help` text if any, and what it runs;
 * a `bare` one runs before the settings and the knowledge are loaded, so that it works when they are broken.
 */
export type Subcommand = UsageRow & {
  readonly name: string;
  /** The most words it takes after its name; more is a mistake, said so (unlimited when left out). */
  readonly words?: number;
  /** The settings it reads (others are not checked); every setting when left out. */
  readonly settings?: (name: string) => boolean;
  readonly more?: readonly UsageRow[];
  readonly details?: string;
  /** It checks the knowledge files themselves, so it reads them afresh, never the compiled copy. */
  readonly fresh?: boolean;
} & (
    | { readonly bare: true; readonly run: (io: Io) => number }
    | { readonly bare?: false; readonly run: (c: Loaded) => number | Promise<number> }
  );

/** The command line's one table: main() dispatches on it; help and the README's list follow it. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: "start",
    words: 0,
    usage: "start",
    summary: "Run the bot (console chat when no platform tokens are set)",
    run: (c) => start(c.config, c.guide, c.err),
  },
  {
    name: "ask",
    settings: localSettings(),
    usage: 'ask [--json] "question"',
    summary: "Answer one question; with --json and no question, one per stdin line",
    run: (c) => ask(c.guide, c.args.rest, c.args.json, c.out, c.err, c.input),
  },
  {
    name: "topics",
    words: 0,
    settings: localSettings(),
    usage: "topics [--json]",
    summary: "List the topics and their entries",
    run: (c) => topics(c.guide, c.args.json, c.out),
  },
  {
    name: "tips",
    settings: localSettings("TIP_"),
    usage: "tips list [--json]",
    summary: "List the daily tips with their sources and linked entries",
    more: [
      {
        usage: "tips preview --channel <id>",
        summary: "A channel's next tips and when, without posting ([--days N] [--platform P])",
      },
    ],
    run: (c) =>
      c.args.rest[0] === "preview"
        ? preview(c.config, c.guide, c.args, c.out, c.err)
        : tips(c.guide, c.args.rest, c.args.json, c.out, c.err),
  },
  {
    name: "discord",
    settings: localSettings("DISCORD_"),
    usage: "discord invite",
    summary: "Print the link that adds the bot to a Discord server",
    more: [{ usage: "discord deploy", summary: "Register the Discord commands (npm run discord:deploy)" }],
    run: (c) => discordDeploy(c.config, c.args.rest, c.out, c.err),
  },
  {
    name: "teams",
    words: 2,
    settings: localSettings("TEAMS_"),
    usage: "teams package <host>",
    summary: "Build the Teams app package for the bot at https://<host>/api/messages",
    run: async (c) => (await import("./teams-package.js")).teamsPackage(c.config, c.args.rest, c.out, c.err),
  },
  {
    name: "validate",
    words: 0,
    fresh: true,
    settings: localSettings(),
    usage: "validate",
    summary: "Check the knowledge base; exits 1 on a problem",
    run: ({ guide: { knowledge: k }, out }) => {
      out(
        `Knowledge base OK: ${k.entries.length} entries, ${k.topics.length} topics, ${k.tips.length} tips.`,
      );
      return 0;
    },
  },
  {
    name: "check",
    words: 0,
    fresh: true,
    settings: localSettings(),
    usage: "check [--record]",
    summary: "After an edit: validate, measure the labelled sets, and say whether quality fell",
    run: (c) => check(c.guide, c.args.record, c.out, c.err),
  },
  {
    name: "eval",
    words: 1,
    settings: localSettings(),
    usage: "eval <file.jsonl>",
    summary: "Measure answer quality on a labelled set",
    run: (c) => runEval(c.guide, c.args.rest[0], c.out, c.err),
  },
  {
    name: "fit",
    settings: localSettings(),
    usage: "fit [--write] [files...]",
    summary: "Fit the confidence model on the project's labelled sets (cross-validated)",
    run: (c) => fitConfidence(c.guide, c.args.rest, c.config.knowledgeDir, c.args.write, c.out, c.err),
  },
  {
    name: "guard-eval",
    words: 1,
    settings: localSettings(),
    usage: "guard-eval <file.jsonl>",
    summary: "Measure the patient-data guard: recall and false positives",
    run: (c) => guardEval(c.args.rest[0], c.out, c.err),
  },
  {
    name: "report",
    words: 0,
    settings: localSettings(),
    usage: "report [--json] [--team T…]",
    summary:
      "Most 👎 entries, most-asked unanswered questions, answer rate by day (one Slack workspace's with --team)",
    run: (c) => report(c.config, c.guide, { json: c.args.json, team: c.args.team }, c.out, c.err),
  },
  {
    name: "learn",
    words: 0,
    settings: localSettings(),
    usage: "learn [--list]",
    summary: "Go through the phrasings users proposed: a(ccept), r(eject), s(kip), q(uit)",
    more: [
      {
        usage: "learn --accept <n>",
        summary: "Accept (or --reject <n>) candidate n of learn --list; learn --help for more",
      },
    ],
    details: LEARN_USAGE,
    run: (c) => learn(c.config, c.guide.knowledge, c.args, c.out, c.err, c.input),
  },
  {
    name: "help",
    usage: "help",
    summary: "Show this text",
    bare: true,
    run: ({ out }) => {
      out(usageText());
      return 0;
    },
  },
];

/** The help text: every row of the table, summaries in one column. */
export function usageText(): string {
  const rows = SUBCOMMANDS.flatMap((c) => [c, ...(c.more ?? [])]);
  const width = Math.max(...rows.map((r) => r.usage.length)) + 2;
  return [
    "Usage: socialmedia-guidance <command> [options]",
    "",
    "Commands:",
    ...rows.map((r) => `  ${r.usage.padEnd(width)}${r.summary}`),
    "",
    "With no command it runs start. --help after any command shows its help; --version prints the version.",
  ].join("\n");
}

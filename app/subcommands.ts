import { localSettings } from "../src/config-scope.js";
import type { Config } from "../src/config-types.js";
import type { Guide } from "../src/guide.js";
import type { Args } from "./args.js";
import { LEARN_USAGE } from "./learn-usage.js";
import type { Out } from "./output.js";

// Each command's code loads when it runs (the terminal renderer, the platforms, the database, the
// YAML writer), so that a one-shot `ask` loads only its own (see app/lazy.ts for the platforms).

/** What every subcommand is given: the parsed command line and where to read and write. */
export interface Io {
  readonly args: Args;
  readonly out: Out;
  readonly err: Out;
  /** Standard input (or what a test gives instead), opened on first call. */
  readonly input: () => NodeJS.ReadableStream;
}

/** What a subcommand that reads the knowledge is given besides: the knowledge, and where it lies. */
export interface Known extends Io {
  readonly guide: Guide;
  readonly knowledgeDir: string;
}

/** What a subcommand that reads the settings and not the knowledge is given besides: the validated settings. */
export interface Configured extends Io {
  readonly config: Config;
}

/** What the others are given: the knowledge and the validated settings. */
export interface Loaded extends Known, Configured {}

/** One row of the help text: how the command is called and what it does. */
export interface UsageRow {
  readonly usage: string;
  readonly summary: string;
}

/**
 * A subcommand: its help rows (`more` for other forms), its own `--help` text if any, and what it runs
 * with what it `needs`: "nothing" runs before the settings and the knowledge are loaded, so that it works
 * when they are broken; "knowledge" reads only the knowledge folder (KNOWLEDGE_DIR); "settings" reads
 * the settings it names (`settings`) as well; "config" reads those settings and not the knowledge, so
 * that it works while a knowledge file is broken (a backup, a restore, an invite link).
 */
export type Subcommand = UsageRow & {
  readonly name: string;
  /** The most words it takes after its name; more is a mistake, said so (unlimited when left out). */
  readonly words?: number;
  readonly more?: readonly UsageRow[];
  readonly details?: string;
  /** It checks the knowledge files themselves, so it reads them afresh, never the compiled copy. */
  readonly fresh?: boolean;
} & (
    | { readonly needs: "nothing"; readonly run: (io: Io) => number }
    | { readonly needs: "knowledge"; readonly run: (c: Known) => number | Promise<number> }
    | {
        readonly needs: "settings";
        /**
         * The settings it reads (others are not checked); every setting when left out. Given the
         * command's words after its name, for a command whose parts read different settings.
         */
        readonly settings?: (name: string, rest: readonly string[]) => boolean;
        readonly run: (c: Loaded) => number | Promise<number>;
        /**
         * What it does when the knowledge cannot be read (a file broken mid-edit), if it can do without:
         * the moderators' report, which reads the database, names entries by id alone. Without it, the
         * command says what is wrong with the knowledge and stops.
         */
        readonly withoutKnowledge?: (c: Configured) => number | Promise<number>;
      }
    | {
        readonly needs: "config";
        /** As for "settings". */
        readonly settings?: (name: string, rest: readonly string[]) => boolean;
        readonly run: (c: Configured) => number | Promise<number>;
      }
  );

/** The command line's one table: main() dispatches on it; help and the README's list follow it. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: "start",
    words: 0,
    needs: "settings",
    usage: "start",
    summary: "Run the bot (console chat when no platform tokens are set)",
    run: async (c) => (await import("./start.js")).start(c.config, c.guide, c.err),
  },
  {
    name: "ask",
    needs: "knowledge",
    usage: 'ask [--json] "question"',
    summary: "Answer one question; with --json and no question, one per stdin line",
    run: async (c) =>
      (await import("./ask.js")).ask(c.guide, c.args.rest, c.args.json, c.out, c.err, c.input),
  },
  {
    name: "topics",
    words: 0,
    needs: "knowledge",
    usage: "topics [--json]",
    summary: "List the topics and their entries",
    run: async (c) => (await import("./topics.js")).topics(c.guide, c.args.json, c.out),
  },
  {
    name: "tips",
    needs: "settings",
    settings: localSettings("TIP_"),
    usage: "tips list [--json]",
    summary: "List the daily tips with their sources and linked entries",
    more: [
      {
        usage: "tips preview --channel <id>",
        summary: "A channel's tips in the next days and when, without posting ([--days N] [--platform P])",
      },
      { usage: "tips channels [--json]", summary: "The channels whose daily tip is on, on every platform" },
    ],
    run: async (c) => {
      const { channels, preview, tips } = await import("./tips.js");
      if (c.args.rest[0] === "channels" && c.args.rest.length === 1)
        return channels(c.config, c.args.json, c.out, c.err);
      return c.args.rest[0] === "preview"
        ? preview(c.config, c.guide, c.args, c.out, c.err)
        : tips(c.guide, c.args.rest, c.args.json, c.out, c.err);
    },
  },
  {
    name: "discord",
    needs: "config",
    // the invite link needs only the application's id, so that it can be made before there is a token;
    // no subcommand, or a wrong one, needs none: its usage is said, not a token asked for
    settings: (name, rest) =>
      rest[0] === "deploy"
        ? localSettings("DISCORD_")(name)
        : rest[0] === "invite" && name === "DISCORD_APPLICATION_ID",
    usage: "discord invite",
    summary: "Print the link that adds the bot to a Discord server",
    more: [{ usage: "discord deploy", summary: "Register the Discord commands (npm run discord:deploy)" }],
    run: async (c) =>
      (await import("./discord-deploy.js")).discordDeploy(c.config, c.args.rest, c.out, c.err),
  },
  {
    name: "teams",
    words: 2,
    needs: "config",
    settings: localSettings("TEAMS_"),
    usage: "teams package <host>",
    summary: "Build the Teams app package for the bot at https://<host>/api/messages",
    run: async (c) => (await import("./teams-package.js")).teamsPackage(c.config, c.args.rest, c.out, c.err),
  },
  {
    name: "validate",
    words: 0,
    fresh: true,
    needs: "knowledge",
    usage: "validate",
    summary: "Check the knowledge base; exits 1 on a problem",
    run: async (c) =>
      (await import("./validate.js")).validate(c.guide.knowledge, c.out, c.err, c.knowledgeDir),
  },
  {
    name: "check",
    words: 0,
    fresh: true,
    needs: "knowledge",
    usage: "check [--record]",
    summary: "After an edit: validate, measure the labelled sets, and say whether quality fell",
    run: async (c) => (await import("./check.js")).check(c.guide, c.args.record, c.out, c.err),
  },
  {
    name: "eval",
    words: 1,
    needs: "knowledge",
    usage: "eval <file.jsonl>",
    summary: "Measure answer quality on a labelled set",
    run: async (c) => (await import("./eval.js")).runEval(c.guide, c.args.rest[0], c.out, c.err),
  },
  {
    name: "selftest",
    words: 0,
    needs: "knowledge",
    usage: "selftest",
    summary: "Ask the knowledge its own phrasings, each left out in turn: which entries it confuses",
    run: async (c) => {
      const { formatSelfTest, selfTest } = await import("../src/eval/selftest.js");
      c.out(formatSelfTest(selfTest(c.guide.knowledge)));
      return 0;
    },
  },
  {
    name: "fit",
    needs: "knowledge",
    usage: "fit [--write] [files...]",
    summary: "Fit the confidence model on the project's labelled sets (cross-validated)",
    run: async (c) =>
      (await import("./fit.js")).fitConfidence(
        c.guide,
        c.args.rest,
        c.knowledgeDir,
        c.args.write,
        c.out,
        c.err,
      ),
  },
  {
    name: "guard-eval",
    words: 1,
    needs: "knowledge",
    usage: "guard-eval <file.jsonl>",
    summary: "Measure the patient-data guard: recall and false positives",
    run: async (c) => (await import("./eval.js")).guardEval(c.args.rest[0], c.out, c.err),
  },
  {
    name: "report",
    words: 0,
    needs: "settings",
    settings: localSettings(),
    usage: "report [--json] [--team T…]",
    summary:
      "Most 👎 entries, most-asked unanswered questions, answer rate by day (one Slack workspace's with --team)",
    run: async (c) => (await import("./report.js")).report(c, c.guide),
    withoutKnowledge: async (c) => (await import("./report.js")).report(c),
  },
  {
    name: "learn",
    words: 0,
    needs: "settings",
    settings: localSettings(),
    usage: "learn [--list]",
    summary: "Go through the phrasings users proposed: a(ccept), r(eject), s(kip), q(uit)",
    more: [
      {
        usage: "learn --accept <n|id>",
        summary: "Accept (or --reject) a candidate of learn --list by number or id; learn --help for more",
      },
    ],
    details: LEARN_USAGE,
    run: async (c) =>
      (await import("./learn.js")).learn(c.config, c.guide.knowledge, c.args, c.out, c.err, c.input(), (q) =>
        c.guide.ask(q),
      ),
  },
  {
    name: "backup",
    words: 1,
    needs: "config",
    settings: localSettings(),
    usage: "backup <file>",
    summary: "Copy the SQLite database to a new file, consistently, even while the bot runs",
    run: async (c) => (await import("./backup.js")).backup(c.config, c.args.rest, c.out, c.err),
  },
  {
    name: "restore",
    words: 1,
    needs: "config",
    settings: localSettings(),
    usage: "restore <file>",
    summary: "With the bot stopped, make the SQLite database exactly what a backup holds",
    run: async (c) => (await import("./backup.js")).restore(c.config, c.args.rest, c.out, c.err),
  },
  {
    name: "help",
    usage: "help",
    summary: "Show this text",
    needs: "nothing",
    run: ({ out }) => {
      out(usageText());
      return 0;
    },
  },
];

/** A command's own help: its `details`, else its usage rows. */
export function commandHelp(c: Subcommand): string {
  if (c.details) return c.details;
  const rows = [c, ...(c.more ?? [])];
  const width = Math.max(...rows.map((r) => r.usage.length)) + 2;
  return ["Usage:", ...rows.map((r) => `  socialmedia-guidance ${r.usage.padEnd(width)}${r.summary}`)].join(
    "\n",
  );
}

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

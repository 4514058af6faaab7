import { util } from "../src/builtins.js";

/** The command line's words and flags, as every subcommand receives them. */
export type Args = ReturnType<typeof parseArgv>;

/** Reads argv: the first word names the subcommand (start when there is none). Throws on an unknown flag. */
export function parseArgv(argv: readonly string[]) {
  // An argument with a space before any "=" is a question or a phrase, never an option: one pasted from
  // a list ("- can I post …") was read as the option "-" and refused. Shielded by a leading space, which
  // parseArgs reads as a positional, then taken off again.
  const shielded = new Set(argv.filter((a) => /^-[^=]*\s/.test(a)));
  const { values, positionals: read } = util.parseArgs({
    args: argv.map((a) => (shielded.has(a) ? ` ${a}` : a)),
    options: {
      json: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      record: { type: "boolean", default: false },
      channel: { type: "string" },
      days: { type: "string" },
      platform: { type: "string" },
      team: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", default: false },
      list: { type: "boolean", default: false },
      accept: { type: "string", multiple: true, default: [] },
      reject: { type: "string", multiple: true, default: [] },
    },
    allowPositionals: true,
  });
  const positionals = read.map((p) => (shielded.has(p.slice(1)) ? p.slice(1) : p));
  const [command = "start", ...rest] = positionals;
  return {
    command,
    /** A command was named ("ask --help"), not left to the default ("--help" alone). */
    named: positionals.length > 0,
    json: values.json ?? false,
    write: values.write ?? false,
    record: values.record ?? false,
    rest,
    channel: values.channel,
    days: values.days,
    platform: values.platform,
    team: values.team,
    help: values.help ?? false,
    version: values.version ?? false,
    list: values.list ?? false,
    accept: values.accept ?? [],
    reject: values.reject ?? [],
  };
}

import { util } from "../src/builtins.js";

/** The command line's words and flags, as every subcommand receives them. */
export type Args = ReturnType<typeof parseArgv>;

/** Reads argv: the first word names the subcommand (start when there is none). Throws on an unknown flag. */
export function parseArgv(argv: readonly string[]) {
  const { values, positionals } = util.parseArgs({
    args: [...argv],
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

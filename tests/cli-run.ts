import { join } from "node:path";
import { Readable } from "node:stream";
import { vi } from "vitest";
import { main } from "../app/main.js";

/** The command line's entry point, built, as `npm start` and the installed command run it. */
export const BIN = join(import.meta.dirname, "..", "bin", "socialmedia-guidance.js");

/** The command line, run in this process with `env` over the environment: exit code and what it printed. */
export async function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    args,
    (t) => stdout.push(`${t}\n`),
    (t) => stderr.push(`${t}\n`),
    Readable.from(options.input ? [options.input] : []),
  );
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

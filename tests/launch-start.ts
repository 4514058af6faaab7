import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_DIR } from "./helpers.js";

// The bot started as its users start it: the command line's entry point, run as a child process.

/** The command line's entry point, as `npm start` runs it. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "socialmedia-guidance.js");

/**
 * `socialmedia-guidance start` as a child process with only `env` set: it, all it printed, and its exit
 * code. The knowledge is the small fixture corpus unless `env` names another: these tests are about
 * starting, serving and stopping, and the shipped corpus's compiled copy is ~1.5 MB to read on each
 * start, and compiled afresh (a second or more) by the first start after each build. The console
 * chat's tests in cli-built.test.ts start on the shipped knowledge, found as an installed copy finds it.
 */
export function launchStart(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [BIN, "start"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", KNOWLEDGE_DIR: FIXTURE_DIR, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (d) => {
    text += d.toString();
  });
  child.stderr?.on("data", (d) => {
    text += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exit };
}

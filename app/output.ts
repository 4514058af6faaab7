import { fs } from "../src/builtins.js";

/** Where a command writes a line of output. */
export type Out = (text: string) => void;

/**
 * How standard output is written: straight to its file descriptor while that works, since
 * process.stdout is a stream whose first use loads Node's stream machinery (about 15 ms of a one-shot
 * command); through the stream once the descriptor would block (everything after goes that way too,
 * to keep the order); not at all once the reader has gone (`| head`).
 */
let stdout: "direct" | "stream" | "gone" = "direct";

/**
 * Output that cannot be written (a full disk, /dev/full, an I/O error) ends the output, says why once
 * and makes the command exit 1, where it crashed with a stack trace; a closed pipe ends it quietly.
 */
function outputFailed(error: NodeJS.ErrnoException): void {
  if (stdout === "gone") return;
  stdout = "gone";
  if (error.code === "EPIPE") return;
  printErr(`Could not write the output: ${error.message}`);
  process.exitCode = 1;
}

/** A line to standard output; a closed pipe ends the output quietly instead of crashing. */
export function print(text: string): void {
  const bytes = Buffer.from(`${text}\n`);
  let at = 0;
  if (stdout === "direct") {
    try {
      while (at < bytes.length) at += fs.writeSync(1, bytes, at);
      return;
    } catch (error) {
      const failure = error as NodeJS.ErrnoException;
      if (failure.code === "EAGAIN") stdout = "stream";
      else outputFailed(failure);
    }
  }
  if (stdout !== "stream") return;
  if (process.stdout.listenerCount("error") === 0) process.stdout.on("error", outputFailed);
  process.stdout.write(bytes.subarray(at));
}

/** A line to standard error. */
export function printErr(text: string): void {
  process.stderr.write(`${text}\n`);
}

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

/** A line to standard output; a closed pipe ends the output quietly instead of crashing. */
export function print(text: string): void {
  const bytes = Buffer.from(`${text}\n`);
  let at = 0;
  if (stdout === "direct") {
    try {
      while (at < bytes.length) at += fs.writeSync(1, bytes, at);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") stdout = "gone";
      else if (code === "EAGAIN") stdout = "stream";
      else throw error;
    }
  }
  if (stdout !== "stream") return;
  if (process.stdout.listenerCount("error") === 0)
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      stdout = "gone";
    });
  process.stdout.write(bytes.subarray(at));
}

/** A line to standard error. */
export function printErr(text: string): void {
  process.stderr.write(`${text}\n`);
}

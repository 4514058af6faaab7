import { createLogger, type Logger } from "../src/index.js";
import type { Out } from "./output.js";

/**
 * The console chat's log for recording its use: silent, as the rest of the chat's log is (JSON lines
 * would break into the conversation), except that the first failure to record is said once, in words.
 * The platforms log every failed write; the chat said nothing, and a full disk or a deleted database
 * lost the session's questions from the report unseen.
 */
export function consoleRecordsLog(err: Out): Logger {
  let told = false;
  return createLogger("error", {
    write(line: string) {
      if (told) return;
      told = true;
      let what = "could not record this chat's use";
      let why: string | undefined;
      try {
        const entry = JSON.parse(line) as { msg?: unknown; err?: unknown };
        if (typeof entry.msg === "string") what = entry.msg;
        if (typeof entry.err === "string") why = entry.err;
      } catch {
        // not a log line as pino writes them: say the plain fact
      }
      err(
        `(Note: ${what}${why ? ` (${why})` : ""}. The chat goes on, but what it records (questions, votes, phrasings to learn) may be missing from the report from now on; this is said once.)`,
      );
    },
  });
}

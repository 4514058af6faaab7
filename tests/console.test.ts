import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../adapters/console/console.js";
import { consoleRecordsLog } from "../app/console-log.js";
import {
  createGuide,
  createLogger,
  type FeedbackVote,
  loadKnowledge,
  type UsageParts,
  UsageRecords,
} from "../src/index.js";
import { FIXTURE_DIR, tempStorage, votingStore } from "./helpers.js";

const guide = createGuide(loadKnowledge(FIXTURE_DIR));

async function chat(lines: string[], end = true, parts: UsageParts = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => {
    text += chunk.toString();
  });
  const done = runConsole({ input, output }, guide, parts);
  for (const line of lines) input.write(`${line}\n`);
  if (end) input.end();
  await done;
  return text;
}

/** What the chat writes for `keys` typed at once, with input and output each a terminal or not. */
async function typed(keys: string, tty: { input?: boolean; output?: boolean }): Promise<string> {
  const input = Object.assign(new PassThrough(), tty.input ? { isTTY: true } : {});
  const output = Object.assign(new PassThrough(), tty.output ? { isTTY: true } : {});
  let text = "";
  output.on("data", (chunk) => {
    text += chunk.toString();
  });
  const done = runConsole({ input, output }, guide);
  input.write(keys);
  // a terminal's lines are taken once a paste has settled (PASTE_QUIET_MS)
  if (tty.input) await new Promise((resolve) => setTimeout(resolve, 100));
  input.end();
  await done;
  return text;
}

/** Use recorded as the chat records it, its votes kept in `votes`. */
function voting() {
  const votes: FeedbackVote[] = [];
  const records = new UsageRecords({
    learn: true,
    feedback: votingStore(votes),
    logger: createLogger("silent"),
  });
  return { votes, records };
}

describe("console chat", () => {
  it("at a terminal, answers lines pasted together as one question; piped in, each line", async () => {
    const pasted =
      "A patient sent me a friend request last night.\nI work on the ward she was on.\nShould I accept it?\n";
    const atTerminal = await typed(pasted, { input: true });
    expect(atTerminal.match(/Friend requests from patients/g)).toHaveLength(1);
    const piped = await typed(pasted, {});
    expect(piped.split("\n> ").length).toBeGreaterThan(atTerminal.split("\n> ").length);
  });

  it("at a terminal, lets the line be edited before it is sent (readline's terminal mode)", async () => {
    // "tipx", a backspace, Enter: the line is "tip"
    expect(await typed("tipx\x7f\r", { input: true, output: true })).toContain("## Tip\n");
  });

  it("with its output sent to a file, writes no terminal codes or echo there (start > chat.log)", async () => {
    const text = await typed("tip\n", { input: true });
    expect(text).toContain("## Tip\n");
    expect(text).not.toContain("\x1b");
  });

  it("ends when its output cannot be written: quietly for a closed pipe, else saying why", async () => {
    const failing = (code: string) =>
      new Writable({
        write(_chunk, _encoding, callback) {
          callback(Object.assign(new Error(`${code}: it failed, write`), { code }));
        },
      });
    for (const [code, failed] of [
      ["EPIPE", undefined],
      ["ENOSPC", "ENOSPC: it failed, write"],
    ] as const) {
      const input = new PassThrough();
      const done = runConsole({ input, output: failing(code) }, guide);
      input.write("should I accept a friend request from a patient\n");
      // no end of input: the failed output ends the chat
      expect(await done).toEqual(
        failed
          ? { lines: expect.any(Number), outputFailed: failed }
          : { lines: expect.any(Number), outputGone: true },
      );
    }
  });

  it("answers a question, then quits", async () => {
    const text = await chat(["should I accept a friend request from a patient", "quit"], false);
    expect(text).toContain("Friend requests from patients");
    expect(text).toContain("Goodbye.");
  });

  it("shows help and topics, each entry of the topics numbered to open by its number", async () => {
    const text = await chat(["help", "topics", "1"]);
    expect(text).toContain("Ask me how to use social media");
    expect(text).toContain("Boundaries\n  [1] Friend requests from patients");
    expect(text).toContain("## Friend requests from patients");
    expect(text).not.toContain("There is nothing numbered to pick just now");
  });

  it("shows a tip with its source and the entry to read next", async () => {
    const text = await chat(["tip", "1"]);
    expect(text).toMatch(/## Tip\n\n[^#]+?\n\nSource:\n {2}- Document A/);
    const offered = /Learn more: \(type its number\)\n {2}\[1\] (.+)/.exec(text)?.[1];
    expect(offered).toBeTruthy();
    expect(text).toContain("not legal advice");
    // typing the number opens the entry the tip points to
    expect(text).toContain(`## ${offered}\n\n`);
  });

  it("leaves on a farewell as on quit, and reads a number copied with its brackets as the number", async () => {
    for (const farewell of ["goodbye", "Bye bye!", "thanks, bye"]) {
      const text = await chat(["tip", "[1]", farewell, "topics"], false);
      expect(text, farewell).toMatch(/Learn more: \(type its number\)\n {2}\[1\] (.+)[\s\S]*## \1\n/);
      expect(text, farewell).toContain("Goodbye.");
      // the line after the farewell is not answered
      expect(text, farewell).not.toContain("Boundaries\n  - Friend requests from patients");
    }
  });

  it("exits cleanly at end of input", async () => {
    await expect(chat([])).resolves.toContain("Goodbye.");
  });

  it("reads any number alone as a pick, and a line of invisible characters as an empty one", async () => {
    const text = await chat(["5", "friend request from a patient", "100", "0", "\u200b\u200f"]);
    expect(text).toContain("There is nothing numbered to pick just now: ask a question.");
    expect(text.match(/Type a number from 1 to \d+, or ask a question\./g)).toHaveLength(2);
    expect(text).not.toContain("I have no guidance on that.");
  });

  it("rates the last answer with + or -, as 👍/👎 on the platforms, and nothing else", async () => {
    const { votes, records } = voting();
    const text = await chat(
      ["+", "should I accept a friend request from a patient", "+", "-", "how do I cook rice", "👍"],
      true,
      { records },
    );
    expect(text).toContain("Useful? Type + or - to rate this answer.");
    expect(votes.map((v) => [v.entryId, v.vote, v.platform])).toEqual([
      ["friend-requests", "up", "console"],
      ["friend-requests", "down", "console"],
    ]);
    // before any answer, and after a decline, there is nothing to rate
    expect(text.match(/There is no answer to rate just now: ask a question\./g)).toHaveLength(2);
  });

  it("reads yes or no straight after an answer's 'Useful?' as its rating, and as a message at any other time", async () => {
    const { votes, records } = voting();
    const text = await chat(
      [
        "should I accept a friend request from a patient",
        "That was useful!",
        "no",
        "can I post a photo of a patient",
        "No",
      ],
      true,
      { records },
    );
    expect(votes.map((v) => [v.entryId, v.vote])).toEqual([
      ["friend-requests", "up"],
      ["patient-photos", "down"],
    ]);
    // the "no" after the thanks for a vote is a message like any other
    expect(text.match(/Thanks/g)).toHaveLength(2);
    expect(text).not.toContain("There is no answer to rate just now");
  });

  it("reads +1 or -1 as a rating straight after an answer, and as a mistyped number after a pick", async () => {
    const { votes, records } = voting();
    const text = await chat(
      ["should I accept a friend request from a patient", "-1", "posting", "9", "-1"],
      true,
      { records },
    );
    expect(votes.map((v) => [v.entryId, v.vote])).toEqual([["friend-requests", "down"]]);
    expect(text.match(/Type a number from 1 to \d+, or ask a question\./g)).toHaveLength(2);
  });

  it("picks only from the last reply's choices: a decline leaves none", async () => {
    const text = await chat(["should I accept a friend request from a patient", "how do I cook rice", "1"]);
    expect(text).toMatch(/\n {2}\[1\] /);
    expect(text).toContain("There is nothing numbered to pick just now: ask a question.");
  });

  it("declines politely off topic", async () => {
    expect(await chat(["how do I cook rice"])).toContain("I have no guidance on that.");
  });

  it("says once, in words, that it could not record its use (a full disk, a deleted database)", async () => {
    const store = tempStorage().feedback;
    const failing = Object.assign(Object.create(store) as typeof store, {
      recordQuestion: () => Promise.reject(new Error("database or disk is full")),
    });
    const said: string[] = [];
    const records = new UsageRecords({ feedback: failing, logger: consoleRecordsLog((l) => said.push(l)) });
    await chat(["should I accept a friend request from a patient", "how do I cook rice"], true, { records });
    await records.flush();
    expect(said).toEqual([
      "(Note: could not record the question's outcome (database or disk is full). The chat goes on, but what it records (questions, votes, phrasings to learn) may be missing from the report from now on; this is said once.)",
    ]);
  });
});

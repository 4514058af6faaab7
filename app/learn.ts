import { createInterface } from "node:readline";
import { redactReading } from "../src/guard/identifiers.js";
import type { Config, Knowledge } from "../src/index.js";
import type { Candidate } from "../src/store/storage.js";
import { firstLine } from "./append-phrasing.js";
import { openDb } from "./lazy.js";
import { decide, LearnError, type Outcome, type Session } from "./learn-decide.js";
import { candidateId, formatList, type Reading, titleOf, today } from "./learn-list.js";
import { AFTER } from "./learn-usage.js";
import type { Out } from "./output.js";
import { shown } from "./shown.js";

export { candidateId, type Reading, today } from "./learn-list.js";

/** How many candidates one run offers; `--list` numbers the same ones, so numbers agree. */
const LIMIT = 100;

/** The flags of `learn`, as the command line gives them. */
export interface LearnOptions {
  readonly list: boolean;
  readonly accept: readonly string[];
  readonly reject: readonly string[];
  /** Words after `learn`: there should be none. */
  readonly rest: readonly string[];
}

/** `learn`: moderators turn candidate phrasings into questions of their entries, or reject them. */
export async function learn(
  config: Config,
  knowledge: Knowledge,
  options: LearnOptions,
  out: Out,
  err: Out,
  input: NodeJS.ReadableStream = process.stdin,
  read?: Reading,
): Promise<number> {
  const picks = [
    ...options.accept.map((key) => ({ key, decision: "accepted" as const })),
    ...options.reject.map((key) => ({ key, decision: "rejected" as const })),
  ];
  const problem = misuse(options, picks);
  if (problem) return usage(err, problem);
  // Opening would create an empty SQLite file; there is nothing to learn until the bot has run.
  const storage = await openDb(config, err, undefined, true);
  if (!storage) return 1;
  try {
    const session: Session = {
      dir: config.knowledgeDir,
      knowledge,
      store: storage.feedback,
      out,
      err,
      ...(read ? { read } : {}),
      named: picks.length > 0,
    };
    const list = await session.store.candidates(LIMIT);
    const chosen = picks.map((p) => ({ ...p, candidate: pickOf(list, p.key) }));
    const missing = chosen.find((p) => !p.candidate);
    // a number and an id may name one candidate ("--accept 1 --reject <id of 1>")
    const named = chosen.map((p) => p.candidate).filter((c): c is Candidate => c !== undefined);
    if (new Set(named).size < named.length) return usage(err, "Each candidate may be decided once.");
    if (missing)
      return usage(
        err,
        ID.test(missing.key)
          ? `No candidate waiting has the id ${missing.key}: it was decided since, or learn --list shows others.`
          : `There is no candidate ${missing.key}: learn --list shows ${list.length}.`,
      );
    if (list.length === 0) {
      out("No candidate phrasings are waiting for a decision.");
      return 0;
    }
    if (options.list) {
      out(formatList(list, knowledge, read));
      return 0;
    }
    const outcomes: Outcome[] = [];
    if (picks.length > 0) {
      for (const p of chosen) outcomes.push(await decide(p.candidate as Candidate, p.decision, session));
    } else {
      await interactive(list, session, input, outcomes);
    }
    const count = (outcome: Outcome) => outcomes.filter((o) => o === outcome).length;
    const [accepted, rejected, elsewhere] = [count("accepted"), count("rejected"), count("elsewhere")];
    const decidedElsewhere = elsewhere > 0 ? `${elsewhere} decided in another learn meanwhile, ` : "";
    out(
      `Accepted ${accepted}, rejected ${rejected}, ${decidedElsewhere}${list.length - accepted - rejected - elsewhere} left undecided.`,
    );
    if (accepted > 0) out(AFTER);
    return outcomes.includes("failed") ? 1 : 0;
  } catch (error) {
    // A moderator's tool: one line (a busy or broken database included), never a stack trace.
    err(error instanceof LearnError ? error.message : `learn stopped: ${firstLine(error)}`);
    return 1;
  } finally {
    await storage.close();
  }
}

/** What is wrong with the flags, if anything. */
function misuse(o: LearnOptions, picks: readonly { key: string }[]): string | undefined {
  if (o.rest.length > 0) return `learn takes flags only, not "${o.rest.join(" ")}".`;
  if (o.list && picks.length > 0) return "--list cannot be combined with --accept or --reject.";
  if (picks.some((p) => !ID.test(p.key) && !/^[1-9]\d{0,3}$/.test(p.key)))
    return "--accept and --reject take a number or an id from learn --list.";
  if (new Set(picks.map((p) => p.key)).size < picks.length) return "Each candidate may be decided once.";
  return undefined;
}

/** A candidate's id as --list shows it (see candidateId). */
const ID = /^[0-9a-f]{8}$/;

/** The candidate a number (from 1) or an id names in the list, if any. */
function pickOf(list: readonly Candidate[], key: string): Candidate | undefined {
  return ID.test(key) ? list.find((c) => candidateId(c) === key) : list[Number(key) - 1];
}

function usage(err: Out, message: string): number {
  err(`${message} See: socialmedia-guidance learn --help`);
  return 2;
}

/** Offers each candidate in turn and acts on the moderator's answer; the end of input quits. */
async function interactive(
  list: readonly Candidate[],
  s: Session,
  input: NodeJS.ReadableStream,
  outcomes: Outcome[],
): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  // One iterator for the whole run: it buffers piped lines that arrive before they are asked for.
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (const [i, c] of list.entries()) {
      s.out(`\n[${i + 1}/${list.length}] ${c.entryId}: ${titleOf(s.knowledge, c.entryId)}`);
      s.out(
        `  "${shown(redactReading(c.question))}" (proposed ${c.count} ${c.count === 1 ? "time" : "times"})`,
      );
      if (s.read) s.out(`  Today the bot ${today(s.read, c)}.`);
      const choice = await prompt(lines, s.out);
      if (choice === "quit") return;
      if (choice === "skip") s.out("  Skipped: it stays for later.");
      outcomes.push(choice === "skip" ? "skipped" : await decide(c, `${choice}ed`, s));
    }
  } finally {
    rl.close();
  }
}

const CHOICES = ["accept", "reject", "skip", "quit"] as const;

/** The moderator's choice, as a word or its first letter; asks again on anything else, saying so. */
async function prompt(lines: AsyncIterator<string>, out: Out): Promise<(typeof CHOICES)[number]> {
  let again = false;
  for (;;) {
    out(
      again ? "  Type a, r, s or q (accept, reject, skip or quit)." : "  a accept, r reject, s skip, q quit?",
    );
    const next = await lines.next();
    if (next.done) return "quit";
    const word = String(next.value).trim().toLowerCase();
    const choice = CHOICES.find((c) => word === c || word === c[0]);
    if (choice) return choice;
    again = true;
  }
}

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { redactReading } from "../src/guard/identifiers.js";
import { type Config, formatProblem, type Knowledge, KnowledgeError, loadKnowledge } from "../src/index.js";
import { decodeUtf8 } from "../src/knowledge/load.js";
import { normalise } from "../src/search/normalise.js";
import type { Candidate, FeedbackStorage } from "../src/store/storage.js";
import { appendPhrasing, firstLine } from "./append-phrasing.js";
import { whileLocked, writeAtomic } from "./file-lock.js";
import { openDb } from "./lazy.js";
import { candidateId, formatList, heldDetails, type Reading, titleOf, today } from "./learn-list.js";
import { AFTER } from "./learn-usage.js";
import type { Out } from "./output.js";

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

/** A failure that ends the run, worded in one line for the moderator. */
class LearnError extends Error {}

interface Session {
  readonly dir: string;
  knowledge: Knowledge;
  readonly store: FeedbackStorage;
  readonly out: Out;
  readonly err: Out;
  readonly read?: Reading;
  /** Deciding the candidates named on the command line (--accept, --reject), not going through the list. */
  readonly named?: boolean;
}

type Outcome = "accepted" | "rejected" | "skipped" | "failed" | "elsewhere";

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
      s.out(`  "${redactReading(c.question)}" (proposed ${c.count} ${c.count === 1 ? "time" : "times"})`);
      if (s.read) s.out(`  Today the bot ${today(s.read, c)}.`);
      const choice = await prompt(lines, s.out);
      if (choice === "quit") return;
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

async function decide(c: Candidate, decision: "accepted" | "rejected", s: Session): Promise<Outcome> {
  if (decision === "accepted") return accept(c, s);
  if (!(await s.store.decideCandidate(c.entryId, c.question, "rejected"))) return decidedElsewhere(c, s);
  s.out(`Rejected "${redactReading(c.question)}" for ${c.entryId}.`);
  return "rejected";
}

/**
 * A candidate another `learn` decided since this one listed it: that decision stands, and this one is
 * not carried out (two moderators were each told their own had). Named on the command line: exit 1.
 */
function decidedElsewhere(c: Candidate, s: Session): Outcome {
  (s.named ? s.err : s.out)(
    `Not decided: "${redactReading(c.question)}" for ${c.entryId} was decided in another learn meanwhile; that decision stands (report shows it).`,
  );
  return s.named ? "failed" : "elsewhere";
}

/** Writes the phrasing into its entry's file and keeps it only if the knowledge base still loads. */
async function accept(c: Candidate, s: Session): Promise<Outcome> {
  const entry = s.knowledge.entries.find((e) => e.id === c.entryId);
  if (!entry) {
    const said = `the entry "${c.entryId}" is no longer in the knowledge base (reject it to clear it).`;
    // named on the command line, nothing was accepted: exit 1, so that a script can tell
    if (s.named) {
      s.err(`Not accepted: ${said}`);
      return "failed";
    }
    s.out(`Skipped: ${said}`);
    return "skipped";
  }
  // None goes into the knowledge. Named on the command line (--accept), it is refused as an invalid
  // phrasing is, with exit 1; met going through the list, it is passed over, as before.
  if (heldDetails(c.question)) {
    const said = `"${redactReading(c.question)}" held details the guard removes; reject it, or add a phrasing in your own words.`;
    if (s.named) {
      s.err(`Not accepted: ${said}`);
      return "failed";
    }
    s.out(`Skipped: ${said}`);
    return "skipped";
  }
  const key = normalise(c.question);
  if (entry.questions.some((q) => normalise(q) === key)) {
    s.out(`Skipped: "${c.question}" is already a phrasing of ${entry.id} (reject it to clear it).`);
    return "skipped";
  }
  // Files are named relative to the working folder, which has not changed since the knowledge was read
  // (loadKnowledge, or a compiled copy rebased to it).
  const file = resolve(entry.file);
  return whileLocked(file, () => write(c, entry, file, s));
}

/** Writes the phrasing into `file`, holding its lock: read, changed, checked, recorded or put back. */
async function write(
  c: Candidate,
  entry: { id: string; file: string },
  file: string,
  s: Session,
): Promise<Outcome> {
  // Claimed first, holding the file's lock: a candidate another learn decided meanwhile is left as it
  // decided, and nothing is written; a change that cannot be kept gives the claim back.
  let claimed: boolean;
  try {
    claimed = await s.store.decideCandidate(c.entryId, c.question, "accepted");
  } catch (error) {
    throw new LearnError(
      `Cannot record the decision in the database (${firstLine(error)}); nothing was accepted.`,
    );
  }
  if (!claimed) return decidedElsewhere(c, s);
  const giveBack = () => s.store.reopenCandidate(c.entryId, c.question).catch(() => {});
  let original: Buffer;
  let updated: string;
  try {
    original = readFileSync(file);
    // read as validation reads it (UTF-8 only, a byte-order mark left out), or the YAML may not parse;
    // written back with the mark, as the moderator's editor saved it
    const mark = original.subarray(0, 3).equals(BYTE_ORDER_MARK) ? "\uFEFF" : "";
    updated = mark + appendPhrasing(decodeUtf8(original), entry.id, c.question);
  } catch (error) {
    await giveBack();
    throw new LearnError(`Cannot edit ${entry.file}: ${firstLine(error)}`);
  }
  try {
    writeAtomic(file, updated);
  } catch (error) {
    await giveBack();
    throw new LearnError(firstLine(error));
  }
  try {
    s.knowledge = loadKnowledge(s.dir);
  } catch (error) {
    try {
      writeAtomic(file, original);
    } catch (restore) {
      throw new LearnError(`${firstLine(restore)}; it holds the rejected change: restore it with git`);
    }
    await giveBack();
    const problems = error instanceof KnowledgeError ? error.problems.map(formatProblem) : [firstLine(error)];
    s.err(`Not accepted: "${c.question}" would make the knowledge base invalid; ${entry.file} is unchanged:`);
    s.err(problems.join("\n"));
    return "failed";
  }
  s.out(`Accepted: "${c.question}" is now the last question of ${entry.id} in ${entry.file}.`);
  return "accepted";
}

/** UTF-8's byte-order mark, as some editors begin a file with it. */
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

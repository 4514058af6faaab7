/**
 * A moderator's decision on a candidate phrasing, carried out (see learn.ts): rejected, or written into
 * its entry's YAML file and kept only if the knowledge base still loads; either only while no other
 * learn has decided it meanwhile.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { redactReading } from "../src/guard/identifiers.js";
import { formatProblem, type Knowledge, KnowledgeError, loadKnowledge } from "../src/index.js";
import { decodeUtf8 } from "../src/knowledge/load.js";
import { normalise } from "../src/search/normalise.js";
import type { Candidate, FeedbackStorage } from "../src/store/storage.js";
import { appendPhrasing, firstLine } from "./append-phrasing.js";
import { whileLocked, writeAtomic } from "./file-lock.js";
import { heldDetails, loadError, type Reading } from "./learn-list.js";
import type { Out } from "./output.js";
import { shown } from "./shown.js";

/** A failure that ends the run, worded in one line for the moderator. */
export class LearnError extends Error {}

/** What a learn run works with. */
export interface Session {
  readonly dir: string;
  knowledge: Knowledge;
  readonly store: FeedbackStorage;
  readonly out: Out;
  readonly err: Out;
  readonly read?: Reading;
  /** Deciding the candidates named on the command line (--accept, --reject), not going through the list. */
  readonly named?: boolean;
}

export type Outcome = "accepted" | "rejected" | "skipped" | "failed" | "elsewhere";

export async function decide(c: Candidate, decision: "accepted" | "rejected", s: Session): Promise<Outcome> {
  if (decision === "accepted") return accept(c, s);
  if (!(await s.store.decideCandidate(c.entryId, c.question, "rejected"))) return decidedElsewhere(c, s);
  s.out(`Rejected "${shown(redactReading(c.question))}" for ${c.entryId}.`);
  return "rejected";
}

/**
 * A candidate another `learn` decided since this one listed it: that decision stands, and this one is
 * not carried out (two moderators were each told their own had). Named on the command line: exit 1.
 */
function decidedElsewhere(c: Candidate, s: Session): Outcome {
  (s.named ? s.err : s.out)(
    `Not decided: "${shown(redactReading(c.question))}" for ${c.entryId} was decided in another learn meanwhile; that decision stands (report shows it).`,
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
    const said = `"${shown(redactReading(c.question))}" held details the guard removes; reject it, or add a phrasing in your own words.`;
    if (s.named) {
      s.err(`Not accepted: ${said}`);
      return "failed";
    }
    s.out(`Skipped: ${said}`);
    return "skipped";
  }
  const key = normalise(c.question);
  if (entry.questions.some((q) => normalise(q) === key)) {
    s.out(`Skipped: "${shown(c.question)}" is already a phrasing of ${entry.id} (reject it to clear it).`);
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
    // broken without the phrasing too (a file edited since learn began): that is said, not blamed on it
    const cause = loadError(s.dir) ?? error;
    const problems = cause instanceof KnowledgeError ? cause.problems.map(formatProblem) : [firstLine(cause)];
    s.err(
      cause === error
        ? `Not accepted: "${shown(c.question)}" would make the knowledge base invalid; ${entry.file} is unchanged:`
        : `Not accepted: the knowledge base does not validate as it is now (a file was changed since learn began); ${entry.file} is unchanged. Fix this, then accept again:`,
    );
    s.err(problems.join("\n"));
    return "failed";
  }
  s.out(`Accepted: "${shown(c.question)}" is now the last question of ${entry.id} in ${entry.file}.`);
  return "accepted";
}

/** UTF-8's byte-order mark, as some editors begin a file with it. */
const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

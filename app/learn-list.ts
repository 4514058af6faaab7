import { createHash } from "node:crypto";
import { guardReading, IDENTIFIER_LABELS, redactReading } from "../src/guard/identifiers.js";
import { withoutPeopleNames } from "../src/guard/people.js";
import type { Knowledge, Reply } from "../src/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { Candidate } from "../src/store/storage.js";
import { shown } from "./shown.js";

// How `learn` shows the candidates: their ids, what the bot does with each today, the list.

/** How the bot replies to a question today (the guide's `ask`), for showing what accepting would change. */
export type Reading = (question: string) => Reply;

/**
 * A candidate's id: unlike its number, it does not move while the bot runs, as people propose
 * phrasings and the counts that order the list change (a number could then name another candidate
 * than the one the moderator read; security review).
 */
export function candidateId(c: Pick<Candidate, "entryId" | "question">): string {
  return createHash("sha256").update(`${c.entryId}\n${c.question}`).digest("hex").slice(0, 8);
}

/**
 * What the bot does with a candidate today, for the moderator deciding on it: a phrasing it already
 * answers with its entry adds little; one it answers with another entry, or declines, is what accepting
 * would change (or a sign that the pick was a mistake).
 */
export function today(read: Reading, c: Candidate): string {
  // its reading is of the question with those details blanked: how the bot answered the asker is unknown
  if (heldDetails(c.question)) return "cannot take it: it held details the guard removes (reject it)";
  const words = c.question.split(/\s+/).filter(Boolean).length;
  // a phrasing is answered with its entry whenever it is typed word for word (see the guide's verbatim)
  const brief =
    words <= BRIEF_WORDS
      ? `; at ${words} ${words === 1 ? "word" : "words"} it says little of what was meant, and accepted, anyone typing just that gets this entry`
      : "";
  return `${reading(read, c)}${brief}`;
}

/** A candidate this short is shown with a warning (see today). */
const BRIEF_WORDS = 3;

function reading(read: Reading, c: Candidate): string {
  const reply = read(c.question);
  const sure = `${Math.round(reply.confidence * 100)}% confident`;
  if (reply.kind === "answer")
    return reply.entry.id === c.entryId
      ? `already answers it with this entry (${sure})`
      : `answers it with another entry: ${reply.entry.title} [${reply.entry.id}] (${sure})`;
  if (reply.clarify) return `asks which was meant: ${reply.suggestions.map((e) => e.id).join(" or ")}`;
  return reply.suggestions.some((e) => e.id === c.entryId)
    ? `declines it, offering this entry among its suggestions (${sure})`
    : `declines it (${sure})`;
}

/** The guard's placeholders, "[name]" to "[id-number]": what it put where a detail was. */
const PLACEHOLDER = new RegExp(`\\[(?:${Object.keys(IDENTIFIER_LABELS).join("|")})\\]`);

/**
 * Whether a candidate held details that never go into the knowledge: the guard's placeholders ("[name]",
 * "[phone]") mark a question that held a patient's details or someone's name, and today's guard may also
 * find what an older one stored. Only those: "[urgent] who do I ring?" held none ("[id-number]", with
 * its hyphen, was not one before).
 */
export function heldDetails(question: string): boolean {
  return (
    PLACEHOLDER.test(question) ||
    guardReading(question).findings.length > 0 ||
    withoutPeopleNames(question) !== question
  );
}

export function titleOf(knowledge: Knowledge, id: string): string {
  return knowledge.entries.find((e) => e.id === id)?.title ?? "(no longer in the knowledge base)";
}

export function formatList(list: readonly Candidate[], knowledge: Knowledge, read?: Reading): string {
  return [
    "Candidate phrasings waiting for a decision, most proposed first:",
    ...list.map(
      (c, i) =>
        `${String(i + 1).padStart(4)}. ${candidateId(c)} ${String(c.count).padStart(4)} x  "${shown(redactReading(c.question))}"  ->  ${titleOf(knowledge, c.entryId)} [${c.entryId}]${read ? `\n${" ".repeat(22)}today the bot ${today(read, c)}` : ""}`,
    ),
    "",
    "Decide with: socialmedia-guidance learn --accept <n or id> or --reject <n or id>, or go through them with: socialmedia-guidance learn",
  ].join("\n");
}

/** What keeps the knowledge base in `dir` from loading as its files are now; undefined when it loads. */
export function loadError(dir: string): unknown {
  try {
    loadKnowledge(dir);
    return undefined;
  } catch (error) {
    return error;
  }
}

import { join } from "node:path";
import { entriesListing } from "../src/knowledge/load.js";
import { shownPath } from "../src/paths.js";
import type { Knowledge } from "../src/types.js";
import type { Out } from "./output.js";

/** An answer's length in words, as knowledge/README.md asks: long enough to act on, short enough to read in chat. */
const ANSWER_WORDS = { min: 60, max: 200 } as const;

/**
 * An answer's length as the corpus tests count it: everything between spaces, a list's "-" included
 * (one count for both, so that validate notes every answer the tests would refuse).
 */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * `validate`: the knowledge has loaded and validated by the time this runs (a problem stops the
 * command before it, with exit 1); it says so, and says what the folder lacks that it may lack.
 */
export function validate(k: Knowledge, out: Out, err: Out, dir?: string): number {
  out(`Knowledge base OK: ${k.entries.length} entries, ${k.topics.length} topics, ${k.tips.length} tips.`);
  for (const note of [...missingParts(k), ...lengthNotes(k), ...notRead(dir)]) err(note);
  return 0;
}

/**
 * What entries/ holds that is not read: said on every run, not only when it breaks a link. An entry
 * saved as "local.yaml.txt" (Notepad's way) was left out while validate said OK.
 */
function notRead(dir: string | undefined): string[] {
  if (!dir) return [];
  const entries = join(dir, "entries");
  const { skipped } = entriesListing(entries);
  return skipped.length > 0
    ? [
        `Note: ${shownPath(entries)} also holds what is not read: ${skipped.join(", ")}. Only files ending in .yaml or .yml, directly in entries/, are read: rename one meant to hold entries.`,
      ]
    : [];
}

/**
 * Answers outside the length knowledge/README.md asks for. A note, not a refusal: a longer answer still
 * reads and posts (the platforms' limits are far above it), but in a chat it is read less, and a short
 * one seldom says what to do, what to avoid and who to ask.
 */
function lengthNotes(k: Knowledge): string[] {
  const notes: string[] = [];
  for (const e of k.entries) {
    const words = wordCount(e.answer);
    if (words > ANSWER_WORDS.max || words < ANSWER_WORDS.min)
      notes.push(
        `Note: ${e.file}: entry "${e.id}": its answer is ${words} words; an answer is ${ANSWER_WORDS.min} to ${ANSWER_WORDS.max} words (knowledge/README.md)${words > ANSWER_WORDS.max ? ": keep the steps and leave the detail to a related entry" : ": say what to do, what to avoid and who to ask"}.`,
      );
  }
  return notes;
}

/**
 * What a knowledge folder may lack and still load: without confidence.json every answer is judged by
 * its ranking score alone (with it deleted, "can I friend a patient" was answered at 0.999, not
 * 0.874), and without off-topic.yaml's groups the bot no longer recognises pay, exams, doses or app
 * how-tos as other subjects. Neither is an error: a new corpus, or a test's, has neither.
 */
function missingParts(k: Knowledge): string[] {
  const notes: string[] = [];
  if (!k.confidence)
    notes.push(
      "Note: no confidence.json, so answers are judged by their ranking score alone, not a fitted model: fit one with socialmedia-guidance fit --write <questions.jsonl>, on questions labelled with this knowledge's entries (knowledge/README.md).",
    );
  if ((k.offTopic?.length ?? 0) === 0)
    notes.push(
      "Note: no off-topic groups (off-topic.yaml is missing or empty), so questions about pay, exams, doses or using an app are not recognised as other subjects.",
    );
  return notes;
}

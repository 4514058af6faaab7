import type { Knowledge } from "../src/types.js";
import type { Out } from "./output.js";

/**
 * `validate`: the knowledge has loaded and validated by the time this runs (a problem stops the
 * command before it, with exit 1); it says so, and says what the folder lacks that it may lack.
 */
export function validate(k: Knowledge, out: Out, err: Out): number {
  out(`Knowledge base OK: ${k.entries.length} entries, ${k.topics.length} topics, ${k.tips.length} tips.`);
  for (const note of missingParts(k)) err(note);
  return 0;
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

import type { Guide } from "../src/index.js";
import { openDb } from "./lazy.js";
import { candidateId } from "./learn-list.js";
import { shown } from "./shown.js";
import type { Configured } from "./subcommands.js";

/**
 * `report [--json] [--team T…]`: the moderators' to-do list from the database. Without `guide` (the
 * knowledge could not be read), entries are named by id and what the bot does now is left out.
 */
export async function report(c: Configured, guide?: Guide): Promise<number> {
  const { config, out, err } = c;
  const { json, team } = c.args;
  if (team !== undefined && !/^[TE][A-Z0-9]{2,}$/.test(team)) {
    err(`--team must be a Slack team id such as T0123ABCD (got "${team.slice(0, 40)}").`);
    return 2;
  }
  const storage = await openDb(config, err, undefined, true);
  if (!storage) return 1;
  try {
    const r = await storage.feedback.report(10, 14, team);
    if (json) {
      // each unanswered question with what the bot does with it now, as the text marks it
      const unanswered = r.unanswered.map((u) => ({
        ...u,
        ...(guide ? { now: nowOf(guide, u.question) } : {}),
      }));
      // each candidate with the id learn --accept and --reject take, and whether its entry still exists
      const candidates = r.candidates.map((c) => ({
        ...c,
        id: candidateId(c),
        ...(guide ? { entryExists: guide.entry(c.entryId) !== undefined } : {}),
      }));
      out(
        JSON.stringify({ ...r, unanswered, candidates, ...(guide ? {} : { knowledgeRead: false }) }, null, 2),
      );
      return 0;
    }
    // the id follows in brackets, as learn --list shows it
    const named = (id: string) =>
      guide ? `${guide.entry(id)?.title ?? "(no longer in the knowledge base)"} [${id}]` : `[${id}]`;
    const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : "-");
    const now = (question: string) => {
      if (!guide) return "";
      const it = nowOf(guide, question);
      if (it.answered) return `  (answered now: ${named(it.answered)})`;
      if (it.declinedAs) return `  (declined on purpose: ${it.declinedAs})`;
      return it.readsAs ? `  (reads as: ${it.readsAs})` : "";
    };
    out(
      [
        ...(team ? [`Slack workspace ${team} only (phrasings to learn are shared by all).`, ""] : []),
        // figures carry the team only where the bot serves several workspaces (installed with OAuth)
        ...(team && !r.disliked.length && !r.unanswered.length && !r.days.length
          ? [
              `Nothing is recorded for ${team}: figures are kept per workspace only where the bot is installed in several (OAuth); with one token, run report without --team.`,
              "",
            ]
          : []),
        "Entries with the most 👎:",
        ...(r.disliked.length
          ? r.disliked.map(
              (d) => `  ${String(d.down).padStart(4)} 👎 ${String(d.up).padStart(4)} 👍  ${named(d.entryId)}`,
            )
          : ["  (no 👎 votes yet)"]),
        "",
        "Most-asked questions with no answer (redacted):",
        ...(r.unanswered.length
          ? r.unanswered.map(
              (u) => `  ${String(u.count).padStart(4)} x  ${shown(u.question)}${now(u.question)}`,
            )
          : ["  (none yet)"]),
        "",
        "Phrasings people's questions suggest for an entry (accept or reject them with `learn`):",
        ...(r.candidates.length
          ? r.candidates.map(
              (c) => `  ${String(c.count).padStart(4)} x  "${shown(c.question)}"  ->  ${named(c.entryId)}`,
            )
          : ["  (none waiting)"]),
        "",
        "Answer rate by day (UTC):",
        ...(r.days.length
          ? r.days.map(
              (d) =>
                `  ${d.day}  ${String(d.answered).padStart(5)} of ${String(d.asked).padStart(5)} answered  ${pct(d.answered, d.asked)}`,
            )
          : ["  (no questions yet)"]),
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    // A database that fails mid-read (a PostgreSQL connection lost): one line, not a stack trace.
    err(`report stopped: ${(error as Error).message.split("\n")[0]}`);
    return 1;
  } finally {
    await storage.close();
  }
}

/**
 * What the bot does with an unanswered question now: answers it (the entry), declines it on purpose as
 * another subject it names outright (clinical care, pay, a platform's buttons: no gap in the knowledge),
 * or declines it leaning to another subject only by its words, a guess that may hide a real gap.
 */
function nowOf(guide: Guide, question: string): { answered?: string; declinedAs?: string; readsAs?: string } {
  const { reply, judged } = guide.assess(question);
  if (reply.kind === "answer") return { answered: reply.entry.id };
  if (judged.offSubject) return { declinedAs: judged.offSubject };
  return reply.otherSubject ? { readsAs: reply.otherSubject } : {};
}

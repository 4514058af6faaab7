import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { renderCard, renderTips } from "../../adapters/console/render.js";
import type { Config } from "../config.js";
import { replyCard } from "../conversation/cards.js";
import { evaluate, formatEval, parseEvalFile } from "../eval/evaluate.js";
import { evaluateGuard, formatGuardResult, parseGuardCases } from "../guard/evaluate.js";
import type { Guide } from "../guide.js";
import { createLogger, redactSecrets } from "../log.js";
import type { Platform } from "../ports.js";
import type { Reply } from "../types.js";
import { lazy, type Out, openDb } from "./runtime.js";

export async function ask(guide: Guide, words: string[], json: boolean, out: Out, err: Out): Promise<number> {
  if (words.length > 0) {
    const reply = guide.ask(words.join(" "));
    out(json ? JSON.stringify(replyJson(reply)) : renderCard(replyCard(reply)));
    return 0;
  }
  if (!json) {
    err(
      'ask needs a question, e.g. socialmedia-guidance ask "can I accept a friend request from a patient?"',
    );
    return 2;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) out(JSON.stringify(replyJson(guide.ask(line))));
  return 0;
}

export function guardEval(file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err("guard-eval needs a file: npm run eval:guard");
    return 2;
  }
  try {
    out(formatGuardResult(evaluateGuard(parseGuardCases(readFileSync(file, "utf8")))));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

/** The moderators' to-do list from the database. */
export async function report(
  config: Config,
  guide: Guide,
  json: boolean,
  out: Out,
  err: Out,
): Promise<number> {
  const { FeedbackStore } = await lazy.feedback();
  const db = await openDb(config, err);
  if (!db) return 1;
  try {
    const r = new FeedbackStore(db, config.feedbackSalt).report();
    if (json) {
      out(JSON.stringify(r, null, 2));
      return 0;
    }
    const title = (id: string) => guide.entry(id)?.title ?? `${id} (no longer in the knowledge base)`;
    const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : "-");
    out(
      [
        "Entries with the most 👎:",
        ...(r.disliked.length
          ? r.disliked.map(
              (d) =>
                `  ${String(d.down).padStart(4)} 👎 ${String(d.up).padStart(4)} 👍  ${title(d.entryId)} [${d.entryId}]`,
            )
          : ["  (no 👎 votes yet)"]),
        "",
        "Most-asked questions with no answer (redacted):",
        ...(r.unanswered.length
          ? r.unanswered.map((u) => `  ${String(u.count).padStart(4)} x  ${u.question}`)
          : ["  (none yet)"]),
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
  } finally {
    db.close();
  }
}

export async function discord(config: Config, args: string[], out: Out, err: Out): Promise<number> {
  if (args[0] !== "deploy" || args.length > 1) {
    err(`Unknown discord command "${args.join(" ")}". Try: socialmedia-guidance discord deploy`);
    return 2;
  }
  if (!config.discord) {
    err("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and optionally DISCORD_GUILD_ID) in .env first.");
    return 1;
  }
  const { deployCommands, codeOf } = await lazy.discord();
  try {
    const { route, count } = await deployCommands(config.discord);
    out(
      `Registered ${count} commands ${config.discord.guildId ? `in server ${config.discord.guildId}` : "globally (they can take up to an hour to appear)"} (${route}).`,
    );
    return 0;
  } catch (error) {
    err(`Could not register the commands (${codeOf(error)}): ${redactSecrets((error as Error).message)}`);
    return 1;
  }
}

/** `tips preview --channel <id> [--days N] [--platform slack|discord]`: the channel's next tips. */
export async function preview(
  config: Config,
  guide: Guide,
  args: { channel?: string; days?: string; platform?: string },
  out: Out,
  err: Out,
): Promise<number> {
  const days = Number(args.days ?? 7);
  const platform = args.platform ?? "slack";
  if (
    !args.channel ||
    !Number.isInteger(days) ||
    days < 1 ||
    days > 366 ||
    !["slack", "discord"].includes(platform)
  ) {
    err(
      "Usage: socialmedia-guidance tips preview --channel <id> [--days N (1-366)] [--platform slack|discord]",
    );
    return 2;
  }
  const [{ TipChannels }, { formatLocal }] = await Promise.all([lazy.tipChannels(), lazy.schedule()]);
  const db = await openDb(config, err);
  if (!db) return 1;
  try {
    const channels = new TipChannels({
      db,
      tips: guide.tips(),
      logger: createLogger("silent"),
      defaults: config.tips,
    });
    const next = channels.preview(platform as Platform, args.channel, days);
    const schedule = channels.scheduleOf(platform as Platform, args.channel);
    const zone = schedule?.enabled ? schedule.timeZone : config.tips.timeZone;
    if (!schedule?.enabled) {
      out(
        `(${args.channel} has no daily tip yet; showing the defaults: ${config.tips.time} ${config.tips.timeZone}.)`,
      );
    }
    for (const { at, tip } of next) out(`${formatLocal(at, zone)}  ${tip.text}  [${tip.id}]`);
    return 0;
  } finally {
    db.close();
  }
}

export function tips(guide: Guide, args: string[], json: boolean, out: Out, err: Out): number {
  if (args[0] !== "list" || args.length > 1) {
    err(
      `Unknown tips command "${args.join(" ")}". Try: socialmedia-guidance tips list [--json], or tips preview --channel <id> [--days N]`,
    );
    return 2;
  }
  out(json ? JSON.stringify(tipsJson(guide), null, 2) : renderTips(guide));
  return 0;
}

export function tipsJson(guide: Guide) {
  return guide.tips().map((t) => ({
    id: t.id,
    topic: t.topic,
    text: t.text,
    sources: guide
      .sourcesOf(t)
      .map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, year: s.year })),
    entry: { id: t.entry, title: guide.entry(t.entry)?.title ?? t.entry },
  }));
}

export function runEval(guide: Guide, file: string | undefined, out: Out, err: Out): number {
  if (!file) {
    err("eval needs a file: npm run eval -- ../shared/eval/dev.jsonl");
    return 2;
  }
  try {
    out(formatEval(evaluate(guide, parseEvalFile(readFileSync(file, "utf8")))));
    return 0;
  } catch (error) {
    err(`Cannot evaluate ${file}: ${(error as Error).message}`);
    return 1;
  }
}

/** The `ask --json` contract. */
export function replyJson(reply: Reply) {
  const ref = (r: { id: string; title: string; confidence: number }) => ({
    id: r.id,
    title: r.title,
    confidence: r.confidence,
  });
  return {
    question: reply.question,
    answer:
      reply.kind === "answer"
        ? { id: reply.entry.id, title: reply.entry.title, confidence: reply.confidence }
        : null,
    suggestions: reply.suggestions.map(ref),
    flags: [...reply.flags],
  };
}

export function topicsJson(guide: Guide) {
  return guide.topics().map((l) => ({
    id: l.topic.id,
    title: l.topic.title,
    entries: l.entries.map((e) => ({ id: e.id, title: e.title })),
  }));
}

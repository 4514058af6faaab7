import { existsSync } from "node:fs";
import { renderTips } from "../adapters/console/render.js";
import { CHANNEL_PLATFORMS, type Config, createLogger, type Guide, type Platform } from "../src/index.js";
import type { Args } from "./args.js";
import { lazy, openDb } from "./lazy.js";
import type { Out } from "./output.js";

/** `tips list [--json]`: every daily tip with its sources and the entry it links to. */
export function tips(guide: Guide, args: readonly string[], json: boolean, out: Out, err: Out): number {
  if (args[0] !== "list" || args.length > 1) {
    err(
      `${args.length === 0 ? "tips needs a subcommand." : `Unknown tips command "${args.join(" ")}".`} Try: socialmedia-guidance tips list [--json], tips channels [--json], or tips preview --channel <id> [--days N]`,
    );
    return 2;
  }
  out(json ? JSON.stringify(tipsJson(guide), null, 2) : renderTips(guide));
  return 0;
}

/** The `tips list --json` contract. */
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

/**
 * `tips channels [--json]`: every channel whose daily tip is on, on every platform, with its time, and
 * whether its posts are failing. An admin could not see them anywhere else, and moving to PostgreSQL
 * means giving `tips on` again in each.
 */
export async function channels(config: Config, json: boolean, out: Out, err: Out): Promise<number> {
  if (!config.databaseUrl && config.databasePath !== ":memory:" && !existsSync(config.databasePath)) {
    out(json ? "[]" : `(No database at ${config.databasePath} yet, so no channel has a daily tip there.)`);
    return 0;
  }
  const storage = await openDb(config, err, undefined, false, true);
  if (!storage) return 1;
  try {
    const rows = (await storage.tips.enabledSchedules()).map((s) => ({
      platform: s.platform,
      channel: s.channelId,
      time: s.time,
      timeZone: s.timeZone,
      weekdaysOnly: s.weekdaysOnly,
      setBy: s.origin === "env" ? "environment" : "tips on",
      ...(s.failingSince !== undefined ? { failingSince: new Date(s.failingSince).toISOString() } : {}),
    }));
    if (json) out(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) out("No channel has a daily tip turned on.");
    else
      for (const r of rows)
        out(
          `${r.platform}  ${r.channel}  ${r.time} ${r.timeZone}${r.weekdaysOnly ? " weekdays" : ""}  (${r.setBy})${r.failingSince ? `  failing since ${r.failingSince}` : ""}`,
        );
    return 0;
  } finally {
    await storage.close();
  }
}

/** `tips preview --channel <id> [--days N] [--platform slack|discord|teams|mattermost]`: the channel's next tips. */
export async function preview(
  config: Config,
  guide: Guide,
  args: Pick<Args, "channel" | "days" | "platform">,
  out: Out,
  err: Out,
): Promise<number> {
  const days = Number(args.days ?? 7);
  const wrong = !args.channel
    ? "--channel <id> is needed"
    : !Number.isInteger(days) || days < 1 || days > 366
      ? "--days must be a whole number from 1 to 366"
      : args.platform !== undefined && !(CHANNEL_PLATFORMS as readonly string[]).includes(args.platform)
        ? "--platform must be slack, discord, teams or mattermost"
        : undefined;
  if (wrong || !args.channel) {
    err(`${wrong}.`);
    err(
      "Usage: socialmedia-guidance tips preview --channel <id> [--days N (1-366)] [--platform slack|discord|teams|mattermost]",
    );
    return 2;
  }
  const [{ TipChannels }, { formatLocal }] = await Promise.all([lazy.tipChannels(), lazy.schedule()]);
  // No database yet (the bot has not run, or DATABASE_PATH is mistyped): the defaults are previewed from
  // an empty one in memory, and no file is created where the bot would not look for it.
  const missing =
    !config.databaseUrl && config.databasePath !== ":memory:" && !existsSync(config.databasePath);
  if (missing) out(`(No database at ${config.databasePath} yet, so no channel has a daily tip there.)`);
  const storage = await openDb(
    missing ? { ...config, databasePath: ":memory:" } : config,
    err,
    undefined,
    false,
    !missing,
  );
  if (!storage) return 1;
  try {
    const channels = new TipChannels({
      store: storage.tips,
      tips: guide.tips(),
      logger: createLogger("silent"),
      defaults: config.tips,
    });
    // Without --platform, the platform whose channel this is: it assumed Slack, and previewed the
    // defaults for a Mattermost channel whose tip was on at another time (an exploratory test).
    let platform = args.platform as Platform | undefined;
    if (!platform) {
      const on: Platform[] = [];
      for (const p of CHANNEL_PLATFORMS)
        if ((await channels.scheduleOf(p, args.channel))?.enabled) on.push(p);
      if (on.length > 1) {
        err(`${args.channel} has a daily tip on ${on.join(" and ")}: pick one with --platform.`);
        return 2;
      }
      platform = on[0];
    }
    const next = await channels.preview(platform ?? "slack", args.channel, days);
    const schedule = platform ? await channels.scheduleOf(platform, args.channel) : undefined;
    const zone = schedule?.enabled ? schedule.timeZone : config.tips.timeZone;
    if (!schedule?.enabled) {
      const where = platform ? ` on ${platform}` : " on any platform";
      out(
        `(${args.channel} has no daily tip${where} yet; showing the defaults: ${config.tips.time} ${config.tips.timeZone}.)`,
      );
    }
    for (const { at, tip } of next) out(`${formatLocal(at, zone)}  ${tip.text}  [${tip.id}]`);
    return 0;
  } finally {
    await storage.close();
  }
}

import type { Logger } from "../log.js";
import {
  type ChannelRef,
  type Platform,
  PostFailure,
  type TipCommands,
  type TipPoster,
  type TipSettings,
  type TipsSubcommand,
  tipsTyped,
} from "../ports.js";
import type { ScheduleRow, TipStorage } from "../store/storage.js";
import type { Tip } from "../types.js";
import { slotKey, tippedOn } from "./claim.js";
import { failureText, storedFailure } from "./failure.js";
import { nextTip } from "./rotation.js";
import { formatLocal, nextSlot, parseTime, parseTimeZone, type TipTime } from "./schedule.js";
import { sharedAbbreviation } from "./time.js";
import { clause, describe, retryTime, sameTime } from "./wording.js";

export interface TipChannelsOptions {
  readonly store: TipStorage;
  readonly tips: readonly Tip[];
  readonly logger: Logger;
  /** The time and zone of `tips on` without them, and how long after its time a tip is still posted. */
  readonly defaults: { readonly time: string; readonly timeZone: string; readonly graceMs?: number };
  /**
   * The platforms' posters, filled in as each platform starts: `tips on` announces the tip in the
   * channel through them, which also shows whether the bot may post there.
   */
  readonly posters?: Partial<Record<Platform, TipPoster>>;
  readonly now?: () => Date;
}

/** The `tips on|off|status` subcommands of both adapters, and the preview of a channel's next tips. */
export class TipChannels implements TipCommands {
  private readonly store: TipStorage;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly byId: Map<string, Tip>;

  constructor(private readonly options: TipChannelsOptions) {
    this.store = options.store;
    this.log = options.logger.child({ component: "tips" });
    this.now = options.now ?? (() => new Date());
    this.byId = new Map(options.tips.map((t) => [t.id, t]));
  }

  /** A channel's schedule, enabled or not. */
  scheduleOf(platform: Platform, channelId: string): Promise<ScheduleRow | undefined> {
    return this.store.schedule(platform, channelId);
  }

  /**
   * Turns the channel's daily tip on, checking the time and the zone first. Where the platform's poster
   * can, it then says so in the channel: a bot that may not post there (not invited, not allowed) puts
   * the tip back as it was and says how to fix it, instead of agreeing and then never posting.
   */
  async on({ platform, channelId }: ChannelRef, settings: TipSettings): Promise<string> {
    const parsed = this.settingsOf(settings, platform);
    if (typeof parsed === "string") return parsed;
    const next = await this.nextLine(platform, channelId, parsed);
    // Saved before the announcement, which may take seconds: a tips off given meanwhile (on another
    // replica) comes later and wins; saved after, this on overrode it.
    const had = await this.store.schedule(platform, channelId);
    // The same settings again: nothing changes, and the channel is not told again (an admin trying a
    // few times announced it to the channel a dozen times). A failing channel is checked again below.
    if (had?.enabled && had.failingSince === undefined && sameTime(had, parsed))
      return [`The daily tip is already on: ${describe(parsed)}.`, next].join(" ");
    await this.store.enable(platform, channelId, parsed, "command", this.now().getTime());
    const announced = await this.announce(platform, channelId, parsed, next);
    if (announced instanceof PostFailure && announced.permanent) {
      // Undone: a channel that already had a tip keeps it as it was, failing until this is fixed.
      await this.restore(platform, channelId, had, announced);
      return had?.enabled
        ? `I can't post in this channel, so its daily tip is unchanged (on, ${describe(had)}) and fails until this is fixed: ${announced.message} Or turn it off with ${this.command(platform, "off")}.`
        : `The daily tip stays off: ${announced.message}`;
    }
    this.log.info(
      { platform, channel: channelId, time: parsed.time, timeZone: parsed.timeZone },
      "daily tip turned on",
    );
    const unchecked =
      announced instanceof PostFailure
        ? `I could not post in the channel just now: ${failureText(announced)}. So I have not checked that tips can be posted there: ${this.command(platform, "status")} shows how they go.`
        : "";
    return [`Daily tip on: ${describe(parsed)}.`, next, unchecked].filter(Boolean).join(" ");
  }

  /** The tips command as this platform writes it, in a sentence saying what to type. */
  private command(platform: Platform, what: TipsSubcommand): string {
    return this.options.posters?.[platform]?.command?.(what) ?? tipsTyped(what);
  }

  /**
   * Puts a channel's schedule back as it was before a `tips on` whose announcement was refused for good.
   * A tip that was on is failing from now (if not already), for that refusal: `tips status` and `tips
   * channels` show it at once, not only after its next post fails, up to a day later.
   */
  private async restore(
    platform: Platform,
    channelId: string,
    had: ScheduleRow | undefined,
    refusal: PostFailure,
  ): Promise<void> {
    if (!had) return this.store.forget(platform, channelId);
    await this.store.enable(platform, channelId, had, had.origin, had.enabledAt);
    // enable clears the failing mark: a tip that was on fails from now (or since it began failing) for
    // this refusal; one that was off keeps its mark as it was
    const since = had.enabled ? (had.failingSince ?? this.now().getTime()) : had.failingSince;
    const error = had.enabled ? failureText(refusal) : (had.lastError ?? null);
    if (since !== undefined) await this.store.setFailing(platform, channelId, since, error);
    if (!had.enabled) await this.store.disable(platform, channelId, this.now().getTime());
  }

  /**
   * Says in the channel that its daily tip is on: undefined when the platform has no way to (or no
   * poster yet), the PostFailure when the post failed.
   */
  private async announce(
    platform: Platform,
    channelId: string,
    t: TipTime,
    next: string,
  ): Promise<PostFailure | undefined> {
    const poster = this.options.posters?.[platform];
    if (!poster?.announce) return undefined;
    const text = [
      `Daily tips on using social media professionally are on in this channel: ${describe(t)}.`,
      next,
      `Turn them off with ${this.command(platform, "off")}.`,
    ];
    try {
      await poster.announce(channelId, text.filter(Boolean).join(" "));
      return undefined;
    } catch (error) {
      const failure = PostFailure.of(error);
      this.log.warn(
        {
          platform,
          channel: channelId,
          code: failure.code,
          detail: failure.detail,
          permanent: failure.permanent,
        },
        "could not announce the daily tip in the channel",
      );
      return failure;
    }
  }

  async off({ platform, channelId }: ChannelRef): Promise<string> {
    return (await this.store.disable(platform, channelId, this.now().getTime()))
      ? "Daily tip off for this channel."
      : "This channel has no daily tip to turn off.";
  }

  status({ platform, channelId }: ChannelRef): Promise<string> {
    return this.describeStatus(platform, channelId);
  }

  /**
   * The settings with defaults filled in, or the sentence saying which one is wrong. The sentence never
   * repeats what was typed: replies can be public, and the text has not been through the guard.
   */
  private settingsOf(settings: TipSettings, platform: Platform): TipTime | string {
    let { time, timeZone } = this.options.defaults;
    if (settings.time !== undefined) {
      const t = parseTime(settings.time);
      if (!t) return "That is not a time of day. Use HH:MM, for example 09:00, or 9am.";
      time = t;
    }
    if (settings.timeZone !== undefined) {
      const zone = parseTimeZone(settings.timeZone);
      const shared = zone ? undefined : sharedAbbreviation(settings.timeZone);
      if (shared)
        return `${settings.timeZone.trim()} is the name of more than one time zone (${shared}): give the zone's name.`;
      if (!zone)
        return `That is not a time zone I know: use ${this.command(platform, "on")} with a zone such as Europe/London, EST or UTC+2.${this.options.posters?.[platform]?.settingsInFields ? "" : " A tip comes every day, or on weekdays only (add weekdays)."}`;
      timeZone = zone;
    }
    return { time, timeZone, weekdaysOnly: Boolean(settings.weekdaysOnly) };
  }

  private async nextLine(platform: Platform, channelId: string, t: TipTime): Promise<string> {
    const next = await this.nextDue(platform, channelId, t, this.now());
    return next ? `Next tip: ${formatLocal(next, t.timeZone)}.` : "";
  }

  /**
   * The channel's next due instant after `after` on a day that has no tip yet: a channel gets one tip a
   * day, so after today's has been posted, a time moved later today (or a zone moved west) is due only
   * tomorrow. It said today, and no tip came.
   */
  private async nextDue(
    platform: Platform,
    channelId: string,
    t: TipTime,
    after: Date,
  ): Promise<Date | undefined> {
    let at = after;
    // a day or two at most are taken (today's, and the day a zone change lands on)
    for (let tries = 0; tries < 4; tries++) {
      const next = nextSlot(t, at);
      if (!next) return next;
      const ref = { platform, channelId, timeZone: t.timeZone };
      const { key, kept } = await slotKey(this.store, ref, next.getTime());
      if (!kept && !(await tippedOn(this.store, ref, key, next.getTime()))) return next;
      at = next;
    }
    return nextSlot(t, at);
  }

  private async describeStatus(platform: Platform, channelId: string): Promise<string> {
    const s = await this.store.schedule(platform, channelId);
    const who = this.options.posters?.[platform]?.whoMayChange ?? "whoever manages the channel";
    if (!s?.enabled)
      return `This channel has no daily tip. ${who.charAt(0).toUpperCase()}${who.slice(1)} can turn it on with ${this.command(platform, "on")}.`;
    const lines = [`Daily tip: on, ${describe(s)}.`, await this.nextLine(platform, channelId, s)];
    let last = await this.store.lastSlot(platform, channelId, [
      "posted",
      "failed",
      "uncertain",
      "retry",
      "skipped",
      "sending",
    ]);
    // a tip that fell due while the bot was down for longer than TIP_GRACE is said, and the last posted;
    // so is one being posted, or cut off by a restart (that is known once its claim runs out, in minutes)
    if (last?.status === "skipped" || last?.status === "sending") {
      const due = `The tip due ${formatLocal(new Date(last.dueAt), s.timeZone)}`;
      lines.push(
        last.status === "skipped"
          ? `${due} was skipped: the bot was not running until too long after it fell due.`
          : `${due} is being posted, or was cut off by a restart: if so, it is not sent again, and within minutes this says it may not have been posted.`,
      );
      last = await this.store.lastSlot(platform, channelId, ["posted"]);
    }
    if (last?.status === "posted" && last.postedAt) {
      const tip = last.tipId ? this.byId.get(last.tipId) : undefined;
      lines.push(
        // no full stop after a tip's own closing one ("...information.".)
        `Last tip: ${formatLocal(new Date(last.postedAt), s.timeZone)}${tip ? `, "${tip.text}"` : ""}${tip && /[.!?]$/.test(tip.text) ? "" : "."}`,
      );
    } else if (last?.status === "retry" && last.nextAttemptAt !== undefined) {
      const again = retryTime(last, this.now().getTime(), this.options.defaults.graceMs);
      const when = again
        ? `Trying again at ${formatLocal(again, s.timeZone)}.`
        : "Too late to try again: it is given up.";
      lines.push(`The last post failed: ${clause(storedFailure(last.error))} ${when}`);
    } else if (last?.status === "uncertain") {
      lines.push(
        `The tip due ${formatLocal(new Date(last.dueAt), s.timeZone)} may not have been posted: the bot stopped while posting it, or the platform took too long to say whether it had, so it was not sent again.`,
      );
    }
    if (s.failingSince) {
      lines.push(
        `Failing since ${formatLocal(new Date(s.failingSince), s.timeZone)}: ${clause(storedFailure(s.lastError))} Check that the bot is still in this channel and allowed to post.`,
      );
    }
    return lines.filter(Boolean).join("\n");
  }

  /** The tips this channel would get in the next `days` days, with when, without changing anything. */
  async preview(
    platform: Platform,
    channelId: string,
    days: number,
  ): Promise<{ at: Date; tip: Tip; scheduled: boolean }[]> {
    const s = await this.store.schedule(platform, channelId);
    const t: TipTime = s?.enabled ? s : { ...this.options.defaults, weekdaysOnly: false };
    const rotation = await this.store.rotation(platform, channelId);
    let { cycle, last } = rotation;
    const { key, used } = rotation;
    const out: { at: Date; tip: Tip; scheduled: boolean }[] = [];
    // a tip whose post failed and waits to be tried again is the channel's next (its day is taken below)
    const retry = s?.enabled ? await this.store.lastSlot(platform, channelId, ["retry"]) : undefined;
    const again = retry?.tipId ? this.byId.get(retry.tipId) : undefined;
    const when = retry && retryTime(retry, this.now().getTime(), this.options.defaults.graceMs);
    if (when && again) out.push({ at: when, tip: again, scheduled: true });
    // the tips due within `days` days (five in seven on weekdays only), at most one a day and a retry
    let at: Date = this.now();
    for (const until = at.getTime() + days * 86_400_000; out.length <= days; ) {
      const next = await this.nextDue(platform, channelId, t, at);
      if (!next || next.getTime() > until) break;
      at = next;
      const pick = nextTip(key, cycle, [...this.byId.keys()], used, last);
      const tip = pick ? this.byId.get(pick.tipId) : undefined;
      if (!pick || !tip) break;
      if (pick.cycle !== cycle) {
        cycle = pick.cycle;
        used.clear();
      }
      used.add(pick.tipId);
      last = pick.tipId;
      out.push({ at, tip, scheduled: Boolean(s?.enabled) });
    }
    return out;
  }
}

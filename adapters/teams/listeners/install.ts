import type { IActivity, IConversationUpdateActivity } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import { addressOf, placeOf } from "../place.js";
import type { TeamsContext } from "./context.js";

/** Keeps the address of the channel the activity came from, when it came from a team's channel. */
export async function rememberChannel(activity: IActivity, t: TeamsContext): Promise<void> {
  const address = addressOf(activity);
  const place = placeOf(activity);
  if (address) await t.addresses.remember(place.channelId, address, place.teamId);
}

/**
 * Forgets where the bot was removed or uninstalled. From a team that is every channel of it, with their
 * daily tips: the event comes from the team's General channel, whose id is the team's, and the bot can
 * no longer post into any of its channels. A chat has no address to forget but its own.
 */
function forgetPlace(activity: IActivity, t: TeamsContext): Promise<void> {
  const place = placeOf(activity);
  if (place.kind !== "channel") return t.addresses.forget(place.channelId);
  return t.addresses.forgetTeam(place.teamId ?? place.channelId);
}

/**
 * The bot added to a team (or a member of it changed, or a channel deleted): the address of the team's
 * channel it came from is kept for daily tips; the channel's is dropped when it goes, and every channel's
 * of the team when the bot leaves.
 */
export async function onConversationUpdate(
  activity: IConversationUpdateActivity,
  t: TeamsContext,
): Promise<void> {
  const bot = activity.recipient.id;
  const channel = activity.channelData?.channel?.id;
  if (activity.channelData?.eventType === "channelDeleted" && channel) return t.addresses.forget(channel);
  if ((activity.membersRemoved ?? []).some((m) => m.id === bot)) return forgetPlace(activity, t);
  if ((activity.membersAdded ?? []).some((m) => m.id === bot)) return rememberChannel(activity, t);
}

/** Installation and conversation updates: each waits for the store, then Teams gets its 200. */
export function register(app: App, t: TeamsContext): void {
  app.on("install.add", (ctx) => t.inFlight.track(() => rememberChannel(ctx.activity, t)));
  app.on("install.remove", (ctx) => t.inFlight.track(() => forgetPlace(ctx.activity, t)));
  app.on("conversationUpdate", (ctx) => t.inFlight.track(() => onConversationUpdate(ctx.activity, t)));
}

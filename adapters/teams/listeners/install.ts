import type { IActivity, IConversationUpdateActivity } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import { addressOf, placeOf } from "../place.js";
import type { TeamsContext } from "./context.js";

/** Keeps the address of the channel the activity came from, when it came from a team's channel. */
export async function rememberChannel(activity: IActivity, t: TeamsContext): Promise<void> {
  const address = addressOf(activity);
  if (address) await t.addresses.remember(placeOf(activity).channelId, address);
}

/**
 * The bot added to a team (or a member of it changed, or a channel deleted): the address of the team's
 * channel it came from is kept for daily tips, and dropped when the bot leaves or the channel goes.
 */
export async function onConversationUpdate(
  activity: IConversationUpdateActivity,
  t: TeamsContext,
): Promise<void> {
  const bot = activity.recipient.id;
  const channel = activity.channelData?.channel?.id;
  if (activity.channelData?.eventType === "channelDeleted" && channel) return t.addresses.forget(channel);
  if ((activity.membersRemoved ?? []).some((m) => m.id === bot))
    return t.addresses.forget(placeOf(activity).channelId);
  if ((activity.membersAdded ?? []).some((m) => m.id === bot)) return rememberChannel(activity, t);
}

/** Installation and conversation updates: each waits for the store, then Teams gets its 200. */
export function register(app: App, t: TeamsContext): void {
  app.on("install.add", (ctx) => t.inFlight.track(() => rememberChannel(ctx.activity, t)));
  app.on("install.remove", (ctx) =>
    t.inFlight.track(() => t.addresses.forget(placeOf(ctx.activity).channelId)),
  );
  app.on("conversationUpdate", (ctx) => t.inFlight.track(() => onConversationUpdate(ctx.activity, t)));
}

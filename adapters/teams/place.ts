import type { IActivity } from "@microsoft/teams.api";

/** Where an activity happened: a 1:1 chat, a group chat, or a team's channel. */
export interface Place {
  readonly kind: "personal" | "groupChat" | "channel";
  /** The channel's own id in a team (the thread's root stripped), else the chat's id. */
  readonly channelId: string;
  /** The team's id as the Bot Connector knows it, in a channel. */
  readonly teamId?: string;
  /** The team's Microsoft 365 group id, when Teams sent it. */
  readonly teamGroupId?: string;
  readonly tenantId?: string;
}

/** What a post to a channel needs later, without an activity to reply to. */
export interface ChannelAddress {
  /** The Bot Connector's URL for this tenant, as its activities gave it. */
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId?: string;
}

/** What of an activity tells where it happened. */
export type Placed = Pick<IActivity, "conversation" | "channelData" | "serviceUrl">;

/** The place of an activity. */
export function placeOf(activity: Placed): Place {
  const data = activity.channelData;
  const tenantId = data?.tenant?.id ?? activity.conversation.tenantId;
  const type = activity.conversation.conversationType;
  const common = {
    ...(tenantId ? { tenantId } : {}),
    ...(data?.team?.id ? { teamId: data.team.id } : {}),
    ...(data?.team?.aadGroupId ? { teamGroupId: data.team.aadGroupId } : {}),
  };
  if (type === "channel" || (type === undefined && data?.team?.id)) {
    return { kind: "channel", channelId: data?.channel?.id ?? rootOf(activity.conversation.id), ...common };
  }
  return {
    kind: type === "groupChat" ? "groupChat" : "personal",
    channelId: rootOf(activity.conversation.id),
    ...common,
  };
}

/** Where to post into a team's channel later, or undefined when the activity was not in one. */
export function addressOf(activity: Placed): ChannelAddress | undefined {
  const place = placeOf(activity);
  if (place.kind !== "channel" || !activity.serviceUrl) return undefined;
  return {
    serviceUrl: activity.serviceUrl,
    conversationId: place.channelId,
    ...(place.tenantId ? { tenantId: place.tenantId } : {}),
  };
}

/** A conversation id without the reply chain Teams appends in a channel (";messageid=…"). */
export function rootOf(conversationId: string): string {
  return conversationId.split(";")[0] ?? conversationId;
}

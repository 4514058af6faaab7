import type { IActivityContext } from "@microsoft/teams.apps";
import { type Logger, TIPS_PERMISSION_UNCHECKED } from "../../src/index.js";
import { describeTeamsError } from "./errors.js";
import { placeOf } from "./place.js";

/** Who may change a channel's daily tip, said plainly to everyone else. */
export const TEAMS_WHO_MAY_CHANGE = "the team's owners";
export const OWNERS_ONLY = `Only ${TEAMS_WHO_MAY_CHANGE} can turn this channel's daily tip on or off.`;

/**
 * The refusal when the message names no team or no Microsoft Entra user, so that no one's role can be
 * looked up. Teams itself always sends both in a channel; a test tool may not, and telling its user
 * that only owners may do this would send them looking for the wrong cause.
 */
export const OWNER_UNKNOWABLE =
  "I can't tell who owns this team: the message came without the team or your Microsoft Entra account. Turn the daily tip on or off from the channel in Microsoft Teams itself.";

/** The refusal in local testing (TEAMS_LOCAL_TESTING), where the bot has no credentials to ask Graph. */
export const NO_GRAPH_IN_LOCAL_TESTING =
  "Daily tips can't be turned on or off in local testing: without the app's credentials I can't ask Microsoft Graph who owns the team. tips status still works.";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A team member as Microsoft Graph lists it. */
interface GraphMember {
  readonly roles?: readonly string[];
}

/**
 * Undefined when the person who wrote is an owner of the channel's team, else the sentence refusing.
 * The Bot Connector tells members from guests but not owners, so the role comes from Microsoft Graph
 * (GET /teams/{id}/members), read with the app's own credentials under the resource-specific
 * permission TeamMember.Read.Group that the app package asks for. A lookup that fails, or that Teams
 * gave nothing to look up with, refuses, saying that it could not check, and the log says why.
 */
export async function ownerRefusal(ctx: IActivityContext, log: Logger): Promise<string | undefined> {
  const place = placeOf(ctx.activity);
  const user = ctx.activity.from.aadObjectId;
  const ids = { user: ctx.activity.from.id, channel: place.channelId };
  if (!place.teamId || !user || !GUID.test(user)) {
    log.warn(ids, "cannot tell who owns the team: the activity names no team or no Entra user");
    return OWNER_UNKNOWABLE;
  }
  try {
    const group = place.teamGroupId ?? (await ctx.api.teams.getById(place.teamId)).aadGroupId;
    if (!group || !GUID.test(group)) {
      log.warn(ids, "cannot tell who owns the team: Teams gave no group id for it");
      return TIPS_PERMISSION_UNCHECKED;
    }
    const filter = encodeURIComponent(`(microsoft.graph.aadUserConversationMember/userId eq '${user}')`);
    const { data } = await ctx.appGraph.http.get<{ value?: readonly GraphMember[] }>(
      `/teams/${group}/members?$filter=${filter}`,
    );
    const owner = (data?.value ?? []).some((m) => m.roles?.includes("owner"));
    return owner ? undefined : OWNERS_ONLY;
  } catch (error) {
    log.warn({ ...ids, code: describeTeamsError(error).code }, "could not check who may manage tips");
    return TIPS_PERMISSION_UNCHECKED;
  }
}

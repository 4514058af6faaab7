import type { IActivityContext } from "@microsoft/teams.apps";
import {
  type Conversation,
  type Guide,
  type InFlight,
  type Logger,
  type Outcome,
  posting,
  type Requester,
} from "../../../src/index.js";
import type { AddressBook } from "../addresses.js";
import { describeTeamsError } from "../errors.js";
import { NO_GRAPH_IN_LOCAL_TESTING, ownerRefusal } from "../owner.js";
import type { Place } from "../place.js";
import { renderCard } from "../render.js";

/** What every Teams listener needs. */
export interface TeamsContext {
  readonly conversation: Conversation;
  readonly guide: Guide;
  readonly log: Logger;
  /** Where channels' addresses are kept for scheduled tips. */
  readonly addresses: AddressBook;
  /** True in local testing (no credentials), where Microsoft Graph is out of reach. */
  readonly localTesting: boolean;
  /** Replies still being sent, which shutdown waits for. */
  readonly inFlight: InFlight;
}

/** Daily tips belong to a team's channel, where the bot can check that an owner is asking. */
export const TIPS_IN_A_CHANNEL =
  "Daily tips are set up in a team's channel by one of its owners: mention me there with tips on [HH:MM] [time zone], tips off or tips status.";

/**
 * Who is asking, and where. Teams has no message only one person sees in a channel, so every reply goes
 * to the conversation it came from (in a channel, its thread), and an answer is put into another
 * conversation with the message extension rather than a share button.
 */
export function requesterOf(ctx: IActivityContext, place: Place, t: TeamsContext): Requester {
  const common = {
    platform: "teams" as const,
    userId: ctx.activity.from.id,
    channelId: place.channelId,
    visibility: "public" as const,
    canShare: false,
  };
  return place.kind === "channel"
    ? {
        ...common,
        tipsPermission: () =>
          t.localTesting ? Promise.resolve(NO_GRAPH_IN_LOCAL_TESTING) : ownerRefusal(ctx, t.log),
      }
    : { ...common, tipsElsewhere: TIPS_IN_A_CHANNEL };
}

/** Sends an outcome's card into the activity's conversation; a failure is logged, never thrown. */
export async function deliver(
  ctx: IActivityContext,
  t: TeamsContext,
  outcome: Outcome,
  what: string,
): Promise<void> {
  try {
    await posting(outcome, () => ctx.send(renderCard(outcome.card)));
  } catch (error) {
    const failure = describeTeamsError(error);
    t.log.error(
      { user: ctx.activity.from.id, conversation: ctx.activity.conversation.id, ...failure },
      `${what} failed`,
    );
  }
}

/**
 * Runs `work` after the activity is acknowledged: Teams gets its 200 at once and does not send the
 * activity again while a slow Bot Connector keeps the reply waiting. Shutdown waits for it.
 */
export function afterAck(t: TeamsContext, what: string, work: () => Promise<void>): void {
  void t.inFlight.track(work).catch((error: unknown) => {
    t.log.error({ err: (error as Error)?.message, ...describeTeamsError(error) }, `${what} failed`);
  });
}

import type { Guide } from "../guide.js";
import type { Logger } from "../log.js";
import type { Platform } from "../ports.js";
import { workspaceOf } from "../store/workspace.js";
import type { Reply } from "../types.js";
import { type LogPolicy, replyLogFields } from "./log-policy.js";
import { questionRefusal, type RateLimits } from "./rate-limits.js";
import type { UsageRecords } from "./records.js";

/** What a question is asked within; each part is optional, and without it none of what it does. */
export interface UsageParts {
  /** The per-user limit on questions and the per-channel limit on shared answers; without it, no limits. */
  readonly limits?: RateLimits;
  /** The report's counts, votes and learning from picks and 👍; without it, nothing is recorded. */
  readonly records?: UsageRecords;
  /** What may be logged of a question; without it, never its text. */
  readonly logPolicy?: LogPolicy;
}

/** A question asked on a platform, by whom and where. */
export interface AskRequest {
  readonly platform: Platform;
  readonly text: string;
  readonly userId?: string;
  readonly channelId?: string;
}

/** The reply, or a sentence refusing because the asker is over their rate limit. */
export type Asked = { readonly reply: Reply } | { readonly refusal: string };

/**
 * Every adapter's way to answer: within the asker's rate limit, with the reply logged (no question
 * text unless allowed) and counted for the report.
 */
export async function askWithin(
  guide: Guide,
  { limits, records, logPolicy }: UsageParts,
  request: AskRequest,
  logger: Logger,
): Promise<Asked> {
  const ids = { user: request.userId, channel: request.channelId };
  // A Slack user id counts within its workspace where the bot serves many (see workspace.ts).
  const team = workspaceOf(request.platform, request.channelId);
  const asker = team && request.userId ? `${team}:${request.userId}` : request.userId;
  const wait = asker ? await limits?.checkQuestion(request.platform, asker) : undefined;
  if (wait !== undefined) {
    logger.warn(ids, "rate limited");
    return { refusal: questionRefusal(wait) };
  }
  const reply = guide.ask(request.text);
  logger.info({ ...ids, ...(logPolicy?.logFields(reply) ?? replyLogFields(reply)) }, "answered");
  records?.recordQuestion(reply, team);
  if (request.userId) records?.remember(request.platform, request.userId, reply);
  return { reply };
}

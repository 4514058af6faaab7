// The core's public entry: adapters import from here and nowhere else under src/ (or, to draw the
// core's cards and nothing else, from its light entry, presentation.ts).

export {
  COMMANDS,
  type CommandSpec,
  EXAMPLE_QUESTIONS,
  type ParsedCommand,
  parseCommand,
  type Request,
  readRequest,
  type TipsChange,
} from "./commands.js";
export { loadGuide } from "./compiled.js";
export { type Config, ConfigError, type DiscordConfig, loadConfig, type SlackConfig } from "./config.js";
export { Conversation, type ConversationDeps, posting, type Requester } from "./conversation/conversation.js";
export { createGuide, DISCLAIMER, type Guide, sourceLabel, type TopicListing } from "./guide.js";
export { InFlight, REPLY_GRACE_MS, settlesWithin } from "./inflight.js";
export { formatProblem, KnowledgeError } from "./knowledge/errors.js";
export { loadKnowledge } from "./knowledge/load.js";
export { createLogger, type Logger, redactSecrets } from "./log.js";
export { unreachableCause } from "./net.js";
export {
  CHANNEL_PLATFORMS,
  type ChannelAddresses,
  type ChannelRef,
  type FeedbackVote,
  type Platform,
  PostFailure,
  type RecordFeedback,
  type TipCommands,
  type TipPoster,
  type TipSettings,
  type TipsSubcommand,
  tipsTyped,
} from "./ports.js";
export * from "./presentation.js";
export { type ReloadableGuide, reloadable, reloadKnowledgeOnChange } from "./reload.js";
export { MAX_QUESTION_CHARS, visibleText } from "./search/normalise.js";
export type { InstallationRecord, InstallationStorage } from "./store/installations.js";
export { type ReplayMemory, ReplaysInMemory } from "./store/replays.js";
export { splitChannelKey, workspaceChannel, workspaceOf } from "./store/workspace.js";
export type { Entry, EntryLink, EntryRef, Knowledge, Reply, Source, Tip, Topic } from "./types.js";
export { type Asked, type AskRequest, askWithin, type UsageParts } from "./usage/ask.js";
export { LogPolicy, type LogPolicyOptions, replyLogFields } from "./usage/log-policy.js";
export { RateLimiter } from "./usage/rate-limiter.js";
export {
  countShare,
  RateLimits,
  type RateLimitsOptions,
  SAME_SHARE_MS,
  type ShareCount,
  waitText,
} from "./usage/rate-limits.js";
export { acknowledgeVote, UsageRecords, type UsageRecordsOptions } from "./usage/records.js";

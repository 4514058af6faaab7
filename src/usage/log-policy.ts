import type { Reply } from "../types.js";

/** What the log may say about a question. */
export interface LogPolicyOptions {
  /** Whether the text of a question may be logged (LOG_QUESTIONS); a flagged one never is. */
  readonly logQuestions: boolean;
}

/** What the log records of each reply, the same on every platform. */
export class LogPolicy {
  constructor(private readonly options: LogPolicyOptions) {}

  /** The log fields of a reply: never the question unless LOG_QUESTIONS is on, and never a flagged one. */
  logFields(reply: Reply): Record<string, unknown> {
    return replyLogFields(reply, this.options.logQuestions);
  }
}

/** A reply as the log records it; the question only when allowed and never when flagged. */
export function replyLogFields(reply: Reply, logQuestions = false): Record<string, unknown> {
  return {
    kind: reply.kind,
    entry: reply.kind === "answer" ? reply.entry.id : undefined,
    confidence: reply.confidence,
    flagged: reply.flags.length > 0 || undefined,
    question: logQuestions && reply.flags.length === 0 ? reply.question : undefined,
  };
}

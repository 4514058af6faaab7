import type { ILogger, LogLevel } from "@microsoft/teams.common";
import { type Logger, redactSecrets } from "../../src/index.js";

/**
 * A line the Teams SDK logs, as it may be kept: only its words and error messages, never the objects it
 * passes along (activities, HTTP requests and answers carry users' words and tokens), with bearer
 * tokens and other secrets blanked and the line cut short.
 */
export function sdkLogText(msg: readonly unknown[]): string {
  const text = msg
    .map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : undefined))
    .filter((m): m is string => m !== undefined)
    .join(" ");
  return redactSecrets(text)
    .replace(/\bBearer\s+\S+/gi, "Bearer [secret]")
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, "[secret]")
    .slice(0, 500);
}

/**
 * The SDK's logger interface on top of ours, so that its messages land in the same JSON log. Its
 * debug and trace lines print whole activities, so they are dropped; its info lines become debug.
 */
export function sdkLogger(log: Logger, name = "teams-sdk"): ILogger {
  const at = (level: "debug" | "warn" | "error", msg: readonly unknown[]) => {
    const text = sdkLogText(msg);
    if (text) log[level]({ source: name }, text);
  };
  const logger: ILogger = {
    debug: () => undefined,
    trace: () => undefined,
    info: (...msg) => at("debug", msg),
    warn: (...msg) => at("warn", msg),
    error: (...msg) => at("error", msg),
    log: (level: LogLevel, ...msg) => {
      if (level === "warn" || level === "error") at(level, msg);
      else if (level === "info") at("debug", msg);
    },
    child: (child) => sdkLogger(log, `${name}/${child}`),
  };
  return logger;
}

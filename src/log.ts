import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

/**
 * The bot's structured log: JSON lines with entry ids, confidences, timings and platform ids, never
 * question text or secrets. Anything that looks like a Slack or Discord token is redacted as well.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "socialmedia-guidance" },
      redact: {
        paths: ["token", "*.token", "headers.authorization", "*.headers.authorization"],
        censor: "[secret]",
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(redactDeep) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** Replaces Slack tokens (xoxb-, xapp-, ...) and Discord bot tokens in a text. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\bxox[abposr]-[A-Za-z0-9-]+/g, "[secret]")
    .replace(/\bxapp-[A-Za-z0-9-]+/g, "[secret]")
    .replace(/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g, "[secret]");
}

/** A log argument with every string in it, at any depth, passed through redactSecrets. */
function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value);
  if (value instanceof Error) return { name: value.name, message: redactSecrets(value.message) };
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, depth + 1)]));
}

import { nearestNames } from "./nearest.js";
import type { Out } from "./output.js";

/** What ./.env gave: the names it set, or that it could not be read (said already). */
export type EnvFile = { readonly names: readonly string[] } | "unreadable";

/**
 * Reads ./.env into the environment (dotenv; loaded only when there is one: a one-shot command is spared
 * it otherwise), saying plainly when it cannot be read. One the bot's user may not read, or a folder of
 * that name, was passed over in silence, and the bot then said no platform was set up.
 */
export async function readEnvFile(err: Out): Promise<EnvFile> {
  const { config } = await import("dotenv");
  const read = config({ quiet: true });
  if (read.error) {
    const code = (read.error as NodeJS.ErrnoException).code ?? read.error.message;
    err(
      code === "EISDIR"
        ? ".env is a folder, not a file of settings: remove it, or put the settings in a file of that name."
        : `.env is there but cannot be read (${code}): give the bot's user read access to the file, or remove it.`,
    );
    return "unreadable";
  }
  return { names: Object.keys(read.parsed ?? {}) };
}

/** What Node, the PostgreSQL driver and the network read from the environment: no warning for them. */
const OTHERS = /^(?:NODE_\w*|PG\w*|TZ|HTTPS?_PROXY|NO_PROXY|LANG|LC_\w+)$/i;

/**
 * Warns of each name .env sets that no setting has ("TIP_TIMZONE"), with the nearest real name: a
 * misspelt setting was ignored without a word, and tips went out at 09:00 UTC.
 */
export async function warnUnknownSettings(
  env: EnvFile | undefined,
  known: readonly string[],
  err: Out,
): Promise<void> {
  if (!env || env === "unreadable") return;
  const unknown = env.names.filter((name) => !known.includes(name) && !OTHERS.test(name));
  if (unknown.length === 0) return;
  const nearest = await nearestNames(unknown, known);
  for (const [i, name] of unknown.entries()) {
    const near = nearest[i];
    err(
      `Warning: .env sets ${name}, which is no setting of this bot${near ? `: did you mean ${near}?` : ""} (it is ignored; see .env.example).`,
    );
  }
}

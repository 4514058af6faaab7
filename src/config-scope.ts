// Which settings a command reads: kept apart from the settings' validation (config.ts), so that the
// command table can say it without loading the validator.

/** The settings every command that reads the knowledge or the database uses. */
const LOCAL_SETTINGS = new Set(["KNOWLEDGE_DIR", "DATABASE_PATH", "DATABASE_URL", "FEEDBACK_SALT"]);

/** For loadConfig: only the knowledge and the database, plus the settings starting with `prefixes`. */
export function localSettings(...prefixes: string[]): (name: string) => boolean {
  return (name) => LOCAL_SETTINGS.has(name) || prefixes.some((p) => name.startsWith(p));
}

import { resolve } from "node:path";
import { z } from "zod";
import { defaultKnowledgeDir } from "./paths.js";

const schema = z.object({
  KNOWLEDGE_DIR: z.string().trim().min(1).optional(),
});

/** The bot's settings, read once from the environment. */
export interface Config {
  readonly knowledgeDir: string;
}

/** Thrown with every missing or invalid variable named at once. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates `env` and returns a frozen, typed config. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  return Object.freeze({
    knowledgeDir: e.KNOWLEDGE_DIR ? resolve(e.KNOWLEDGE_DIR) : defaultKnowledgeDir(),
  });
}

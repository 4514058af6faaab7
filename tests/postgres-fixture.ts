import { afterEach, vi } from "vitest";
import { main } from "../app/main.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { storageBackends } from "./backends.js";
import { FIXTURE_DIR } from "./helpers.js";

/**
 * One test file's PostgreSQL: the storage backend on the run's server (a database of the file's own), the
 * fixture guide, and the command line run in this process against a DATABASE_URL; environment variables
 * a test stubs are restored after it.
 */
export function postgresFixture() {
  const backend = storageBackends().find((b) => b.name === "postgres");
  if (!backend) throw new Error("no PostgreSQL backend");
  const guide = createGuide(loadKnowledge(FIXTURE_DIR));

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** The command line in this process, with DATABASE_URL set: exit code and what it printed where. */
  async function cli(args: string[], url: string) {
    vi.stubEnv("DATABASE_URL", url);
    vi.stubEnv("KNOWLEDGE_DIR", FIXTURE_DIR);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      args,
      (t) => out.push(t),
      (t) => err.push(t),
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  return { backend, guide, cli };
}

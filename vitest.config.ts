import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-cwd.ts"],
    testTimeout: 20_000,
    // Many files wait on child processes and sockets: two workers overlap that waiting even on a
    // two-core machine, where vitest's default (cores - 1) would run the files one at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test files share a worker's loaded modules instead of importing everything again each (half the
    // run's time went on that). Files must therefore leave no global state behind: each test file
    // builds its own guide, stores, servers and nock scopes and closes them.
    isolate: false,
    // For the same reason, settings a test stubs (vi.stubEnv) are put back before each next test, in every
    // file (a file that must not leave its last test's settings to the next file unstubs them after each).
    unstubEnvs: true,
    // Each run transformed every TypeScript module again (4-5 s of the main process's CPU, competing
    // with the two workers): kept on disk instead (node_modules/.experimental-vitest-cache), keyed by
    // each file's content, vitest's version and config, and the lockfile, so an edit is never missed.
    experimental: { fsModuleCache: true },
  },
});

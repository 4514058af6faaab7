import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

// `npm start`, as the README runs the bot. npm runs a script through `sh -c`, and dash (Debian's sh)
// passes no signal on: a SIGTERM to npm (from Docker or a process manager) left the bot running,
// orphaned, holding its port and its database. `exec` makes the bot the shell's process itself, so
// npm's signal reaches it (checked by hand: without it the bot outlived npm; with it, it stopped).

it("runs the bot from npm start as the shell's own process, so that a stop signal reaches it", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8"));
  expect(pkg.scripts.start).toBe("exec node bin/socialmedia-guidance.js start");
});

// The command's own code as a few files instead of ninety: `bin/socialmedia-guidance.js` runs
// dist/bundle/, which `npm run build` makes (with rolldown) from what tsc wrote to dist/app/. Node's
// module loader spends time on every file it loads (resolving, reading, linking), and a one-shot `ask`
// loads the whole engine. Packages stay outside the bundle (but for BUNDLED), loaded from node_modules;
// each platform's SDK and the rarely used commands stay in chunks of their own, loaded only when used.
// Run through the API rather than rolldown's command line, which lists every chunk on each build.
// Each build empties the folder first, so its entry, main.js, is always new: the compiled knowledge
// takes that file (its time, and the chunks' hashed names in it) for the whole bundle (see codeParts in
// src/compiled.ts).
import { join } from "node:path";
import { build } from "rolldown";
import { packageRoot } from "../src/paths.js";

const root = packageRoot();

/** True for an import of a package or a Node built-in rather than a file of the project. */
const isPackage = (id: string) => !id.startsWith(".") && !id.startsWith("/");

/**
 * Packages bundled all the same, so that an import of theirs can be redirected: marked-terminal's of
 * cli-highlight, which only colours code blocks, goes to adapters/console/no-highlight.ts.
 */
const BUNDLED = new Set(["marked-terminal"]);
/** Imports redirected to a file of the project's (and so never left to node_modules). */
const ALIAS = { "cli-highlight": join(root, "dist", "adapters", "console", "no-highlight.js") };

await build({
  input: join(root, "dist", "app", "main.js"),
  platform: "node",
  external: (id) => isPackage(id) && !BUNDLED.has(id) && !(id in ALIAS),
  resolve: { alias: ALIAS },
  logLevel: "warn",
  output: { dir: join(root, "dist", "bundle"), format: "esm", sourcemap: true, cleanDir: true },
});

// The command's own code as a few files instead of ninety: `bin/socialmedia-guidance.js` runs
// dist/bundle/, which `npm run build` makes (with rolldown) from what tsc wrote to dist/app/. Node's
// module loader spends time on every file it loads (resolving, reading, linking), and a one-shot `ask`
// loads the whole engine. Packages stay outside the bundle, loaded from node_modules as before; each
// platform's SDK and the rarely used commands stay in chunks of their own, loaded only when used.
// Run through the API rather than rolldown's command line, which lists every chunk on each build.
// Each build empties the folder first, so its entry, main.js, is always new: the compiled knowledge
// takes that file's time for the whole bundle's (see codeFolders in src/compiled.ts).
import { join } from "node:path";
import { build } from "rolldown";
import { packageRoot } from "../src/paths.js";

const root = packageRoot();

/** True for an import of a package or a Node built-in rather than a file of the project. */
const isPackage = (id: string) => !id.startsWith(".") && !id.startsWith("/");

await build({
  input: join(root, "dist", "app", "main.js"),
  platform: "node",
  external: isPackage,
  logLevel: "warn",
  output: { dir: join(root, "dist", "bundle"), format: "esm", sourcemap: true, cleanDir: true },
});

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
/** An import of the command line (app/), the composition root that wires the core to the adapters. */
const IMPORTS_APP = /(from|import\()\s*["'](\.\.\/)+app\//;
/** What the core must never import: a platform SDK, an adapter, or the command line. */
const FORBIDDEN_IN_CORE = [
  /(from|import\()\s*["']@slack\//,
  /(from|import\()\s*["']discord\.js["']/,
  /(from|import\()\s*["']@microsoft\/teams\./,
  /(from|import\()\s*["'](\.\.\/)+adapters\//,
  IMPORTS_APP,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

/** The files under `dir` (relative to the root) whose text matches any of `patterns`. */
function offenders(dir: string, patterns: readonly RegExp[]): string[] {
  return sourceFiles(join(ROOT, dir))
    .map((f) => relative(ROOT, f))
    .filter((f) => patterns.some((re) => re.test(readFileSync(join(ROOT, f), "utf8"))));
}

/**
 * The packages a file loads as it is imported, following its static imports (not `import()`, which
 * loads on need) through the project's own files; a `.js` import names its `.ts` source.
 */
function packagesLoadedBy(file: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const m of readFileSync(file, "utf8").matchAll(
    /^(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm,
  )) {
    const spec = m[1] ?? "";
    if (/^import\s+type\b|^export\s+type\b/.test(m[0])) continue;
    if (spec.startsWith("."))
      packagesLoadedBy(resolve(dirname(file), spec.replace(/\.js$/, ".ts")), seen, packages);
    else if (!spec.startsWith("node:")) packages.add(spec);
  }
  return packages;
}

describe("architecture", () => {
  it("keeps the core platform-free: nothing under src/ imports a platform SDK, an adapter or app/", () => {
    expect(offenders("src", FORBIDDEN_IN_CORE)).toEqual([]);
  });

  it("has adapters import the core only through its public entries (the whole, or its cards alone)", () => {
    expect(offenders("adapters", [/from\s+["'](\.\.\/)+src\/(?!(?:index|presentation)\.js)/])).toEqual([]);
  });

  it("keeps the adapters free of the command line: nothing under adapters/ imports app/", () => {
    expect(offenders("adapters", [IMPORTS_APP])).toEqual([]);
  });

  it("has the console renderer, which a one-shot text `ask` loads, load no configuration, storage or logging", () => {
    const loaded = packagesLoadedBy(join(ROOT, "adapters", "console", "render.ts"));
    expect(loaded.has("marked")).toBe(true);
    for (const heavy of ["zod", "yaml", "pino", "better-sqlite3", "pg"])
      expect(loaded.has(heavy)).toBe(false);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
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

describe("architecture", () => {
  it("keeps the core platform-free: nothing under src/ imports a platform SDK, an adapter or app/", () => {
    expect(offenders("src", FORBIDDEN_IN_CORE)).toEqual([]);
  });

  it("has adapters import the core only through its public entry", () => {
    expect(offenders("adapters", [/from\s+["'](\.\.\/)+src\/(?!index\.js)/])).toEqual([]);
  });

  it("keeps the adapters free of the command line: nothing under adapters/ imports app/", () => {
    expect(offenders("adapters", [IMPORTS_APP])).toEqual([]);
  });
});

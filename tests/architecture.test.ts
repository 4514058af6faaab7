import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
/** The composition root: the command line and its commands, the only code that wires adapters. */
const isCompositionRoot = (f: string) => f === "src/cli.ts" || f.startsWith("src/cli/");
const FORBIDDEN = [
  /(from|import\()\s*["']@slack\//,
  /(from|import\()\s*["']discord\.js["']/,
  /(from|import\()\s*["'](\.\.\/)+adapters\//,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

describe("architecture", () => {
  it("keeps the core platform-free: nothing under src/ imports a platform SDK or an adapter", () => {
    const offenders = sourceFiles(join(ROOT, "src"))
      .map((f) => relative(ROOT, f))
      .filter((f) => !isCompositionRoot(f))
      .filter((f) => FORBIDDEN.some((re) => re.test(readFileSync(join(ROOT, f), "utf8"))));
    expect(offenders).toEqual([]);
  });

  it("has adapters import the core only through its public entry", () => {
    const offenders = sourceFiles(join(ROOT, "adapters"))
      .map((f) => relative(ROOT, f))
      .filter((f) => /from\s+["'](\.\.\/)+src\/(?!index\.js)/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const COMPOSITION_ROOT = "src/cli.ts";
const FORBIDDEN = [/from\s+["']@slack\//, /from\s+["']discord\.js["']/, /from\s+["'](\.\.\/)+adapters\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

describe("architecture", () => {
  it("keeps the core platform-free: nothing under src/ imports a platform SDK or an adapter", () => {
    const offenders = sourceFiles(join(ROOT, "src"))
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== COMPOSITION_ROOT)
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

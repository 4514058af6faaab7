import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OLDEST_NODE, unsupportedNode } from "../bin/supported-node.js";

// The launcher's first check: an older Node gets a sentence saying what to do, not a SyntaxError about a
// module export it lacks (what `npm start` printed on the machines' Node 20 before).

describe("the Node.js the command runs on", () => {
  it("names the Node.js needed, the one running and what to do, for a Node older than package.json allows", () => {
    for (const version of ["20.20.2", "18.19.0", "22.11.0", "22.0.1"]) {
      const said = unsupportedNode(version);
      expect(said, version).toContain(`Node.js ${OLDEST_NODE} or later`);
      expect(said, version).toContain(`this is Node.js ${version}`);
      expect(said, version).toContain("Node.js 24 LTS");
    }
  });

  it("lets the supported ones run", () => {
    for (const version of ["22.12.0", "22.20.1", "23.0.0", "24.21.0", "26.1.0"])
      expect(unsupportedNode(version), version).toBeUndefined();
    expect(unsupportedNode(process.versions.node)).toBeUndefined();
  });

  it("keeps its oldest version and package.json's engines the same", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${OLDEST_NODE}`);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatSource as consoleSource } from "../adapters/console/render.js";
import { formatSource as discordSource } from "../adapters/discord/render.js";
import { formatSource as slackSource } from "../adapters/slack/render.js";
import { createGuide, loadKnowledge, type Source, sourceLabel } from "../src/index.js";
import { FIXTURE_DIR, fixtureCopy, problemsOf } from "./helpers.js";

const knowledge = loadKnowledge(FIXTURE_DIR);
const guide = createGuide(knowledge);

const linked: Source = {
  id: "x",
  title: "Using social media [2024]",
  publisher: "A Regulator",
  year: 2024,
  status: "current",
  site: "regulator.example",
  url: "https://www.regulator.example/guidance",
};

describe("sources as readers see them", () => {
  it("never shows where the project's text started (provenance) as a source", () => {
    // colleague-networking cites doc-a, its replaced first edition and the project's seed text
    const shown = guide.show("colleague-networking");
    expect(shown?.kind === "answer" && shown.sources.map((s) => s.id)).toEqual(["doc-a", "doc-a-2012"]);
    const tip = guide.tips().find((t) => t.id === "specialty-groups");
    expect(tip?.sources).toContain("seed");
    expect(guide.sourcesOf(tip ?? { sources: [] }).map((s) => s.id)).toEqual(["doc-a"]);
  });

  it("says when a document has since been replaced", () => {
    const shown = guide.show("colleague-networking");
    expect(shown?.kind === "answer" && shown.sources.map(sourceLabel)).toEqual([
      "Document A (Publisher A, 2020)",
      "Document A, first edition (Publisher A, 2012; earlier guidance, since replaced)",
    ]);
    expect(sourceLabel(linked)).toBe("Using social media [2024] (A Regulator, 2024)");
  });

  it("says when a document was last updated, a year after it was issued", () => {
    expect(sourceLabel({ ...linked, year: 2011, updated: 2024 })).toBe(
      "Using social media [2024] (A Regulator, 2011, updated 2024)",
    );
    const sources = readFileSync(join(FIXTURE_DIR, "sources.yaml"), "utf8");
    const updated = (year: number) =>
      problemsOf(
        fixtureCopy({
          "sources.yaml": sources.replace("  year: 2020\n", `  year: 2020\n  updated: ${year}\n`),
        }),
      );
    expect(updated(2024)).toEqual([]);
    expect(updated(2019).join("\n")).toMatch(/updated.*must be a year after the document's `year`/);
  });

  it("links to the publisher's own page on every platform", () => {
    const shown = { label: sourceLabel(linked), url: linked.url };
    expect(slackSource(shown)).toBe(
      "<https://www.regulator.example/guidance|Using social media [2024] (A Regulator, 2024)>",
    );
    expect(discordSource(shown)).toBe(
      "[Using social media \\[2024\\] (A Regulator, 2024)](https://www.regulator.example/guidance)",
    );
    expect(consoleSource(shown)).toBe(
      "Using social media [2024] (A Regulator, 2024) https://www.regulator.example/guidance",
    );
    expect(slackSource({ label: sourceLabel(linked) })).toBe("Using social media [2024] (A Regulator, 2024)");
  });

  it("puts the law and the regulator above the employer in the disclaimer", () => {
    const reply = guide.show(knowledge.entries[0]?.id ?? "");
    expect(reply?.disclaimer).toMatch(/law and your regulator's standards apply first/);
    expect(reply?.disclaimer).not.toMatch(/employer's[^.]*come first/);
  });
});

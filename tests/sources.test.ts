import { describe, expect, it } from "vitest";
import { formatSource as consoleSource } from "../adapters/console/render.js";
import { formatSource as discordSource } from "../adapters/discord/render.js";
import { formatSource as slackSource } from "../adapters/slack/render.js";
import { createGuide, loadKnowledge, type Source, sourceLabel } from "../src/index.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
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
    const citing = knowledge.entries.filter((e) =>
      e.sources.some((id) => knowledge.sources.find((s) => s.id === id)?.status === "provenance"),
    );
    expect(citing.length).toBeGreaterThan(0);
    for (const entry of citing) {
      const shown = guide.show(entry.id);
      expect(shown?.kind).toBe("answer");
      if (shown?.kind !== "answer") continue;
      expect(shown.sources.every((s) => s.status !== "provenance")).toBe(true);
      expect(shown.sources.length).toBeGreaterThan(0);
    }
    for (const tip of guide.tips())
      expect(guide.sourcesOf(tip).every((s) => s.status !== "provenance")).toBe(true);
  });

  it("says when a document has since been replaced", () => {
    const replaced = knowledge.sources.find((s) => s.status === "replaced");
    expect(replaced).toBeDefined();
    if (replaced) expect(sourceLabel(replaced)).toContain("earlier guidance, since replaced");
    expect(sourceLabel(linked)).toBe("Using social media [2024] (A Regulator, 2024)");
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

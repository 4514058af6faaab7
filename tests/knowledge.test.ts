import { describe, expect, it } from "vitest";
import { KnowledgeError, loadKnowledge } from "../src/index.js";
import { fixtureCopy, KNOWLEDGE_DIR } from "./helpers.js";

const entry = (fields: Record<string, string>) =>
  `- ${Object.entries({
    id: "extra",
    title: "Extra",
    topic: "privacy",
    questions: "[Is this an extra question?]",
    answer: "An answer.",
    sources: "[doc-a]",
    ...fields,
  })
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n  ")}\n`;

function problemsOf(files: Record<string, string>) {
  try {
    loadKnowledge(fixtureCopy(files));
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).problems;
  }
  throw new Error("expected the corpus to be rejected");
}

describe("loading the knowledge base", () => {
  it("loads the fixture and the shipped corpus", () => {
    expect(loadKnowledge(fixtureCopy()).entries).toHaveLength(3);
    expect(loadKnowledge(KNOWLEDGE_DIR).entries.length).toBeGreaterThanOrEqual(24);
  });

  it("rejects a duplicate id, naming both files", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ id: "friend-requests" }) });
    expect(p).toMatchObject({ entry: "friend-requests", field: "id" });
    expect(p?.file).toContain("more.yaml");
    expect(p?.message).toContain("main.yaml");
  });

  it("rejects a missing required field", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ title: "" }) });
    expect(p).toMatchObject({ entry: "extra", field: "title" });
  });

  it("rejects an empty answer", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ answer: '"   "' }) });
    expect(p).toMatchObject({ entry: "extra", field: "answer", message: "must not be empty" });
  });

  it("rejects an empty question list", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ questions: "[]" }) });
    expect(p).toMatchObject({ entry: "extra", field: "questions" });
  });

  it("rejects a related id that does not exist", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ related: "[nowhere]" }) });
    expect(p).toMatchObject({ entry: "extra", field: "related" });
    expect(p?.message).toContain("nowhere");
  });

  it("rejects an unknown topic and an unknown source", () => {
    const problems = problemsOf({ "entries/more.yaml": entry({ topic: "cooking", sources: "[blog-post]" }) });
    expect(problems.map((p) => p.field).sort()).toEqual(["sources", "topic"]);
  });

  it("rejects the same question on two entries", () => {
    const [p] = problemsOf({
      "entries/more.yaml": entry({ questions: "[Should I accept a friend request from a patient?]" }),
    });
    expect(p).toMatchObject({ entry: "extra", field: "questions" });
    expect(p?.message).toContain("friend-requests");
  });

  it("rejects a file that is not valid YAML, naming the file", () => {
    const [p] = problemsOf({ "entries/more.yaml": "- id: x\n  title: [unclosed\n" });
    expect(p?.file).toContain("more.yaml");
    expect(p?.message).toMatch(/YAML/);
  });

  it("rejects a file that is not a list", () => {
    const [p] = problemsOf({ "entries/more.yaml": "id: x\n" });
    expect(p?.message).toMatch(/list/);
  });

  it("reports every problem at once", () => {
    const problems = problemsOf({ "entries/more.yaml": entry({ related: "[a, b]", topic: "nope" }) });
    expect(problems.length).toBe(3);
  });
});

describe("synonyms file", () => {
  it("reads words that YAML would take for booleans or numbers as words", () => {
    const dir = fixtureCopy({ "synonyms.yaml": "- canonical: false\n  terms: [untrue, 24]\n" });
    const k = loadKnowledge(dir);
    expect(k.synonyms[0]).toEqual({ canonical: "false", terms: ["untrue", "24"] });
  });
});

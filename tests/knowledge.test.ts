import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { wordCount } from "../app/validate.js";
import { findIdentifiers } from "../src/guard/identifiers.js";
import { KnowledgeError, loadKnowledge } from "../src/index.js";
import { shownPath } from "../src/paths.js";
import { FIXTURE_TIP_IDS, fixtureCopy, KNOWLEDGE_DIR } from "./helpers.js";

const shipped = loadKnowledge(KNOWLEDGE_DIR);

/** The entry ids written in a corpus's entries/*.yaml, read as plain YAML. */
function idsWritten(dir: string): string[] {
  const files = readdirSync(join(dir, "entries")).filter((f) => f.endsWith(".yaml"));
  return files.flatMap((f) =>
    (parse(readFileSync(join(dir, "entries", f), "utf8")) as { id: string }[]).map((e) => e.id),
  );
}

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
  it("loads every entry written in the fixture and in the shipped corpus", () => {
    expect(loadKnowledge(fixtureCopy()).entries.map((e) => e.id)).toEqual([
      "friend-requests",
      "patient-photos",
      "colleague-networking",
    ]);
    expect(shipped.entries.map((e) => e.id).sort()).toEqual(idsWritten(KNOWLEDGE_DIR).sort());
  });

  it("rejects a duplicate id, naming both files and the line of each", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ id: "friend-requests" }) });
    expect(p).toMatchObject({ entry: "friend-requests", field: "id" });
    expect(p?.file).toMatch(/more\.yaml:1$/);
    expect(p?.message).toMatch(/main\.yaml:1\)$/);
  });

  it("gives the line of a duplicate id further down the same file", () => {
    const two = `${entry({ id: "extra" })}${entry({ id: "extra" })}`;
    const [p] = problemsOf({ "entries/more.yaml": two });
    const second = two.split("\n").findIndex((line, i) => i > 0 && line.startsWith("- id: extra")) + 1;
    expect(p?.file).toMatch(new RegExp(`more\\.yaml:${second}$`));
    expect(p?.message).toMatch(/more\.yaml:1\)$/);
  });

  it("rejects a missing required field", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ title: "" }) });
    expect(p).toMatchObject({ entry: "extra", field: "title" });
  });

  it("says that what entries refer to is checked once an entry that does not fit its form is fixed", () => {
    const messageOf = (files: Record<string, string>) => {
      try {
        loadKnowledge(fixtureCopy(files));
      } catch (error) {
        return (error as KnowledgeError).message;
      }
      return "";
    };
    const later = "What entries refer to (topics, sources, related entries) is checked once these are fixed.";
    // a blank title and a misspelt topic: the topic is checked on the next run, which is said now
    expect(messageOf({ "entries/more.yaml": entry({ title: "", topic: "privasy" }) })).toContain(later);
    // a misspelt topic alone is found now, and nothing is left for later
    const topicOnly = messageOf({ "entries/more.yaml": entry({ topic: "privasy" }) });
    expect(topicOnly).toContain('unknown topic "privasy"');
    expect(topicOnly).not.toContain(later);
  });

  it("rejects an empty answer", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ answer: '"   "' }) });
    expect(p).toMatchObject({ entry: "extra", field: "answer", message: "must not be empty" });
  });

  it("rejects an empty question list", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ questions: "[]" }) });
    expect(p).toMatchObject({ entry: "extra", field: "questions" });
  });

  it("rejects a covered id that does not exist", () => {
    const [p] = problemsOf({ "entries/more.yaml": entry({ covers: "[nowhere]" }) });
    expect(p).toMatchObject({ entry: "extra", field: "covers" });
    expect(p?.message).toContain("nowhere");
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

  it("says once that the folder is missing, or that the topics or sources file is empty", () => {
    const missing = join(fixtureCopy(), "no-such-folder");
    expect(() => loadKnowledge(missing)).toThrow(KnowledgeError);
    try {
      loadKnowledge(missing);
    } catch (error) {
      expect((error as KnowledgeError).problems).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^no such folder: check KNOWLEDGE_DIR/) }),
      ]);
      // a folder outside the working one is named as given, not as a climb of "../" to it
      const outside = "/no-such-root-folder/knowledge";
      expect(() => loadKnowledge(outside)).toThrow(`${outside}: no such folder`);
      expect(shownPath(join(process.cwd(), "kb", "a.yaml"))).toBe(join("kb", "a.yaml"));
    }
    for (const file of ["topics.yaml", "sources.yaml"]) {
      const problems = problemsOf({ [file]: "" });
      expect(problems, file).toEqual([
        expect.objectContaining({
          file: expect.stringContaining(file),
          message: expect.stringMatching(/^is empty/),
        }),
      ]);
    }
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

  it("rejects a term that two groups claim", () => {
    const [p] = problemsOf({
      "synonyms.yaml":
        "- canonical: manage\n  terms: [handle, cope]\n- canonical: account\n  terms: [Handle, profile]\n",
    });
    expect(p).toMatchObject({
      file: expect.stringMatching(/smg-knowledge-.*synonyms\.yaml$/),
      entry: "account",
      field: "terms",
    });
    expect(p?.message).toContain('"manage"');
  });
});

const tip = (fields: Record<string, string>) =>
  `- ${Object.entries({
    id: "extra-tip",
    topic: "privacy",
    text: "A short tip.",
    sources: "[doc-a]",
    entry: "patient-photos",
    ...fields,
  })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n  ")}\n`;

describe("tips file", () => {
  const withTip = (fields: Record<string, string>) => problemsOf({ "tips.yaml": tip(fields) });

  it("loads the fixture's tips", () => {
    expect(loadKnowledge(fixtureCopy()).tips.map((t) => t.id)).toEqual(FIXTURE_TIP_IDS);
  });

  it("rejects a tip over 280 characters, saying how long it is", () => {
    const [p] = withTip({ text: "x".repeat(281) });
    expect(p).toMatchObject({ entry: "extra-tip", field: "text" });
    expect(p?.message).toContain("281");
    expect(() => loadKnowledge(fixtureCopy({ "tips.yaml": tip({ text: "x".repeat(280) }) }))).not.toThrow();
  });

  it("rejects a tip that links to a missing entry", () => {
    const [p] = withTip({ entry: "no-such-entry" });
    expect(p).toMatchObject({
      file: expect.stringMatching(/smg-knowledge-.*tips\.yaml$/),
      entry: "extra-tip",
      field: "entry",
    });
    expect(p?.message).toContain("no-such-entry");
  });

  it("rejects a tip citing a source that is not on the list, and an unknown topic", () => {
    const problems = withTip({ sources: "[some-blog]", topic: "cooking" });
    expect(problems.map((p) => p.field).sort()).toEqual(["sources", "topic"]);
  });

  it("rejects a tip without a source", () => {
    const [p] = withTip({ sources: "[]" });
    expect(p).toMatchObject({ entry: "extra-tip", field: "sources" });
  });

  it("rejects two tips with one id", () => {
    const problems = problemsOf({ "tips.yaml": tip({}) + tip({}) });
    expect(problems).toEqual([expect.objectContaining({ entry: "extra-tip", field: "id" })]);
  });

  it("reports a missing tips file", () => {
    const dir = fixtureCopy();
    rmSync(join(dir, "tips.yaml"));
    expect(() => loadKnowledge(dir)).toThrow(/tips\.yaml/);
  });
});

describe("the shipped corpus", () => {
  const k = shipped;
  const grown = k.entries.filter((e) => !e.sources.includes("seed"));

  it("has grown by at least 40 entries of 60 to 200 words, each with alternate phrasings", () => {
    expect(grown.length).toBeGreaterThanOrEqual(40);
    for (const e of grown) {
      expect({ id: e.id, words: wordCount(e.answer) }).toEqual({
        id: e.id,
        words: expect.toSatisfy((n: number) => n >= 60 && n <= 200),
      });
      expect(e.questions.length, e.id).toBeGreaterThanOrEqual(3);
    }
  });

  it("has at least 60 tips, at least one in every topic", () => {
    expect(k.tips.length).toBeGreaterThanOrEqual(60);
    for (const t of k.topics)
      expect(
        k.tips.some((tip) => tip.topic === t.id),
        t.id,
      ).toBe(true);
  });

  it("holds no question that the guard would flag as holding patient details", () => {
    const flagged = k.entries.flatMap((e) => e.questions).filter((q) => findIdentifiers(q).length > 0);
    expect(flagged).toEqual([]);
  });

  it("keeps every topic in use by entries", () => {
    for (const t of k.topics)
      expect(
        k.entries.some((e) => e.topic === t.id),
        t.id,
      ).toBe(true);
  });
});

import { cpSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../app/validate.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { FIXTURE_DIR, fixtureCopy, KNOWLEDGE_DIR, problemsOf, tempDir } from "./helpers.js";

// Slips a moderator makes that once passed validate, or were named only by their knock-on effects
// (found by a helper's test of the moderator's workflow).

const main = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8");

/** The one problem a copy of the fixture knowledge with these files has (fails when there are more). */
function onlyProblem(files: Record<string, string>): string {
  const problems = problemsOf(fixtureCopy(files));
  expect(problems).toHaveLength(1);
  return problems[0] ?? "";
}

describe("validate names", () => {
  it("an emptied entries file as such, not as every link to the entries it held", () => {
    expect(onlyProblem({ "entries/main.yaml": "" })).toMatch(
      /main\.yaml: is empty: it must list the entries/,
    );
    // one problem, said as one
    expect(() => loadKnowledge(fixtureCopy({ "entries/main.yaml": "" }))).toThrow(
      /^The knowledge base has a problem:\n/,
    );
  });

  it("an unclosed bracket or quote at the line that opens it, not at the end of the file", () => {
    const lines = main.trimEnd().split("\n").length;
    for (const [opened, what] of [
      ["[oops", /the bracket \[ opened here is never closed/],
      ['"oops', /the double quote opened here is never closed: end the text with one/],
      // a bracket inside a quoted or plain text is text: the quote is what is open
      ["'a [b", /the single quote opened here is never closed: end the text with one/],
    ] as const) {
      const problem = onlyProblem({
        "entries/main.yaml": `${main.trimEnd()}\n- id: broken\n  title: ${opened}\n`,
      });
      expect(problem).toMatch(new RegExp(`main\\.yaml:${lines + 2}:10: cannot be read as YAML`));
      expect(problem).toMatch(what);
      expect(problem).toContain(`  title: ${opened}\n`);
    }
    // one followed by the entry's next field: there, not at that field's indentation
    const unclosed = main.replace("  related: [patient-photos]", "  related: [patient-photos");
    expect(onlyProblem({ "entries/main.yaml": unclosed })).toMatch(
      /main\.yaml:8:12: cannot be read as YAML: the bracket \[ opened here is never closed/,
    );
  });

  it("curly quotes, which a word processor types, as no quotes", () => {
    // said where the parser's words asked for quotes, and where an id holds them
    const curly = main.replace("  title: Friend requests from patients", "  title: “Friends: patients”");
    expect(onlyProblem({ "entries/main.yaml": curly })).toMatch(
      /go in double quotes \(“ ” ‘ ’ are not YAML's quotes/,
    );
    // an apostrophe inside a text is no quote, and gets no such hint
    const apostrophe = main.replace(
      "  title: Friend requests from patients",
      "  title: A patient’s request: yes",
    );
    expect(onlyProblem({ "entries/main.yaml": apostrophe })).not.toContain("are not YAML's quotes");
    const curlyId = main.replace("  related: [patient-photos]", "  related: [“patient-photos”]");
    expect(onlyProblem({ "entries/main.yaml": curlyId })).toMatch(
      /hyphens, e\.g\. qa-friend-requests, not "“patient-photos”": “ ” ‘ ’ are not YAML's quotes/,
    );
  });

  it("an emptied tips.yaml, which would stop every daily tip without a word", () => {
    expect(onlyProblem({ "tips.yaml": "" })).toMatch(/tips\.yaml: is empty: it must list the tips/);
  });

  it("an entry whose only source is where its text started, which readers were shown as no source", () => {
    const seedOnly = main.replace(
      "  sources: [doc-a]\n- id: patient-photos",
      "  sources: [seed]\n- id: patient-photos",
    );
    expect(onlyProblem({ "entries/main.yaml": seedOnly })).toMatch(
      /entry "friend-requests": field "sources": must name a source readers can check: "seed"/,
    );
  });

  it("a related entry listed twice, which showed as two identical links", () => {
    const twice = main.replace("  related: [patient-photos]", "  related: [patient-photos, patient-photos]");
    expect(onlyProblem({ "entries/main.yaml": twice })).toMatch(
      /entry "friend-requests": field "related": "patient-photos" is listed twice/,
    );
  });

  it("a small word every question has made a synonym of a word of the subject; a chat's shorthand for one is fine", () => {
    const synonyms = readFileSync(join(FIXTURE_DIR, "synonyms.yaml"), "utf8");
    const slipped = `${synonyms}\n- canonical: doctor\n  terms: [the, gp]\n- canonical: about\n  terms: [abt]\n`;
    expect(onlyProblem({ "synonyms.yaml": slipped })).toMatch(
      /synonyms\.yaml: synonym group "doctor": field "terms": "the" is a small word nearly every question has/,
    );
  });

  it("a phrasing with a colon in it, unquoted, as needing double quotes", () => {
    const colon = main.replace(
      "    - Can I post a photo of a patient?",
      "    - Urgent: can I post a photo of a patient?",
    );
    expect(onlyProblem({ "entries/main.yaml": colon })).toMatch(
      /field "questions item 1": should be a text: a text with ": " in it must go in double quotes/,
    );
  });

  it("a topic written as its title rather than its id, with the topics there are", () => {
    const capital = main.replace(
      "  topic: boundaries\n  questions:\n    - Should I",
      "  topic: Boundaries\n  questions:\n    - Should I",
    );
    expect(onlyProblem({ "entries/main.yaml": capital })).toMatch(
      /field "topic": unknown topic "Boundaries": the topics are boundaries, privacy \(see topics\.yaml\)/,
    );
  });

  it("a tip's problem as the tip's, not an entry's", () => {
    const tips = readFileSync(join(FIXTURE_DIR, "tips.yaml"), "utf8").replace(
      /entry: [\w-]+/,
      "entry: no-such-entry",
    );
    expect(onlyProblem({ "tips.yaml": tips })).toMatch(
      /tips\.yaml: tip "[\w-]+": field "entry": no entry has the id "no-such-entry"/,
    );
  });

  it("an entries file it does not read, as the likely cause of the ids missing elsewhere", () => {
    const dir = fixtureCopy({
      "entries/more.yaml": main
        .replace(/- id: (\w[\w-]*)/g, "- id: more-$1")
        .replace(/related: \[[^\]]*\]/g, "related: [friend-requests]"),
    });
    // saved by Notepad, which adds .txt; one ending in .YAML is read as .yaml is
    renameSync(join(dir, "entries", "main.yaml"), join(dir, "entries", "main.yaml.txt"));
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.includes('no entry has the id "friend-requests"'))).toBe(true);
    expect(problems.at(-1)).toMatch(
      /entries: also holds what is not read, which may be why: main\.yaml\.txt \(only files ending in \.yaml or \.yml, directly in entries\/, are read\)/,
    );
    renameSync(join(dir, "entries", "main.yaml.txt"), join(dir, "entries", "main.YAML"));
    expect(problemsOf(dir).some((p) => p.includes("no entry has the id"))).toBe(false);
    // with nothing amiss, a file beside the entries (a README, an editor's backup) is no problem, and
    // validate names it all the same
    const fine = fixtureCopy({ "entries/README.txt": "notes" });
    expect(problemsOf(fine)).toEqual([]);
    const notes: string[] = [];
    expect(
      validate(
        loadKnowledge(fine),
        () => {},
        (l) => notes.push(l),
        fine,
      ),
    ).toBe(0);
    expect(notes.at(-1)).toMatch(
      /^Note: \S+entries also holds what is not read: README\.txt\. Only files ending in/,
    );
  });

  it("nothing wrong in the example entry knowledge/README.md shows, added to the shipped knowledge", () => {
    const guide = readFileSync(join(KNOWLEDGE_DIR, "README.md"), "utf8");
    const example = /```yaml\n(- id: [\s\S]*?)```/.exec(guide)?.[1] ?? "";
    expect(example).toContain("- id: qa-friend-requests-example");
    const dir = tempDir("smg-readme-example-");
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "entries", "example.yaml"), example);
    expect(problemsOf(dir)).toEqual([]);
  });
});

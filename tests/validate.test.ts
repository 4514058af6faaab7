import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../app/validate.js";
import { loadKnowledge } from "../src/index.js";
import { FEATURES } from "../src/search/confidence.js";
import { FIXTURE_DIR, fixtureCopy, problemsOf } from "./helpers.js";

describe("knowledge validation", () => {
  it("names the files of the folder it checked, wherever KNOWLEDGE_DIR points", () => {
    const tips = readFileSync(join(FIXTURE_DIR, "tips.yaml"), "utf8").replace(
      "entry: friend-requests",
      "entry: no-such-entry",
    );
    const dir = fixtureCopy({ "tips.yaml": tips });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(relative(process.cwd(), join(dir, "tips.yaml")));
    expect(problems[0]).not.toMatch(/^knowledge\//);
  });

  it("refuses an answer or a tip citing a replaced document as if it still applied", () => {
    const main = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8").replace(
      ", as the earlier edition also said.",
      ".",
    );
    const tips = readFileSync(join(FIXTURE_DIR, "tips.yaml"), "utf8").replace(
      "sources: [doc-a]",
      "sources: [doc-a, doc-a-2012]",
    );
    const problems = problemsOf(fixtureCopy({ "entries/main.yaml": main, "tips.yaml": tips }));
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p).toContain('cites "doc-a-2012", which sources.yaml marks replaced');
    expect(problems.map((p) => p.includes("colleague-networking") || p.includes("tips.yaml"))).toEqual([
      true,
      true,
    ]);
  });

  it("refuses a sentence naming a replaced document (its publisher and year) without saying so, though another says it", () => {
    const main = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8").replace(
      ", as the earlier edition also said.",
      ", as Publisher A said in 2012. Its earlier edition is kept for the record.",
    );
    const problems = problemsOf(fixtureCopy({ "entries/main.yaml": main }));
    expect(problems).toEqual([
      expect.stringMatching(
        /entry "colleague-networking": field "answer": names "doc-a-2012", which sources\.yaml marks replaced, without saying so in "Join specialty groups/,
      ),
    ]);
    // said in the sentence itself, and a year of another document beside the publisher's name is not it
    const said = main.replace(
      "as Publisher A said in 2012.",
      "as Publisher A's earlier edition (2012) said.",
    );
    expect(problemsOf(fixtureCopy({ "entries/main.yaml": said }))).toEqual([]);
    const other = main.replace(
      "as Publisher A said in 2012.",
      "as Publisher A says (Publisher A, current edition), and a study of many doctors found (Smith and others, 2012).",
    );
    expect(problemsOf(fixtureCopy({ "entries/main.yaml": other }))).toEqual([]);
  });

  it("reads phrasings as the engine does: two it cannot tell apart are duplicates, both places named", () => {
    const entries = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8").replace(
      "    - How do I network with colleagues online?",
      '    - How do I network with colleagues online?\n    - "Can I post a photo of a patient? https://example.org/a"',
    );
    const problems = problemsOf(fixtureCopy({ "entries/main.yaml": entries }));
    expect(problems.join("\n")).toMatch(
      /main\.yaml:19: .*is also a question of "patient-photos" \(.*main\.yaml:10\)/,
    );
  });

  it("takes another subject's examples, and refuses a group with neither terms nor examples", () => {
    const good = "- subject: pay\n  terms: []\n  examples:\n    - How much is a band 5 nurse paid?\n";
    expect(problemsOf(fixtureCopy({ "off-topic.yaml": good }))).toEqual([]);
    const empty = "- subject: pay\n  terms: []\n";
    expect(problemsOf(fixtureCopy({ "off-topic.yaml": empty })).join("\n")).toMatch(
      /needs terms, examples or both/,
    );
  });

  it("refuses another subject's word that the synonyms read as a word standing for others", () => {
    const synonyms = `${readFileSync(join(FIXTURE_DIR, "synonyms.yaml"), "utf8")}- canonical: illness
  terms: [diagnosis, cancer, depression]
- canonical: dose
  terms: [dosage]
`;
    const offTopic = (terms: string, extra = "") =>
      `- subject: clinical care\n  terms: [${terms}]\n${extra}  examples:\n    - What dose of ibuprofen for a child?\n`;
    // "diagnosis" reads as illness, and so would decline any one-line question naming cancer
    const broad = problemsOf(
      fixtureCopy({ "synonyms.yaml": synonyms, "off-topic.yaml": offTopic("diagnosis, rash") }),
    );
    expect(broad).toHaveLength(1);
    expect(broad[0]).toMatch(
      /"diagnosis" reads as "illness" \(synonyms.yaml\), which also stands for "illness", "cancer", "depression"/,
    );
    // a phrase is looked for as written, not read through the synonyms
    expect(
      problemsOf(fixtureCopy({ "synonyms.yaml": synonyms, "off-topic.yaml": offTopic("cancer diagnosis") })),
    ).toEqual([]);
    // a group whose words the subject lists itself brings in nothing; its own canonical word is itself
    expect(
      problemsOf(fixtureCopy({ "synonyms.yaml": synonyms, "off-topic.yaml": offTopic("dose, dosage") })),
    ).toEqual([]);
    expect(
      problemsOf(fixtureCopy({ "synonyms.yaml": synonyms, "off-topic.yaml": offTopic("illness") })),
    ).toEqual([]);
    // words that only make a how-to question stand for all they are read as, by design
    expect(
      problemsOf(
        fixtureCopy({
          "synonyms.yaml": synonyms,
          "off-topic.yaml": offTopic("diagnosis", "  howToAlone: true\n"),
        }),
      ),
    ).toEqual([]);
  });

  it("loads a confidence model fitted before a feature was added, that feature weighing 0", () => {
    const weights = Object.fromEntries(FEATURES.filter((f) => f !== "elsewhere").map((f) => [f, 0.5]));
    const model = { weights, bias: -3, threshold: 0.5, clarifyMargin: 0.02 };
    const dir = fixtureCopy({ "confidence.json": JSON.stringify(model) });
    const loaded = loadKnowledge(dir).confidence;
    expect(loaded?.weights.elsewhere).toBe(0);
    expect(loaded?.weights.score).toBe(0.5);
    const broken = fixtureCopy({
      "confidence.json": JSON.stringify({ ...model, weights: { ...weights, score: "high" } }),
    });
    expect(problemsOf(broken).join("\n")).toMatch(/confidence\.json/);
  });

  it("refuses an example of another subject that is also an entry's phrasing", () => {
    const both = "- subject: pay\n  terms: [salary]\n  examples:\n    - can I post a photo of a patient\n";
    expect(problemsOf(fixtureCopy({ "off-topic.yaml": both })).join("\n")).toMatch(
      /off-topic\.yaml.*"pay".*examples.*is also a question of "patient-photos"/s,
    );
  });

  it("refuses a file that is not UTF-8, naming the line, and reads one that starts with a byte-order mark", () => {
    const main = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8");
    const dir = fixtureCopy();
    const at = main.indexOf("title:");
    const line = main.slice(0, at).split("\n").length;
    // "café" as an editor saving Latin-1 writes it: é is the one byte E9
    const latin1 = Buffer.from(
      `${main.slice(0, at)}title: Caf\xe9 ${main.slice(at + "title: ".length)}`,
      "latin1",
    );
    writeFileSync(join(dir, "entries", "main.yaml"), latin1);
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        new RegExp(`entries/main\\.yaml:${line}: .*not UTF-8 .*: save the file as UTF-8`),
      ),
    ]);
    writeFileSync(join(dir, "entries", "main.yaml"), `\uFEFF${main}`);
    expect(problemsOf(dir)).toEqual([]);
    expect(loadKnowledge(dir).entries).toEqual(
      loadKnowledge(FIXTURE_DIR).entries.map((e) => ({ ...e, file: expect.any(String) })),
    );
  });

  it("reports a tab alone, at its line and column with a caret, and no knock-on problems", () => {
    const entries = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8").replace(
      "  title: Friend requests from patients",
      "\ttitle: Friend requests from patients",
    );
    const problems = problemsOf(fixtureCopy({ "entries/main.yaml": entries }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /main\.yaml:\d+:1: cannot be read as YAML: a tab is not allowed here: indent with spaces/,
    );
    expect(problems[0]).toMatch(/\n {6}→title: Friend requests from patients\n {6}\^/);
  });

  it("says a field's colon is missing, and how to write it, however the slip looks", () => {
    const main = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8");
    for (const [field, slip, fix] of [
      ["  topic: boundaries", "  topic boundaries", "topic: boundaries"],
      // quoted whole, as the parser's words for the slip ("must go in double quotes") led moderators to do
      ["  topic: boundaries", '  "topic boundaries"', "topic: boundaries"],
      ["  related: [patient-photos]", "  related [patient-photos]", "related: [patient-photos]"],
    ] as const) {
      const problems = problemsOf(fixtureCopy({ "entries/main.yaml": main.replace(field, slip) }));
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(
            `main\\.yaml:\\d+:\\d+: cannot be read as YAML: a colon is missing after "${field.trim().split(":")[0]}": write ${fix.replace(/[[\]]/g, "\\$&")}\n`,
          ),
        ),
      ]);
    }
  });

  it("names a line indented one space off, or a question joined to the one above, at its own line", () => {
    const main = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8");
    const lineOf = (text: string, start: string) =>
      text.split("\n").findIndex((l) => l.startsWith(start)) + 1;
    for (const shifted of ["   title: Friend", " title: Friend"]) {
      const entries = main.replace("  title: Friend", shifted);
      const problems = problemsOf(fixtureCopy({ "entries/main.yaml": entries }));
      expect(problems).toEqual([
        expect.stringContaining(
          `main.yaml:${lineOf(entries, shifted)}:1: cannot be read as YAML: this line is indented by an odd number of spaces`,
        ),
      ]);
    }
    // a line of a block text may be indented as the writer likes: the mistake after it is named
    const block = main.replace(
      "  answer: Decline politely and point the patient to your practice's channels.\n  related: [patient-photos]",
      "  answer: |\n    Decline politely:\n    - point the patient to\n     your practice's channels.\n  related: patient-photos: friend-requests",
    );
    expect(problemsOf(fixtureCopy({ "entries/main.yaml": block }))).toEqual([
      expect.stringContaining(
        `main.yaml:${lineOf(block, "  related: patient-photos:")}:12: cannot be read as YAML: a text with ": "`,
      ),
    ]);
    const joined = main.replace("    - Can a doctor be friends", "      - Can a doctor be friends");
    expect(problemsOf(fixtureCopy({ "entries/main.yaml": joined }))).toEqual([
      expect.stringMatching(
        new RegExp(
          `main\\.yaml:${lineOf(joined, "      - Can a doctor")}: this line starts a new list item but is indented further`,
        ),
      ),
    ]);
    // " #" in a plain text starts a comment: the phrasing would be cut short without a word said
    const hashed = main.replace("    - Can a doctor be friends", "    - Can a #doctor be friends");
    expect(problemsOf(fixtureCopy({ "entries/main.yaml": hashed }))).toEqual([
      expect.stringContaining(
        `main.yaml:${lineOf(hashed, "    - Can a #doctor")}: a space and "#" start a YAML comment`,
      ),
    ]);
    // quoted, it is the text itself
    const quoted = main.replace(
      "    - Can a doctor be friends with patients on social media?",
      '    - "Can a #doctor be friends with patients on social media?"',
    );
    expect(problemsOf(fixtureCopy({ "entries/main.yaml": quoted }))).toEqual([]);
    // an id is one word: one followed by a comment is a comment meant as such
    const noted = main.replace("  sources: [doc-a]", "  sources:\n    - doc-a  # the 2020 document");
    expect(problemsOf(fixtureCopy({ "entries/main.yaml": noted }))).toEqual([]);
  });

  it("names an unknown field, counts items from 1, and says what is expected in plain words", () => {
    const entries = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8")
      .replace("  sources:", "  source:")
      .replace("    - Can I post a photo of a patient?", "    - ''");
    const problems = problemsOf(fixtureCopy({ "entries/main.yaml": entries })).join("\n");
    expect(problems).toContain('unknown field "source"');
    // at the line its entry starts on
    expect(problems).toMatch(/main\.yaml:1: entry "friend-requests": field "sources": is missing: expected/);
    expect(problems).toMatch(/main\.yaml:10: entry "patient-photos": field "questions item 1": must not be/);
    expect(problems).not.toMatch(/Invalid input|no entry has the id/);
  });

  it("passes over editors' hidden files beside the entries, and refuses an id too long for a button", () => {
    const dir = fixtureCopy({
      "entries/._main.yaml": "\u0000\u0005binary",
      "entries/.#main.yaml": "- id: [",
    });
    expect(problemsOf(dir)).toEqual([]);
    const long = "a-very-long-entry-id-that-goes-on-and-on-about-friend-requests-from-patients";
    const main = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8").replaceAll(
      "friend-requests",
      long,
    );
    const tips = readFileSync(join(FIXTURE_DIR, "tips.yaml"), "utf8").replaceAll("friend-requests", long);
    const problems = problemsOf(fixtureCopy({ "entries/main.yaml": main, "tips.yaml": tips })).join("\n");
    expect(problems).toMatch(/field "id": must be at most 64 characters/);
  });

  it("says a field of the wrong kind should be another, rather than that it is missing", () => {
    const entries = readFileSync(join(FIXTURE_DIR, "entries", "main.yaml"), "utf8")
      .replace("  sources: [doc-a]", "  sources: doc-a")
      .replace("  title: Friend requests from patients", "  title: 2024");
    const problems = problemsOf(fixtureCopy({ "entries/main.yaml": entries })).join("\n");
    expect(problems).toMatch(/field "sources": should be a list/);
    expect(problems).toMatch(/field "title": should be a text/);
    expect(problems).not.toMatch(/is missing/);
  });
});

describe("validate's notes on answer length", () => {
  it("notes an answer the corpus tests would refuse: a list's dashes count, as there", () => {
    const k = loadKnowledge(FIXTURE_DIR);
    // 196 words and four list items: 200 words and 4 dashes, 204 between spaces
    const answer = `${"word ".repeat(196)}\n- one\n- two\n- three\n- four`;
    const [first, ...rest] = k.entries;
    const long = { ...k, entries: [{ ...(first as (typeof k.entries)[number]), answer }, ...rest] };
    const notes: string[] = [];
    validate(
      long,
      () => {},
      (line) => notes.push(line),
    );
    expect(notes.join("\n")).toMatch(/its answer is 204 words; an answer is 60 to 200 words/);
  });
});

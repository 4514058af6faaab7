import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureCopy } from "./helpers.js";

const BIN = join(import.meta.dirname, "..", "bin", "socialmedia-guidance.js");

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the socialmedia-guidance command (built)", () => {
  it("prints an answer as a person reads it, with sources and the disclaimer", () => {
    const { code, stdout } = run(["ask", "can I accept a friend request from a patient?"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Sources:");
    expect(stdout).toContain("not legal advice");
  });

  it("prints the JSON contract for one question", () => {
    const { code, stdout } = run(["ask", "--json", "can I accept a friend request from a patient?"]);
    expect(code).toBe(0);
    const reply = JSON.parse(stdout);
    expect(Object.keys(reply).sort()).toEqual(["answer", "flags", "question", "suggestions"]);
    expect(reply.flags).toEqual([]);
    expect(reply.question).toBe("can I accept a friend request from a patient?");
    expect(Object.keys(reply.answer).sort()).toEqual(["confidence", "id", "title"]);
    expect(reply.answer.id).toBe("qa-maintain-boundaries");
    expect(Array.isArray(reply.suggestions)).toBe(true);
  });

  it("flags patient identifiers, withholds the question and still answers the general question", () => {
    const reply = JSON.parse(
      run(["ask", "--json", "my patient John Smith (07700 900123) sent me a friend request"]).stdout,
    );
    expect(reply.flags).toEqual(["patient-identifiers"]);
    expect(reply.question).toBe("");
    expect(reply.answer?.id).toBe("qa-maintain-boundaries");
    const text = run(["ask", "my patient John Smith (07700 900123) sent me a friend request"]).stdout;
    expect(text).toContain("a patient's name and a phone or fax number");
    expect(text).not.toContain("John");
    expect(text).not.toContain("07700");
  });

  it("gives a null answer when it declines", () => {
    const reply = JSON.parse(run(["ask", "--json", "how do I cook rice"]).stdout);
    expect(reply.answer).toBeNull();
    for (const s of reply.suggestions) expect(Object.keys(s).sort()).toEqual(["confidence", "id", "title"]);
  });

  it("answers stdin lines in order, one JSON object a line, in one process", () => {
    const questions = ["how do I cook rice", "friend request from a patient", "", "online harassment"];
    const { code, stdout } = run(["ask", "--json"], { input: `${questions.join("\n")}\n` });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines[0].answer).toBeNull();
    expect(lines[2].answer).toBeNull();
  });

  it("lists topics as JSON with their entries", () => {
    const topics = JSON.parse(run(["topics", "--json"]).stdout);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics[0]).toHaveProperty("entries");
    expect(topics.flatMap((t: { entries: { id: string }[] }) => t.entries.map((e) => e.id))).toContain(
      "overview",
    );
  });

  it("lists the tips as text and as JSON, each with its sources and linked entry", () => {
    const text = run(["tips", "list"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Learn more:");
    const tips = JSON.parse(run(["tips", "list", "--json"]).stdout);
    expect(tips.length).toBeGreaterThanOrEqual(60);
    for (const t of tips) {
      expect(Object.keys(t).sort()).toEqual(["entry", "id", "sources", "text", "topic"]);
      expect(t.text.length).toBeLessThanOrEqual(280);
      expect(t.sources.length).toBeGreaterThan(0);
      expect(t.entry.title).not.toBe(t.entry.id);
    }
    expect(run(["tips", "shuffle"]).code).toBe(2);
  });

  it("validates the shipped corpus", () => {
    const { code, stdout } = run(["validate"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK/);
  });

  it("fails validation of a broken corpus, naming file, entry and field", () => {
    const dir = fixtureCopy({ "entries/more.yaml": "- id: broken\n  title: Broken\n  topic: privacy\n" });
    const { code, stderr } = run(["validate"], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(1);
    expect(stderr).toContain("more.yaml");
    expect(stderr).toContain('entry "broken"');
    expect(stderr).toContain('field "answer"');
  });

  it("refuses to start on a broken corpus", () => {
    const dir = fixtureCopy({ "topics.yaml": "not: [a list" });
    const { code, stderr } = run(["start"], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(1);
    expect(stderr).toContain("topics.yaml");
  });

  it("explains usage errors", () => {
    expect(run(["frobnicate"]).code).toBe(2);
    expect(run(["ask"]).code).toBe(2);
    expect(run(["ask", "--bogus"]).code).toBe(2);
  });
});

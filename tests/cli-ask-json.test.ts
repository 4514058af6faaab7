import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../app/main.js";
import { run } from "./cli-run.js";
import { FIXTURE_DIR } from "./helpers.js";

/** What a test asserts of the answers it reads from the small fixture corpus, not the shipped one. */
const ON_FIXTURE = { env: { KNOWLEDGE_DIR: FIXTURE_DIR } };

// `ask --json`: the contract scripts and evaluations read, one question or one a line.

describe("ask --json", () => {
  it("prints the JSON contract for one question", async () => {
    const { code, stdout } = await run(
      ["ask", "--json", "can I accept a friend request from a patient?"],
      ON_FIXTURE,
    );
    expect(code).toBe(0);
    const reply = JSON.parse(stdout);
    expect(Object.keys(reply).sort()).toEqual(["answer", "flags", "question", "suggestions"]);
    expect(reply.flags).toEqual([]);
    expect(reply.question).toBe("can I accept a friend request from a patient?");
    expect(Object.keys(reply.answer).sort()).toEqual(["confidence", "id", "title"]);
    expect(reply.answer.id).toBe("friend-requests");
    expect(Array.isArray(reply.suggestions)).toBe(true);
  });

  it("flags patient identifiers, withholds the question and still answers the general question", async () => {
    const question = "my patient John Smith (07700 900123) sent me a friend request";
    const reply = JSON.parse((await run(["ask", "--json", question], ON_FIXTURE)).stdout);
    expect(reply.flags).toEqual(["patient-identifiers"]);
    expect(reply.question).toBe("");
    expect(reply.answer?.id).toBe("friend-requests");
    const text = (await run(["ask", question])).stdout;
    expect(text.replace(/\s+/g, " ")).toContain("a patient's name and a phone or fax number");
    expect(text).not.toContain("John");
    expect(text).not.toContain("07700");
  });

  it("answers a question about the bot itself with what it is, as the chat does", async () => {
    const text = (await run(["ask", "are you ChatGPT?"])).stdout;
    expect(text).toContain("About this bot");
    expect(text).toContain("not an AI chatbot");
    // and --json says the same, not the knowledge's answer on AI chatbots
    const reply = JSON.parse((await run(["ask", "--json", "are you ChatGPT?"])).stdout);
    expect(reply.answer).toBeNull();
    expect(reply.aboutTheBot).toBe(true);
    const lines = (
      await run(["ask", "--json"], { input: "are you an AI?\nDo you store what I type?\n" })
    ).stdout
      .trim()
      .split("\n");
    expect(JSON.parse(lines[0] ?? "{}").aboutTheBot).toBe(true);
    // the about card answers it, so no subject it was declined as comes with it ("clinical care")
    expect(JSON.parse(lines[1] ?? "{}")).toMatchObject({ aboutTheBot: true, answer: null });
    expect(JSON.parse(lines[1] ?? "{}")).not.toHaveProperty("otherSubject");
  });

  it("gives a null answer when it declines", async () => {
    const reply = JSON.parse((await run(["ask", "--json", "how do I cook rice"], ON_FIXTURE)).stdout);
    expect(reply.answer).toBeNull();
    for (const s of reply.suggestions) expect(Object.keys(s).sort()).toEqual(["id", "score", "title"]);
    expect(reply.truncated).toBeUndefined();
    const long = JSON.parse((await run(["ask", "--json", `${"friend request ".repeat(100)}?`])).stdout);
    expect(long.truncated).toBe(true);
  });

  it("says it reads standard input when asked for JSON with no question at a terminal", async () => {
    const terminal = Object.assign(Readable.from([]), { isTTY: true });
    const said: string[] = [];
    const code = await main(
      ["ask", "--json"],
      () => {},
      (t) => said.push(t),
      terminal,
    );
    expect(code).toBe(0);
    expect(said.join("\n")).toContain("Reading questions from standard input");
  });

  it("answers stdin lines in order, one JSON object a line", async () => {
    const questions = ["how do I cook rice", "friend request from a patient", "", "online harassment"];
    const { code, stdout } = await run(["ask", "--json"], {
      ...ON_FIXTURE,
      input: `${questions.join("\n")}\n`,
    });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines[0].answer).toBeNull();
    expect(lines[2].answer).toBeNull();
  });
});

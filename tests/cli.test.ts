import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runsTheBot } from "../app/main.js";
import { SUBCOMMANDS } from "../app/subcommands.js";
import { run } from "./cli-run.js";
import { FIXTURE_DIR, FIXTURE_TIP_IDS, fixtureCopy, KNOWLEDGE_DIR } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..");
/** What a test asserts of the answers, topics or tips it reads from the small fixture corpus, not the shipped one. */
const ON_FIXTURE = { env: { KNOWLEDGE_DIR: FIXTURE_DIR } };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the socialmedia-guidance command", () => {
  it("knows which command lines run the bot, for the launcher's exit after it stops", () => {
    for (const argv of [["start"], []]) expect(runsTheBot(argv), argv.join(" ")).toBe(true);
    for (const argv of [["ask", "start"], ["report"], ["--no-such-flag"]])
      expect(runsTheBot(argv), argv.join(" ")).toBe(false);
  });

  it("says what is wrong with a command line, and prints the version", async () => {
    const version = await run(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const extra = await run(["topics", "extra", "words"]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('topics takes no words after it; not "extra words"');
    expect((await run(["backup", "a.db", "extra"])).stderr).toMatch(
      /^backup takes at most one word after it; not "extra"\./,
    );
    const empty = await run(["ask", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("use: socialmedia-guidance ask --json");
    // an empty variable given as the question is no request to read standard input
    const unset = await run(["ask", "--json", ""], { input: "can I accept a friend request?\n" });
    expect(unset.code).toBe(2);
    expect(unset.stdout).toBe("");
    expect(unset.stderr).toMatch(/^ask needs a question/);
    expect((await run(["tips"])).stderr).toContain("tips needs a subcommand.");
    const days = await run(["tips", "preview", "--channel", "C1", "--days", "abc"]);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain("--days must be a whole number from 1 to 366.");
    const platform = await run(["tips", "preview", "--channel", "C1", "--platform", "irc"]);
    expect(platform.code).toBe(2);
    expect(platform.stderr).toContain("--platform must be slack, discord, teams or mattermost.");
    // an option the command does not take is named, not ignored
    const json = await run(["validate", "--json"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(
      /^validate does not take --json\. See socialmedia-guidance validate --help\./,
    );
    expect((await run(["check", "--record", "--team", "T1"])).stderr).toMatch(
      /^check does not take --team\./,
    );
    const option = await run(["--bogus"]);
    expect(option.stderr).toMatch(/^Unknown option "--bogus"\./);
    // given to a command, with that command's usage rather than all thirty lines of the table
    const given = await run(["validate", "--bogus"]);
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/^Unknown option "--bogus"\.\n\nUsage:\n {2}socialmedia-guidance validate /);
    expect(given.stderr).not.toContain("restore");
    // an option left without its value is not unknown
    expect((await run(["tips", "preview", "--channel"])).stderr).toMatch(
      /^Option "--channel" needs a value after it\./,
    );
    expect((await run(["topics", "--json=false"])).stderr).toMatch(/^Option "--json" takes no value\./);
    expect((await run(["ask", "--help=1"])).stderr).toMatch(/^Option "--help" takes no value\./);
    expect((await run(["ask", "-h=1"])).stderr).toMatch(/^Unknown option "-="\./);
    // a question pasted from a list is a question, not an option
    const listed = await run(["ask", "--json", "- can I accept a friend request from a patient?"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).question).toBe("- can I accept a friend request from a patient?");
    const dashed = await run(["report", "--days", "-5"]);
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toMatch(
      /^Option "--days" needs a value after it \(write one that starts with "-" as --days=<value>\)\./,
    );
  });

  it("checks only the settings a command uses: a wrong Slack token does not stop validate, but stops start", async () => {
    // the small fixture corpus (the shipped one's validation has a test of its own), which has neither a
    // fitted confidence model nor off-topic groups: validate says what that means, and of the shipped none
    const env = { SLACK_BOT_TOKEN: "not-a-token", LOG_LEVEL: "loud", KNOWLEDGE_DIR: FIXTURE_DIR };
    const checked = await run(["validate"], { env });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("Knowledge base OK");
    expect(checked.stderr).toContain("Note: no confidence.json, so answers are judged by their ranking");
    expect(checked.stderr).toContain("Note: no off-topic groups");
    // its answers are a sentence or two, under the 60 to 200 words knowledge/README.md asks for
    expect(checked.stderr).toMatch(
      /Note: \S+main\.yaml: entry "friend-requests": its answer is \d+ words; an answer is 60 to 200 words/,
    );
    expect((await run(["validate"], { env: { KNOWLEDGE_DIR } })).stderr).toBe("");
    const started = await run(["start"], { env });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain("SLACK_BOT_TOKEN");
  });

  it("reads only the knowledge folder for a question: a broken database setting does not stop ask, but stops report", async () => {
    const dir = fixtureCopy();
    const env = { DATABASE_URL: "mysql://nowhere", KNOWLEDGE_DIR: dir };
    const asked = await run(["ask", "--json", "can I accept a friend request from a patient?"], { env });
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).answer).not.toBeNull();
    const reported = await run(["report"], { env });
    expect(reported.code).toBe(1);
    expect(reported.stderr).toContain("DATABASE_URL");
  });

  it("prints an answer as a person reads it, with sources and the disclaimer", async () => {
    const { code, stdout } = await run(["ask", "can I accept a friend request from a patient?"], ON_FIXTURE);
    expect(code).toBe(0);
    expect(stdout).toContain("Sources:");
    expect(stdout).toContain("not legal advice");
    // nothing is read after it: the entries it offers are listed, not numbered to type
    expect(stdout).toMatch(/\nRelated:\n {2}- \S/);
    expect(stdout).not.toContain("type its number");
  });

  it("says what ask is for to 'help' or 'hello', which ask the knowledge nothing; --json answers as ever", async () => {
    for (const said of ["help", "hello", "thanks!", "what can you do?"]) {
      const { code, stdout } = await run(["ask", said], ON_FIXTURE);
      expect(code, said).toBe(0);
      expect(stdout, said).toMatch(
        /^ask answers one question .* socialmedia-guidance help lists every command\.\n$/,
      );
    }
    const json = JSON.parse((await run(["ask", "--json", "hello"], ON_FIXTURE)).stdout);
    expect(json.answer).toBeNull();
  });

  it("lists topics as JSON with their entries", async () => {
    const topics = JSON.parse((await run(["topics", "--json"], ON_FIXTURE)).stdout);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics[0]).toHaveProperty("entries");
    expect(topics.flatMap((t: { entries: { id: string }[] }) => t.entries.map((e) => e.id))).toContain(
      "colleague-networking",
    );
  });

  it("lists the tips as text and as JSON, each with its sources and linked entry", async () => {
    const text = await run(["tips", "list"], ON_FIXTURE);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Learn more:");
    const tips = JSON.parse((await run(["tips", "list", "--json"], ON_FIXTURE)).stdout);
    // every tip of the fixture's tips.yaml
    expect(tips.map((t: { id: string }) => t.id)).toEqual(FIXTURE_TIP_IDS);
    for (const t of tips) {
      expect(Object.keys(t).sort()).toEqual(["entry", "id", "sources", "text", "topic"]);
      expect(t.text.length).toBeLessThanOrEqual(280);
      expect(t.sources.length).toBeGreaterThan(0);
      expect(t.entry.title).not.toBe(t.entry.id);
    }
    expect((await run(["tips", "shuffle"])).code).toBe(2);
  });

  it("validates the shipped corpus", async () => {
    const { code, stdout } = await run(["validate"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK/);
  });

  it("fails validation of a broken corpus, naming file, entry and field", async () => {
    const dir = fixtureCopy({ "entries/more.yaml": "- id: broken\n  title: Broken\n  topic: privacy\n" });
    const { code, stderr } = await run(["validate"], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(1);
    expect(stderr).toContain("more.yaml");
    expect(stderr).toContain('entry "broken"');
    expect(stderr).toContain('field "answer"');
  });

  it("refuses to start on a broken corpus", async () => {
    const dir = fixtureCopy({ "topics.yaml": "not: [a list" });
    const { code, stderr } = await run(["start"], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(1);
    expect(stderr).toContain("topics.yaml");
  });

  it("explains usage errors", async () => {
    const unknown = await run(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown.stderr).toContain("Usage: socialmedia-guidance <command>");
    expect((await run(["ask"])).code).toBe(2);
    expect((await run(["ask", "--bogus"])).code).toBe(2);
  });

  it("says how to ask a question typed without ask, and which command a slip was likely for", async () => {
    const question = await run(["can", "I", "post", "a", "photo?"]);
    expect(question.code).toBe(2);
    expect(question.stderr).toContain("put ask before it: socialmedia-guidance ask 'can I post a photo?'");
    expect((await run(["is it ok to friend a patient?"])).stderr).toContain(
      "socialmedia-guidance ask 'is it ok to friend a patient?'",
    );
    // pasted into a shell, it asks what was typed
    expect((await run(["can", "I", "earn", "$100", "from", "a", "patient's", "review?"])).stderr).toContain(
      "ask 'can I earn $100 from a patient'\\''s review?'",
    );
    expect((await run([""])).stderr).not.toContain("Did you mean");
    expect((await run(["topic"])).stderr).toContain('Did you mean "topics"?');
    expect((await run(["valdiate"])).stderr).toContain('Did you mean "validate"?');
    expect((await run(["frobnicate"])).stderr).not.toContain("Did you mean");
    expect((await run(["\u001b[31mred"])).stderr).not.toContain("\u001b");
  });
});

describe("the command table", () => {
  it("draws the help text: each command's usage and summary in one column (help, --help, -h)", async () => {
    const help = await run(["help"]);
    expect(help.code).toBe(0);
    const rows = SUBCOMMANDS.flatMap((c) => [c, ...(c.more ?? [])]);
    const lines = help.stdout.split("\n");
    const columns = rows.map((r) => {
      const line = lines.find((l) => l.startsWith(`  ${r.usage} `));
      expect(line, r.usage).toBeDefined();
      expect(line?.endsWith(r.summary), r.usage).toBe(true);
      return line?.indexOf(r.summary);
    });
    expect(new Set(columns).size).toBe(1);
    expect((await run(["--help"])).stdout).toBe(help.stdout);
    expect((await run(["-h"])).stdout).toBe(help.stdout);
    // after a command, that command's own help
    const ask = (await run(["ask", "--help"])).stdout;
    expect(ask).toContain('socialmedia-guidance ask [--json] "question"');
    expect(ask).not.toContain("topics");
    expect((await run(["learn", "--help"])).stdout).toContain("candidate phrasings");
  });

  it("names every command in the README's layout, in the table's order", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const line = readme.split("\n").find((l) => l.startsWith("app/"));
    expect(line?.split(": ")[1]?.split(" | ")).toEqual(SUBCOMMANDS.map((c) => c.name));
  });
});

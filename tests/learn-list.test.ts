import { existsSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { candidateId, type Reading } from "../app/learn.js";
import { heldDetails } from "../app/learn-list.js";
import { main } from "../app/main.js";
import { createGuide } from "../src/guide.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { questionsOf } from "./helpers.js";
import { entryWithComment, fileOf, NEW, runLearn, withStore, workspace } from "./learn-fixture.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("socialmedia-guidance learn: the list, ids and the command line", () => {
  it("lists numbered candidates, and --accept / --reject act on those numbers", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    await withStore(w, async (s) => {
      await s.recordCandidate(entry.id, "first candidate about trolls", 1);
      await s.recordCandidate(entry.id, "first candidate about trolls", 2);
      await s.recordCandidate(entry.id, NEW, 3);
    });

    const listed = await runLearn(w, { list: true });
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/1\. [0-9a-f]{8}\s+2 x {2}"first candidate about trolls"/);
    expect(listed.out).toMatch(new RegExp(`2\\. [0-9a-f]{8}\\s+1 x {2}"${NEW}"`));
    const idOf = (q: string) => new RegExp(`([0-9a-f]{8})\\s+\\d+ x {2}"${q}"`).exec(listed.out)?.[1] ?? "";

    // while the bot runs, a third is proposed more often than both, and the numbers move; the ids do not
    await withStore(w, async (s) => {
      for (const at of [4, 5, 6]) await s.recordCandidate(entry.id, "a third that people keep proposing", at);
    });
    expect((await runLearn(w, { accept: [idOf(NEW)], reject: ["2"] })).code).toBe(0);
    expect(questionsOf(fileOf(entry), entry.id).at(-1)).toBe(NEW);
    expect(questionsOf(fileOf(entry), entry.id)).not.toContain("first candidate about trolls");
    expect((await withStore(w, (s) => s.candidates())).map((c) => c.question)).toEqual([
      "a third that people keep proposing",
    ]);
    const gone = await runLearn(w, { accept: [idOf(NEW)] });
    expect(gone.code).toBe(2);
    expect(gone.err).toMatch(/^No candidate waiting has the id [0-9a-f]{8}: it was decided since/);
  });

  it("says it cannot take a candidate that held details the guard removes, and refuses it by name", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    const before = fileOf(entry);
    const held = "can i post about [name] on facebook";
    await withStore(w, (s) => s.recordCandidate(entry.id, held, 1));
    const guide = createGuide(loadKnowledge(w.dir));
    // its reading today is of the blanked question, not what the asker was told: none is shown
    const listed = await runLearn(w, { list: true }, "", (q) => guide.ask(q));
    expect(listed.out).toContain(
      "today the bot cannot take it: it held details the guard removes (reject it)",
    );
    expect(listed.out).not.toMatch(/confident/);
    const refused = await runLearn(w, { accept: ["1"] });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Not accepted: ".*" held details the guard removes/);
    expect(fileOf(entry)).toBe(before);
    // the guard's placeholders only: one with a hyphen is one, a word a person bracketed is not
    expect(heldDetails("is my [id-number] on the post a problem")).toBe(true);
    expect(heldDetails("[urgent] who do we ring about a post")).toBe(false);
  });

  it("refuses by name, with exit 1, a candidate whose entry is no longer in the knowledge base", async () => {
    const w = workspace();
    await withStore(w, (s) => s.recordCandidate("no-such-entry", NEW, 1));
    const refused = await runLearn(w, { accept: ["1"] });
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      'Not accepted: the entry "no-such-entry" is no longer in the knowledge base (reject it to clear it).',
    );
  });

  it("says what the bot does with each candidate today, in the walk-through and in --list", async () => {
    const w = workspace();
    const guide = createGuide(loadKnowledge(w.dir));
    const read: Reading = (q) => guide.ask(q);
    const friend = "a patient wants to add me on facebook, should i say yes";
    expect(read(friend)).toMatchObject({ kind: "answer", entry: { id: "patient-friend-requests" } });
    await withStore(w, async (s) => {
      await s.recordCandidate("patient-friend-requests", friend, 1);
      await s.recordCandidate("relatives-friend-requests", friend, 1);
      await s.recordCandidate("privacy-settings", "question one", 1);
    });

    const walk = await runLearn(w, {}, "s\ns\ns\n", read);
    expect(walk.out).toContain("Today the bot already answers it with this entry (");
    expect(walk.out).toContain(
      "Today the bot answers it with another entry: A friend request from a patient [patient-friend-requests] (",
    );
    // a phrasing of two words is answered with its entry whenever it is typed: that is said
    expect(walk.out).toMatch(
      /Today the bot declines it \(\d+% confident\); at 2 words it says little of what was meant, and accepted, anyone typing just that gets this entry\./,
    );
    expect(walk.out.match(/says little of what was meant/g)).toHaveLength(1);

    const list = await runLearn(w, { list: true }, "", read);
    expect(list.out.match(/today the bot /g)).toHaveLength(3);
    // Without a reading (as before), neither says anything about today.
    expect((await runLearn(w, { list: true })).out).not.toContain("today the bot");
  });

  it("refuses bad numbers and mixed flags with exit code 2", async () => {
    const w = workspace();
    const { entry } = entryWithComment(w);
    await withStore(w, (s) => s.recordCandidate(entry.id, NEW, 1));
    const [only] = await withStore(w, (s) => s.candidates());
    if (!only) throw new Error("no candidate");
    for (const options of [
      { accept: ["0"] },
      { accept: ["x"] },
      { reject: ["2"] },
      { list: true, accept: ["1"] },
      // one candidate, by its number and by its id
      { accept: ["1"], reject: [candidateId(only)] },
    ]) {
      const { code, err } = await runLearn(w, options);
      expect(code).toBe(2);
      expect(err).toContain("learn --help");
    }
    expect(await withStore(w, (s) => s.candidates())).toHaveLength(1);
  });

  it("says so, through the command line, when there is no database or no candidate yet, and reads the candidates", async () => {
    const w = workspace();
    vi.stubEnv("KNOWLEDGE_DIR", w.dir);
    vi.stubEnv("DATABASE_PATH", w.dbPath);
    const out: string[] = [];
    const err: string[] = [];
    const cli = (args: string[]) =>
      main(
        args,
        (t) => out.push(t),
        (t) => err.push(t),
      );

    expect(await cli(["learn", "--list"])).toBe(1);
    expect(err.join("\n")).toMatch(/No database at .* yet/);
    expect(existsSync(w.dbPath)).toBe(false);

    await withStore(w, async () => undefined);
    expect(await cli(["learn", "--list"])).toBe(0);
    expect(out.join("\n")).toContain("No candidate phrasings are waiting");

    // The command reads each candidate with the bot as it stands.
    await withStore(w, (s) =>
      s.recordCandidate("patient-friend-requests", "a patient wants to add me on facebook", 1),
    );
    expect(await cli(["learn", "--list"])).toBe(0);
    expect(out.join("\n")).toContain("today the bot already answers it with this entry");

    expect(await cli(["learn", "--help"])).toBe(0);
    expect(out.join("\n")).toContain("--accept <n|id>");
    expect(await cli(["help"])).toBe(0);
    expect(out.at(-1)).toContain("learn [--list]");
  });
});

import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createGuide, loadKnowledge, reloadable, reloadKnowledgeOnChange } from "../src/index.js";
import { capturedLogger, fixtureCopy, waitFor } from "./helpers.js";

describe("moderators' edits while the bot runs", () => {
  let stop: () => void = () => undefined;
  afterEach(() => stop());

  it("takes a valid edit without a restart, and keeps the last good knowledge while the files are broken", async () => {
    const dir = fixtureCopy();
    const live = reloadable(createGuide(loadKnowledge(dir)));
    const { logger, lines } = capturedLogger();
    stop = reloadKnowledgeOnChange({ dir, target: live, logger, settleMs: 50 });
    const file = join(dir, "entries", "main.yaml");
    const original = readFileSync(file, "utf8");

    writeFileSync(
      file,
      original.replace("title: Friend requests from patients", "title: Patients' friend requests"),
    );
    await waitFor(() => live.guide.entry("friend-requests")?.title === "Patients' friend requests", {
      what: "the edit to be served",
    });
    expect(lines.join("\n")).toContain("knowledge reloaded");

    writeFileSync(file, original.replace("  title: Friend requests from patients", "\ttitle: broken"));
    await waitFor(() => lines.some((l) => l.includes("knowledge not reloaded")), { what: "the refusal" });
    expect(live.guide.entry("friend-requests")?.title).toBe("Patients' friend requests");
    expect(live.guide.ask("should I accept a friend request from a patient").kind).toBe("answer");
    expect(lines.join("\n")).toContain("a tab is not allowed here");
  });

  it("keeps seeing edits after a file, or its whole folder, was replaced by a rename", async () => {
    const dir = fixtureCopy();
    const live = reloadable(createGuide(loadKnowledge(dir)));
    const { logger } = capturedLogger();
    stop = reloadKnowledgeOnChange({ dir, target: live, logger, settleMs: 50 });
    const entries = join(dir, "entries");
    const file = join(entries, "main.yaml");
    const original = readFileSync(file, "utf8");
    const retitled = (title: string) =>
      original.replace("title: Friend requests from patients", `title: ${title}`);
    const titled = (title: string) =>
      waitFor(() => live.guide.entry("friend-requests")?.title === title, { what: `the title ${title}` });
    // saved as editors save: written beside it, then renamed over it
    writeFileSync(join(dir, "main.yaml.tmp"), retitled("Renamed in"));
    renameSync(join(dir, "main.yaml.tmp"), file);
    await titled("Renamed in");
    // ... and then edited in place, which a watch on the replaced file no longer saw
    writeFileSync(file, retitled("Edited after"));
    await titled("Edited after");
    // a new entries folder moved into place, then a file of it edited in place
    const next = join(dir, "entries.next");
    mkdirSync(next);
    writeFileSync(join(next, "main.yaml"), retitled("Folder swapped"));
    renameSync(entries, join(dir, "entries.old"));
    renameSync(next, entries);
    await titled("Folder swapped");
    writeFileSync(file, retitled("Edited in the new folder"));
    await titled("Edited in the new folder");
  });

  it("reloads on SIGHUP", async () => {
    const dir = fixtureCopy();
    const live = reloadable(createGuide(loadKnowledge(dir)));
    const { logger, lines } = capturedLogger();
    stop = reloadKnowledgeOnChange({ dir: join(dir, "entries", ".."), target: live, logger, settleMs: 10 });
    process.emit("SIGHUP", "SIGHUP");
    await waitFor(() => lines.some((l) => l.includes('"why":"SIGHUP"')), { what: "the SIGHUP reload" });
  });
});

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

  it("keeps seeing a file's edits after it was replaced by a rename (a safe save, sed -i, learn), and a new folder's", async () => {
    const dir = fixtureCopy();
    const live = reloadable(createGuide(loadKnowledge(dir)));
    const { logger, lines } = capturedLogger();
    stop = reloadKnowledgeOnChange({ dir, target: live, logger, settleMs: 50 });
    const file = join(dir, "entries", "main.yaml");
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
    // a folder made while the bot runs is watched from the reload its making caused
    mkdirSync(join(dir, "entries", "more"));
    await waitFor(() => lines.filter((l) => l.includes("knowledge reloaded")).length >= 3, {
      what: "the reload",
    });
    writeFileSync(join(dir, "entries", "more", "extra.yaml"), "");
    await waitFor(() => lines.filter((l) => l.includes("knowledge reloaded")).length >= 4, {
      what: "the new folder's file to be seen",
    });
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

import { readFileSync, writeFileSync } from "node:fs";
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

  it("reloads on SIGHUP", async () => {
    const dir = fixtureCopy();
    const live = reloadable(createGuide(loadKnowledge(dir)));
    const { logger, lines } = capturedLogger();
    stop = reloadKnowledgeOnChange({ dir: join(dir, "entries", ".."), target: live, logger, settleMs: 10 });
    process.emit("SIGHUP", "SIGHUP");
    await waitFor(() => lines.some((l) => l.includes('"why":"SIGHUP"')), { what: "the SIGHUP reload" });
  });
});

import { createGuide, createLogger, type HelpStyle, loadKnowledge, type Requester } from "../src/index.js";
import { FIXTURE_DIR } from "./helpers.js";

/**
 * One conversation test file's setting: its own guide on the fixture knowledge (test files share a
 * worker's modules, so each builds its own), a silent logger, a help style that names commands as a
 * slash command would, and a private Slack channel to ask in.
 */
export function conversationFixture() {
  const guide = createGuide(loadKnowledge(FIXTURE_DIR));
  const logger = createLogger("silent");
  const help: HelpStyle = { commandLine: (c) => `/x ${c.name}`, note: "A note." };
  const here: Requester = {
    platform: "slack",
    userId: "U1",
    channelId: "C1",
    visibility: "private",
    canShare: true,
  };
  return { guide, logger, help, here };
}

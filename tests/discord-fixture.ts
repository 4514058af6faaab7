import { Events, type Interaction } from "discord.js";
import { afterAll, beforeEach } from "vitest";
import { createDiscordBot, type DiscordBot } from "../adapters/discord/bot.js";
import { createGuide, loadKnowledge } from "../src/index.js";
import { openSqliteStorage } from "../src/store/sqlite.js";
import type { FakeInteraction } from "./discord-interaction.js";
import { capturedLogger, commandScheduler, FIXTURE_DIR, tempDatabase, testUsage } from "./helpers.js";
import { offline } from "./nock-offline.js";

/** Discord's API as nock intercepts it. */
export const API = "https://discord.test";
/** The bot's application id. */
export const APP_ID = "1100000000000000001";
/** The bot's settings: its REST calls go to nock's host. */
export const config = {
  token: "test-token-not-real.abcdef.ghijklmnopqrstuvwxyz0123456",
  applicationId: APP_ID,
  apiUrl: `${API}/api`,
};

/**
 * One test file's Discord bot, with the `tips` subcommands, its votes in a real store on a database of
 * the file's own (`votesDb`) and its log in `logLines` (cleared before each test); stopped after the
 * file. Nothing but 127.0.0.1 may be reached, and each test must use every interception it sets up.
 */
export function discordFixture() {
  const guide = createGuide(loadKnowledge(FIXTURE_DIR));
  const { logger, lines: logLines } = capturedLogger();
  const votesDb = tempDatabase("smg-discord-votes-");
  const { feedback } = openSqliteStorage(votesDb.name);
  const bot = createDiscordBot({
    guide,
    logger,
    config,
    tips: commandScheduler(guide, logger),
    ...testUsage({ feedback, logger }),
  });

  /** Hands an interaction to the client, as discord.js does when one arrives from the gateway. */
  function dispatch(interaction: FakeInteraction, to: DiscordBot = bot): void {
    // The stand-in has every member of Interaction that the adapter reads.
    to.client.emit(Events.InteractionCreate, interaction as unknown as Interaction);
  }

  offline({ everyMockUsed: true });
  afterAll(async () => {
    await bot.stop();
  });
  beforeEach(() => {
    logLines.length = 0;
  });
  return { guide, logger, logLines, votesDb, bot, dispatch };
}

import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { HttpFront } from "../adapters/http/front.js";
import {
  createMattermostBot,
  type MattermostBot,
  type MattermostConfig,
  type MattermostDeps,
} from "../adapters/mattermost/bot.js";
import { createGuide, type FeedbackVote, loadKnowledge } from "../src/index.js";
import { capturedLogger, commandScheduler, FIXTURE_DIR, testUsage, votingStore, waitFor } from "./helpers.js";
import {
  ADMIN,
  BOT_TOKEN,
  CHANNEL,
  COMMAND_TOKEN,
  MattermostStandIn,
  MEMBER,
  RESPONSE_HOOK,
} from "./mattermost-stand-in.js";

// What the Mattermost tests share: the real adapter on a real HTTP front on 127.0.0.1, in front of the
// stand-in for Mattermost's REST API (mattermost-stand-in.ts), sent requests as Mattermost sends them:
// a slash command's form with the command's token, a button press's JSON with the context the button
// carried.

/** A command's answer, or a button's. */
export interface Reply {
  response_type?: string;
  text?: string;
  skip_slack_parsing?: boolean;
  ephemeral_text?: string;
  update?: unknown;
  attachments?: { pretext?: string; actions: Button[] }[];
}

export interface Button {
  id: string;
  name: string;
  integration: { url: string; context: Record<string, unknown> };
}

export const guide = createGuide(loadKnowledge(FIXTURE_DIR));

/**
 * A stand-in and a bot on its own front for the test file, started before its tests and stopped after;
 * after each test, the log, votes and waits are cleared and no promise may have been left rejected.
 */
export function useMattermost() {
  const { logger, lines } = capturedLogger();
  const mattermost = new MattermostStandIn();
  const votes: FeedbackVote[] = [];
  const waits: number[] = [];
  const rejections = vi.fn();
  const fronts: HttpFront[] = [];
  const bots: MattermostBot[] = [];
  let channels = 100;

  /** A bot on its own front on a free port of 127.0.0.1; resolves with it and the front's base URL. */
  async function startBot(config: Partial<MattermostConfig> = {}, deps: Partial<MattermostDeps> = {}) {
    const front = new HttpFront({ port: 0, host: "127.0.0.1", log: logger });
    const started = createMattermostBot(
      {
        guide,
        logger,
        config: { url: mattermost.url, botToken: BOT_TOKEN, commandToken: COMMAND_TOKEN, ...config },
        ...testUsage({ sharesPerHour: 2, feedback: votingStore(votes), logger }),
        tips: commandScheduler(guide, logger),
        calls: { retries: 2, timeoutMs: 300, wait: async (ms) => void waits.push(ms) },
        ...deps,
      },
      front,
    );
    fronts.push(front);
    bots.push(started);
    await started.start();
    await front.start();
    return { bot: started, base: `http://127.0.0.1:${front.boundPort}` };
  }

  const harness = {
    mattermost,
    logger,
    lines,
    votes,
    waits,
    startBot,
    /** The file's bot and its base URL, once started. */
    bot: undefined as unknown as MattermostBot,
    base: "",

    /** Runs the slash command as Mattermost does: a form with the command's token (null: none). */
    async command(
      text: string,
      {
        user = MEMBER,
        channel = CHANNEL,
        token = COMMAND_TOKEN as string | null,
        responseUrl = `${mattermost.url}/hooks/commands/${RESPONSE_HOOK}`,
        base = undefined as string | undefined,
      } = {},
    ) {
      const form = new URLSearchParams({
        channel_id: channel,
        channel_name: "town-square",
        command: "/socialmedia-guidance",
        response_url: responseUrl,
        team_domain: "hospital",
        team_id: "team00000000000000000000001",
        text,
        trigger_id: "trigger",
        user_id: user,
        user_name: user === ADMIN ? "alice" : "bob",
        ...(token === null ? {} : { token }),
      });
      const response = await fetch(`${base ?? harness.base}/mattermost/command`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      return {
        status: response.status,
        reply: (response.status === 200 ? await response.json() : {}) as Reply,
      };
    },

    /** Presses a button as Mattermost does: a JSON POST to its URL with the context it carried. */
    async press(
      button: Button,
      {
        user = MEMBER,
        channel = CHANNEL,
        context = button.integration.context as unknown,
        userName = undefined as string | undefined,
        headers = {} as Record<string, string>,
      } = {},
    ) {
      const response = await fetch(button.integration.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({
          user_id: user,
          user_name: userName ?? (user === ADMIN ? "alice" : "bob"),
          channel_id: channel,
          channel_name: "town-square",
          team_id: "team00000000000000000000001",
          team_domain: "hospital",
          post_id: "ephemeralpost0000000000001",
          trigger_id: "trigger",
          type: "",
          data_source: "",
          context,
        }),
      });
      return {
        status: response.status,
        reply: (response.status === 200 ? await response.json() : {}) as Reply,
      };
    },

    /** A channel of its own, for a test that shares: each channel may get only two shares an hour here. */
    freshChannel: () => `channel${String(++channels).padStart(19, "0")}`,

    /** The first log line with this message. */
    logLine: (msg: string) =>
      waitFor(() => lines.find((l) => l.includes(`"msg":"${msg}"`)), { what: `log line "${msg}"` }),
  };

  beforeAll(async () => {
    process.on("unhandledRejection", rejections);
    await mattermost.start();
    const { bot, base } = await startBot();
    harness.bot = bot;
    harness.base = base;
  });

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await Promise.all(fronts.map((f) => f.stop()));
    await mattermost.stop();
    process.off("unhandledRejection", rejections);
  });

  afterEach(() => {
    lines.length = 0;
    votes.length = 0;
    waits.length = 0;
    expect(rejections).not.toHaveBeenCalled();
  });

  return harness;
}

/** Every button on a reply. */
export const buttonsOf = (reply: Reply) => (reply.attachments ?? []).flatMap((a) => a.actions);

/** The button named `name` on a reply. */
export function buttonNamed(reply: Reply, name: string): Button {
  const found = buttonsOf(reply).find((b) => b.name === name);
  if (!found) throw new Error(`no button ${name} in ${JSON.stringify(reply)}`);
  return found;
}

import { describe, expect, it } from "vitest";
import { describeMattermostError } from "../adapters/mattermost/errors.js";
import { escapeMentions, formatSource, renderCard } from "../adapters/mattermost/render.js";
import { MattermostApiError, MattermostRest } from "../adapters/mattermost/rest.js";
import { ActionSeal } from "../adapters/mattermost/seal.js";
import {
  ConfigError,
  createGuide,
  errorCard,
  loadConfig,
  loadKnowledge,
  replyCard,
  SAFETY_HEADING,
} from "../src/index.js";
import { answerWith, FIXTURE_DIR } from "./helpers.js";
import { legacySeal } from "./mattermost-stand-in.js";

// Drawing cards for Mattermost, sealing its buttons, and reading its settings: no server needed.

const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const CHANNEL = "channel0000000000000000001";
const USER = "user00000000000000000000001";
const seal = new ActionSeal("commandtoken00000000000000");
const target = {
  url: "https://bot.test/mattermost/actions",
  context: (p: Parameters<ActionSeal["seal"]>[0]) => seal.seal(p, { channel: CHANNEL }),
};

describe("Mattermost mentions", () => {
  it.each([
    ["@channel look", "@\u200bchannel look"],
    ["hey @here and @all", "hey @\u200bhere and @\u200ball"],
    ["ask @dr.smith-jones now", "ask @\u200bdr.smith-jones now"],
    ["(@bob)", "(@\u200bbob)"],
    ["@@channel", "@@\u200bchannel"],
    ["mail a.person@nhs.net", "mail a.person@nhs.net"],
    ["see https://x.example/@handle today", "see https://x.example/@handle today"],
    ["an @ alone", "an @ alone"],
  ])("makes %j inert", (text, inert) => {
    expect(escapeMentions(text)).toBe(inert);
  });

  it("makes every mention in a card's text inert, the answer's included", () => {
    const reply = answerWith(guide, {
      title: "Ask @here",
      answer: "Tell @channel, or [the page](https://x.example/@team) and @all.",
    });
    const { text } = renderCard(replyCard(reply));
    expect(text).not.toMatch(/(?<!\w)@(here|channel|all)\b/);
    expect(text).toContain("[the page](https://x.example/@team)");
  });
});

describe("Mattermost cards", () => {
  it("draws an answer as Markdown, with buttons for its offers, share and votes", () => {
    const reply = guide.show("friend-requests");
    if (!reply) throw new Error("the fixture lacks friend-requests");
    const { text, attachments } = renderCard(replyCard(reply, { shareable: true }), target);
    expect(text).toMatch(/^#### Friend requests from patients\n\n/);
    expect(text).toContain("**Sources:** ");
    expect(attachments.map((a) => a.actions.map((b) => b.name))).toEqual([
      ["Posting photos of patients"],
      ["Share in channel", "👍 Helpful", "👎 Not helpful"],
    ]);
    expect(attachments[0]?.pretext).toBe("**Related:**");
    const open = attachments[0]?.actions[0];
    expect(open).toMatchObject({ id: "open0", type: "button", integration: { url: target.url } });
    expect(seal.open(open?.integration.context, CHANNEL, USER)).toEqual({
      press: { kind: "open", entryId: "patient-photos" },
    });
  });

  it("draws the safety net's link first, as a danger button", () => {
    const reply = answerWith(
      guide,
      {},
      { safety: { id: "patient-photos", title: "Posting photos of patients" } },
    );
    const { attachments } = renderCard(replyCard(reply), target);
    expect(attachments[0]?.pretext).toBe(`**${SAFETY_HEADING}**`);
    expect(attachments[0]?.actions.map((b) => [b.name, b.style])).toEqual([
      ["Posting photos of patients", "danger"],
    ]);
  });

  it("lists the offers in the text when there is nowhere for buttons to send", () => {
    const reply = guide.show("friend-requests");
    if (!reply) throw new Error("the fixture lacks friend-requests");
    const { text, attachments } = renderCard(replyCard(reply, { shareable: true }));
    expect(attachments).toEqual([]);
    expect(text).toContain("**Related:**\n- Posting photos of patients");
  });

  it("says who shared an answer by username, keeping only a username's characters", () => {
    const reply = guide.show("friend-requests");
    if (!reply) throw new Error("the fixture lacks friend-requests");
    const { text } = renderCard(
      replyCard(reply, { sharedBy: "user0000000000000000000001" }),
      target,
      "al ice*",
    );
    expect(text.split("\n\n")[0]).toBe("_Shared by @alice_");
    // a name that would notify everyone (only a forged press can carry one) is not shown
    for (const everyone of ["channel", "@here", "ALL", "channel.", "here_", "all-"]) {
      const shared = renderCard(
        replyCard(reply, { sharedBy: "user0000000000000000000001" }),
        target,
        everyone,
      );
      expect(shared.text, everyone).not.toMatch(/Shared by/);
    }
  });

  it("links a source to its page, keeping brackets in its label and address from breaking the link", () => {
    expect(formatSource({ label: "Guide [2024] by @gmc", url: "https://x.example/a_(b) c" })).toBe(
      "[Guide \\[2024\\] by @\u200bgmc](https://x.example/a_%28b%29%20c)",
    );
    expect(formatSource({ label: "Printed guide" })).toBe("Printed guide");
  });

  it("marks an error, and cuts a message to Mattermost's size", () => {
    expect(renderCard(errorCard("No.")).text).toBe(":warning: No.");
    const long = answerWith(guide, { answer: "word ".repeat(5_000) });
    expect(Array.from(renderCard(replyCard(long)).text).length).toBeLessThanOrEqual(16_000);
  });

  it("shortens a long answer's text to fit, keeping its sources and the disclaimer after it", () => {
    const long = answerWith(guide, { answer: "A paragraph of guidance. ".repeat(1_000) });
    const { text } = renderCard(replyCard(long, { shareable: true }), target);
    expect(Array.from(text).length).toBeLessThanOrEqual(16_000);
    expect(text).toContain("_(Answer shortened to fit in one Mattermost message.)_");
    expect(text).toContain("**Sources:** ");
    expect(text).toMatch(/not legal advice[^\n]*_$/);
  });
});

describe("Mattermost's REST client", () => {
  it("refuses an id that is no Mattermost id before any call: it would change the path", async () => {
    const calls: string[] = [];
    const rest = new MattermostRest("http://127.0.0.1:9", "bottoken0000000000000000aa", (url) => {
      calls.push(url);
      return Promise.resolve(new Response("{}"));
    });
    for (const id of ["..", "me", "."])
      await expect(rest.userName(id), id).rejects.toMatchObject({ status: 400, id: "invalid_id" });
    await expect(rest.channelRoles("me", "member00000000000000000001")).rejects.toMatchObject({
      id: "invalid_id",
    });
    expect(calls).toEqual([]);
  });
});

describe("Mattermost refusals as people read them", () => {
  it("says a refused token is refused, not that Mattermost cannot be reached", () => {
    const refused = new MattermostApiError(401, "api.context.session_expired.app_error");
    expect(describeMattermostError(refused).message).toBe(
      "Mattermost refused my bot account's token, so an admin needs to look at my setup (MATTERMOST_BOT_TOKEN).",
    );
  });
});

describe("Mattermost button seals", () => {
  const OTHER = "other000000000000000000001";

  it("opens its own seal for the channel it was made for, and nothing else", () => {
    const vote = seal.seal({ kind: "vote", entryId: "friend-requests", vote: "up" }, { channel: CHANNEL });
    expect(seal.open(vote, CHANNEL, USER)).toEqual({
      press: { kind: "vote", entryId: "friend-requests", vote: "up" },
    });
    expect(seal.open(vote, "channel0000000000000000002", USER)).toBeUndefined();
    expect(seal.open({ ...vote, vote: "down" }, CHANNEL, USER)).toBeUndefined();
    expect(seal.open({ ...vote, action: "share" }, CHANNEL, USER)).toBeUndefined();
    expect(new ActionSeal("anothertoken00000000000000").open(vote, CHANNEL, USER)).toBeUndefined();
    expect(seal.open(null, CHANNEL, USER)).toBeUndefined();
    expect(seal.open({ ...vote, sig: "zz" }, CHANNEL, USER)).toBeUndefined();
    // a seal for the whole channel (a shared answer's, a tip's) opens for anyone in it
    expect(seal.open(vote, CHANNEL, OTHER)).toBeDefined();
  });

  it("opens a private reply's seal for the user it was made for alone", () => {
    const share = seal.seal({ kind: "share", entryId: "patient-photos" }, { channel: CHANNEL, user: USER });
    expect(seal.open(share, CHANNEL, USER)).toEqual({
      press: { kind: "share", entryId: "patient-photos" },
      user: USER,
    });
    expect(seal.open(share, CHANNEL, OTHER)).toBeUndefined();
    // the user cannot be taken out of the seal, nor another put in
    const { user: _, ...unbound } = share;
    expect(seal.open(unbound, CHANNEL, OTHER)).toBeUndefined();
    expect(seal.open({ ...share, user: OTHER }, CHANNEL, OTHER)).toBeUndefined();
  });

  it("opens a seal made before users and addresses were sealed, for anyone in its channel", () => {
    expect(seal.open(legacySeal("share", "patient-photos", CHANNEL), CHANNEL, OTHER)).toEqual({
      press: { kind: "share", entryId: "patient-photos" },
    });
  });

  it("gives back the address it was sealed with, and refuses another", () => {
    const base = "https://guidance.example.org";
    const open = seal.seal({ kind: "open", entryId: "patient-photos" }, { channel: CHANNEL, base });
    expect(seal.open(open, CHANNEL, USER)).toEqual({
      press: { kind: "open", entryId: "patient-photos" },
      base,
    });
    expect(seal.open({ ...open, base: "https://elsewhere.example.com" }, CHANNEL, USER)).toBeUndefined();
    const { base: _, ...without } = open;
    expect(seal.open(without, CHANNEL, USER)).toBeUndefined();
  });
});

describe("Mattermost settings", () => {
  const all = {
    MATTERMOST_URL: "https://chat.example.org/",
    MATTERMOST_BOT_TOKEN: "bottoken0000000000000000aa",
    MATTERMOST_COMMAND_TOKEN: "commandtoken00000000000000",
  };

  it("turns Mattermost on with its three settings, and shares PORT with the other HTTP platforms", () => {
    const config = loadConfig({ ...all, PORT: "8080", MATTERMOST_BOT_URL: "http://bot:8080/" });
    expect(config.mattermost).toEqual({
      url: "https://chat.example.org",
      botToken: all.MATTERMOST_BOT_TOKEN,
      commandToken: all.MATTERMOST_COMMAND_TOKEN,
      botUrl: "http://bot:8080",
    });
    expect(config.port).toBe(8080);
    expect(loadConfig({}).mattermost).toBeUndefined();
  });

  it("names every missing setting of a partial set at once", () => {
    const error = (() => {
      try {
        loadConfig({ MATTERMOST_BOT_TOKEN: all.MATTERMOST_BOT_TOKEN });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      "MATTERMOST_URL: required with MATTERMOST_BOT_TOKEN (the server's address)",
      "MATTERMOST_COMMAND_TOKEN: required with MATTERMOST_BOT_TOKEN (the slash command's token)",
    ]);
  });

  it("says plainly what is wrong with a setting, without repeating a token", () => {
    const bad = {
      ...all,
      MATTERMOST_URL: "chat",
      MATTERMOST_COMMAND_TOKEN: "secret-token!",
      MATTERMOST_TIP_CHANNELS: "town-square",
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (e) {
      const text = (e as Error).message;
      expect(text).toContain(
        "MATTERMOST_URL: must be the server's address, such as https://chat.example.org",
      );
      expect(text).toContain(
        "MATTERMOST_COMMAND_TOKEN: must be the slash command's token (26 letters and digits)",
      );
      expect(text).toContain("MATTERMOST_TIP_CHANNELS: must be channel ids separated by commas");
      expect(text).not.toContain("secret-token!");
    }
  });

  it("reads the channels that get the daily tip from the environment", () => {
    const config = loadConfig({
      ...all,
      MATTERMOST_TIP_CHANNELS: "channel0000000000000000001, channel0000000000000000002",
    });
    expect(config.tips.mattermostChannels).toEqual([
      "channel0000000000000000001",
      "channel0000000000000000002",
    ]);
  });
});

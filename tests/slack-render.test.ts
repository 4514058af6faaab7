import { describe, expect, it } from "vitest";
import { describeSlackError } from "../adapters/slack/errors.js";
import { typedText } from "../adapters/slack/listeners/mention.js";
import { escapeMrkdwn, splitText, toMrkdwn } from "../adapters/slack/mrkdwn.js";
import { LIMITS, renderCard, SLACK_HELP } from "../adapters/slack/render.js";
import {
  createGuide,
  errorCard,
  helpCard,
  loadKnowledge,
  replyCard,
  tipCard,
  topicsCard,
} from "../src/index.js";
import { answerWith, FIXTURE_DIR } from "./helpers.js";

const guide = createGuide(loadKnowledge(FIXTURE_DIR));

function checkLimits(message: { text: string; blocks: unknown[] }) {
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(message.text.length).toBeGreaterThan(0);
  for (const block of message.blocks as {
    type: string;
    text?: { text: string };
    elements?: { text?: unknown }[];
  }[]) {
    if (block.text) expect(block.text.text.length, block.type).toBeLessThanOrEqual(LIMITS.sectionText);
    if (block.type === "header") expect(block.text?.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === "actions")
      expect(block.elements?.length).toBeLessThanOrEqual(LIMITS.buttonsPerActions);
  }
}

describe("Slack mrkdwn", () => {
  it("converts bold, italics, headings, lists and links", () => {
    expect(toMrkdwn("**Bold** and *italic*")).toBe("*Bold* and _italic_");
    expect(toMrkdwn("## Heading\n- one\n- two")).toBe("*Heading*\n• one\n• two");
    expect(toMrkdwn("See [the GMC](https://www.gmc-uk.org/a?b=1&c=2).")).toBe(
      "See <https://www.gmc-uk.org/a?b=1&c=2|the GMC>.",
    );
  });

  it("escapes &, < and > and breaks broadcast mentions", () => {
    expect(escapeMrkdwn("<!channel> <@U1> a & b @here")).toBe(
      "&lt;!channel&gt; &lt;@U1&gt; a &amp; b @\u200bhere",
    );
  });

  it("splits long text at a boundary, never past the limit", () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const pieces = splitText(text, 500);
    expect(pieces.every((p) => p.length <= 500)).toBe(true);
    expect(pieces.join(" ")).toBe(text);
  });
});

describe("Slack refusals as people read them", () => {
  it("says a refused token is refused, not that Slack cannot be reached", () => {
    expect(describeSlackError({ data: { error: "invalid_auth" } }).message).toBe(
      "Slack refused my token, so an admin needs to look at my installation.",
    );
  });
});

describe("Slack's markup read as typed", () => {
  it("reads a message without its mentions, and leaves unclosed ones, as many as a message holds, as they are", () => {
    expect(typedText("<@U123|bob> can I post? <@U9>")).toBe("  can I post?  ");
    expect(typedText("<!subteam^S123|@nurses> and <!subteam^S9> hi")).toBe("  and   hi");
    const unclosed = "<@A|".repeat(50_000);
    expect(typedText(`${unclosed}<@U123> hi`)).toBe(`${unclosed}  hi`);
    expect(typedText(42)).toBe("");
  });

  it("reads escapes, links, channels, dates and @here as the person typed them", () => {
    expect(typedText("&gt; ward photos &amp; &lt;patient&gt; names")).toBe("> ward photos & <patient> names");
    expect(typedText("&amp;lt; stays")).toBe("&lt; stays");
    expect(typedText("see <https://www.gmc-uk.org/x?a=1&amp;b=2|gmc-uk.org> or <https://example.com>")).toBe(
      "see gmc-uk.org or https://example.com",
    );
    expect(typedText("<mailto:a@b.org|a@b.org> and <tel:+441234|01234>")).toBe("a@b.org and 01234");
    expect(typedText("in <#C0123|ward-7> and <#C9> <!here> <!channel|@channel>").split(/\s+/)).toEqual([
      "in",
      "#ward-7",
      "and",
      "",
    ]);
    expect(typedText("on <!date^1700000000^{date}|14 Nov 2023>")).toBe("on 14 Nov 2023");
  });
});

describe("Slack rendering", () => {
  it("renders an answer: title, answer, sources, disclaimer, related, share and votes", () => {
    const message = renderCard(replyCard(answerWith(guide, {}), { shareable: true }));
    const json = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toMatchObject({
      type: "header",
      text: { text: "Friend requests from patients" },
    });
    expect(json).toContain("Decline politely");
    expect(json).toContain("*Sources:* Document A (Publisher A, 2020)");
    expect(json).toContain("not legal advice");
    expect(json).toContain('"action_id":"smg_open_0","value":"patient-photos"');
    expect(json).toContain("smg_share");
    expect(json).toContain("smg_vote_up");
    expect(message.text).toContain("not legal advice");
    checkLimits(message);
  });

  it("gives notifications the answer as plain words, not its Markdown", () => {
    const card = replyCard(
      answerWith(guide, { answer: "**UK.** Ask first, see [the GMC](https://www.gmc-uk.org/x)." }),
    );
    expect(card.summary).toContain("UK. Ask first, see the GMC (https://www.gmc-uk.org/x).");
    expect(renderCard(card).text).not.toContain("**");
  });

  it("renders a shared answer without a share button, saying who shared it", () => {
    const json = JSON.stringify(renderCard(replyCard(answerWith(guide, {}), { sharedBy: "U7" })).blocks);
    expect(json).toContain("Shared by <@U7>");
    expect(json).not.toContain("smg_share");
  });

  it("renders a decline with did-you-mean buttons, or the topics when nothing is close", () => {
    const close = renderCard(replyCard(guide.ask("a photo of my dog")));
    const far = renderCard(replyCard(guide.ask("how do I cook rice")));
    // guidance near it but no sure answer: says so, not that it has none
    expect(close.text).toBe("I'm not sure which of my answers fits that.");
    expect(far.text).toBe("I have no guidance on that.");
    expect(JSON.stringify(close.blocks)).toContain('"action_id":"smg_open_0","value":"patient-photos"');
    expect(JSON.stringify(far.blocks)).toContain("I can help with");
    expect(JSON.stringify(far.blocks)).not.toContain("smg_open");
    checkLimits(close);
    checkLimits(far);
  });

  it("keeps a huge answer inside Slack's section and block limits", () => {
    const long = Array.from({ length: 6000 }, (_, i) => `Sentence ${i} of a very long answer.`).join("\n\n");
    const related = Array.from({ length: 80 }, (_, i) => ({ id: `e${i}`, title: `Related entry ${i}` }));
    const message = renderCard(
      replyCard(answerWith(guide, { answer: long, title: "T".repeat(400) }, { related }), {
        shareable: true,
      }),
    );
    checkLimits(message);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain("Answer shortened to fit");
    expect(json).toContain("not legal advice");
    expect(json).toContain("smg_vote_down");
  });

  it("never cuts a source's link: many sources go on in more context elements, and the rest are counted", () => {
    const cite = (n: number) => ({
      id: `s${n}`,
      title: `A long guidance document number ${n} ${"on professional standards ".repeat(4)}`,
      publisher: "A publisher",
      status: "current" as const,
      url: `https://guidance.example/documents/${n}/${"section/".repeat(10)}`,
    });
    const many = (count: number) =>
      renderCard(
        replyCard(answerWith(guide, {}, { sources: Array.from({ length: count }, (_, i) => cite(i)) })),
      ).blocks.find((b) => b.type === "context" && JSON.stringify(b).includes("*Sources:*"));
    for (const block of [many(40), many(400)]) {
      const elements = (block as { elements: { text: string }[] }).elements;
      expect(elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const { text } of elements) {
        expect(Array.from(text).length).toBeLessThanOrEqual(LIMITS.sectionText);
        expect(text.match(/</g)?.length).toBe(text.match(/>/g)?.length);
        expect(text).not.toContain("…");
      }
    }
    const all = JSON.stringify(many(40));
    expect(all).toContain("/documents/39/");
    expect(all).not.toMatch(/more"/);
    expect(JSON.stringify(many(400))).toMatch(/; and \d+ more"/);
  });

  it("renders help, topics, a tip and an error within the limits", () => {
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    for (const message of [
      renderCard(helpCard(guide, SLACK_HELP)),
      renderCard(topicsCard(guide.topics())),
      renderCard(tipCard(guide, tip)),
      renderCard(errorCard("Oops <!here>")),
    ]) {
      checkLimits(message);
    }
    expect(JSON.stringify(renderCard(tipCard(guide, tip, "Tip of the day")).blocks)).toContain(
      "Tip of the day",
    );
    expect(JSON.stringify(renderCard(tipCard(guide, tip)).blocks)).toContain("not legal advice");
    expect(JSON.stringify(renderCard(errorCard("Oops <!here>")).blocks)).not.toContain("<!here>");
    // a list item's title in bold (Slack's *), not italics
    const help = JSON.stringify(renderCard(helpCard(guide, SLACK_HELP)).blocks);
    expect(help).toMatch(/• \*`\/socialmedia-guidance topics`\*/);
    expect(help).not.toMatch(/• _/);
  });
});

import type { types } from "@slack/bolt";
import {
  COMMANDS,
  DISCLAIMER,
  type EntryLink,
  EXAMPLE_QUESTIONS,
  type Guide,
  MAX_QUESTION_CHARS,
  type Reply,
  type Source,
  sourceLabel,
  type Tip,
  type TopicListing,
} from "../../src/index.js";
import { escapeMrkdwn, splitText, toMrkdwn } from "./mrkdwn.js";

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Slack's own limits (Block Kit reference). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3_000,
  headerText: 150,
  buttonText: 75,
  buttonsPerActions: 25,
  contextElements: 10,
  fallbackText: 3_000,
} as const;

/** The action ids our buttons carry; `value` holds the entry id. */
export const ACTIONS = {
  open: "smg_open",
  share: "smg_share",
  voteUp: "smg_vote_up",
  voteDown: "smg_vote_down",
} as const;

/** A message as Slack takes it: blocks, and the plain text shown in notifications and old clients. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** How an answer is framed: privately with sharing and voting, or posted in a channel. */
export interface AnswerOptions {
  /** Offer "Share in channel" (only for a private answer). */
  readonly shareable?: boolean;
  /** The Slack user id of whoever shared it, shown on a shared answer. */
  readonly sharedBy?: string;
}

/** Renders a core reply. */
export function renderReply(reply: Reply, options: AnswerOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [];
  if (options.sharedBy) blocks.push(context(`Shared by <@${options.sharedBy}>`));
  if (reply.truncated)
    blocks.push(context(`Your question was cut to its first ${MAX_QUESTION_CHARS} characters.`));
  if (reply.notice) blocks.push(section(`:warning: ${escapeMrkdwn(reply.notice)}`));
  const lead = reply.notice ? `${reply.notice}\n\n` : "";
  if (reply.kind === "no-answer") {
    blocks.push(section("I have no guidance on that."));
    if (reply.suggestions.length > 0) {
      blocks.push(section("*Did you mean:*"), ...openButtons(reply.suggestions));
    } else {
      blocks.push(
        section(
          [
            "*I can help with:*",
            ...reply.topics.map((t) => `• *${escapeMrkdwn(t.title)}*: ${escapeMrkdwn(t.description)}`),
          ].join("\n"),
        ),
      );
    }
    blocks.push(context(escapeMrkdwn(reply.disclaimer)));
    return withinLimits({ text: `${lead}I have no guidance on that.`, blocks });
  }
  const { entry } = reply;
  blocks.push(header(entry.title));
  const tail: KnownBlock[] = [];
  if (reply.sources.length > 0)
    tail.push(context(`*Sources:* ${reply.sources.map(formatSource).join("; ")}`));
  tail.push(context(escapeMrkdwn(reply.disclaimer)));
  if (reply.related.length > 0) tail.push(section("*Related:*"), ...openButtons(reply.related));
  if (reply.suggestions.length > 0)
    tail.push(section("*Or did you mean:*"), ...openButtons(reply.suggestions));
  const controls: Button[] = [];
  if (options.shareable) controls.push(button("Share in channel", ACTIONS.share, entry.id, "primary"));
  controls.push(
    button("👍 Helpful", ACTIONS.voteUp, entry.id),
    button("👎 Not helpful", ACTIONS.voteDown, entry.id),
  );
  tail.push({ type: "actions", block_id: "smg_controls", elements: controls });
  // The answer gives way first, so that sources, the disclaimer and the buttons always fit.
  const body = sections(toMrkdwn(entry.answer));
  const room = LIMITS.blocks - blocks.length - tail.length;
  if (body.length > room) {
    blocks.push(
      ...body.slice(0, Math.max(0, room - 1)),
      context("(Answer shortened to fit in one Slack message.)"),
    );
  } else {
    blocks.push(...body);
  }
  blocks.push(...tail);
  const text = `${lead}${entry.title}\n\n${entry.answer.trim()}\n\n${reply.disclaimer}`;
  return withinLimits({ text, blocks });
}

/** How to use the command. */
export function renderHelp(guide: Guide): SlackMessage {
  const lines = COMMANDS.map(
    (c) => `• \`/socialmedia-guidance ${c.name === "ask" ? "<question>" : c.usage}\`  ${c.description}`,
  );
  const examples = EXAMPLE_QUESTIONS.map((q) => `• \`/socialmedia-guidance ${q}\``);
  const blocks: KnownBlock[] = [
    section(`*Ask me how to use social media professionally as a doctor.*\n${lines.join("\n")}`),
    section(`*For example:*\n${examples.join("\n")}`),
    context(
      `I hold ${guide.knowledge.entries.length} sourced answers in ${guide.knowledge.topics.length} topics. Mention me in a channel or message me directly to ask there.`,
    ),
  ];
  return withinLimits({ text: "How to use /socialmedia-guidance", blocks });
}

/** The topics with their entries, each entry a button. */
export function renderTopics(listings: readonly TopicListing[]): SlackMessage {
  const blocks: KnownBlock[] = [header("Topics")];
  for (const l of listings) {
    blocks.push(
      ...sections(
        `*${escapeMrkdwn(l.topic.title)}*: ${escapeMrkdwn(l.topic.description)}\n${l.entries.map((e) => `• ${escapeMrkdwn(e.title)}`).join("\n")}`,
      ),
    );
  }
  blocks.push(context("Ask a question in your own words to read any of these."));
  return withinLimits({ text: listings.map((l) => l.topic.title).join(", "), blocks });
}

/** One tip: "Tip of the day" when scheduled, "Tip" when asked for. */
export function renderTip(guide: Guide, tip: Tip, heading = "Tip"): SlackMessage {
  const more = guide.entry(tip.entry);
  const blocks: KnownBlock[] = [
    header(heading),
    section(escapeMrkdwn(tip.text)),
    context(`*Source:* ${guide.sourcesOf(tip).map(formatSource).join("; ")}`),
    context(escapeMrkdwn(DISCLAIMER)),
  ];
  if (more) {
    blocks.push({
      type: "actions",
      block_id: "smg_tip",
      elements: [button(`Learn more: ${more.title}`, `${ACTIONS.open}_0`, more.id)],
    });
  }
  return withinLimits({ text: `${heading}: ${tip.text}`, blocks });
}

/** A problem the user should know about, in plain words. */
export function renderError(message: string): SlackMessage {
  return { text: message, blocks: [section(`:warning: ${escapeMrkdwn(message)}`)] };
}

/** "Title (Publisher, 2024)" for a source, linked to the publisher's page where there is one. */
export function formatSource(s: Source): string {
  const label = escapeMrkdwn(sourceLabel(s));
  return s.url ? `<${s.url}|${label.replace(/\|/g, "/")}>` : label;
}

function header(text: string): KnownBlock {
  return { type: "header", text: { type: "plain_text", text: clip(text, LIMITS.headerText), emoji: true } };
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: clip(text, LIMITS.sectionText) } };
}

function sections(text: string): KnownBlock[] {
  return splitText(text, LIMITS.sectionText).map(section);
}

function context(text: string): KnownBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(text, LIMITS.sectionText) }] };
}

function button(text: string, actionId: string, value: string, style?: "primary"): Button {
  return {
    type: "button",
    text: { type: "plain_text", text: clip(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function openButtons(links: readonly EntryLink[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < links.length; i += LIMITS.buttonsPerActions) {
    const chunk = links.slice(i, i + LIMITS.buttonsPerActions);
    out.push({
      type: "actions",
      elements: chunk.map((l, j) => button(l.title, `${ACTIONS.open}_${i + j}`, l.id)),
    });
  }
  return out;
}

/** Keeps a message inside Slack's limits: at most 50 blocks and a bounded fallback text. */
function withinLimits(message: SlackMessage): SlackMessage {
  let blocks = message.blocks;
  if (blocks.length > LIMITS.blocks) {
    blocks = [
      ...blocks.slice(0, LIMITS.blocks - 2),
      context("(Shortened to fit in one Slack message.)"),
      ...blocks.slice(-1),
    ];
  }
  return { text: clip(message.text, LIMITS.fallbackText), blocks };
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

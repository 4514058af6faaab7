import { describe, expect, it } from "vitest";
import { decodeAction } from "../adapters/teams/actions.js";
import { describeTeamsError } from "../adapters/teams/errors.js";
import { withoutMentions } from "../adapters/teams/listeners/message.js";
import { addressOf, placeOf } from "../adapters/teams/place.js";
import {
  ADAPTIVE_CARD,
  adaptiveCard,
  formatSource,
  inert,
  LIMITS,
  renderCard,
  resultPreview,
  TEAMS_HELP,
} from "../adapters/teams/render.js";
import { sdkLogText } from "../adapters/teams/sdk-log.js";
import {
  createGuide,
  errorCard,
  helpCard,
  loadKnowledge,
  noticeCard,
  replyCard,
  SAFETY_HEADING,
  type Source,
  topicsCard,
} from "../src/index.js";
import { answerWith, FIXTURE_DIR } from "./helpers.js";

const guide = createGuide(loadKnowledge(FIXTURE_DIR));

/** Every element of a card's body, flattened, as JSON text. */
const json = (value: unknown) => JSON.stringify(value);

describe("Teams rendering", () => {
  it("draws the safety net's link first, under its heading, as a destructive action", () => {
    const reply = answerWith(
      guide,
      {},
      { safety: { id: "patient-photos", title: "Posting photos of patients" } },
    );
    const text = json(adaptiveCard(replyCard(reply)));
    const heading = text.indexOf(JSON.stringify(SAFETY_HEADING));
    const button = text.indexOf('"title":"Posting photos of patients"');
    expect(heading).toBeGreaterThan(0);
    expect(button).toBeGreaterThan(heading);
    expect(text).toContain(
      '"title":"Posting photos of patients","data":{"smg":"open","entry":"patient-photos"},"style":"destructive"',
    );
  });

  it("draws an answer as an Adaptive Card: title, text, sources, related entries, votes, disclaimer", () => {
    const card = adaptiveCard(replyCard(answerWith(guide, {})));
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", msteams: { width: "full" } });
    const [title, body] = card.body;
    expect(title).toMatchObject({
      type: "TextBlock",
      text: "Friend requests from patients",
      style: "heading",
    });
    expect(body).toMatchObject({ type: "TextBlock", text: expect.stringContaining("Decline politely") });
    expect(json(card)).toContain('"**Sources:**\\n- Document A (Publisher A, 2020)"');
    expect(json(card)).toContain(
      '{"type":"Action.Submit","title":"Posting photos of patients","data":{"smg":"open","entry":"patient-photos"}}',
    );
    expect(json(card)).toContain('"data":{"smg":"vote","vote":"down","entry":"friend-requests"}');
    expect(card.body.at(-1)).toMatchObject({
      isSubtle: true,
      text: expect.stringContaining("not legal advice"),
    });
  });

  it("links a source to its publisher's page, keeping the Markdown link whole", () => {
    const source = { label: "Guide [draft] (BMA)", url: "https://example.org/a_(b)" };
    expect(formatSource(source)).toBe("[Guide (draft) (BMA)](https://example.org/a_%28b%29)");
    expect(formatSource({ label: "No link" })).toBe("No link");
  });

  it("sends notices and errors as plain messages with nothing that can become a tag or a mention", () => {
    expect(renderCard(noticeCard("Use <at>Team</at> & co"))).toEqual({
      type: "message",
      text: "Use &lt;at&gt;Team&lt;/at&gt; &amp; co",
    });
    expect(renderCard(errorCard("Try again."))).toEqual({ type: "message", text: "⚠️ Try again." });
  });

  it("makes an <at> tag in card text inert, in any case, and leaves other text alone", () => {
    expect(inert("Hi <at>Bob</at> and <AT id='1'>x</ At >")).toBe(
      "Hi ＜at>Bob＜/at> and ＜AT id='1'>x＜/ At >",
    );
    expect(inert("<attachment> a<b")).toBe("<attachment> a<b");
    const card = adaptiveCard(
      replyCard(answerWith(guide, { answer: "Ask <at>Everyone</at>.", title: "<at>T</at>" })),
    );
    expect(json(card)).not.toMatch(/<\/?at>/i);
  });

  it("attaches the card with a plain summary for notifications", () => {
    const message = renderCard(replyCard(answerWith(guide, { answer: "x".repeat(500) })));
    expect(message.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD);
    expect(Array.from(message.summary ?? "").length).toBeLessThanOrEqual(LIMITS.summary);
  });

  it("fits a very long answer into one Teams message, keeping the buttons and the disclaimer", () => {
    const sources: Source[] = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      title: `Source ${i} ${"t".repeat(80)}`,
      publisher: "P",
      status: "current",
      url: `https://example.org/${i}`,
    }));
    const card = adaptiveCard(replyCard(answerWith(guide, { answer: "word ".repeat(8_000) }, { sources })));
    expect(Buffer.byteLength(json(card))).toBeLessThanOrEqual(LIMITS.cardBytes);
    expect(json(card)).toContain("Shortened to fit in one Teams message");
    expect(json(card)).toContain('"smg":"vote"');
    expect(card.body.at(-1)).toMatchObject({ text: expect.stringContaining("not legal advice") });
  });

  it("cuts a long entry title on its button at a word, not mid-word", () => {
    const title = "A patient wants to record (or secretly recorded) a consultation";
    const card = json(
      adaptiveCard(replyCard(answerWith(guide, {}, { related: [{ id: "friend-requests", title }] }))),
    );
    expect(card).toContain('"title":"A patient wants to record (or secretly recorded) a…"');
  });

  it("drops the last lists first when a list card is too long", () => {
    const listing = guide.topics()[0];
    if (!listing) throw new Error("the fixture has no topics");
    const entries = Array.from({ length: 60 }, (_, i) => ({
      ...listing.entries[0],
      title: `Entry ${i} ${"e".repeat(90)}`,
    }));
    const many = Array.from({ length: 8 }, (_, i) => ({
      topic: { ...listing.topic, title: `Topic ${i}` },
      entries: entries as typeof listing.entries,
    }));
    const card = adaptiveCard(topicsCard(many));
    expect(Buffer.byteLength(json(card))).toBeLessThanOrEqual(LIMITS.cardBytes);
    expect(json(card.body)).toContain("**Topic 0**");
    expect(json(card.body)).not.toContain("**Topic 7**");
    expect(json(card.body)).toContain("Shortened to fit in one Teams message");
  });

  it("names the commands as they are typed to the bot in Teams", () => {
    const help = json(adaptiveCard(helpCard(guide, TEAMS_HELP)));
    expect(help).toContain(
      "tips on [HH:MM] [time zone] | tips off | tips status (team owners, in a channel)",
    );
    expect(help).toContain("mention me first");
  });

  it("shows a message-extension result by its title and question, inserting the entry when tapped", () => {
    const result = resultPreview(
      { entryId: "friend-requests", title: "Friend <at>requests</at>" },
      "A question?",
    );
    expect(result.preview).toEqual({
      contentType: "application/vnd.microsoft.card.thumbnail",
      content: {
        title: "Friend ＜at>requests＜/at>",
        text: "A question?",
        tap: { type: "invoke", value: { smg: "pick", entry: "friend-requests" } },
      },
    });
  });
});

describe("Teams actions and activities", () => {
  it("reads our buttons' data and nothing else", () => {
    expect(decodeAction({ smg: "open", entry: "a" })).toEqual({ kind: "open", entryId: "a" });
    expect(decodeAction({ smg: "vote", vote: "down", entry: "a" })).toEqual({
      kind: "vote",
      entryId: "a",
      vote: "down",
    });
    expect(decodeAction({ smg: "pick", entry: "a" })).toEqual({ kind: "share", entryId: "a" });
    for (const foreign of [
      undefined,
      "open",
      { entry: "a" },
      { smg: "vote", vote: "maybe", entry: "a" },
      { smg: "open", entry: "x".repeat(101) },
      { smg: "delete", entry: "a" },
    ])
      expect(decodeAction(foreign)).toBeUndefined();
  });

  it("reads a message without its mentions and with Teams' entities decoded", () => {
    expect(withoutMentions("<at>socialmedia-guidance</at>&nbsp;can I post &amp; share?")).toBe(
      "can I post & share?",
    );
    expect(withoutMentions('<at id="0">Bot</at> tips on <at>Other Person</at> 09:00')).toBe(
      "tips on   09:00",
    );
    // unclosed mentions, as many as a message holds, are read in one pass, their tags as markup
    const unclosed = "<at>x ".repeat(50_000);
    expect(withoutMentions(`${unclosed}<at>Bot</at> hi`)).toBe(`${" x ".repeat(50_000)}  hi`.trim());
    expect(withoutMentions(`${"<p ".repeat(50_000)}hi`)).toBe(`${"<p ".repeat(50_000)}hi`);
    // formatted or pasted rich text comes as HTML: read without its tags; a typed "<" comes escaped
    expect(withoutMentions("<p>tips on 08:30 Europe/London</p>").trim()).toBe("tips on 08:30 Europe/London");
    expect(
      withoutMentions(
        '<div><span style="font-size:14px">Can I <strong>accept</strong>&#160;a friend request?</span></div><img alt="😀" src="https://x.example/e.png">',
      ).split(/\s+/),
    ).toEqual(["Can", "I", "accept", "a", "friend", "request?"]);
    expect(withoutMentions("is &lt;p&gt; a tag?")).toBe("is <p> a tag?");
  });

  it("places an activity: a channel by its own id, a chat by its conversation", () => {
    const base = { serviceUrl: "https://smba.trafficmanager.net/emea/" };
    const channel = {
      ...base,
      conversation: { id: "19:c@thread.tacv2;messageid=42", conversationType: "channel" as const },
      channelData: {
        team: { id: "19:t@thread.tacv2", aadGroupId: "g" },
        channel: { id: "19:c@thread.tacv2" },
        tenant: { id: "t1" },
      },
    };
    expect(placeOf(channel)).toEqual({
      kind: "channel",
      channelId: "19:c@thread.tacv2",
      teamId: "19:t@thread.tacv2",
      teamGroupId: "g",
      tenantId: "t1",
    });
    expect(addressOf(channel)).toEqual({
      serviceUrl: base.serviceUrl,
      conversationId: "19:c@thread.tacv2",
      tenantId: "t1",
    });
    const chat = { ...base, conversation: { id: "19:g@thread.v2", conversationType: "groupChat" as const } };
    expect(placeOf(chat)).toEqual({ kind: "groupChat", channelId: "19:g@thread.v2" });
    expect(addressOf(chat)).toBeUndefined();
  });
});

describe("Teams errors and logs", () => {
  it("reads the SDK's errors into short codes, with a 429's wait", () => {
    expect(describeTeamsError({ response: { status: 429, headers: { "retry-after": "12" } } })).toEqual({
      code: "http_429",
      retryAfter: 12,
    });
    expect(describeTeamsError({ response: { status: 429, headers: {} } })).toEqual({
      code: "http_429",
      retryAfter: 30,
    });
    expect(describeTeamsError({ statusCode: 403, name: "GraphError" })).toEqual({ code: "http_403" });
    expect(describeTeamsError({ code: "ERR_NETWORK", cause: { code: "ECONNREFUSED" } })).toEqual({
      code: "unreachable:ECONNREFUSED",
    });
    expect(
      describeTeamsError({ code: "ERR_CANCELED", cause: new DOMException("late", "TimeoutError") }),
    ).toEqual({ code: "timeout" });
    expect(describeTeamsError(undefined)).toEqual({ code: "unknown_error" });
  });

  it("keeps only words and error messages from the SDK's log lines, with tokens blanked", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln";
    const text = sdkLogText([
      "call failed",
      new Error(`Bearer ${jwt} refused`),
      { text: "patient Alvarez" },
      jwt,
    ]);
    expect(text).toBe("call failed Bearer [secret] refused [secret]");
  });
});

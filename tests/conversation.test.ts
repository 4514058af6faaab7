import { describe, expect, it } from "vitest";
import { findIdentifiers } from "../src/guard/identifiers.js";
import { Conversation, posting, RateLimits, readRequest, SAME_SHARE_MS, UsageRecords } from "../src/index.js";
import { normalise, visibleText } from "../src/search/normalise.js";
import { conversationFixture } from "./conversation-fixture.js";
import { capturedLogger, tempStorage } from "./helpers.js";

const { guide, logger, help, here } = conversationFixture();

describe("the conversation", () => {
  it("reads typed text as requests: commands, typed tips settings, and anything else as a question", () => {
    expect(readRequest("")).toEqual({ kind: "help" });
    expect(readRequest("topics")).toEqual({ kind: "topics" });
    expect(readRequest("tips on 08:30 Europe/London weekdays")).toEqual({
      kind: "tips",
      change: { action: "on", time: "08:30", timeZone: "Europe/London", weekdaysOnly: true },
    });
    expect(readRequest("tips off now")).toEqual({ kind: "tips", change: { action: "unclear", word: "now" } });
    // a zone of words in a row, as Discord's field takes it; a word after something else is unclear
    expect(readRequest("tips on New York 9am")).toEqual({
      kind: "tips",
      change: { action: "on", time: "9am", timeZone: "New York" },
    });
    expect(readRequest("tips on 08:30 GMT +1")).toEqual({
      kind: "tips",
      change: { action: "on", time: "08:30", timeZone: "GMT +1" },
    });
    expect(readRequest("tips on 9 UTC weekdays extra")).toEqual({
      kind: "tips",
      change: { action: "unclear", word: "extra" },
    });
    // as people type them: a verb they reach for, "at", a trailing comma, mon-fri, a time without a colon
    expect(readRequest("tips stop")).toEqual({ kind: "tips", change: { action: "off" } });
    expect(readRequest("tips enable")).toEqual({ kind: "tips", change: { action: "on" } });
    expect(readRequest("tips on at 08:30 Europe/London, mon-fri")).toEqual({
      kind: "tips",
      change: { action: "on", time: "08:30", timeZone: "Europe/London", weekdaysOnly: true },
    });
    expect(readRequest("tips on 8:30:00")).toEqual({
      kind: "tips",
      change: { action: "on", time: "8:30:00" },
    });
    expect(readRequest("tips stop posting about patients?").kind).toBe("ask");
    // end punctuation never turns a tip on: "tips status?" once reset the schedule and announced it
    expect(readRequest("tips status?")).toEqual({ kind: "tips", change: { action: "status" } });
    expect(readRequest("tips off.")).toEqual({ kind: "tips", change: { action: "off" } });
    expect(readRequest("tips start 08:30")).toEqual({
      kind: "tips",
      change: { action: "on", time: "08:30" },
    });
    expect(readRequest("tips on midnight Europe/London.")).toEqual({
      kind: "tips",
      change: { action: "on", time: "midnight", timeZone: "Europe/London" },
    });
    expect(readRequest("topics about privacy")).toEqual({ kind: "ask", question: "topics about privacy" });
    expect(readRequest("Hi!")).toEqual({ kind: "small-talk", said: "hello" });
    expect(readRequest("thanks")).toEqual({ kind: "small-talk", said: "thanks" });
    expect(readRequest("?")).toEqual({ kind: "help" });
    expect(readRequest("hi, can I accept a friend request from a patient?").kind).toBe("ask");
  });

  it("reads a message with no word to look up as a call for help, not as a question", () => {
    // what is left of a mention that notified the channel, or a pasted link, holds nothing to answer
    for (const typed of [
      "<!channel>",
      "<!here> <@U123>",
      "@channel",
      "@here @everyone",
      "https://x.com/a/status/1",
    ])
      expect(readRequest(typed)).toEqual({ kind: "help" });
    // the words around them are still the question, and an address is no ping
    expect(readRequest("@channel can I post a ward selfie?")).toEqual({
      kind: "ask",
      question: "@channel can I post a ward selfie?",
    });
    expect(normalise("email me at nurse@here.org or @all_staff")).toBe(
      "email me at nurse here org or all staff",
    );
    expect(normalise("@all-staff rota")).toBe("all staff rota");
    // and to the guard they are no one's handle, so the question is kept and answered in the channel
    for (const ping of ["@here", "@everyone", "@channel", "@all"])
      expect(findIdentifiers(`${ping} can I post a ward selfie?`), ping).toEqual([]);
  });

  it("answers questions about the bot itself with what it is and what it keeps, on every path", async () => {
    for (const q of [
      "are you ChatGPT?",
      "Are you a real person",
      "who made you?",
      "hey, is this bot using AI?",
      "do you use chatgpt",
      "how do you work",
      "do you keep my questions?",
      "what do you do with my data",
      "Do you store what I type?",
      "what happens to my data",
      "is this conversation private?",
      "Can my employer see what I ask you?",
      "who made you and do you keep my questions?",
    ])
      expect(readRequest(q), q).toEqual({ kind: "about" });
    for (const q of [
      "are you allowed to accept a patient's friend request?",
      "can I use ChatGPT to write a discharge letter?",
      "is the hospital app using AI on patient photos?",
      "are you a bot? can I accept a friend request from a patient who I treated last year?",
      "who made you delete the post?",
      "can my employer see what I post on facebook?",
      "can my employer read my messages?",
      "can my employer see what I write?",
      "what happens to the data",
      "who made you delete the post and do you keep it?",
    ])
      expect(readRequest(q).kind, q).toBe("ask");
    const conversation = new Conversation({ guide, logger, help });
    // Discord's question field arrives as an "ask" request, not through readRequest
    for (const request of [
      { kind: "about" } as const,
      { kind: "ask", question: "Are you ChatGPT?" } as const,
    ]) {
      const { card } = await conversation.handle(request, here);
      expect(card.title).toBe("About this bot");
      expect(card.body).toMatch(/not an AI chatbot.*3 answers/s);
      expect(card.lists[0]?.items.map((i) => i.title).join(" ")).toMatch(
        /name a patient.*none of it is kept/,
      );
    }
    // it says how help is typed where it was asked: a slash command on the platforms
    const slashed = { ...help, commandLine: (c: { usage: string }) => `/socialmedia-guidance ${c.usage}` };
    const { card } = await conversation.handle({ kind: "about" }, { ...here, help: slashed });
    expect(card.footer).toBe("Type /socialmedia-guidance help to see what I can do.");
  });

  it("reads a word pasted with soft hyphens in it (from a PDF or a web page) as the word", () => {
    const plain = guide.ask("can I accept a friend request from a patient?");
    const pasted = guide.ask("can I ac\u00adcept a friend re\u00adquest from a pa\u00adtient?");
    expect(pasted.kind).toBe("answer");
    expect(pasted).toMatchObject({ kind: plain.kind, confidence: plain.confidence });
  });

  it("reads a question copied with a terminal's colours as the words it shows", () => {
    // an unended link takes only its own ESC ], and a key's ESC O its letter, never the words after
    expect(visibleText("can I \x1b]post a photo on instagram")).toBe("can I post a photo on instagram");
    expect(visibleText("key\x1bOAup")).toBe("keyup");
    const plain = guide.ask("can I accept a friend request from a patient?");
    const coloured = guide.ask(
      "can I \x1b[31maccept\x1b[0m a friend request from a \x1b]8;;https://x.org\x07patient\x1b]8;;\x07?",
    );
    expect(coloured.question).toBe(plain.question);
    expect(coloured.kind === "answer" && plain.kind === "answer" && coloured.confidence).toBe(
      plain.kind === "answer" && plain.confidence,
    );
  });

  it("reads invisible characters alone as an empty request on every path, and never echoes them", async () => {
    expect(readRequest("\u200b\u200f ")).toEqual({ kind: "help" });
    const conversation = new Conversation({ guide, logger, help });
    const { card } = await conversation.handle({ kind: "ask", question: "\u200b\u2067\ufeff" }, here);
    expect(card.title).toBe((await conversation.handle({ kind: "help" }, here)).card.title);
    // one inside a name or an address does not hide it from the guard
    expect(guide.ask("my patient Ol\u200bivia Sm\u200bith added me on Facebook").flags).toEqual([
      "patient-identifiers",
    ]);
    expect(guide.ask("can I email jane.doe@\u200bexample.com about her results").flags).toEqual([
      "patient-identifiers",
    ]);
    // nor do a soft hyphen or a joiner inside a name, full-width or Arabic-Indic digits, a full-width @
    for (const hidden of [
      "my patient Oli\u00advia Sm\u00adith added me on Facebook",
      "my patient Oli\u200cvia Smi\u034fth added me on Facebook",
      "she rang from \uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13, can I text her back?",
      "her MRN is \u0660\u0660\u0664\u0668\u0662\u0669\u0661\u0663, can I post about her?",
      "can I email jane.doe\uff20example.com about her results",
    ])
      expect(guide.ask(hidden).flags, hidden).toEqual(["patient-identifiers"]);
    // and what is kept of one is redacted in its folded form
    const storage = tempStorage();
    const phone = "\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13";
    await storage.feedback.recordCandidate("friend-requests", `may I text back ${phone}`, 1);
    // an ordinary question is kept as typed, joiners and all: folded only where that finds details
    await storage.feedback.recordCandidate(
      "friend-requests",
      "may i use the \u{1f469}\u200d\u2695\ufe0f emoji…",
      2,
    );
    expect((await storage.feedback.candidates()).map((c) => c.question)).toEqual([
      "may i use the \u{1f469}\u200d\u2695\ufe0f emoji…",
      "may i text back [phone]",
    ]);
    // a zero-width space still parts two words
    const reply = guide.ask("\u202eshould I accept a friend\u200brequest from a\u2060 patient");
    expect(reply.question).toBe("should I accept a friend request from a patient");
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
  });

  it("words help once, naming commands as the platform types them", async () => {
    const { card } = await new Conversation({ guide, logger, help }).handle({ kind: "help" }, here);
    expect(card.lists[0]?.items.map((i) => i.title)).toContain("/x topics");
    expect(card.footer).toBe("I hold 3 sourced answers in 2 topics. A note.");
  });

  it("answers a question privately with share and votes, and publicly where the place replies publicly", async () => {
    const c = new Conversation({ guide, logger, help });
    const mine = await c.handle(
      { kind: "ask", question: "should I accept a friend request from a patient" },
      here,
    );
    expect(mine).toMatchObject({
      visibility: "private",
      card: { kind: "answer", shareable: true, votable: true },
    });
    const thread = await c.handle(
      { kind: "ask", question: "should I accept a friend request from a patient" },
      { ...here, visibility: "public", canShare: false },
    );
    expect(thread).toMatchObject({ visibility: "public", card: { kind: "answer", shareable: false } });
  });

  it("keeps a reply to a question with patient details private, even where replies are public", async () => {
    const outcome = await new Conversation({ guide, logger, help }).handle(
      { kind: "ask", question: "my patient John Smith, born 12/03/1980, sent me a friend request" },
      { ...here, visibility: "public" },
    );
    expect(outcome.visibility).toBe("private");
    expect(outcome.card.warning).toBeTruthy();
  });

  it("shares in public saying who shared it, within the channel's limit", async () => {
    const limits = new RateLimits({ questionsPerMinute: 10, sharesPerHour: 1, logger });
    const c = new Conversation({ guide, logger, help, limits });
    const shared = await c.handle({ kind: "share", entryId: "friend-requests" }, here);
    expect(shared).toMatchObject({ visibility: "public", card: { sharedBy: "U1", shareable: false } });
    const again = await c.handle({ kind: "share", entryId: "friend-requests" }, here);
    expect(again).toMatchObject({ visibility: "private", card: { kind: "error" } });
    const gone = await c.handle({ kind: "open", entryId: "no-such-entry" }, here);
    expect(gone.card).toMatchObject({ kind: "error", body: "That answer is no longer available." });
  });

  it("does not post the same answer into a channel twice within minutes, however often share is pressed", async () => {
    let now = Date.parse("2026-11-30T09:00:00Z");
    const limits = new RateLimits({ questionsPerMinute: 10, sharesPerHour: 10, logger, now: () => now });
    const c = new Conversation({ guide, logger, help, limits });
    const share = { kind: "share", entryId: "friend-requests" } as const;
    expect(await c.handle(share, here)).toMatchObject({ visibility: "public", card: { sharedBy: "U1" } });
    const twice = await c.handle(share, { ...here, userId: "U2" });
    expect(twice).toMatchObject({ visibility: "private", card: { kind: "error" } });
    expect(twice.card.body).toMatch(/shared in this channel less than 10 minutes ago/);
    expect(await c.handle(share, { ...here, channelId: "C9" })).toMatchObject({ visibility: "public" });
    expect(await c.handle({ kind: "share", entryId: "patient-photos" }, here)).toMatchObject({
      visibility: "public",
    });
    now += SAME_SHARE_MS;
    expect(await c.handle(share, here)).toMatchObject({ visibility: "public" });
    // put into a message its sharer sends (Teams): taken out unsent is never reported, so it may come again
    const inserted = { ...share, inserted: true } as const;
    expect(await c.handle(inserted, here)).toMatchObject({ visibility: "public" });
  });

  /** A conversation whose channel may share `perHour` answers an hour, with its log. */
  const sharing = (perHour: number) => {
    const { logger: captured, lines } = capturedLogger();
    const limits = new RateLimits({ questionsPerMinute: 10, sharesPerHour: perHour, logger: captured });
    return { c: new Conversation({ guide, logger: captured, help, limits }), lines };
  };
  const share = { kind: "share", entryId: "friend-requests" } as const;

  it("counts a share against the channel's limit only once it is posted, and logs it as shared only then", async () => {
    const { c, lines } = sharing(1);
    const unposted = await c.handle(share, here);
    await expect(posting(unposted, () => Promise.reject(new Error("channel_not_found")))).rejects.toThrow();
    expect(lines.filter((l) => l.includes('"msg":"shared"'))).toEqual([]);
    expect(lines.join("\n")).toContain('"msg":"share not posted; it does not count"');
    const posted = await c.handle(share, here);
    expect(posted).toMatchObject({ visibility: "public", card: { sharedBy: "U1" } });
    expect(await posting(posted, async () => "ok")).toBe("ok");
    expect(lines.filter((l) => l.includes('"msg":"shared"'))).toHaveLength(1);
    expect(await c.handle(share, here)).toMatchObject({ visibility: "private", card: { kind: "error" } });
  });

  it("counts a share whose post ran out of time: it may be in the channel, and is not posted twice", async () => {
    const { c, lines } = sharing(5);
    const slow = await c.handle(share, here);
    const timedOut = new DOMException("the call timed out", "TimeoutError");
    await expect(posting(slow, () => Promise.reject(timedOut))).rejects.toThrow();
    expect(lines.join("\n")).toContain('"msg":"share may have been posted; it counts"');
    const again = await c.handle(share, here);
    expect(again).toMatchObject({ visibility: "private" });
    expect(again.card.body).toMatch(/shared in this channel less than 10 minutes ago/);
  });

  it("records a vote once per person in a real store", async () => {
    const { feedback } = tempStorage();
    const records = new UsageRecords({ feedback, logger });
    const c = new Conversation({ guide, logger, help, records });
    const vote = { kind: "vote", entryId: "friend-requests", vote: "up" } as const;
    expect((await c.handle(vote, here)).card.body).toBe("Thanks, your vote is recorded.");
    expect((await c.handle(vote, here)).card.body).toBe("You have already voted on this answer. Thanks!");
  });
});

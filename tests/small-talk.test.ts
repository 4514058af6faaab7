import { describe, expect, it } from "vitest";
import {
  Conversation,
  createGuide,
  createLogger,
  type HelpStyle,
  loadKnowledge,
  type Requester,
  readRequest,
} from "../src/index.js";
import { FIXTURE_DIR } from "./helpers.js";

// What people say to a chat bot besides questions: thanks, "ok", "what can you do?", and the follow-ups
// of a conversation that the bot, reading each message on its own, cannot place.

const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const help: HelpStyle = { commandLine: (c) => `/x ${c.name}`, note: "A note." };
const here: Requester = {
  platform: "discord",
  userId: "U1",
  channelId: "C1",
  visibility: "private",
  canShare: true,
};
const conversation = new Conversation({ guide, logger: createLogger("silent"), help });

describe("small talk", () => {
  it("reads thanks however it is put, and an acknowledgement, as said to the bot", () => {
    for (const q of [
      "thank u",
      "many thanks",
      "thanks for your help",
      "ok thanks",
      "thanks, that's really helpful!",
    ])
      expect(readRequest(q), q).toEqual({ kind: "small-talk", said: "thanks" });
    for (const q of ["ok", "got it", "Makes sense."])
      expect(readRequest(q), q).toEqual({ kind: "small-talk", said: "ok" });
    expect(readRequest("thanks to a colleague's post I'm in trouble with my manager").kind).toBe("ask");
  });

  it("reads a farewell as said to the bot, not as a question (goodbye is also a warning sign's word)", async () => {
    for (const q of ["goodbye", "Bye bye!", "thanks, bye", "ok bye then", "see you later", "good night"])
      expect(readRequest(q), q).toEqual({ kind: "small-talk", said: "bye" });
    expect(readRequest("a patient posted goodbye everyone on her story").kind).toBe("ask");
    const { card } = await conversation.handle(readRequest("goodbye"), here);
    expect(card.body).toBe("Goodbye. Ask again any time.");
  });

  it("reads a short message with a long run of spaces at once (a regex took cubic time: 13 s at 4,000)", () => {
    for (const space of [" ", "\n", "\u00a0", "\u200b"])
      expect(readRequest(`can you${space.repeat(4_000)}help?`).kind).toBe("ask");
  });

  it("reads a command word with end punctuation as the command", () => {
    expect(readRequest("HELP!")).toEqual({ kind: "help" });
    expect(readRequest("Topics?")).toEqual({ kind: "topics" });
    expect(readRequest("tip.")).toEqual({ kind: "tip" });
    expect(readRequest("tips?")).toEqual({ kind: "tips", change: { action: "status" } });
    // followed by more, it is a question
    expect(readRequest("Tips? On Instagram, what should nurses avoid posting?").kind).toBe("ask");
    expect(readRequest("Tips. Status updates about patients: allowed?").kind).toBe("ask");
    expect(readRequest("tips off-duty posting?").kind).toBe("ask");
  });

  it("answers 'what can you do?' with help, and questions about its sources and privacy with what it is", () => {
    for (const q of ["what can you do?", "what can I ask you", "help me"])
      expect(readRequest(q), q).toEqual({ kind: "help" });
    for (const q of [
      "is this AI?",
      "is this confidential",
      "where do your answers come from?",
      "what are your sources",
      "how up to date is your guidance?",
    ])
      expect(readRequest(q), q).toEqual({ kind: "about" });
    expect(readRequest("help me answer a patient who messaged me on Instagram").kind).toBe("ask");
  });

  it("says how to ask when a message only follows on from a reply: why, tell me more, yes, a number", async () => {
    for (const q of [
      "why?",
      "tell me more",
      "yes",
      "2",
      "the second one",
      "source?",
      "and for nurses?",
      "what about in Australia?",
    ])
      expect(readRequest(q), q).toEqual({ kind: "small-talk", said: "follow-up" });
    for (const q of ["what about dating apps?", "why do doctors use Twitter?", "no guidance on TikTok?"])
      expect(readRequest(q).kind, q).toBe("ask");
    const { card } = await conversation.handle(readRequest("why?"), here);
    expect(card.kind).toBe("notice");
    expect(card.body).toMatch(/each message on its own/);
  });

  it("reads what is typed into a platform's own question field the same way (Discord's ask)", async () => {
    const said = async (question: string) =>
      (await conversation.handle({ kind: "ask", question }, here)).card;
    expect((await said("hi")).body).toMatch(/^Hello/);
    expect((await said("thanks so much")).body).toMatch(/welcome/);
    expect((await said("tell me more")).body).toMatch(/each message on its own/);
    expect((await said("what can you do")).title).toBe(
      (await conversation.handle({ kind: "help" }, here)).card.title,
    );
    expect((await said("topics")).title).toBe("Topics");
    // a question that starts with a command's word is still a question
    expect((await said("tips for writing a professional bio")).kind).not.toBe("notice");
  });
});

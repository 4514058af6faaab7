import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { fixtureCopy } from "./helpers.js";

// A question that is word for word one of an entry's phrasings (one a moderator wrote, or accepted from
// use with learn) is answered with that entry, even where its story's words rank another entry first.

const STORY =
  "I'm on nights all week and a patient's relative asked on Facebook when I'm next in. Should I tell them?";

const guide = createGuide(
  loadKnowledge(
    fixtureCopy({
      "entries/rota.yaml": `- id: rota-posts
  title: Posting your rota
  topic: privacy
  questions:
    - "${STORY}"
    - Is it safe to post my rota online?
  answer: Keep shift details private.
  sources: [doc-a]
`,
    }),
  ),
);

describe("a question that is one of an entry's phrasings", () => {
  it("is answered with that entry, however unsure the confidence model is of the words", () => {
    // ranked by its words alone it was declined, friend-requests offered first
    const reply = guide.ask(STORY);
    expect(reply.kind).toBe("answer");
    if (reply.kind === "answer") expect(reply.entry.id).toBe("rota-posts");
    // as normalise reads it: case, punctuation and spacing aside
    const loose = guide.ask(`  ${STORY.toLowerCase().replace(/[.?]/g, "")}  `);
    expect(loose.kind === "answer" && loose.entry.id).toBe("rota-posts");
  });

  it("is only that: a question with one more word is ranked as any other", () => {
    const reply = guide.ask(`${STORY} Thanks`);
    expect(reply.kind === "answer" && reply.entry.id === "rota-posts" && reply.confidence < 0.5).toBe(false);
  });
});

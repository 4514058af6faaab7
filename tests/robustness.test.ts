import { describe, expect, it } from "vitest";
import { renderCard as renderDiscord } from "../adapters/discord/render.js";
import { renderCard as renderSlack } from "../adapters/slack/render.js";
import { findIdentifiers, IDENTIFIER_LABELS, redact } from "../src/guard/identifiers.js";
import { createGuide, loadKnowledge, replyCard } from "../src/index.js";
import { seededRandom } from "../src/random.js";
import { FIXTURE_DIR } from "./helpers.js";

const guide = createGuide(loadKnowledge(FIXTURE_DIR));

const PIECES = [
  "patient",
  "friend request",
  "facebook",
  " ",
  "\n",
  "\t",
  "\u0000",
  "\u202e",
  "🙂",
  "👩🏽‍⚕️",
  "<!channel>",
  "<@U1>",
  "<b>",
  "</script>",
  "'; DROP TABLE",
  "%s",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a user may type this literally
  "${x}",
  "07700 900123",
  "a@b.co",
  "12/03/2024",
  "Mr Smith",
  "é",
  "ß",
  "患者",
  "مريض",
  "x".repeat(50),
  "1".repeat(30),
  "@",
  ".",
  "/",
  "\\",
  "**",
  "__",
  "[a](http://x)",
  "https://",
];

const LABELS = new RegExp(`\\[(${Object.keys(IDENTIFIER_LABELS).join("|")})\\]`, "g");

describe("nothing a user sends can break the core or the renderers", () => {
  it("handles 300 random messages: a reply in range, within each platform's limits, nothing identifying echoed", () => {
    const random = seededRandom(20261125);
    for (let i = 0; i < 300; i++) {
      const parts: string[] = [];
      const n = Math.floor(random() * 200);
      for (let j = 0; j < n; j++) parts.push(PIECES[Math.floor(random() * PIECES.length)] ?? "");
      const text = parts.join(random() < 0.5 ? " " : "");
      const reply = guide.ask(text);
      expect(reply.confidence, text).toBeGreaterThanOrEqual(0);
      expect(reply.confidence, text).toBeLessThanOrEqual(1);
      if (reply.flags.length > 0) expect(reply.question).toBe("");
      expect(renderSlack(replyCard(reply)).blocks.length).toBeLessThanOrEqual(50);
      expect(renderDiscord(replyCard(reply)).embeds.length).toBeGreaterThan(0);
      // every finding is replaced by its label, in order, and nothing else is
      const findings = findIdentifiers(text);
      expect(redact(text, findings).match(LABELS) ?? [], text).toEqual(findings.map((f) => `[${f.kind}]`));
      expect(() => guide.complete(text)).not.toThrow();
    }
  });
});

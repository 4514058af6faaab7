import { ButtonStyle } from "discord.js";
import { describe, expect, it } from "vitest";
import { DISCORD_HELP, type DiscordMessage, LIMITS, renderCard } from "../adapters/discord/render.js";
import {
  createGuide,
  errorCard,
  helpCard,
  loadKnowledge,
  type Reply,
  replyCard,
  SAFETY_HEADING,
  type Source,
  tipCard,
  topicsCard,
} from "../src/index.js";
import { answerWith, FIXTURE_DIR } from "./helpers.js";

const guide = createGuide(loadKnowledge(FIXTURE_DIR));

function checkLimits(m: DiscordMessage) {
  expect(m.allowedMentions).toEqual({ parse: [] });
  expect(m.components.length).toBeLessThanOrEqual(LIMITS.rows);
  const customIds = m.components.flatMap((r) =>
    r.components.map((c) => ("custom_id" in c ? c.custom_id : "")),
  );
  expect(new Set(customIds).size).toBe(customIds.length);
  for (const row of m.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const c of row.components) {
      if ("label" in c && c.label) expect(c.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if ("custom_id" in c) expect(c.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
    }
  }
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    const total =
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
}

describe("Discord rendering", () => {
  it("says under an answer what its two kinds of button are, by colour", () => {
    const reply = answerWith(
      guide,
      {},
      {
        suggestions: [{ id: "patient-photos", title: "Posting photos of patients", score: 0.5 }],
        related: [{ id: "colleague-networking", title: "Networking with colleagues" }],
      },
    );
    const m = renderCard(replyCard(reply));
    checkLimits(m);
    expect(m.embeds[0]?.fields?.at(-1)).toEqual({
      name: "Buttons below",
      value: "**Or did you mean**: blue · **Related**: grey, above 👍 👎",
    });
    // only the kind there is; none where there are no buttons
    const related = renderCard(replyCard(answerWith(guide, {}, { suggestions: [] })));
    expect(related.embeds[0]?.fields?.at(-1)?.value).toBe("**Related**: grey, above 👍 👎");
    const bare = renderCard(replyCard(answerWith(guide, {}, { suggestions: [], related: [] })));
    expect(bare.embeds[0]?.fields?.some((f) => f.name === "Buttons below")).toBe(false);
    // without the vote buttons (grey too, after the related ones), no need to tell them apart; a tip's
    // one button needs no legend
    const unvoted = renderCard({ ...replyCard(answerWith(guide, {}, { suggestions: [] })), votable: false });
    expect(unvoted.embeds[0]?.fields?.at(-1)?.value).toBe("**Related**: grey");
    const tip = guide.tips()[0];
    if (!tip) throw new Error("the fixture has no tip");
    const tipped = renderCard(tipCard(guide, tip));
    expect(tipped.embeds[0]?.fields?.some((f) => f.name === "Buttons below")).toBe(false);
  });

  it("draws the safety net's link red, first, and names its colour", () => {
    const reply = answerWith(
      guide,
      {},
      {
        suggestions: [{ id: "patient-photos", title: "Posting photos of patients", score: 0.5 }],
        related: [],
        safety: { id: "colleague-networking", title: "Networking with colleagues" },
      },
    );
    const m = renderCard(replyCard(reply));
    checkLimits(m);
    const first = m.components[0]?.components[0];
    expect(first && "style" in first && first.style).toBe(ButtonStyle.Danger);
    expect(m.embeds[0]?.fields?.at(-1)?.value).toBe(
      `**${SAFETY_HEADING.replace(/:$/, "")}**: red · **Or did you mean**: blue`,
    );
  });

  it("titles an ask-back and an unsure decline without repeating or contradicting their text", () => {
    const asked = (clarify: boolean): Reply => ({
      kind: "no-answer",
      question: "",
      truncated: false,
      disclaimer: "",
      flags: [],
      clarify,
      confidence: 0.4,
      suggestions: [
        { id: "friend-requests", title: "Friend requests from patients", score: 0.4 },
        { id: "patient-photos", title: "Posting photos of patients", score: 0.38 },
      ],
      topics: [],
    });
    const clarify = renderCard(replyCard(asked(true))).embeds[0];
    expect(clarify?.title).toBe("Two answers could fit");
    expect(clarify?.description).toContain("Which did you mean?");
    // asked back among three, as many as it offers
    const three = asked(true) as Extract<Reply, { kind: "no-answer" }>;
    const more = [...three.suggestions, { id: "privacy-settings", title: "Privacy settings", score: 0.38 }];
    expect(renderCard(replyCard({ ...three, suggestions: more })).embeds[0]?.title).toBe(
      "Several answers could fit",
    );
    expect(renderCard(replyCard(asked(false))).embeds[0]?.title).toBe("Not sure which answer fits");
    // declined as another subject, even with entries offered: no guidance, as its text says
    const declined = asked(false) as Extract<Reply, { kind: "no-answer" }>;
    const other = renderCard(replyCard({ ...declined, otherSubject: "clinical care" })).embeds[0];
    expect(other?.title).toBe("No guidance on that");
    expect(other?.description).toMatch(/^I have no guidance on that/);
  });

  it("renders an answer: title, answer, sources, disclaimer footer, related, share and votes", () => {
    const m = renderCard(replyCard(answerWith(guide, {}), { shareable: true }));
    const e = m.embeds[0];
    expect(e?.title).toBe("Friend requests from patients");
    expect(e?.fields?.[0]?.name).toBe("Sources");
    expect(e?.footer?.text).toContain("not legal advice");
    const ids = m.components.flatMap((r) => r.components.map((c) => ("custom_id" in c ? c.custom_id : "")));
    expect(ids).toContain("smg:open:0:patient-photos");
    expect(ids).toContain("smg:share:friend-requests");
    expect(ids).toContain("smg:vote:down:friend-requests");
    checkLimits(m);
  });

  it("renders declines with did-you-mean buttons or the topics", () => {
    const close = renderCard(replyCard(guide.ask("a photo of my dog")));
    const far = renderCard(replyCard(guide.ask("how do I cook rice")));
    expect(close.components[0]?.components.map((c) => ("custom_id" in c ? c.custom_id : ""))).toEqual([
      "smg:open:0:patient-photos",
    ]);
    expect(far.embeds[0]?.description).toContain("I can help with");
    checkLimits(close);
    checkLimits(far);
  });

  it("trims a huge answer, many sources and many related entries to Discord's limits", () => {
    const sources: Source[] = Array.from({ length: 60 }, (_, i) => ({
      id: `s${i}`,
      title: `A long source title number ${i} `.repeat(4),
      publisher: "Publisher",
      year: 2024,
      status: "current",
    }));
    const related = Array.from({ length: 40 }, (_, i) => ({
      id: `entry-${i}`,
      title: `Related entry ${i} `.repeat(8),
    }));
    const m = renderCard(
      replyCard(
        answerWith(guide, { answer: "word ".repeat(5000), title: "T".repeat(300) }, { sources, related }),
        { shareable: true },
      ),
    );
    checkLimits(m);
    expect(m.embeds[0]?.description).toContain("(shortened)");
    expect(m.components.at(-1)?.components.length).toBe(3);
  });

  it("renders help, topics, a tip and an error within the limits", () => {
    const tip = guide.tips()[0];
    if (!tip) throw new Error("no tips");
    for (const m of [
      renderCard(helpCard(guide, DISCORD_HELP)),
      renderCard(topicsCard(guide.topics())),
      renderCard(tipCard(guide, tip, "Tip of the day")),
      renderCard(errorCard("Oops")),
    ]) {
      checkLimits(m);
    }
    expect(renderCard(tipCard(guide, tip, "Tip of the day")).embeds[0]?.title).toBe("Tip of the day");
    expect(renderCard(tipCard(guide, tip)).embeds[0]?.footer?.text).toContain("not legal advice");
    expect(renderCard(errorCard("Oops")).content).toContain("Oops");
    // the bot reads no channel messages: its help never says a question can just be typed
    const help = JSON.stringify(renderCard(helpCard(guide, DISCORD_HELP)));
    expect(help).not.toMatch(/just type|Type a question/);
    expect(help).toContain("question field");
  });

  it("lists every entry under topics: lists too long for the description go into fields, whole", () => {
    // eight topics of twelve 48-character titles: past a description's 4,096 characters, within 6,000
    const [topic] = guide.knowledge.topics;
    const [entry] = guide.knowledge.entries;
    if (!topic || !entry) throw new Error("the fixture has no topic or entry");
    const listings = Array.from({ length: 8 }, (_, t) => ({
      topic: { ...topic, title: `Topic ${t}` },
      entries: Array.from({ length: 12 }, (_, e) => ({
        ...entry,
        title: `Entry ${t}-${e} ${"t".repeat(38)}`,
      })),
    }));
    const m = renderCard(topicsCard(listings));
    checkLimits(m);
    const embed = m.embeds[0];
    const shown = [
      embed?.description ?? "",
      ...(embed?.fields ?? []).map((f) => `${f.name}\n${f.value}`),
    ].join("\n");
    expect(shown).not.toMatch(/shortened|and more/);
    for (const { topic, entries } of listings) {
      expect(shown).toContain(topic.title);
      for (const e of entries) expect(shown, e.title).toContain(e.title);
    }
    // past the embed's 6,000 characters: topics give way, and the marker saying so still fits, however
    // near the limit the fields that stay come
    for (const [topics, count, length] of [
      [6, 18, 64],
      [6, 22, 52],
      [7, 20, 50],
    ] as const) {
      const more = Array.from({ length: topics }, (_, t) => ({
        topic: { ...topic, title: `Topic ${t}` },
        entries: Array.from({ length: count }, (_, e) => ({
          ...entry,
          title: `E${t}-${e} `.padEnd(length, "t"),
        })),
      }));
      checkLimits(renderCard(topicsCard(more)));
    }
  });
});

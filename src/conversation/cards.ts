import { COMMANDS, type CommandSpec, EXAMPLE_QUESTIONS } from "../commands.js";
import { DISCLAIMER, type Guide, sourceLabel, type TopicListing } from "../guide.js";
import { COUNTRY_ADJECTIVE } from "../search/country.js";
import { MAX_QUESTION_CHARS } from "../search/normalise.js";
import type { EntryLink, Reply, Source, Tip } from "../types.js";
import { type Card, type CardOffer, card } from "./card.js";

/** The sentence of a decline with nothing to offer. */
export const NO_GUIDANCE = "I have no guidance on that.";
/** ... and of one that offers entries which may fit: the bot has guidance near it, just no sure answer. */
export const NOT_SURE = "I'm not sure which of my answers fits that.";

/** What the safety net's link is for (see safety-net.ts): shown first, above whatever else a reply offers. */
export const SAFETY_HEADING =
  "If you're worried that whoever wrote the message or post, or someone in it, may be in danger:";

/**
 * What an adapter says when the platform could not tell it whether someone may change a channel's daily
 * tip (a lookup that failed, or an app missing a permission): not that they lack the right, which sent
 * real admins away with no hint that the bot's setup was at fault.
 */
export const TIPS_PERMISSION_UNCHECKED =
  "I could not check who may change this channel's daily tip just now. Please try again in a moment; if it keeps happening, the bot may lack a permission on this platform: ask whoever runs it to look at its log.";
/**
 * What a button of ours that this version cannot read is told: one on an older version's message. The
 * platforms send an app only its own messages' buttons, and silence showed "This interaction failed".
 */
export const OLD_BUTTON = "That button is from an older version of this bot. Ask your question again.";
/** The decline of a question in another language. */
export const ENGLISH_ONLY = "I can only read questions in English. Please ask again in English.";

/** Why a question about another subject is declined: "It reads as a question about clinical care, ...". */
function otherSubjectSentence(subject: string): string {
  return `It reads as a question about ${subject}, and I only cover using social media professionally.`;
}

/** How the help card names the commands on one platform. */
export interface HelpStyle {
  /** How a command of the table is typed here ("/socialmedia-guidance topics", "topics"). */
  readonly commandLine: (command: CommandSpec) => string;
  /** How an example question is typed here. */
  readonly example?: (question: string) => string;
  /** Commands this platform does not offer (the console has no channel to post tips in). */
  readonly omit?: (command: CommandSpec) => boolean;
  /** More lines of usage that only this platform has ("1, 2, … opens a numbered entry"). */
  readonly extra?: readonly { readonly title: string; readonly text: string }[];
  /** A sentence after the count of answers ("Mention me in a channel…"). */
  readonly note?: string;
  /** Where a question cannot just be typed (Discord: only its command's field): how one is asked. */
  readonly askedWith?: string;
}

const sourcesOf = (sources: readonly Source[]) =>
  sources.map((s) => ({ label: sourceLabel(s), ...(s.url ? { url: s.url } : {}) }));
const links = (items: readonly EntryLink[]) => items.map((l) => ({ entryId: l.id, title: l.title }));

/** A core reply as a card: the answer with its sources and what else may fit, or a decline that helps. */
export function replyCard(reply: Reply, options: { shareable?: boolean; sharedBy?: string } = {}): Card {
  const notes = reply.truncated
    ? [
        `Your question was longer than ${MAX_QUESTION_CHARS} characters: I read its beginning and its end, where the question usually is.`,
      ]
    : [];
  const common = { notes, ...(reply.notice ? { warning: reply.notice } : {}), footer: reply.disclaimer };
  // the safety net's link first (after the choices of a card that asks back), and not offered twice
  const safety: CardOffer[] = reply.safety
    ? [{ heading: SAFETY_HEADING, links: links([reply.safety]), emphasis: "urgent" }]
    : [];
  const others = (items: readonly EntryLink[]) => links(items.filter((l) => l.id !== reply.safety?.id));
  if (reply.kind === "no-answer") {
    const body = reply.otherLanguage
      ? ENGLISH_ONLY
      : reply.otherSubject
        ? `${NO_GUIDANCE} ${otherSubjectSentence(reply.otherSubject)}`
        : NO_GUIDANCE;
    const offered = others(reply.suggestions);
    // asked back only while two choices or more remain beside the safety net's link
    if (reply.clarify && offered.length > 1)
      return card("clarify", {
        ...common,
        body: `Your question could be about ${offered.length > 2 ? "any" : "either"} of these. Which did you mean?`,
        // the choices first, right under the question that asks which; the safety net's link after them
        offers: [{ heading: "", links: offered, emphasis: "primary" }, ...safety],
      });
    if (offered.length > 0)
      return card("no-answer", {
        ...common,
        body: reply.otherSubject ? body : NOT_SURE,
        offers: [...safety, { heading: "Did you mean:", links: offered, emphasis: "primary" }],
      });
    return card("no-answer", {
      ...common,
      body,
      offers: safety,
      lists: [
        {
          heading: "I can help with:",
          items: reply.topics.map((t) => ({ title: t.title, text: t.description })),
        },
      ],
    });
  }
  const offers: CardOffer[] = [...safety];
  const elsewhere = reply.otherCountry;
  const rules = elsewhere?.rules;
  if (elsewhere && rules)
    offers.push({
      heading: `${COUNTRY_ADJECTIVE[elsewhere.country]} guidance:`,
      links: links([rules]),
      emphasis: "primary",
    });
  const suggested = others(reply.suggestions.filter((s) => s.id !== rules?.id));
  if (suggested.length > 0)
    offers.push({ heading: "Or did you mean:", links: suggested, emphasis: "primary" });
  const related = others(
    reply.related.filter((r) => r.id !== rules?.id && !reply.suggestions.some((s) => s.id === r.id)),
  );
  if (related.length > 0) offers.push({ heading: "Related:", links: related, emphasis: "secondary" });
  // the rules answered are another country's: said before them, not left to pass for the asker's
  const countryNotes = elsewhere
    ? [
        ...common.notes,
        `This answer cites no ${COUNTRY_ADJECTIVE[elsewhere.country]} guidance, though your question mentions ${elsewhere.country === "US" || elsewhere.country === "UK" ? "the " : ""}${elsewhere.country}: ${rules ? `see "${rules.title}" below, and ` : ""}ask your regulator or defence organisation there about your own case.`,
      ]
    : common.notes;
  return card("answer", {
    ...common,
    notes: countryNotes,
    title: reply.entry.title,
    ...(options.sharedBy ? { sharedBy: options.sharedBy } : {}),
    body: reply.entry.answer.trim(),
    sources: sourcesOf(reply.sources),
    offers,
    entryId: reply.entry.id,
    shareable: Boolean(options.shareable),
    votable: true,
  });
}

/** How help is typed on one platform ("help", "`/socialmedia-guidance help`"). */
function helpLine(style: HelpStyle): string {
  const help = COMMANDS.find((c) => c.name === "help");
  return help ? style.commandLine(help) : "help";
}

/** How to use the bot, from the command table, as one platform types it. */
export function helpCard(guide: Guide, style: HelpStyle): Card {
  const commands = COMMANDS.filter((c) => !style.omit?.(c)).map((c) => ({
    title: style.commandLine(c),
    text: c.name === "ask" && style.askedWith ? style.askedWith : c.description,
  }));
  const { entries, topics } = guide.knowledge;
  return card("help", {
    title: "How to use socialmedia-guidance",
    body: `Ask me how to use social media professionally as a doctor, nurse, midwife or student. ${style.askedWith ? "Use:" : "Type a question, or:"}`,
    lists: [
      { items: [...commands, ...(style.extra ?? [])] },
      { heading: "For example:", items: EXAMPLE_QUESTIONS.map((q) => ({ title: style.example?.(q) ?? q })) },
    ],
    footer: [`I hold ${entries.length} sourced answers in ${topics.length} topics.`, style.note]
      .filter(Boolean)
      .join(" "),
  });
}

/**
 * What the bot is, how it answers and what it keeps of a question: the reply to "are you ChatGPT?" or
 * "do you keep my questions?" (see asksAboutTheBot). Every claim here is what the code does; the README's
 * privacy section says the same at more length.
 */
export function aboutCard(guide: Guide, style: HelpStyle): Card {
  const { entries } = guide.knowledge;
  return card("help", {
    title: "About this bot",
    body: [
      "I'm a guidance bot, not an AI chatbot. I match your question against",
      `${entries.length} answers written in advance from published guidance, each citing its sources, and show`,
      "the one that fits, or say that none does. No AI model writes my replies or reads your question.",
      "Each answer names its sources and their years, and says when a document has since been replaced.",
    ].join(" "),
    lists: [
      {
        heading: "What I keep of your questions",
        items: [
          {
            title:
              "A question that seems to name a patient is answered privately, and none of it is kept or logged.",
          },
          {
            title:
              "A question I cannot answer may be kept, with anything identifying removed, so that the moderators can add an answer.",
          },
          {
            title:
              "When you pick one of my suggestions or rate an answer I was unsure of, your question (identifiers removed) may be kept to help me recognise it next time.",
          },
          {
            title: "👍 and 👎 are kept with the answer they rate; who voted is kept only as a one-way code.",
          },
        ],
      },
    ],
    footer: `Type ${helpLine(style)} to see what I can do.`,
  });
}

/** The topics, each with its entries. */
export function topicsCard(listings: readonly TopicListing[]): Card {
  return card("topics", {
    title: "Topics",
    body: "",
    lists: listings.map((l) => ({
      heading: l.topic.title,
      items: l.entries.map((e) => ({ title: e.title, entryId: e.id })),
    })),
    footer: "Ask a question in your own words to read any of these.",
    summary: listings.map((l) => l.topic.title).join(", "),
  });
}

/** One tip: "Tip of the day" when scheduled, "Tip" when asked for; it offers its entry to read more. */
export function tipCard(guide: Guide, tip: Tip, heading = "Tip"): Card {
  const more = guide.entry(tip.entry);
  return card("tip", {
    title: heading,
    body: tip.text,
    sourcesHeading: "Source",
    sources: sourcesOf(guide.sourcesOf(tip)),
    offers: more
      ? [{ heading: "Learn more:", links: [{ entryId: more.id, title: more.title }], emphasis: "secondary" }]
      : [],
    footer: DISCLAIMER,
    summary: `${heading}: ${tip.text}`,
  });
}

/** A plain message: a tips schedule, a vote's thanks. */
export function noticeCard(text: string): Card {
  return card("notice", { body: text, summary: text });
}

/** A problem the user should know about, in plain words. */
export function errorCard(text: string): Card {
  return card("error", { body: text, summary: text });
}

import { findIdentifiers, IDENTIFIER_LABELS, replaceSpans } from "./guard/identifiers.js";
import type { Term } from "./search/analyse.js";
import {
  type ConfidenceModel,
  type FeatureVector,
  probability,
  SCORE_ONLY_MODEL,
} from "./search/confidence.js";
import { cutQuestion, normalise } from "./search/normalise.js";
import { readQuestion } from "./search/question.js";
import { type Hit, SearchIndex, type SearchTuning } from "./search/search-index.js";
import type { Entry, EntryRef, Knowledge, Reply, Source, Tip, Topic } from "./types.js";

/** Carried by every answer: what the bot is and is not, and what outranks it. */
export const DISCLAIMER =
  "General guidance, not legal advice. The law and your regulator's standards apply first; follow your employer's policy too, and ask your defence organisation or union about your own case.";

/**
 * A cited document as a reader sees it: "Title (Publisher, 2024)", and for a document since replaced,
 * "earlier guidance, since replaced". Adapters add the link (`url`) in their own markup.
 */
export function sourceLabel(s: Source): string {
  const replaced = s.status === "replaced" ? "; earlier guidance, since replaced" : "";
  return `${s.title} (${[s.publisher, s.year].filter(Boolean).join(", ")}${replaced})`;
}

/**
 * The subject's words, as the analyser reads them (after synonyms); generic words stay out. A question
 * that names one (social media or a platform, posting, sharing, following, friend requests, direct
 * messages, reviews, comments) is more likely in scope: the `anchored` feature of the confidence.
 */
const SUBJECT_WORDS = [
  "socialmedia",
  "platform",
  "post",
  "share",
  "follow",
  "friend",
  "review",
  "comment",
  "dm",
];
/**
 * Entries are offered as "did you mean" when the best one is at least this likely right: below it the
 * question is most likely about something else, and suggestions would only be noise.
 */
export const SUGGEST_MIN_CONFIDENCE = 0.1;
/**
 * ... and only entries scoring at least this share of the best one's score. (A long question scores low
 * against every entry, so a fixed floor on the score would hide the very suggestions it needs.)
 */
export const SUGGEST_SHARE = 0.5;
/** Below this confidence an answer also offers the next entries that may fit. */
export const SURE_CONFIDENCE = 0.75;
/** Autocomplete offers entries from this confidence up: the user is still typing. */
const COMPLETE_THRESHOLD = 0.1;
/** When the runner-up is within this margin of the answer, it is offered too. */
export const CLOSE_MARGIN = 0.06;
/** Entries a summary covers that come this close to one another fit the question equally well. */
export const SUMMARY_MARGIN = 0.12;

/** How the bot read a question: its terms, the ranked entries, the features and the verdict. */
export interface Judgement {
  readonly terms: readonly Term[];
  readonly hits: readonly Hit[];
  readonly features: FeatureVector;
  /** The probability that the best entry is a right answer (the reply's confidence). */
  readonly probability: number;
  /** Two entries of different topics fit about equally: ask which was meant. */
  readonly clarify: boolean;
  /**
   * A one-sentence question that names another subject (a word of knowledge/off-topic.yaml the best
   * entry does not use): "how do I get more followers on Instagram". Declined whatever the confidence;
   * in a longer post such a word is more often part of the story.
   */
  readonly offSubject: boolean;
}

/** A topic with its entries, for listings. */
export interface TopicListing {
  readonly topic: Topic;
  readonly entries: readonly Entry[];
}

/** The one door to the core: questions in, plain data out. */
export interface Guide {
  readonly knowledge: Knowledge;
  ask(question: string): Reply;
  /** How a question is read and judged, without the guard: for fitting. */
  explain(question: string): Judgement;
  /** The reply and the judgement behind it, from one reading of the question: for evaluation. */
  assess(question: string): { readonly reply: Reply; readonly judged: Judgement };
  entry(id: string): Entry | undefined;
  /** The answer reply for one entry, as when a "related" or "learn more" button is pressed. */
  show(id: string): Reply | undefined;
  topics(): readonly TopicListing[];
  /** The cited documents of an entry or a tip, as shown to readers (provenance left out). */
  sourcesOf(item: { readonly sources: readonly string[] }): readonly Source[];
  tips(): readonly Tip[];
  /** Up to `limit` questions the bot can answer that fit what the user has typed so far (autocomplete). */
  complete(
    partial: string,
    limit?: number,
  ): readonly { readonly entryId: string; readonly question: string }[];
  /** One tip picked by `random` (a number in [0, 1)); scheduled posts use their own rotation. */
  randomTip(random?: () => number): Tip | undefined;
}

/** Experiments and tests may change the search tuning or the confidence model. */
export interface GuideOptions {
  readonly tuning?: Partial<SearchTuning>;
  readonly model?: ConfidenceModel;
  /** The search index of this knowledge, already built or restored (see compiled.ts); `tuning` is then its own. */
  readonly index?: SearchIndex;
}

/** Builds the index once and returns the guide that answers from it. */
export function createGuide(knowledge: Knowledge, options: GuideOptions = {}): Guide {
  const index = options.index ?? new SearchIndex(knowledge.entries, knowledge.synonyms, options.tuning);
  const subjectStems = new Set(SUBJECT_WORDS.flatMap((w) => index.stemsOf(w)));
  // Each off-topic term as the stems it reads as (a word), or as it is written (a phrase: "more
  // followers", "pin a post"), since the stems left once its small words go say little on their own.
  const offTopicCues = (knowledge.offTopic ?? [])
    .flatMap((g) => g.terms.map((w) => ({ stems: new Set(index.stemsOf(w)), phrase: normalise(w) })))
    .filter((cue) => cue.stems.size > 0);
  // An entry's phrasings as one normalised text, for the phrase cues: read on first need, not at start.
  const phrasingTexts = new Map<string, string>();
  const phrasingText = (e: Entry) => {
    let text = phrasingTexts.get(e.id);
    if (text === undefined) {
      text = ` ${[e.title, ...e.questions].map(normalise).join(" | ")} `;
      phrasingTexts.set(e.id, text);
    }
    return text;
  };
  const model = options.model ?? knowledge.confidence ?? SCORE_ONLY_MODEL;
  const byId = new Map(knowledge.entries.map((e) => [e.id, e]));
  const summaries = knowledge.entries.filter((e) => e.covers.length > 0);
  const sourceById = new Map(knowledge.sources.map((s) => [s.id, s]));
  const listings: TopicListing[] = knowledge.topics.map((topic) => ({
    topic,
    entries: knowledge.entries.filter((e) => e.topic === topic.id),
  }));
  const ref = (h: Hit): EntryRef => ({ id: h.entry.id, title: h.entry.title, confidence: round(h.score) });
  const relatedOf = (entry: Entry) =>
    entry.related
      .map((id) => byId.get(id))
      .filter((e): e is Entry => e !== undefined)
      .map((e) => ({ id: e.id, title: e.title }));
  // Where the project's text started (status "provenance") is kept in the YAML, never shown as a source.
  const sourcesOf = (item: { readonly sources: readonly string[] }) =>
    item.sources
      .map((id) => sourceById.get(id))
      .filter((s): s is Source => s !== undefined && s.status !== "provenance");

  /** The reply to a question, and the judgement it follows. */
  function assess(raw: string): { reply: Reply; judged: Judgement } {
    const input = typeof raw === "string" ? raw : "";
    const { text, truncated } = cutQuestion(input);
    // The guard reads far past the cut (see GUARD_SCAN_CHARS), so that nothing identifying hides there.
    const findings = findIdentifiers(input);
    const flagged = findings.length > 0;
    const matchable = replaceSpans(text, findings, () => " ");
    // Control characters (DEL, C1 such as U+009B) never travel on: a terminal or a log would act on them.
    const question = flagged ? "" : text.replace(/[^\P{Cc}\n\t]/gu, " ").trim();
    const common = {
      question,
      truncated,
      disclaimer: DISCLAIMER,
      flags: flagged ? (["patient-identifiers"] as const) : [],
      ...(flagged
        ? { notice: identifierNotice([...new Set(findings.map((f) => IDENTIFIER_LABELS[f.kind]))]) }
        : {}),
    };
    const query = matchable.trim();
    const judged = judge(query);
    const { hits, probability: p } = judged;
    const [top] = hits;
    const suggestions = (from: number, most: number) =>
      top && p >= SUGGEST_MIN_CONFIDENCE
        ? hits
            .slice(from)
            .filter((h) => h.score >= SUGGEST_SHARE * top.score)
            .slice(0, most)
            .map(ref)
        : [];
    if (!top || p < model.threshold || judged.offSubject) {
      const reply: Reply = {
        ...common,
        kind: "no-answer",
        clarify: false,
        confidence: round(p),
        suggestions: suggestions(0, 3),
        topics: knowledge.topics,
      };
      return { reply, judged };
    }
    if (judged.clarify) {
      const reply: Reply = {
        ...common,
        kind: "no-answer",
        clarify: true,
        confidence: round(p),
        suggestions: hits.slice(0, 2).map(ref),
        topics: knowledge.topics,
      };
      return { reply, judged };
    }
    // An unsure answer offers the next entries that may fit; a sure one only a runner-up as close as it.
    const second = hits[1];
    const runnerUp =
      p < SURE_CONFIDENCE
        ? suggestions(1, 2)
        : second && top.score - second.score <= CLOSE_MARGIN
          ? [ref(second)]
          : [];
    const reply: Reply = {
      ...common,
      kind: "answer",
      entry: top.entry,
      confidence: round(p),
      sources: sourcesOf(top.entry),
      related: relatedOf(top.entry).filter((r) => !runnerUp.some((u) => u.id === r.id)),
      suggestions: runnerUp,
    };
    return { reply, judged };
  }

  /** Ranks the entries for a question and works out how likely the best one is right, and why. */
  function judge(query: string): Judgement {
    const terms = query ? index.terms(query) : [];
    const hits = preferSummary(index.searchTerms(terms, 6, 0.05), summaries).slice(0, 4);
    const [top, second] = hits;
    const profile = index.profile(terms);
    const asking = Math.max(profile.asking, 1e-9);
    // A cue counts when the asking sentences hold all its words and the best entry lacks one of them.
    const asked = new Set(terms.filter((t) => (t.weight ?? 1) >= 1).map((t) => t.stem));
    let offTopic = 0;
    const said = ` ${normalise(query)} `;
    for (const { stems, phrase } of offTopicCues) {
      const fires = phrase.includes(" ")
        ? said.includes(` ${phrase} `) && !(top && phrasingText(top.entry).includes(` ${phrase} `))
        : [...stems].every((stem) => asked.has(stem)) && [...stems].some((stem) => !top?.matched.has(stem));
      if (fires) offTopic += 1;
    }
    const features: FeatureVector = {
      score: top?.score ?? 0,
      phrasing: top?.phrasing ?? 0,
      askCoverage: top?.askCoverage ?? 0,
      margin: (top?.score ?? 0) - (second?.score ?? 0),
      agreement: top?.agreement ?? 0,
      unknownShare: profile.unknown / asking,
      anchored: terms.some((t) => subjectStems.has(t.stem)) ? 1 : 0,
      offTopic: Math.min(1, offTopic / 2),
      length: Math.log1p(profile.terms),
    };
    const p = top ? probability(model, features) : 0;
    // Two entries of different topics scoring alike are a real choice only when the two readings of the
    // question disagree on which comes first: when both put the same one first, it answers.
    const clarify =
      !!top &&
      !!second &&
      top.agreement < 1 &&
      top.entry.topic !== second.entry.topic &&
      top.score - second.score <= model.clarifyMargin &&
      !top.entry.covers.includes(second.entry.id) &&
      !second.entry.covers.includes(top.entry.id) &&
      !top.entry.related.includes(second.entry.id) &&
      !second.entry.related.includes(top.entry.id);
    const offSubject = offTopic > 0 && readQuestion(query).length === 1;
    return { terms, hits, features, probability: p, clarify, offSubject };
  }

  function show(id: string): Reply | undefined {
    const entry = byId.get(id);
    if (!entry) return undefined;
    return {
      kind: "answer",
      question: entry.title,
      entry,
      confidence: 1,
      sources: sourcesOf(entry),
      related: relatedOf(entry),
      suggestions: [],
      truncated: false,
      disclaimer: DISCLAIMER,
      flags: [],
    };
  }

  // Each question's words, for autocomplete to pick the phrasing closest to what was typed: read on
  // first use (a one-shot command never completes anything).
  let questionWords: ReadonlyMap<string, readonly string[]> | undefined;
  const wordsOf = (q: string) => {
    questionWords ??= new Map(
      knowledge.entries.flatMap((e) => e.questions.map((x) => [x, normalise(x).split(" ")] as const)),
    );
    return questionWords.get(q) ?? [];
  };

  function complete(partial: string, limit = 25) {
    const text = cutQuestion(String(partial ?? "")).text;
    const typed = new Set(normalise(text).split(" ").filter(Boolean));
    const entries =
      typed.size === 0
        ? knowledge.entries.slice(0, limit)
        : index.search(text, limit, COMPLETE_THRESHOLD).map((h) => h.entry);
    return entries.map((e) => {
      // the phrasing that shares most words with what was typed; the canonical question on a tie
      let best = e.questions[0] ?? e.title;
      let bestShared = -1;
      for (const q of e.questions) {
        const shared = wordsOf(q).filter((w) => typed.has(w)).length;
        if (shared > bestShared) [best, bestShared] = [q, shared];
      }
      return { entryId: e.id, question: best };
    });
  }

  const tips = knowledge.tips;
  const randomTip = (random: () => number = Math.random) =>
    tips[Math.min(tips.length - 1, Math.floor(random() * tips.length))];

  return {
    knowledge,
    ask: (question) => assess(question).reply,
    assess,
    explain: (question) => judge(cutQuestion(String(question ?? "")).text.trim()),
    entry: (id) => byId.get(id),
    show,
    complete,
    topics: () => listings,
    sourcesOf,
    tips: () => tips,
    randomTip,
  };
}

/**
 * A question that two of a summary's entries fit equally well, neither matching a word of it that the
 * other lacks ("what do doctors gain from it" between networking and learning), asks about the
 * summary: it answers, and the best single entry is offered beside it.
 */
export function preferSummary(hits: readonly Hit[], summaries: readonly Entry[]): Hit[] {
  const [lead, ...rest] = hits;
  if (!lead) return [];
  for (const summary of summaries) {
    if (!summary.covers.includes(lead.entry.id)) continue;
    const tied = rest
      .slice(0, 2)
      .some(
        (h) =>
          summary.covers.includes(h.entry.id) &&
          lead.score - h.score <= SUMMARY_MARGIN &&
          [...lead.matched].every((stem) => h.matched.has(stem)),
      );
    if (!tied) continue;
    const own = hits.find((h) => h.entry.id === summary.id);
    const answer = { ...lead, entry: summary, score: Math.max(lead.score, own?.score ?? 0) };
    return [answer, lead, ...rest.filter((h) => h.entry.id !== summary.id)];
  }
  return [...hits];
}

/** What the bot says when a question looked like it held patient details. */
export function identifierNotice(labels: readonly string[]): string {
  const what =
    labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}` : (labels[0] ?? "");
  return (
    `Your question looked like it contained patient details (${what}), so I have not repeated it, logged it or stored it. ` +
    "Details like these can identify a patient even without a name: HIPAA's Safe Harbor standard lists 18 kinds of identifier, " +
    "and the GMC warns that small details add up. Please leave them out when you ask here, and share identifiable " +
    "information only with the patient's explicit consent. Here is the general guidance:"
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

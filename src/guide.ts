import { completer } from "./complete.js";
import { guardReading, IDENTIFIER_LABELS, inAnotherLanguage, replaceSpans } from "./guard/identifiers.js";
import { identifierNotice } from "./guard/notice.js";
import { createJudge, type Judgement, otherSubjects } from "./judge.js";
import { safetyNet } from "./safety-net.js";
import { type ConfidenceModel, SCORE_ONLY_MODEL } from "./search/confidence.js";
import { COUNTRY_ADJECTIVE, type Country, countryOf, namesCountry } from "./search/country.js";
import { readsAsEnglish } from "./search/language.js";
import { cutQuestion, visibleText } from "./search/normalise.js";
import { type Hit, SearchIndex, type SearchTuning } from "./search/search-index.js";
import type { Entry, EntryLink, EntryRef, Knowledge, Reply, Source, Tip, Topic } from "./types.js";

/** Carried by every answer: what the bot is and is not, and what outranks it. */
export const DISCLAIMER =
  "General guidance, not legal advice. The law and your regulator's standards apply first; follow your employer's policy too, and ask your defence organisation or union about your own case.";

/**
 * A cited document as a reader sees it: "Title (Publisher, 2011, updated 2024)", and for a document
 * since replaced, "earlier guidance, since replaced". Adapters add the link (`url`) in their own markup.
 */
export function sourceLabel(s: Source): string {
  const dates = [s.publisher, s.year, s.updated && `updated ${s.updated}`].filter(Boolean).join(", ");
  return `${s.title} (${dates}${s.status === "replaced" ? "; earlier guidance, since replaced" : ""})`;
}

/**
 * Entries are offered as "did you mean" when the best one is at least this likely right: below it the
 * question is most likely about something else, and suggestions would only be noise.
 */
export const SUGGEST_MIN_CONFIDENCE = 0.1;
/**
 * ... and only entries scoring at least this share of the best one's score. (A long question scores low
 * against every entry, so a fixed floor on the score would hide the very suggestions it needs.)
 */
export const SUGGEST_SHARE = 0.45;
/** Below this confidence an answer also offers the next entries that may fit. */
export const SURE_CONFIDENCE = 0.75;
/** When the runner-up is within this margin of the answer, it is offered too. */
export const CLOSE_MARGIN = 0.06;

/** A topic with its entries, for listings. */
export interface TopicListing {
  readonly topic: Topic;
  readonly entries: readonly Entry[];
}

/** The one door to the core: questions in, plain data out. */
export interface Guide {
  readonly knowledge: Knowledge;
  /** The entry about acting on someone at risk (see at-risk.ts), if the knowledge has one. */
  readonly urgentEntry: Entry | undefined;
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

/** The search index of a knowledge base: its entries, synonyms and the other subjects' examples. */
export function indexOf(knowledge: Knowledge, tuning: Partial<SearchTuning> = {}): SearchIndex {
  const others = otherSubjects(knowledge).map((s) => s.examples);
  return new SearchIndex(knowledge.entries, knowledge.synonyms, tuning, undefined, others);
}

/** Where `id` ranks in `ranked`, or past its end. */
const rankOf = (ranked: readonly string[], id: string) => {
  const at = ranked.indexOf(id);
  return at < 0 ? ranked.length : at;
};

/** Builds the index once and returns the guide that answers from it. */
export function createGuide(knowledge: Knowledge, options: GuideOptions = {}): Guide {
  const index = options.index ?? indexOf(knowledge, options.tuning);
  const model = options.model ?? knowledge.confidence ?? SCORE_ONLY_MODEL;
  const judge = createJudge(index, knowledge, model);
  const urgentEntry = index.urgentEntry();
  const byId = new Map(knowledge.entries.map((e) => [e.id, e]));
  const sourceById = new Map(knowledge.sources.map((s) => [s.id, s]));
  const listings: TopicListing[] = knowledge.topics.map((topic) => ({
    topic,
    entries: knowledge.entries.filter((e) => e.topic === topic.id),
  }));
  const ref = (h: Hit): EntryRef => ({ id: h.entry.id, title: h.entry.title, score: round(h.score) });
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

  /**
   * The entry on a country's rules: of those whose title names it ("Canadian guidance from the colleges"),
   * the rules-and-policies one the index ranks first for that country's rules; read once a country.
   */
  const rulesOf = new Map<Country, EntryLink | undefined>();
  const rulesEntryOf = (country: Country): EntryLink | undefined => {
    if (rulesOf.has(country)) return rulesOf.get(country);
    const titled = knowledge.entries.filter((e) => countryOf(e.title) === country);
    const rules = titled.filter((e) => e.topic === "rules-and-policies");
    const pool = rules.length > 0 ? rules : titled;
    const ranked = index
      .search(`${COUNTRY_ADJECTIVE[country]} social media rules`, 20)
      .map((h) => h.entry.id);
    const best = [...pool].sort((a, b) => rankOf(ranked, a.id) - rankOf(ranked, b.id))[0];
    const link = best ? { id: best.id, title: best.title } : undefined;
    rulesOf.set(country, link);
    return link;
  };
  /** The country the question names when the answer names it nowhere (see Reply's otherCountry). */
  const otherCountryOf = (query: string, entry: Entry) => {
    const country = countryOf(query);
    if (!country || namesCountry(entry.answer, country) || namesCountry(entry.title, country)) return {};
    const rules = rulesEntryOf(country);
    return { otherCountry: { country, ...(rules && rules.id !== entry.id ? { rules } : {}) } };
  };

  /** The reply to a question, and the judgement it follows. */
  function assess(raw: string): { reply: Reply; judged: Judgement } {
    // Invisible characters (direction marks) mean nothing, and are never echoed or kept; a zero-width
    // space reads as the space between words it stands for. But one put inside a name or an address
    // ("Ol<ZWSP>ivia Sm<ZWSP>ith"), like a soft hyphen or full-width digits, would hide it from the
    // guard: the guard reads the text folded too (guardReading), and if that finds more, the question
    // is read that way.
    const typed = typeof raw === "string" ? raw : "";
    // The guard reads far past the cut (see GUARD_SCAN_CHARS), so that nothing identifying hides there.
    const { text: input, findings: found } = guardReading(visibleText(typed), typed);
    // Nothing of a question in another language is kept; what the guard finds there is still warned of
    // (an English question misread as another language may hold a patient's name), but not its words
    // read as names (see inAnotherLanguage).
    const english = readsAsEnglish(input, (w) => index.knowsWord(w));
    const findings = english ? found : inAnotherLanguage(input, found);
    const { text, truncated } = cutQuestion(input);
    const flagged = findings.length > 0;
    // Blanked in the whole question, then cut: the cut keeps its end, where the spans' offsets would not hold.
    const matchable = flagged ? cutQuestion(replaceSpans(input, findings, () => " ")).text : text;
    // Control characters (DEL, C1 such as U+009B) never travel on: a terminal or a log would act on them.
    const question = flagged || !english ? "" : text.replace(/[^\P{Cc}\n\t]/gu, " ").trim();
    const common = {
      question,
      truncated,
      disclaimer: DISCLAIMER,
      flags: flagged ? (["patient-identifiers"] as const) : [],
    };
    const labels = [...new Set(findings.map((f) => IDENTIFIER_LABELS[f.kind]))];
    // The notice leads into the guidance only where an answer follows it.
    const notice = (answered: boolean) => (flagged ? { notice: identifierNotice(labels, answered) } : {});
    const query = english ? matchable.trim() : "";
    const judged = judge(query);
    const safety = (answered?: string) => {
      const link = safetyNet(urgentEntry, query, answered, judged.reportsRisk);
      return link ? { safety: link } : {};
    };
    if (!english) {
      const reply: Reply = {
        ...common,
        ...notice(false),
        kind: "no-answer",
        clarify: false,
        otherLanguage: true,
        confidence: 0,
        suggestions: [],
        topics: knowledge.topics,
      };
      return { reply, judged };
    }
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
    if (!top || (p < model.threshold && !judged.urgent && !judged.verbatim) || judged.offSubject) {
      // The subject a question leans to is named only where no entry is offered instead.
      const otherSubject = judged.offSubject ?? (p < SUGGEST_MIN_CONFIDENCE ? judged.elsewhere : undefined);
      const reply: Reply = {
        ...common,
        ...notice(false),
        ...safety(),
        kind: "no-answer",
        clarify: false,
        ...(otherSubject ? { otherSubject } : {}),
        confidence: round(p),
        // A question read as another subject is offered entries only when one would have answered it surely.
        suggestions: judged.offSubject && p < SURE_CONFIDENCE ? [] : suggestions(0, 3),
        topics: knowledge.topics,
      };
      return { reply, judged };
    }
    if (judged.clarify) {
      // the two it could be, and a third that scores as well as either of them
      const [, second, third] = hits;
      const closest = second ? Math.min(top.score, second.score) : top.score;
      const choices = third && third.score >= closest ? hits.slice(0, 3) : hits.slice(0, 2);
      const reply: Reply = {
        ...common,
        ...notice(false),
        ...safety(),
        kind: "no-answer",
        clarify: true,
        confidence: round(p),
        suggestions: choices.map(ref),
        topics: knowledge.topics,
      };
      return { reply, judged };
    }
    // An unsure answer offers the next entries that may fit; a sure one only a runner-up as close as it.
    const second = hits[1];
    // An answer the risk reading chose offers what the words alone ranked beside it, however unsure.
    const runnerUp = judged.urgent
      ? hits.slice(1, 3).map(ref)
      : p < SURE_CONFIDENCE
        ? suggestions(1, 2)
        : second && top.score - second.score <= CLOSE_MARGIN
          ? [ref(second)]
          : [];
    const reply: Reply = {
      ...common,
      ...notice(true),
      ...safety(top.entry.id),
      kind: "answer",
      entry: top.entry,
      confidence: round(p),
      ...(judged.verbatim ? { verbatim: true } : {}),
      sources: sourcesOf(top.entry),
      related: relatedOf(top.entry).filter((r) => !runnerUp.some((u) => u.id === r.id)),
      suggestions: runnerUp,
      ...otherCountryOf(query, top.entry),
    };
    return { reply, judged };
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

  const complete = completer(knowledge, index);
  const tips = knowledge.tips;
  const randomTip = (random: () => number = Math.random) =>
    tips[Math.min(tips.length - 1, Math.floor(random() * tips.length))];

  return {
    knowledge,
    urgentEntry,
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

const round = (x: number): number => Math.round(x * 1000) / 1000;

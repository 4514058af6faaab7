import type { ConfidenceModel } from "./search/confidence.js";
import type { Country } from "./search/country.js";

/** A document that guidance may cite; the list lives in knowledge/sources.yaml. */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly year?: number;
  /** The year it was last revised, after `year`. */
  readonly updated?: number;
  readonly note?: string;
  /** current, replaced (earlier guidance), or provenance (never shown as a source). */
  readonly status: "current" | "replaced" | "provenance";
  readonly replacedBy?: string;
  /** The publisher's own site (a domain); `url` lies on it. */
  readonly site?: string;
  /** The document on the publisher's own site. */
  readonly url?: string;
}

/** A small fixed grouping of entries and tips. */
export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** One answerable piece of guidance. */
export interface Entry {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  /** The canonical question first, then alternate phrasings. */
  readonly questions: readonly string[];
  /** Markdown. */
  readonly answer: string;
  readonly related: readonly string[];
  /**
   * For a summary entry (a list such as "benefits"), the entries that each treat one of its points.
   * A question that fits several of them equally well is a question about the summary.
   */
  readonly covers: readonly string[];
  readonly sources: readonly string[];
  /** The file the entry was loaded from, for error messages. */
  readonly file: string;
}

/** A synonym group: every term is read as the canonical text. */
export interface SynonymGroup {
  readonly canonical: string;
  readonly terms: readonly string[];
}

/** A daily tip: one idea, its sources, and the entry that says more. */
export interface Tip {
  readonly id: string;
  readonly topic: string;
  readonly text: string;
  readonly sources: readonly string[];
  /** The entry a "learn more" link opens. */
  readonly entry: string;
}

/** Words that mark a question about another subject the bot declines (career and pay, platform how-to). */
export interface OffTopicGroup {
  readonly subject: string;
  readonly terms: readonly string[];
  /**
   * The words mark another subject only together: a "how do I..." question made of them alone (the
   * platforms' names and small words aside) asks how to use a platform. They never count one by one.
   */
  readonly howToAlone?: boolean;
  /** Questions of this other subject, written as people ask them: the confidence reads how like them a question is. */
  readonly examples?: readonly string[];
}

/** The validated corpus. */
export interface Knowledge {
  readonly entries: readonly Entry[];
  readonly topics: readonly Topic[];
  readonly sources: readonly Source[];
  readonly synonyms: readonly SynonymGroup[];
  readonly tips: readonly Tip[];
  /** Optional: without it nothing counts as off-topic. */
  readonly offTopic?: readonly OffTopicGroup[];
  /** The fitted confidence model (confidence.json); without it the ranking score alone decides. */
  readonly confidence?: ConfidenceModel;
}

/** A short reference to an entry. */
export interface EntryLink {
  readonly id: string;
  readonly title: string;
}

/**
 * A short reference to an entry, with how well it matched: the ranking score of its closest phrasing
 * and coverage of the question (0 to 1), not a probability like a reply's `confidence`.
 */
export interface EntryRef extends EntryLink {
  readonly score: number;
}

/** Things about a question that the reply must handle with care. */
export type ReplyFlag = "patient-identifiers";

/** What every reply carries besides its answer. */
interface ReplyBase {
  /** The question as read, or "" when it is withheld because it looked like it held patient details. */
  readonly question: string;
  readonly truncated: boolean;
  readonly disclaimer: string;
  readonly flags: readonly ReplyFlag[];
  /**
   * When flagged: what looked identifying and why it matters, to show before the reply (leading into
   * the answer when there is one). The question's own text is never repeated.
   */
  readonly notice?: string;
  /**
   * The guidance on acting on someone at risk, offered beside the reply when the question holds a warning
   * sign or a red flag in someone else's message and the reply is not that guidance (see safety-net.ts).
   */
  readonly safety?: EntryLink;
}

/** What the bot says back; adapters only decide how it looks. */
export type Reply =
  | (ReplyBase & {
      readonly kind: "answer";
      readonly entry: Entry;
      readonly confidence: number;
      /** The question is one of the entry's own phrasings, or its title, as normalise reads them. */
      readonly verbatim?: boolean;
      readonly sources: readonly Source[];
      readonly related: readonly EntryLink[];
      readonly suggestions: readonly EntryRef[];
      /**
       * The one country the question names when the answer names it nowhere (an answer of UK and US rules
       * to a question from Canada), with the entry on that country's rules when there is one: the reply
       * says so rather than let those rules pass for the asker's.
       */
      readonly otherCountry?: { readonly country: Country; readonly rules?: EntryLink };
    })
  | (ReplyBase & {
      readonly kind: "no-answer";
      /** True when two entries of different topics fit about equally: the reply asks which was meant. */
      readonly clarify: boolean;
      /** The subject it was declined as being about ("clinical care", "operating a platform"), when it named one. */
      readonly otherSubject?: string;
      /** The question is in another language: the bot reads English only. */
      readonly otherLanguage?: boolean;
      readonly confidence: number;
      readonly suggestions: readonly EntryRef[];
      readonly topics: readonly Topic[];
    });

import { choiceIsOpen, preferSummary } from "./choices.js";
import { eager } from "./eager-pattern.js";
import { asks, type Term } from "./search/analyse.js";
import { sharesWhatItNames } from "./search/asks-to-share.js";
import { type ConfidenceModel, type FeatureVector, probability } from "./search/confidence.js";
import { normalise } from "./search/normalise.js";
import { type AskTopic, readQuestion } from "./search/question.js";
import { readingsOf } from "./search/readings.js";
import type { Hit, SearchIndex } from "./search/search-index.js";
import { SUBJECT_WORDS } from "./subject-words.js";
import type { Entry, Knowledge } from "./types.js";

/**
 * How a question that asks how to do something begins, once normalised: "how do I", "how to", "where
 * do I find", "what's the best way (or time) to", "is there a way to". "Can I..." and "should I..." ask
 * whether to, which is the bot's subject; "how do I..." may only ask which button to press.
 */
const HOW_TO =
  /^(?:(?:so|hi|hey|hello|please|quick question|question|(?:does |do )?(?:anyone|any one|anybody|someone|somebody|you|u) know|(?:can|could) (?:anyone|anybody|someone|somebody|you|u) (?:tell me|explain|show me))\s+)*(?:how (?:do|can|would|could|does|should) (?:i|you|we|one|someone|people)|how to|where (?:do|can|would) (?:i|you|we) (?:find|see|change|turn|get|set)|is there a way to|what(?: is)? the (?:best|easiest|quickest|fastest|right) (?:way|time|day|app|apps|setting|settings) (?:to|for|of))\b/;

/** The same opening anywhere in a question: a cheap test for whether HOW_TO may apply at all. */
const HOW_TO_ANYWHERE = eager(new RegExp(HOW_TO.source.replace(/^\^/, "\\b")));

/**
 * The most words a one-sentence question may have for a word of another subject in it to decline it: a
 * line typed as a question is shorter. A long post written without full stops ("pt left a 1 star google
 * review saying i was rude... im a salaried gp in london...") reads as one sentence, and a word of its
 * story ("salaried", "diabetes", "bank staff") declined it though it asks what the bot answers.
 */
export const ONE_LINE_MAX_WORDS = 30;

/**
 * The other subjects about using a platform itself, whose questions come several to a post ("reels or
 * carousels? best posting times? hashtags?"): one of them with no cue word is no question for the bot,
 * so a post is not read as asking it (see asksOfTheSubject). Matched against the subject names in
 * knowledge/off-topic.yaml: renaming one there changes this.
 */
const PLATFORM_SUBJECTS = /platform|equipment/;

/**
 * Whether `text` (padded with spaces, words one space apart) holds `phrase` (ending in a space) after a
 * space: text.includes(` ${phrase}`), found from the phrase's first letter. Searched for from its
 * leading space, a phrase stopped the search between every two words of the question: for the
 * off-topic phrases, a good part of the judge's own work on a long question.
 */
function holdsPhrase(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  while (at >= 0 && text[at - 1] !== " ") at = text.indexOf(phrase, at + 1);
  return at >= 0;
}

/** The one sentence a question asks in, asides left out; undefined for a longer post or a long sentence. */
function onlySentence(query: string): string | undefined {
  const spoken = readQuestion(query).filter((sentence) => !sentence.aside);
  const text = spoken.length === 1 ? spoken[0]?.text : undefined;
  // words as typed: normalise splits "part-time" and expands "who's", which a reader counts as one
  return text !== undefined && text.split(/\s+/).filter(Boolean).length <= ONE_LINE_MAX_WORDS
    ? text
    : undefined;
}

/**
 * The subjects the bot declines that come with example questions (off-topic.yaml), in order: the
 * index learns their words (see SearchIndex.elsewhere) and the judge names the one a question reads like.
 */
export function otherSubjects(
  knowledge: Knowledge,
): { readonly subject: string; readonly examples: string[] }[] {
  return (knowledge.offTopic ?? [])
    .filter((g) => (g.examples?.length ?? 0) > 0)
    .map((g) => ({ subject: g.subject, examples: [...(g.examples ?? [])] }));
}

/**
 * A declined question is said to read as another subject's (off-topic.yaml) only when the words its
 * lean rests on are two or more and carry at least this share of its weight: "morning!" alone, or "the
 * capital of France" sharing one word with an example about taking a dog to France, say nothing of it.
 */
export const NAME_MIN_READ = 0.5;

/** Words that name a platform and say nothing of what a how-to question asks (see asksPlatformHowTo). */
const PLATFORM_NAMES = "social media linkedin";

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
   * The question reports someone at risk now and the best entry is about acting on it (see
   * at-risk.ts): answered whatever the confidence, never asked back and never declined as another subject.
   */
  readonly urgent: boolean;
  /**
   * The question is, word for word, one of the best entry's phrasings or its title (as normalise reads
   * both): answered whatever the confidence, and never asked back, so that a phrasing a moderator wrote
   * or accepted (learn) is answered with its entry.
   */
  readonly verbatim: boolean;
  /**
   * Whether the question reports someone at risk now (reportsRisk in at-risk.ts): read once, when first
   * asked, so that the ranking and the safety net share one reading.
   */
  readonly reportsRisk: () => boolean;
  /**
   * The other subject a one-sentence question is about (an off-topic group's `subject`), when it names
   * one (a word of knowledge/off-topic.yaml the best entry does not use): "how do I get more followers
   * on Instagram"; or when it asks how to operate a platform and nothing else: "how do I go live on
   * TikTok". Declined whatever the confidence; in a longer post such words are more often part of the story.
   */
  readonly offSubject?: string;
  /**
   * The other subject whose example questions (off-topic.yaml) the question reads more like than any
   * entry, if one: no reason to decline by itself, but a decline too unsure to suggest any entry names
   * it ("It reads as a question about the workplace offline").
   */
  readonly elsewhere?: string;
}

/**
 * The judge of one knowledge base: it ranks the entries for a question and works out how likely the
 * best one is right, and why (the features of the confidence model).
 */
export function createJudge(
  index: SearchIndex,
  knowledge: Knowledge,
  model: ConfidenceModel,
): (query: string) => Judgement {
  const subjectStems = new Set(SUBJECT_WORDS.flatMap((w) => index.stemsOf(w)));
  // Each off-topic term as the stems it reads as (a word), or as it is written (a phrase: "more
  // followers", "pin a post"), since the stems left once its small words go say little on their own.
  const offTopicCues = (knowledge.offTopic ?? [])
    .filter((g) => !g.howToAlone)
    .flatMap((g) =>
      g.terms.map((w) => {
        const phrase = normalise(w);
        // a phrase is looked for as written; a word by its stems (distinct, read on every question)
        return {
          subject: g.subject,
          stems: [...new Set(index.stemsOf(w))],
          // with the space after it, and looked for after a space (see holdsPhrase), so that it
          // matches whole words only
          phrase: phrase.includes(" ") ? `${phrase} ` : undefined,
        };
      }),
    )
    .filter((cue) => cue.stems.length > 0)
    // one cue a subject for what reads alike ("salary", "salaries"; "exam", "exams"): listing a word's
    // forms must not count it more than once
    .filter(
      (cue, i, cues) =>
        cues.findIndex(
          (other) =>
            other.subject === cue.subject &&
            other.phrase === cue.phrase &&
            (cue.phrase !== undefined || other.stems.join(" ") === cue.stems.join(" ")),
        ) === i,
    );
  // A sentence that holds every word of a word cue asks about another subject (see asksOfTheSubject).
  const wordCues = offTopicCues.filter(
    (cue) => cue.phrase === undefined && !PLATFORM_SUBJECTS.test(cue.subject),
  );
  const topicOf = (stems: ReadonlySet<string>): AskTopic => {
    for (const stem of stems) if (subjectStems.has(stem)) return "bot";
    return wordCues.some((cue) => cue.stems.every((stem) => stems.has(stem))) ? "other" : undefined;
  };
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
  // An entry's title and phrasings as normalise reads them, for the verbatim reading: made for the
  // entries a question ranks near the top, when it first does, not for every entry at start.
  const ownTexts = new Map<string, ReadonlySet<string>>();
  const isOwnText = (e: Entry, said: string) => {
    let texts = ownTexts.get(e.id);
    if (!texts) {
      texts = new Set([e.title, ...e.questions].map(normalise));
      ownTexts.set(e.id, texts);
    }
    return texts.has(said);
  };
  const summaries = knowledge.entries.filter((e) => e.covers.length > 0);
  const others = otherSubjects(knowledge).map((s) => s.subject);
  // The words of operating a platform (off-topic groups marked howToAlone), as the stems they read as.
  const howToGroups = (knowledge.offTopic ?? []).filter((g) => g.howToAlone);
  const howToStems = new Set(howToGroups.flatMap((g) => g.terms.flatMap((w) => index.stemsOf(w))));
  const howToSubject = howToGroups.map((g) => g.subject).join(" or ");
  // The platforms' names as they read: social media in general, and LinkedIn, which reads as itself
  const platformStems = new Set(index.stemsOf(PLATFORM_NAMES));
  /**
   * "How do I go live on TikTok", "how do I add a link to my bio": a how-to question whose every word,
   * past its opening and the platforms' names, is one of operating a platform. A word of anything else
   * ("...from the ward", "...block a patient") makes it a question for the bot.
   */
  const asksPlatformHowTo = (query: string): boolean => {
    const said = normalise(query);
    const opening = HOW_TO.exec(said);
    if (!opening || howToStems.size === 0) return false;
    const content = index.stemsOf(said.slice(opening[0].length)).filter((stem) => !platformStems.has(stem));
    return content.length > 0 && content.every((stem) => howToStems.has(stem));
  };

  return (query: string): Judgement => {
    const terms = query ? index.terms(query, topicOf) : [];
    // Whom the question's contact is with, and whom its photos show: read only when needed, and once.
    const readings = readingsOf(query);
    const ranked = preferSummary(index.searchTerms(terms, 6, 0.05, readings), summaries);
    // A question that is one of an entry's own phrasings gets that entry, if the ranking has it near
    // the top (a long phrasing's story can rank another entry first), unless the question reports risk.
    const plain = normalise(query);
    const own = plain ? ranked.findIndex((h) => isOwnText(h.entry, plain)) : -1;
    const verbatim = own >= 0 && !(ranked[0]?.urgent && readings.risk());
    const hits = (
      verbatim && own > 0 ? [ranked[own] as Hit, ...ranked.filter((_, i) => i !== own)] : ranked
    ).slice(0, 4);
    const [top, second] = hits;
    const profile = index.profile(terms);
    const asking = Math.max(profile.asking, 1e-9);
    // A cue counts when the asking sentences hold all its words and the best entry lacks one of them.
    const asked = new Set(terms.filter(asks).map((t) => t.stem));
    let offTopic = 0;
    let named: string | undefined;
    const said = ` ${plain} `;
    for (const { subject, stems, phrase } of offTopicCues) {
      const fires = phrase
        ? holdsPhrase(said, phrase) && !(top && holdsPhrase(phrasingText(top.entry), phrase))
        : stems.every((stem) => asked.has(stem)) && stems.some((stem) => !top?.matched.has(stem));
      if (!fires) continue;
      offTopic += 1;
      named ??= subject;
    }
    const subjectWords = terms.filter((t) => subjectStems.has(t.stem)).length;
    const leaning = index.elsewhere(terms);
    // named only where the lean rests on enough of the question: "the capital of France" shares one word
    // with an example about taking a dog to France, which is no reason to call it a personal matter
    const namesOther = leaning.lean > 0 && (leaning.read ?? 0) >= NAME_MIN_READ && (leaning.words ?? 0) >= 2;
    const elsewhere = namesOther && leaning.subject !== undefined ? others[leaning.subject] : undefined;
    const features: FeatureVector = {
      score: top?.score ?? 0,
      phrasing: top?.phrasing ?? 0,
      askCoverage: top?.askCoverage ?? 0,
      margin: Math.max(0, (top?.score ?? 0) - (second?.score ?? 0)),
      agreement: top?.agreement ?? 0,
      unknownShare: profile.unknown / asking,
      anchored: subjectWords > 0 ? 1 : 0,
      subject: Math.log1p(subjectWords),
      domain: profile.domain,
      offTopic: Math.min(1, offTopic / 2),
      length: Math.log1p(profile.terms),
      elsewhere: leaning.lean,
    };
    const p = top ? probability(model, features) : 0;
    // Whom the contact is with settles a choice only between two entries about someone's contact; whom
    // the photos show, between two about photos of different people.
    const settler = top?.counterpart && second?.counterpart ? readings.who() : undefined;
    const photos = !!top?.depicts && !!second?.depicts && top.depicts !== second.depicts;
    const settledByPhotos = photos && readings.depicted() === top?.depicts;
    const urgent = !!top?.urgent && readings.risk();
    const clarify =
      !urgent &&
      !verbatim &&
      !!top &&
      !!second &&
      !settledByPhotos &&
      choiceIsOpen(top, second, settler, model.clarifyMargin);
    // Only a question that names another subject or asks how to do something needs its sentences
    // counted (most do neither). Saying who is asking ("I'm a nurse, how do I go live on TikTok") does
    // not make it a longer post.
    const only = named !== undefined || HOW_TO_ANYWHERE.test(said) ? onlySentence(query) : undefined;
    // A question asking leave to share a clinical thing (a photo of a rash) is the bot's.
    const offSubject =
      only && !urgent && !verbatim
        ? ((sharesWhatItNames(named, only) ? undefined : named) ??
          (asksPlatformHowTo(only) ? howToSubject : undefined))
        : undefined;
    return {
      terms,
      hits,
      features,
      probability: p,
      clarify,
      urgent,
      verbatim,
      reportsRisk: readings.risk,
      ...(offSubject ? { offSubject } : {}),
      ...(elsewhere ? { elsewhere } : {}),
    };
  };
}

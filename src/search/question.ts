import {
  ABOUT_THE_POST,
  AFTERWORD,
  BRACKETED,
  FEELING,
  FRAMING,
  isAsking,
  isChatter,
  isRoleLine,
  isShort,
  isSignature,
  LAST_ASKS_UP_TO,
  LETTER,
  MARKER,
  ONLY_WHO,
  OPENS_WITH_WHO,
  PLEA,
  PLEA_HINT,
  SPACE_RUN,
  SUMMARY,
  THANKS,
  WHEN_IT_CAME_UP,
} from "./sentence-kinds.js";

/** One sentence of a question, and whether it is the part that asks. */
export interface Sentence {
  readonly text: string;
  readonly asking: boolean;
  /**
   * An aside: it only says who is asking ("I'm a student midwife", "I work in Leeds", "Nurse here"),
   * thanks ("Thanks in advance!") or talks about the post ("Throwaway account."): neither what they ask
   * nor the story.
   */
  readonly aside?: boolean;
  /** It asks only because it is the last of a short post with no question in it (see LAST_ASKS_UP_TO). */
  readonly guessed?: boolean;
}

/** A sentence ends at . ! or ? (and any closing quote or bracket) followed by space. */
const SENTENCE_END = /(?<=[.!?]["'”’)]*)\s+/;

/**
 * The text's sentences, line by line. A plain split, not Intl.Segmenter: the index reads every phrasing
 * this way at start, and the segmenter made that (and a one-shot `ask`) several times slower for no
 * better sentences here.
 */
export function sentencesOf(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => line.split(SENTENCE_END));
}

/**
 * Splits a question into sentences and marks the ones that ask. Real askers write a story first and
 * the question last; the asking sentences say what they want, the rest is supporting context.
 * A text with no sentence that looks like a question is a keyword search (all asking), or a short post
 * that asks in its last sentence (LAST_ASKS_UP_TO), thanks and edits aside. Forum shorthand ("TL;DR:",
 * "Quick question:") is dropped.
 * Who is asking ("I'm a student midwife and...", "As a GP,", "I work in Leeds.", "Nurse here.") is
 * split off and marked an `aside`, as are thanks and words about the post: a role says little of what is asked, and read as
 * part of the question it drew the answer to the entries about students, midwives or practices.
 * Knowledge phrasings are read with `whoIsAsking: false`: an introduction there is part of the
 * situation the phrasing describes.
 */
export function readQuestion(text: string, options: { readonly whoIsAsking?: boolean } = {}): Sentence[] {
  const marked: Sentence[] = [];
  /** Role lines and small talk: asides unless nothing else is said. */
  const unlessAlone = new Set<Sentence>();
  for (const part of sentencesOf(text)) {
    let s = part.trim();
    // "TL;DR: how do I handle it professionally": the asker's own summary says what they ask
    const summary = SUMMARY.test(s);
    // "Hi team - quick q: ...": a greeting, then shorthand (a few at most, however many are sent)
    for (let k = 0; k < 3 && MARKER.test(s); k++) s = s.replace(MARKER, "");
    if (options.whoIsAsking !== false) {
      const unpleaded = (PLEA_HINT.test(s) ? s.replace(PLEA, "") : s).replace(FEELING, "");
      if (unpleaded !== s) {
        // a plea alone ("I would be grateful for your advice.") leaves nothing to read
        if (!LETTER.test(unpleaded)) continue;
        s = unpleaded.replace(SPACE_RUN, " ").trim();
      }
    }
    // "(I work in Texas)", "(I'm a nurse in the UK)": who is asking, put in brackets mid-sentence.
    if (options.whoIsAsking !== false)
      s = s
        .replace(BRACKETED, (whole, inside: string) => {
          if (!ONLY_WHO.test(inside.trim())) return whole;
          marked.push({ text: inside.trim(), asking: false, aside: true });
          return "";
        })
        .replace(/\s{2,}/g, " ")
        .replace(/\s+([?.!,])/g, "$1")
        .trim();
    if (!s) continue;
    const opening = options.whoIsAsking === false ? null : OPENS_WITH_WHO.exec(s);
    if (opening?.[1] && opening[2]) {
      marked.push({ text: opening[1], asking: false, aside: true });
      marked.push({ text: opening[2], asking: isAsking(opening[2]) });
    } else if (
      options.whoIsAsking !== false &&
      (ONLY_WHO.test(s) ||
        WHEN_IT_CAME_UP.test(s) ||
        (isShort(s) &&
          ((ABOUT_THE_POST.test(s) && !isAsking(s)) ||
            FRAMING.test(s) ||
            (marked.length > 0 && (THANKS.test(s) || isSignature(s))))))
    )
      marked.push({ text: s, asking: false, aside: true });
    else if (
      options.whoIsAsking !== false &&
      ((marked.every((m) => m.aside) && isRoleLine(s)) || isChatter(s))
    ) {
      const line = { text: s, asking: false, aside: true };
      unlessAlone.add(line);
      marked.push(line);
    } else marked.push({ text: s, asking: summary || isAsking(s) });
  }
  // A role line or small talk with nothing else said is the question itself ("Nurses on TikTok",
  // "tips pls"), not who is asking or chatter around it.
  if (unlessAlone.size > 0 && marked.every((m) => m.aside))
    marked.forEach((m, i) => {
      if (unlessAlone.has(m)) marked[i] = { text: m.text, asking: isAsking(m.text) };
    });
  if (marked.some((s) => s.asking)) return marked;
  const spoken = marked.filter((s) => !s.aside && !AFTERWORD.test(s.text));
  const last = spoken.length >= 2 && spoken.length <= LAST_ASKS_UP_TO ? spoken[spoken.length - 1] : undefined;
  if (last) return marked.map((s) => (s === last ? { ...s, asking: true, guessed: true } : s));
  return marked.map((s) => (s.aside ? s : { ...s, asking: true }));
}

/**
 * When the last sentence of a post was only guessed to ask and names nothing the knowledge is about
 * (`naming` gives 0), the sentence that names most asks instead, and the guessed one is read as story.
 */
export function askerByNaming<S extends Sentence>(sentences: S[], naming: (s: S) => number): S[] {
  const guessed = sentences.find((s) => s.guessed);
  if (!guessed || naming(guessed) > 0) return sentences;
  let asker: S | undefined;
  let most = 0;
  for (const s of sentences) {
    if (s.aside || s === guessed) continue;
    const weight = naming(s);
    if (weight > most) [asker, most] = [s, weight];
  }
  if (!asker) return sentences;
  return sentences.map((s) =>
    s === guessed ? { ...s, asking: false, guessed: false } : s === asker ? { ...s, asking: true } : s,
  );
}

/**
 * Whose subject an asking sentence is about: the bot's (it names a platform, a post, a message...),
 * another's (it holds a word of a subject the bot declines, and nothing of the bot's), or neither.
 */
export type AskTopic = "bot" | "other" | undefined;

/**
 * A post that asks several things, one of them about another subject ("what's the apixaban dose for
 * AF?", "how many CPD hours do I need?") and another about the bot's ("...should I accept his friend
 * request on Facebook?"): the other subject's question is read as story, so that its words neither
 * outweigh the question the bot can answer nor decline the whole post. Only when a question left
 * asking is the bot's: "Any tips?" after a question about an exam is still about the exam.
 */
export function asksOfTheSubject<S extends Sentence>(sentences: S[], topicOf: (s: S) => AskTopic): S[] {
  const asking = sentences.filter((s) => s.asking && !s.aside);
  if (asking.length < 2) return sentences;
  const topics = new Map(asking.map((s) => [s, topicOf(s)]));
  if (![...topics.values()].includes("bot")) return sentences;
  return sentences.map((s) => (topics.get(s) === "other" ? { ...s, asking: false } : s));
}

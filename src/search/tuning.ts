/** Every number that shapes matching, in one place (as Fuse keeps its defaults); frozen. */
export const SEARCH_TUNING = Object.freeze({
  /** Credit for a query term that the entry has only in its answer text, not in a question or title. */
  answerOnlyCredit: 0.5,
  /**
   * How much an entry that has a word only in its answer counts towards the word's document frequency.
   * Answers mention much in passing (the GMC, a hospital, a policy), so counting them fully would make
   * the words that define an entry's questions look common; an entry's questions say what it is about.
   */
  answerOnlyDf: 0.3,
  /** How much the best single phrasing counts against coverage of the whole entry. */
  phrasingWeight: 0.7,
  /** A word the corpus never uses is strong evidence the question is about something else. */
  unknownWordFactor: 1.5,
  /**
   * An everyday English word the corpus lacks ("official", "worth", "stranger") is weaker evidence
   * than a rare one ("sepsis", "canteen"): its weight falls towards this factor as it gets commoner.
   */
  commonWordFactor: 1.0,
  /** Ranks in spoken English at which a word counts as fully common, and as fully rare. */
  commonRank: 1_000,
  rareRank: 10_000,
  /** A question word used by this many of an entry's phrasings is central to it; fewer, incidental. */
  centralUses: 2,
  /** ... or this share of its phrasings, when it has many. */
  centralShare: 0.2,
  /** Coverage credit for a question word only one phrasing in `centralUses` uses, rising to 1. */
  incidentalCredit: 0.6,
  /** Credit for a word read as a longer or shorter form of a corpus word ("relate" as "relationship"). */
  variantCredit: 0.85,
  /** The shortest shared beginning that makes two words forms of one another. */
  minVariantPrefix: 5,
  /**
   * The least meaning a question must carry to be answered with full confidence, in IDF units
   * (a term in about a third of the entries): "doctors and social media" alone is too vague.
   */
  minQueryWeight: 1.0,
  /**
   * How many times (as a power of e) the knowledge must use a word more than everyday English does for
   * the word to say what a question is about, when choosing which sentence of a short post with no
   * question in it asks (see SearchIndex.askingByContent).
   */
  askingSpecificity: 4,
  /**
   * In a question with a story, how much a word of its asking sentences counts that the knowledge never
   * uses and everyday English seldom does (rarer than `rareRank`: "ivermectin", "masseter"): a particular
   * of the case the story sets out, not a sign of another subject. A common word the knowledge lacks
   * ("hacked", "transit") still counts in full. Of 0, 0.3 and 0.5 measured on every set, 0.3 answered
   * the most questions right without answering more out of scope.
   */
  askedRareUnknownWeight: 0.3,
  /** How much the story around the asking sentences counts. */
  contextWeight: 0.6,
  /** ... and when the asking sentences carry less meaning than this.tune.vagueAskWeight (IDF units). */
  vagueContextWeight: 0.8,
  vagueAskWeight: 2.5,
  /**
   * How much an aside counts, in both readings: the words that say who is asking ("I'm a student
   * midwife and...", "As a PGY-2 resident,") and thanks. A role says little of what is asked, and at
   * the story's weight it drew questions to the entries about students, midwives or practices.
   */
  asideWeight: 0.1,
  /**
   * The second reading, a naive Bayes model of each entry's words (see WordModel): the smoothing added
   * to every count, and how much a word of a phrasing's story and of the answer counts against one of
   * a phrasing's asking sentence.
   */
  wordSmoothing: 0.2,
  wordStoryWeight: 0.5,
  wordAnswerWeight: 0.1,
  /** How much the word model counts the story of a question whose asking sentences are clear. */
  wordContextWeight: 0.8,
  /**
   * How much more the word model counts a word the question says in several sentences: its weight
   * times 1 + `wordRepeatGain` × log(sentences), asides left out.
   */
  wordRepeatGain: 0.5,
  /**
   * The two readings' rankings are fused by reciprocal rank (each entry scores 1 / (fusionK + rank) in
   * each); `fusionDepth` is how far down the phrasing ranking is read for it.
   */
  fusionK: 10,
  fusionDepth: 20,
  /**
   * When the question's contact is with one kind of person (a patient, a relative, a colleague: see
   * counterpart.ts) and the first entry's is with another, the first of the top `counterpartReach`
   * entries whose contact is the question's goes first.
   */
  counterpartReach: 3,
  /**
   * How a question's words are weighed against everyday English for the confidence's `domain` feature:
   * a word's share of spoken English is about `zipfShare` / its rank (Zipf's law), and one rarer than
   * the list reaches is taken as `rareWordShare`; the log ratio to the knowledge's share is capped at
   * `domainCap`, so that one very rare word does not outweigh the rest of the question.
   */
  zipfShare: 0.1,
  rareWordShare: 1e-5,
  domainCap: 6,
  /**
   * In a corpus of a hundred entries, a word can be rare (a high IDF) only because the entries seldom
   * say it, though it tells nothing of the subject ("season", "continue", "appropriate"). A question's
   * word counts in full only when the knowledge uses it at least e^`topicalFull` times as much as
   * everyday English does, and falls to `topicalFloor` of its IDF as it nears everyday use.
   */
  topicalFloor: 0.3,
  topicalFull: 3,
  /** ... and the same for the word model's reading of a question, whose weights are not IDF. */
  wordTopicalFloor: 0.6,
});

/** Search tuning; any part may be overridden for experiments and tests. */
export type SearchTuning = { readonly [K in keyof typeof SEARCH_TUNING]: number };

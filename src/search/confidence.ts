/**
 * The named facts about a question and its best match from which the confidence is computed. Each is
 * explainable on its own; their weights are fitted on the project's labelled sets (`npm run fit`).
 */
export const FEATURES = [
  /** The ranking score of the best entry, in [0, 1]. */
  "score",
  /** How well its closest single phrasing matches the question. */
  "phrasing",
  /** The share of the asking sentences' meaning that the entry covers. */
  "askCoverage",
  /** How far ahead of the runner-up its ranking score is; 0 when the runner-up's is higher (the readings disagree). */
  "margin",
  /** 1 when both readings of the question (closest phrasing, and the entry's words) rank it first. */
  "agreement",
  /** The share of the asking sentences' meaning on words the knowledge never uses. */
  "unknownShare",
  /** 1 when the question names the subject anywhere: social media, a platform, posting, photos, reviews, privacy... */
  "anchored",
  /** How many of the subject's words it names anywhere: log(1 + n). A story in scope names several. */
  "subject",
  /** How much the question, story included, speaks the knowledge's language rather than everyday English. */
  "domain",
  /** The share of the asking sentences' meaning on words that mark another subject (off-topic.yaml). */
  "offTopic",
  /** How long the question is: log(1 + distinct terms). */
  "length",
  /** How much likelier its words are under another subject's example questions (off-topic.yaml) than under the likeliest entry. */
  "elsewhere",
] as const;

/** One feature's name. */
export type Feature = (typeof FEATURES)[number];

/** The features of one question, by name. */
export type FeatureVector = Readonly<Record<Feature, number>>;

/** knowledge/confidence.json: a logistic model and the threshold chosen from its reliability table. */
export interface ConfidenceModel {
  readonly weights: FeatureVector;
  readonly bias: number;
  /** Answer when the probability of being right is at least this; below it, decline and suggest. */
  readonly threshold: number;
  /** When the runner-up's probability is within this of the answer's and its topic differs, ask back. */
  readonly clarifyMargin: number;
  /** How the weights were fitted, for the record. */
  readonly fitted?: {
    readonly on: readonly string[];
    readonly folds: number;
    readonly rows: number;
    readonly date: string;
  };
}

/** The probability that the best entry is a right answer. */
export function probability(model: Pick<ConfidenceModel, "weights" | "bias">, x: FeatureVector): number {
  let z = model.bias;
  for (const f of FEATURES) z += (model.weights[f] ?? 0) * x[f];
  return 1 / (1 + Math.exp(-z));
}

/** A model that uses the ranking score alone: the fallback before any fit, and the tests' default. */
export const SCORE_ONLY_MODEL: ConfidenceModel = {
  weights: {
    score: 12,
    phrasing: 0,
    askCoverage: 0,
    margin: 0,
    agreement: 0,
    unknownShare: 0,
    anchored: 0,
    subject: 0,
    domain: 0,
    offTopic: 0,
    length: 0,
    elsewhere: 0,
  },
  bias: -4.8,
  threshold: 0.5,
  clarifyMargin: 0.05,
};

import { type ConfidenceModel, FEATURES, type FeatureVector, probability } from "../search/confidence.js";

/** One labelled example: the features of a question's best match, and whether that match is right. */
export interface Example {
  readonly x: FeatureVector;
  /** 1 when the best-ranked entry is a right answer; 0 when it is wrong or the question is out of scope. */
  readonly y: 0 | 1;
  /** True for an out-of-scope question. */
  readonly outOfScope: boolean;
}

/** Fitted weights and bias of a logistic model. */
export type Weights = Pick<ConfidenceModel, "weights" | "bias">;

const L2 = 0.01;
const STEPS = 3_000;
const RATE = 0.5;

/** Fits a logistic model by gradient descent with a small L2 penalty (not on the bias). */
export function fitLogistic(examples: readonly Example[]): Weights {
  const w = new Float64Array(FEATURES.length);
  let b = 0;
  const n = Math.max(1, examples.length);
  for (let step = 0; step < STEPS; step++) {
    const grad = new Float64Array(FEATURES.length);
    let gradB = 0;
    for (const { x, y } of examples) {
      let z = b;
      FEATURES.forEach((f, i) => {
        z += (w[i] ?? 0) * x[f];
      });
      const err = 1 / (1 + Math.exp(-z)) - y;
      FEATURES.forEach((f, i) => {
        grad[i] = (grad[i] ?? 0) + err * x[f];
      });
      gradB += err;
    }
    FEATURES.forEach((_, i) => {
      w[i] = (w[i] ?? 0) - RATE * ((grad[i] ?? 0) / n + L2 * (w[i] ?? 0));
    });
    b -= (RATE * gradB) / n;
  }
  const weights = Object.fromEntries(FEATURES.map((f, i) => [f, round(w[i] ?? 0)])) as Weights["weights"];
  return { weights, bias: round(b) };
}

/** Each example's probability from a model fitted without its fold: honest held-out predictions. */
export function crossValidate(examples: readonly Example[], folds: number): number[] {
  const predictions = new Array<number>(examples.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((_, i) => i % folds !== k);
    const model = fitLogistic(train);
    examples.forEach((e, i) => {
      if (i % folds === k) predictions[i] = probability(model, e.x);
    });
  }
  return predictions;
}

/** What a threshold gives: share right among in-scope questions answered, and share of out-of-scope declined. */
export interface ThresholdResult {
  readonly threshold: number;
  readonly top1: number;
  readonly abstain: number;
  readonly wrongAnswers: number;
}

/**
 * The share of out-of-scope questions the bot must decline, whatever answering more would gain: the
 * answer engine's target for real questions (issue 12). A threshold below it is not chosen.
 */
export const MIN_ABSTAIN = 0.9;

/**
 * How many neighbouring thresholds on each side (0.01 apart) a threshold's utility is averaged with.
 * Cross-validated utility is jagged (a few questions crossing at one step move it as much as the
 * whole plateau varies), so the best single point is mostly noise; the best neighbourhood is not.
 */
const SMOOTHING_STEPS = 2;

/**
 * The threshold that best trades right answers against wrong ones: each right answer counts +1,
 * each wrong answer (a wrong entry, or any answer to an out-of-scope question) −1, a decline 0,
 * averaged with its neighbours' (SMOOTHING_STEPS); among those that decline at least `minAbstain`
 * of the out-of-scope questions.
 */
export function chooseThreshold(
  examples: readonly Example[],
  p: readonly number[],
  minAbstain = MIN_ABSTAIN,
): ThresholdResult {
  const inScope = examples.filter((e) => !e.outOfScope).length;
  const steps = Array.from({ length: 61 }, (_, i) => {
    const r = atThreshold(examples, p, 0.2 + i * 0.01);
    return { r, utility: r.top1 * inScope - r.wrongAnswers };
  });
  let best: ThresholdResult | undefined;
  let bestUtility = Number.NEGATIVE_INFINITY;
  steps.forEach(({ r }, i) => {
    if (r.abstain < minAbstain) return;
    const around = steps.slice(Math.max(0, i - SMOOTHING_STEPS), i + SMOOTHING_STEPS + 1);
    const utility = around.reduce((sum, s) => sum + s.utility, 0) / around.length;
    if (utility > bestUtility) [best, bestUtility] = [r, utility];
  });
  return best ?? atThreshold(examples, p, 0.5);
}

/** Top-1 and abstain at one threshold. */
export function atThreshold(examples: readonly Example[], p: readonly number[], t: number): ThresholdResult {
  let inScope = 0;
  let right = 0;
  let out = 0;
  let declined = 0;
  let wrong = 0;
  examples.forEach((e, i) => {
    const answered = (p[i] ?? 0) >= t;
    if (e.outOfScope) {
      out++;
      if (!answered) declined++;
      else wrong++;
      return;
    }
    inScope++;
    if (answered && e.y === 1) right++;
    else if (answered) wrong++;
  });
  return {
    threshold: round(t),
    top1: inScope ? right / inScope : 1,
    abstain: out ? declined / out : 1,
    wrongAnswers: wrong,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

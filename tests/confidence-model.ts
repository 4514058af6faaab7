import { type ConfidenceModel, type Feature, SCORE_ONLY_MODEL } from "../src/search/confidence.js";

/** A confidence model with only the given weights, so that a test decides what the confidence depends on. */
export function modelOf(weights: Partial<Record<Feature, number>>, bias: number): ConfidenceModel {
  const zero = Object.fromEntries(Object.keys(SCORE_ONLY_MODEL.weights).map((f) => [f, 0]));
  return { ...SCORE_ONLY_MODEL, weights: { ...zero, ...weights } as ConfidenceModel["weights"], bias };
}

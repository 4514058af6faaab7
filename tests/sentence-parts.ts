import { readQuestion } from "../src/search/question.js";

/** A question's sentences as readQuestion reads them: each with whether it asks, is an aside, or is story. */
export const parts = (text: string, options: Parameters<typeof readQuestion>[1] = {}) =>
  readQuestion(text, options).map((s) => [s.text, s.asking ? "asks" : s.aside ? "aside" : "story"]);

import { describe, expect, it } from "vitest";
import { keepBest } from "../src/search/keep-best.js";

/** The entries kept from `taken` ([index, score], in the order taken), best first. */
function kept(taken: [number, number][], depth: number, lowerFirst: boolean): number[] {
  const order: number[] = [];
  const scores: number[] = [];
  for (const [index, score] of taken) keepBest(order, scores, index, score, depth, lowerFirst);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  return order;
}

describe("keepBest", () => {
  const taken: [number, number][] = [
    [5, 0.2],
    [3, 0.9],
    [8, 0.5],
    [1, 0.5],
    [7, 0.9],
    [2, 0.1],
  ];

  it("keeps the best, best first, and no more than asked", () => {
    expect(kept(taken, 10, false)).toEqual([3, 7, 8, 1, 5, 2]);
    expect(kept(taken, 3, false)).toEqual([3, 7, 8]);
    expect(kept(taken, 1, false)).toEqual([3]);
    expect(kept(taken, 0, false)).toEqual([]);
  });

  it("puts the lower index ahead of an equal score when asked, else the one taken first", () => {
    expect(kept(taken, 10, true)).toEqual([3, 7, 1, 8, 5, 2]);
    expect(
      kept(
        [
          [7, 0.9],
          [3, 0.9],
        ],
        1,
        true,
      ),
    ).toEqual([3]);
    expect(
      kept(
        [
          [7, 0.9],
          [3, 0.9],
        ],
        1,
        false,
      ),
    ).toEqual([7]);
  });
});

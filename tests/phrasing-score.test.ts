import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/knowledge/load.js";
import { seededRandom } from "../src/random.js";
import { Analyser } from "../src/search/analyse.js";
import type { IndexedEntry } from "../src/search/index-data.js";
import { buildIndex } from "../src/search/index-data.js";
import { type Query, rankByPhrasing } from "../src/search/phrasing-score.js";
import { SEARCH_TUNING, type SearchTuning } from "../src/search/tuning.js";
import { fixtureCopy } from "./helpers.js";

/** The closest-phrasing match by its definition: each phrasing of the entry, one by one. */
function closestOf(item: IndexedEntry, query: Query): number {
  let best = 0;
  item.phrasings.forEach((phrasing, p) => {
    let shared = 0;
    for (const stem of phrasing) shared += query.credited.get(stem) ?? 0;
    if (shared > 0) best = Math.max(best, (2 * shared) / (query.weight + (item.phrasingWeights[p] ?? 0)));
  });
  return best;
}

/** An entry's score by its definition: its closest phrasing's match and its coverage of the question. */
function scoreOf(tune: SearchTuning, item: IndexedEntry, query: Query): number {
  let covered = 0;
  for (const [stem, w] of query.credited) {
    const central = item.questionStems.get(stem);
    if (central !== undefined) covered += w * (tune.incidentalCredit + (1 - tune.incidentalCredit) * central);
    else if (item.answerStems.has(stem)) covered += w * tune.answerOnlyCredit;
  }
  const score =
    tune.phrasingWeight * closestOf(item, query) + (1 - tune.phrasingWeight) * (covered / query.weight);
  return Math.min(1, Math.max(0, score));
}

describe("the closest-phrasing ranking", () => {
  it("ranks as scoring every entry one by one does, for questions of any length", () => {
    const knowledge = loadKnowledge(fixtureCopy());
    const built = buildIndex(knowledge.entries, Analyser.of(knowledge.synonyms), SEARCH_TUNING);
    const stems = [...built.idf.keys()];
    const random = seededRandom(7);
    for (let n = 0; n < 300; n++) {
      // any query will do: a random handful of the corpus's stems, with weights up to their IDF
      const credited = new Map<string, number>();
      for (let j = 1 + Math.floor(random() * 40); j > 0; j--) {
        const stem = stems[Math.floor(random() * stems.length)] ?? "";
        credited.set(stem, (built.idf.get(stem) ?? 1) * (0.3 + 0.7 * random()));
      }
      const total = [...credited.values()].reduce((a, b) => a + b, 0);
      const query: Query = { credited, weight: Math.max(1, total + random() * 5) };
      const depth = 1 + Math.floor(random() * 10);
      const ranking = rankByPhrasing(
        built.items,
        built.postings,
        built.phrasings,
        query,
        depth,
        SEARCH_TUNING,
      );
      const fast = ranking.ranked;
      built.items.forEach((item, index) => {
        expect(ranking.score(index)).toBeCloseTo(scoreOf(SEARCH_TUNING, item, query), 12);
        expect(ranking.closest(index)).toBeCloseTo(closestOf(item, query), 12);
      });
      const slow = built.items
        .map((item, index) => ({ index, score: scoreOf(SEARCH_TUNING, item, query) }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .slice(0, depth);
      expect(fast.map((r) => r.score)).toEqual(slow.map((r) => expect.closeTo(r.score, 12)));
      // the same entries wherever the scores are not tied (a tie's order rests on the last bit)
      fast.forEach((r, k) => {
        const tied = slow.some((s, m) => m !== k && Math.abs(s.score - r.score) < 1e-12);
        if (!tied) expect(r.index).toBe(slow[k]?.index);
      });
    }
  });
});

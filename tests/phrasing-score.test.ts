import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/knowledge/load.js";
import { seededRandom } from "../src/random.js";
import { Analyser } from "../src/search/analyse.js";
import { buildIndex } from "../src/search/index-data.js";
import { type Query, rankByPhrasing, scoreEntry } from "../src/search/phrasing-score.js";
import { SEARCH_TUNING } from "../src/search/tuning.js";
import { fixtureCopy } from "./helpers.js";

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
      const fast = rankByPhrasing(built.items, built.postings, built.phrasings, query, depth, SEARCH_TUNING);
      const slow = built.items
        .map((item, index) => ({ index, score: scoreEntry(SEARCH_TUNING, item, query) }))
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

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../src/random.js";
import { isEnglishWord } from "../src/search/dictionary.js";
import { substringEdits, withinEdits } from "../src/search/edit-distance.js";
import { TypoCorrector } from "../src/search/typo.js";

// The typo corrector on its own: which misspelt words it reads as which word, and that its guesses and
// its edit counts are fuse.js's, as over the whole vocabulary.

/**
 * A vocabulary to correct towards, as large as a knowledge base's: every 80th word of the English word
 * list, and words of the bot's subject that no dictionary has, or that the misspellings below are near.
 */
const vocabularyWords = [
  ...readFileSync(join(dirname(createRequire(import.meta.url).resolve("word-list")), "words.txt"), "utf8")
    .split("\n")
    .filter((_, i) => i % 80 === 0),
  ..."tiktok instagram whatsapp hipaa gmc ahpra doxxing selfie selfies screenshot screenshots livestream".split(
    " ",
  ),
  ..."laceration postpartum filmed filming comments portugal ireland ahmed okonkwo".split(" "),
];

describe("typo correction", () => {
  const typo = new TypoCorrector(new Set(["maintain", "boundaries", "patients", "confidentiality", "other"]));

  it("corrects a misspelt corpus word", () => {
    expect(typo.correct("mantain")).toBe("maintain");
    expect(typo.correct("boundries")).toBe("boundaries");
    expect(typo.correct("confidentialty")).toBe("confidentiality");
  });

  it("never rewrites a real English word or a short word", () => {
    expect(typo.correct("bother")).toBeNull();
    expect(typo.correct("pts")).toBeNull();
    expect(new TypoCorrector(new Set(["online"])).correct("london")).toBeNull();
  });

  it("leaves a word English has, a place or a person's name, though a corpus word is two edits away", () => {
    expect(new TypoCorrector(new Set(["romance"])).correct("romania")).toBeNull();
    expect(new TypoCorrector(new Set(["spoken"])).correct("spokane")).toBeNull();
    expect(new TypoCorrector(new Set(["higher"])).correct("hughes")).toBeNull();
    expect(new TypoCorrector(new Set(["panel"])).correct("patel")).toBeNull();
    // a surname the people-names list has and the word lists do not
    expect(new TypoCorrector(new Set(["surgeon"])).correct("turgeon")).toBeNull();
    expect(new TypoCorrector(new Set(["surgeon"])).closest("turgeon")).toBe("surgeon");
    // each was the corpus word's closest reading
    expect(new TypoCorrector(new Set(["romance"])).closest("romania")).toBe("romance");
    expect(new TypoCorrector(new Set(["panel"])).closest("patel")).toBe("panel");
  });

  it("reads a misspelling as the real word one slip from it, not the corpus word two edits away", () => {
    // "change" and "hesitant" are one slip away (two letters swapped; a letter added); the corpus lacks them
    expect(new TypoCorrector(new Set(["manage"])).correct("chnage")).toBeNull();
    expect(new TypoCorrector(new Set(["manage", "change"])).correct("chnage")).toBe("change");
    expect(new TypoCorrector(new Set(["assistant"])).correct("hesistant")).toBeNull();
    // a word of the corpus's stem is the corpus's word: "request" beside its "requests"
    const rarities = new Map([["request", 2]]);
    expect(new TypoCorrector(new Set(["requests"]), (stem) => rarities.get(stem)).correct("reqest")).toBe(
      "request",
    );
    // a corpus word one slip away is still taken as it was
    expect(new TypoCorrector(new Set(["maintain"])).correct("mantain")).toBe("maintain");
  });

  it("takes, of the real words one slip away, one with the typed first letter, then the corpus's commoner", () => {
    // "resistant" is one slip from "hesistant" too, but a typist seldom gets the first letter wrong
    expect(new TypoCorrector(new Set(["resistant"])).correct("hesistant")).toBeNull();
    expect(new TypoCorrector(new Set(["resistant"])).closest("hesistant")).toBe("resistant");
    const rarity = new Map([
      ["colleagu", 1.3],
      ["colleg", 2],
    ]);
    const corrector = new TypoCorrector(new Set(["college", "colleague"]), (stem) => rarity.get(stem));
    expect(corrector.correct("colleage")).toBe("colleague");
    rarity.set("colleg", 1);
    expect(
      new TypoCorrector(new Set(["college", "colleague"]), (stem) => rarity.get(stem)).correct("colleage"),
    ).toBe("college");
  });

  it("leaves two common words run together, unless a corpus word is one slip away", () => {
    expect(new TypoCorrector(new Set(["facebook"])).correct("macbook")).toBeNull();
    expect(new TypoCorrector(new Set(["postcode"])).correct("passcode")).toBeNull();
    expect(new TypoCorrector(new Set(["facebook"])).closest("macbook")).toBe("facebook");
    // "back" and "round", but one letter from the corpus's "background"
    expect(new TypoCorrector(new Set(["background"])).correct("backround")).toBe("background");
    // "you" and "tub", but a letter from a platform's name, which no word list has
    expect(new TypoCorrector(new Set(["youtube"])).correct("youtub")).toBe("youtube");
    // two letters are a word only if the word list has them too: subtitles' "su" leaves "sudont" one word
    expect(new TypoCorrector(new Set(["student"])).correct("sudont")).toBe("student");
    expect(new TypoCorrector(new Set(["manage"])).correct("mypage")).toBeNull();
  });

  it("gives up when nothing is close", () => {
    expect(typo.correct("xylophonic")).toBeNull();
  });

  it("takes a correction only when the whole word is that close, not a part of it", () => {
    // Bitap finds "cana" inside "canada" one edit from "canva"; the words themselves are two apart.
    expect(new TypoCorrector(new Set(["canada"])).correct("canva")).toBeNull();
    expect(new TypoCorrector(new Set(["canada"])).correct("canda")).toBe("canada");
  });

  it("guesses the closest corpus word as fuse.js over the whole vocabulary would, having asked it only about the near words", () => {
    // the vocabulary's words, and each of them misspelt three ways (a letter dropped, two swapped, one
    // replaced), with words it lacks: the answers are those of the whole-vocabulary search
    const vocabulary = [...new Set(vocabularyWords)];
    const whole = new Fuse(vocabulary, {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.34,
    });
    const reference = (word: string): string | null => {
      const maxEdits = word.length >= 6 ? 2 : word.length === 5 ? 1 : 0;
      if (maxEdits === 0 || isEnglishWord(word)) return null;
      for (const hit of whole.search(word, { limit: 5 }))
        if ((hit.score ?? 1) * word.length <= maxEdits + 1e-9 && withinEdits(word, hit.item, maxEdits))
          return hit.item;
      return null;
    };
    const corrector = new TypoCorrector(new Set(vocabulary));
    const asked = vocabulary
      .filter((w, i) => w.length >= 5 && i % 40 === 0)
      .flatMap((w) => {
        const i = Math.floor(w.length / 2);
        return [
          w.slice(0, i) + w.slice(i + 1),
          w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1),
          `${w.slice(0, i)}q${w.slice(i + 1)}`,
        ];
      })
      // and words that a part of many words matches closely: a fragment, one letter over and over
      .concat(["okonkwo", "lasceration", "partum", "flimed", "ahmed", "tiktoker", "zzzzzz"])
      .concat(["sation", "ication", "eeeeee", "pppppp", "portugl", "ireand", "mentss"])
      .filter((w) => /^\p{L}+$/u.test(w));
    let corrected = 0;
    for (const word of asked) {
      const got = corrector.closest(word);
      expect(got, word).toBe(reference(word));
      if (got) corrected++;
    }
    expect(corrected).toBeGreaterThan(asked.length / 3);
  });

  it("counts the edits of a word's best match inside another, never more than fuse.js's errors", () => {
    // the fewest edits to any part of the text, by trying every part
    const byParts = (word: string, text: string) => {
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i <= text.length; i++)
        for (let j = i; j <= text.length; j++)
          for (let k = 0; k <= word.length && k < least; k++)
            if (withinEdits(word, text.slice(i, j), k)) least = Math.min(least, k);
      return least;
    };
    expect(substringEdits("canva", "canada", 5)).toBe(1);
    expect(substringEdits("lation", "regulations", 2)).toBe(0);
    expect(substringEdits("abc", "", 5)).toBe(3);
    const random = seededRandom(7);
    const letter = () => "abcde"[Math.floor(random() * 5)] as string;
    const wordOf = (n: number) => Array.from({ length: n }, letter).join("");
    for (let n = 0; n < 300; n++) {
      const word = wordOf(5 + (n % 4));
      const text = wordOf(2 + (n % 9));
      const edits = byParts(word, text);
      expect(substringEdits(word, text, word.length), `${word} in ${text}`).toBe(edits);
      // past `max` it only says so
      if (edits > 1) expect(substringEdits(word, text, 1)).toBeGreaterThan(1);
      const [hit] = new Fuse([text], {
        includeScore: true,
        ignoreLocation: true,
        ignoreFieldNorm: true,
        threshold: 1,
      }).search(word);
      if (hit) expect((hit.score ?? 1) * word.length).toBeGreaterThanOrEqual(edits - 1e-9);
    }
  });

  it("ranks a word longer than 32 letters against every word fuse.js could match, as it always did", () => {
    // fuse.js scores such a word in 32-letter parts and averages them, so its score counts no errors:
    // five words three edits away tie with one two edits away, fill the first five and keep it out.
    const word = "qwertyuiopasdfghjklzxcvbnmqazwsxedcrfvtg";
    const at = (w: string, i: number, c: string) => w.slice(0, i) + c + w.slice(i + 1);
    const twoAway = at(at(word, 2, "y"), 20, "m");
    const threeAway = ["b", "n", "p", "l", "k"].map((c) => at(at(at(word, 1, c), 5, c), 36, c));
    expect(withinEdits(word, twoAway, 2)).toBe(true);
    expect(new TypoCorrector(new Set([...threeAway, twoAway])).correct(word)).toBeNull();
    expect(new TypoCorrector(new Set([twoAway])).correct(word)).toBe(twoAway);
  });
});

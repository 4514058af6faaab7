import { describe, expect, it } from "vitest";
import { counterpartFirst } from "../src/search/counterpart.js";
import { SearchIndex, type SearchTuning } from "../src/search/search-index.js";
import { SEARCH_TUNING } from "../src/search/tuning.js";
import { WordModel } from "../src/search/word-model.js";
import { testEntry as entry } from "./helpers.js";

const index = new SearchIndex(
  [
    entry("relationships", ["How does social media change the doctor-patient relationship?"]),
    entry("friend-requests", ["Should I accept a friend request from a patient?", "A patient added me"]),
    entry("rota", ["Posting my rota online", "Rota screenshots", "Sharing the rota with my team"]),
    entry("policy", ["Writing an office social media policy"]),
    entry("photos", ["Can I post a photo from my rota day?", "Photos of the ward", "Pictures at work"]),
  ],
  [],
);
const top = (q: string) => index.search(q, 3)[0];

describe("the search index", () => {
  it("reads another form of a corpus word as that word, with less credit", () => {
    const term = index.terms("how do patients relate to doctors").find((t) => t.word === "relate");
    expect(term?.stem).toBe("relationship");
    expect(term?.credit).toBeLessThan(1);
    expect(top("how do patients relate to doctors")?.entry.id).toBe("relationships");
  });

  it("does not stretch a short word into a longer one", () => {
    expect(index.terms("a rot").map((t) => t.stem)).toEqual(["rot"]);
  });

  it("does not read a longer unknown word as a short corpus word it happens to start with", () => {
    expect(index.terms("official").map((t) => t.stem)).not.toContain("offic");
  });

  it("counts a rare unknown word as stronger evidence of another subject than a common one", () => {
    const common = top("friend request from a stranger")?.score ?? 0;
    const rare = top("friend request from a zygomycete")?.score ?? 0;
    expect(common).toBeGreaterThan(rare);
  });

  it("counts a rare unknown word of the asking sentence less when a story sets out the case", () => {
    const weight = (q: string, word: string) => index.terms(q).find((t) => t.word === word)?.weight ?? 1;
    const story = "A patient added me on Facebook after her operation.";
    // a particular of the case the story sets out: a drug, a procedure
    expect(weight(`${story} Should I accept a friend request about her zygomycete?`, "zygomycete")).toBe(
      SEARCH_TUNING.askedRareUnknownWeight,
    );
    // without a story, or for an everyday word, the word still counts in full against every entry
    expect(weight("Should I accept a friend request about her zygomycete?", "zygomycete")).toBe(1);
    expect(weight(`${story} Should I accept a friend request about her garden?`, "garden")).toBe(1);
    expect(SEARCH_TUNING.askedRareUnknownWeight).toBeLessThan(1);
  });

  it("marks where each word comes from, whatever the tuning weighs the parts", () => {
    const q = "I'm a practice manager. We posted the rota online. Should I accept a friend request?";
    for (const tuning of [{}, { contextWeight: 1, vagueContextWeight: 1, asideWeight: 1 }]) {
      const even = new SearchIndex(
        [
          entry("friend-requests", ["Should I accept a friend request?"]),
          entry("rota", ["Posting my rota online"]),
          entry("managers", ["Advice for a practice manager"]),
        ],
        [],
        tuning,
      );
      const part = (word: string) => even.terms(q).find((t) => t.word === word)?.part;
      expect([part("manager"), part("rota"), part("friend")], JSON.stringify(tuning)).toEqual([
        "aside",
        "story",
        undefined,
      ]);
    }
  });

  it("counts in how many sentences a question says each word, for the word model", () => {
    const terms = index.terms("Our rota went online. A nurse shared the rota. Can I take the rota down?");
    expect(terms.find((t) => t.stem === "rota")?.sentences).toBe(3);
    expect(terms.find((t) => t.stem === "onlin")?.sentences).toBeUndefined();
  });

  it("ranks an entry whose phrasings keep using a word above one that uses it once", () => {
    const hits = index.search("rota", 2);
    expect(hits.map((h) => h.entry.id)).toEqual(["rota", "photos"]);
  });
});

describe("weighing a question's words by how topical they are", () => {
  // "hipaa" and "screenshot" are in two entries each and rare in everyday English; "night" is in one
  // entry only, so its IDF is higher, but it is an everyday word. Each entry has an answer as long as a
  // real one, so that a word's share of the knowledge is about what it would be.
  const answer =
    "Before you reply, stop and talk it over with your manager or a senior colleague you trust. Write down what happened, when it happened and who else saw it, then keep that note somewhere safe. Check your employer's written policy, because many hospitals and practices set out clear steps for staff. If anything could identify a person, remove it straight away and tell the team responsible for information governance. Ask your union, your professional body or your defence organisation for advice about your own case, especially before any meeting. Think about how a reader who does not know you might understand your words, and whether you would be comfortable seeing them printed in a newspaper. Keep personal and professional accounts apart, review your privacy settings every few months, and never discuss individual people in public spaces. Most problems settle quickly when they are handled calmly, honestly and early.";
  const entries = [
    entry("hipaa", ["Does HIPAA apply to what I post?", "Can I post a screenshot of a message?"], answer),
    entry("breach", ["I shared a screenshot by mistake, is that a HIPAA breach?"], answer),
    entry("night-out", ["Can I post photos from a night out?"], answer),
    entry("friends", ["Should I accept a friend request from a patient?"], answer),
    entry("reviews", ["How do I answer a bad review?"], answer),
    entry("dating", ["A patient matched with me on a dating app"], answer),
    entry("press", ["A journalist called me about a case"], answer),
    entry("groups", ["Can I join a closed group for nurses?"], answer),
    entry("tagging", ["A colleague tagged me in a photo from the ward"], answer),
    entry("selfies", ["Is it OK to take a selfie in scrubs?"], answer),
  ];
  const weigh = (tuning: Partial<SearchTuning>) => {
    const corpus = new SearchIndex(entries, [], tuning);
    return (word: string) => {
      const [term] = corpus.terms(word);
      return term ? corpus.weightOf(term) : 0;
    };
  };

  it("lets a subject word outweigh an everyday word that is rarer in the entries only by chance", () => {
    const weight = weigh({});
    expect(weight("hipaa")).toBeGreaterThan(weight("night"));
    expect(weight("screenshot")).toBeGreaterThan(weight("night"));
  });

  it("weighs by IDF alone without it", () => {
    const weight = weigh({ topicalFloor: 1 });
    expect(weight("night")).toBeGreaterThan(weight("hipaa"));
    expect(weight("night")).toBeGreaterThan(weight("screenshot"));
  });
});

describe("document frequency", () => {
  it("counts a word an answer mentions in passing as less common than one other entries' questions use", () => {
    const passing = "Check your employer's policy first.";
    const corpus = new SearchIndex(
      [
        entry("policy", ["Does my employer have a policy on posting?"]),
        entry("friends", ["Can I add a friend from work?"]),
        entry("a", ["Friend requests from colleagues"], passing),
        entry("b", ["Is a friend of a patient off limits?"], passing),
        entry("c", ["Tagging places"], passing),
        entry("d", ["Live streaming"], passing),
      ],
      [],
    );
    // "policy" is in one entry's questions and four answers; "friend" in three entries' questions.
    expect(corpus.search("friend policy", 1)[0]?.entry.id).toBe("policy");
  });
});

describe("the word model", () => {
  const model = WordModel.of(
    [
      new Map([
        ["friend", 3],
        ["patient", 2],
      ]),
      new Map([
        ["rota", 3],
        ["post", 1],
      ]),
      new Map([
        ["patient", 1],
        ["photo", 3],
        ["post", 2],
      ]),
    ],
    0.2,
  );
  const rank = (...stems: string[]) =>
    model.rank(
      stems.map((stem) => ({ stem, weight: 1 })),
      5,
    );

  it("ranks the entry whose words the question uses most, taken together", () => {
    expect(rank("patient", "friend")[0]).toBe(0);
    expect(rank("patient", "post", "photo")[0]).toBe(2);
  });

  it("visits only entries that share a word, and ignores words no entry uses", () => {
    expect(rank("rota", "sepsis")).toEqual([1]);
    expect(rank("sepsis")).toEqual([]);
  });

  it("gives every class's likelihood in the order rank() puts them, and the weight it read", () => {
    const terms = [
      { stem: "patient", weight: 1 },
      { stem: "post", weight: 0.5 },
      { stem: "sepsis", weight: 2 },
    ];
    const { log, weight } = model.likelihoods(terms);
    expect(weight).toBe(1.5);
    expect(log).toHaveLength(model.classes);
    const order = [...log.keys()].sort((a, b) => (log[b] ?? 0) - (log[a] ?? 0));
    expect(order).toEqual(model.rank(terms, 5));
  });
});

describe("how much a question reads like another subject's examples (elsewhere)", () => {
  const entries = [
    entry("friend-requests", [
      "Should I accept a friend request from a patient?",
      "A patient added me on Facebook",
    ]),
    entry("photos", ["Can I post a photo from the ward?", "Photos of patients on Instagram"]),
  ];
  const pay = [
    "How much is a band 5 nurse paid?",
    "Can my manager cut my overtime pay?",
    "My contract says I get paid monthly, is my pay late?",
  ];
  const withPay = new SearchIndex(entries, [], {}, undefined, [pay]);
  const elsewhere = (index: SearchIndex, q: string) => index.elsewhere(index.terms(q)).lean;

  it("is above 0 for a question in the examples' words, and below for one in an entry's", () => {
    expect(elsewhere(withPay, "is my overtime pay late this month")).toBeGreaterThan(0);
    const rota = ["Who makes the rota?", "Can I swap a night shift?"];
    const two = new SearchIndex(entries, [], {}, undefined, [pay, rota]);
    expect(two.elsewhere(two.terms("can I swap my rota")).subject).toBe(1);
    expect(two.elsewhere(two.terms("is my overtime pay late")).subject).toBe(0);
    expect(elsewhere(withPay, "a patient sent me a friend request")).toBeLessThan(0);
  });

  it("stays within -1 and 1, and is 0 when no word is known or there are no examples", () => {
    for (const q of ["pay pay pay", "friend friend", "a patient photo on instagram"]) {
      const x = elsewhere(withPay, q);
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(elsewhere(withPay, "zzz qqq")).toBe(0);
    expect(elsewhere(new SearchIndex(entries, []), "is my overtime pay late")).toBe(0);
    expect(() => new SearchIndex(entries, [], {}, undefined, [pay, []])).toThrow(/at least one example/);
  });

  it("does not change the ranking", () => {
    const plain = new SearchIndex(entries, []);
    for (const q of ["can my manager see my facebook photos", "a patient added me, is my pay late"])
      expect(withPay.search(q, 3)).toEqual(plain.search(q, 3));
  });

  it("is kept in a snapshot, and one whose other subjects do not fit its entries is refused", () => {
    const snapshot = withPay.snapshot();
    const restored = new SearchIndex(entries, [], {}, snapshot);
    const q = "can my manager cut my overtime pay";
    expect(elsewhere(restored, q)).toBe(elsewhere(withPay, q));
    const model = snapshot.elsewhere;
    if (!model) throw new Error("no elsewhere model in the snapshot");
    const cut = { ...snapshot, elsewhere: { ...model, entryBase: model.entryBase.slice(1) } };
    expect(() => new SearchIndex(entries, [], {}, cut)).toThrow(/other subjects/);
  });
});

describe("fusing the two readings", () => {
  it("marks a hit that both readings rank first", () => {
    const [first] = index.search("should I accept a patient's friend request", 3);
    expect(first?.entry.id).toBe("friend-requests");
    expect(first?.agreement).toBe(1);
  });
});

describe("the counterpart reading's place in the ranking", () => {
  const items = [{}, { counterpart: "patient" as const }, { counterpart: "colleague" as const }];
  it("reads whom the question's contact is with only when the first entry is about someone's contact", () => {
    let reads = 0;
    const colleague = () => {
      reads++;
      return "colleague" as const;
    };
    expect(counterpartFirst([0, 1, 2], items, colleague, 3)).toEqual([0, 1, 2]);
    expect(reads).toBe(0);
    expect(counterpartFirst([1, 0, 2], items, colleague, 3)).toEqual([2, 1, 0]);
    expect(reads).toBe(1);
    expect(counterpartFirst([1, 0, 2], items, () => undefined, 3)).toEqual([1, 0, 2]);
  });
});

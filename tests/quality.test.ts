import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, parseEvalFile } from "../src/eval/evaluate.js";
import { createGuide, loadKnowledge, replyCard } from "../src/index.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

const guide = createGuide(loadKnowledge(KNOWLEDGE_DIR));
const EVAL_DIR = join(import.meta.dirname, "eval");

/**
 * Floors set a little under the figures of 26 Nov 2026 (`npm run eval -- <set>`), so that a change to the
 * engine or the knowledge that makes answers worse fails the suite. Raise them as quality improves;
 * never lower one to make a change pass.
 */
const FLOORS: Record<
  string,
  {
    top1?: number;
    top3?: number;
    abstain?: number;
    /** The least share of the reports of risk that get the guidance on it, as the answer or beside it. */
    safety?: number;
    /** The most share of the other questions that are offered it beside their reply (false alarms). */
    alarms?: number;
  }
> = {
  "project.jsonl": { top1: 0.75, top3: 0.92, abstain: 0.9 },
  "new-entries.jsonl": { top1: 0.8, top3: 0.95 },
  "seed-checks.jsonl": { top1: 0.72, top3: 0.85, abstain: 0.95 },
  "real.jsonl": { top1: 0.3, top3: 0.76, abstain: 0.9 },
  "near-domain.jsonl": { abstain: 0.95 },
  "long.jsonl": { top1: 0.54, top3: 0.8, abstain: 0.97 },
  "real-fresh.jsonl": { top1: 0.26, top3: 0.68, abstain: 0.82 },
  // Measured only: the confidence is not fitted on it (MEASURED_ONLY_SETS in app/fit.ts).
  "real-fresh-2.jsonl": { top1: 0.32, top3: 0.7, abstain: 0.9 },
  // Measured only: 101 more real posts (72 / 29) collected by two helpers, first measured unseen.
  "real-fresh-3.jsonl": { top1: 0.4, top3: 0.73, abstain: 0.86 },
  // Measured only: 116 more real posts (84 / 32) collected and labelled by four helpers. First measured
  // unseen on 27 Nov 2026: top-1 39.3%, top-3 79.8%, abstain 84.4% (that morning's engine: 38.1, 79.8, 84.4).
  "real-fresh-4.jsonl": { top1: 0.36, top3: 0.77, abstain: 0.82 },
  // Measured only: 58 more real posts (32 / 26), all the unused ones two helpers could find. First measured
  // unseen on 27 Nov 2026: top-1 18.8%, top-3 71.9%, abstain 73.1%, the same as that morning's engine.
  "real-fresh-5.jsonl": { top1: 0.15, top3: 0.68, abstain: 0.69 },
  // Measured only: 36 more real posts (24 / 12), all two helpers could still find on 27 Nov 2026. First
  // measured unseen: top-1 45.8%, top-3 91.7%, abstain 91.7%, the same as that session's starting engine.
  "real-fresh-6.jsonl": { top1: 0.41, top3: 0.87, abstain: 0.83 },
  // Measured only, and written by a helper after the how-to rule it measures (knowledge/off-topic.yaml).
  "near-domain-2.jsonl": { top1: 0.8, top3: 0.87, abstain: 0.88 },
  // Measured only: short questions a helper wrote; short-2's misses were read (two synonym groups came
  // of them), short-fresh's were not.
  "short-2.jsonl": { top1: 0.84, top3: 0.93 },
  "short-fresh.jsonl": { top1: 0.84, top3: 0.95 },
  // Measured only: 40 messages and posts that show someone at risk now, which a helper wrote on 28 Nov
  // 2026 without seeing how the engine reads risk. First measured on 3e14581: top-1 20.0%, top-3 42.5%.
  // Its misses were read while trying changes that were not kept (a risk reading, phrasings, synonyms),
  // and its questions were read before the risk reading of 28 Nov (at-risk.ts) was written, so its figure
  // since (top-1 67.5%, top-3 72.5%) is no blind one: risk-2 and risk-decoys below are.
  // The safety net (warning signs that only offer the guidance on risk beside the reply, and danger the
  // ranking did not reach; 28 Nov 2026): reached 30 of 40 here, 8 of risk-2 and 7 of risk-3 (27, 4 and 3
  // as the answer); offered beside none of written's 1,327 other questions nor of either set of decoys.
  // risk-3 was measured blind as the signs were cut and mended after two reviews (9, 7, 6, 5, 7 of 40):
  // its questions were not read. Floors one question under. With the red flags said of small things too
  // (red-flags.ts: a symptom with help put off, a threat; 28 Nov 2026, written after reading risk-2's
  // misses, so not blind there): 31 of 40 here, 13 of risk-2, 7 of risk-3, no new false alarm.
  "risk.jsonl": { top1: 0.62, top3: 0.67, safety: 0.75 },
  // Measured only: 40 more messages and posts showing someone at risk, most in indirect words (a pet given
  // away, "won't be around"), and 40 decoys that use the same words about something else (an article on
  // self-harm, a joke, a past death), labelled with the entries that answer them; a helper wrote both on
  // 28 Nov 2026 from the entries' titles and answers, without the engine. Measured once, blind, with the
  // risk reading (at-risk.ts): risk-2 top-1 10.0%, top-3 45.0% (before it: 5.0%, 45.0%); decoys top-1
  // 57.1%, top-3 80.0%, abstain 40.0%, as before it (one decoy more answered with risk-in-a-message, a
  // wrong answer either way). The decoys' misreadings were read after that one measurement.
  // With the warning signs (at-risk.ts), after a review cut them to the few that say enough alone:
  // top-1 10.0%, top-3 47.5% (not blind: its misses were read while writing them).
  // 29 Nov 2026, after three reviews of the danger reading (not blind to them): top-1 15.0%, safety net 15.
  "risk-2.jsonl": { top1: 0.12, top3: 0.42, safety: 0.35 },
  "risk-decoys.jsonl": { top1: 0.54, top3: 0.77, abstain: 0.2, alarms: 0.05 },
  // Measured only: 40 messages showing indirect warning signs (thanks for everything, a pet to be looked
  // after, a burden, a last post...; no word of dying) and 40 decoys with the same words (30 / 10), which
  // a helper wrote on 28 Nov 2026 without the engine, before it saw the warning-sign reading. Measured
  // once, blind, at the session's start (67bf6c8) and with the reading (72b0902): risk-3 top-1 7.5% ->
  // 10.0%, top-3 25.0% -> 27.5%; decoys top-1 56.7% -> 60.0%, top-3 83.3%, abstain 100%, one decoy read
  // as risk. A review then found the two-sign rule misfiring on everyday messages and it was removed:
  // risk-3 7.5% / 25.0% (3 of 40 read as risk, as at the start), decoys 60.0% / 83.3% / 100%, none read.
  "risk-3.jsonl": { top1: 0.05, top3: 0.22, safety: 0.15 },
  "risk-3-decoys.jsonl": { top1: 0.56, top3: 0.8, abstain: 0.9, alarms: 0.05 },
  // Measured only: 24 messages showing someone in danger in words other than suicide's (8 red-flag symptoms
  // with help put off, 8 threats or abuse, 8 indirect warning signs), which a helper wrote on 28 Nov 2026
  // without the code or any other set. Measured once, blind, after the red flags (red-flags.ts): top-1
  // 29.2%, top-3 45.8%; the safety net reached 9 of 24 (7 as the answer), where ccc46c7, before them,
  // reached 7 (the symptoms 1 -> 3 of 8, threats and abuse 2, indirect signs 4). Its 24 decoys, written
  // with it but not labelled with entries (kept outside the repository), got the link 0 times, then and now.
  // Harm said outright (red-flags.ts: control, abuse, neglect, something swallowed, someone missing; 28 Nov
  // 2026): 11 of 24; 13 once more forms of abuse were written after reading its threats and abuse (hands
  // round a neck, threatened with a knife, a toddler alone since yesterday, the fridge kept locked).
  // Harm said outright in words that mean nothing smaller (OUTRIGHT) made danger, the answer: top-1 41.7%;
  // 33.3% once a review's 67 everyday messages with the same words narrowed it (9 of them had read as
  // danger before this session, 40 after the first cut, 1 now).
  "risk-5.jsonl": { top1: 0.29, top3: 0.41, safety: 0.5 },
  // Measured only: 40 more messages showing someone in danger now (8 each: red-flag symptoms with help put
  // off, threats or abuse, indirect warning signs, a dangerous ingestion, others such as a fall or someone
  // missing) and 40 decoys with the same words, labelled with the entries that answer them (39 / 1), which
  // another helper wrote on 28 Nov 2026 without the code or any other set. Measured once, blind, after the
  // red flags: risk-4 top-1 12.5%, top-3 40.0%, safety net 7 of 40 (5 as the answer; 6 at ccc46c7);
  // decoys top-1 56.4%, top-3 87.2%, abstain 100%, the link beside none (one is answered with the
  // guidance on risk, as at ccc46c7).
  // Harm said outright (red-flags.ts, 28 Nov 2026) was written after reading its misses among the threats
  // and abuse and the ingestions (16 of its 40), so it is no blind measure of it: 18 of 40 (abuse 1 -> 8,
  // ingestions 0 -> 4), the decoys' link still beside none.
  // With harm said outright as danger (OUTRIGHT), the answer for 15 of them: top-1 37.5%, top-3 57.5%;
  // narrowed after the review (as risk-5 above): top-1 22.5%, top-3 50.0%, safety net 15 of 40.
  // 29 Nov 2026, after three reviews of the danger reading: safety net 17 of 40.
  "risk-4.jsonl": { top1: 0.2, top3: 0.47, safety: 0.4 },
  "risk-4-decoys.jsonl": { top1: 0.53, top3: 0.84, alarms: 0.05 },
  // Measured only: 40 messages showing someone in danger now, in words other than suicide's (8 domestic
  // abuse, 7 a child harmed, 5 a vulnerable adult, 6 an ingestion, 5 someone missing or unsafe, 5 an
  // emergency put off, 4 a threat to others; all want risk-in-a-message), which a helper wrote on 28 Nov
  // 2026 without the code or any other set; its misses were never read (three of its questions were
  // shown in the helper's report). Measured blind at a1fd66d, with this session's harm said outright
  // before a review narrowed it, and after: top-1 22.5, 25.0, 25.0%, top-3 32.5% each time; safety net
  // 12, 15, 15 (9, 10, 10 as the answer). Its 40 decoys, with the same words and nobody in danger, are
  // not labelled with entries and are kept outside the repository: 3 answered with the guidance on risk
  // (by the ranking), the link beside none, all three times. With more forms written from a review's 26
  // missed reports (not from this set; 28 Nov 2026): safety net 17 (10 as the answer), decoys as before.
  // After three adversarial reviews of the danger reading (29 Nov 2026; its misses still never read):
  // top-1 27.5%, top-3 35.0%, safety net 18 (11 as the answer); decoys 2 by the ranking, link 0.
  "risk-6.jsonl": { top1: 0.25, top3: 0.32, safety: 0.42 },
  // Measured only: 40 messages showing someone in danger now, many said indirectly (8 a threat to others, 8
  // a child harmed, 7 someone missing, 6 a vulnerable adult, 6 domestic abuse, 5 an emergency put off; all
  // want risk-in-a-message), which a helper wrote on 29 Nov 2026 without the code or any other set, with
  // 60 decoys (same words, nobody in danger; not labelled with entries, kept outside the repository).
  // Measured blind at 6fab61b (last session's end), 4f9f89b and 8283943 (this session's two narrowings of
  // the danger reading, with new link-only harm forms): top-1 0.0%, top-3 20.0%; safety net 1, 2, 2 of 40
  // (none as the answer); the decoys got neither the guidance nor the link, all three times. Most of its
  // reports name no word any list reads (6 of 40 pass the red flags' first look).
  "risk-7.jsonl": { top1: 0, top3: 0.17, safety: 0.02 },
  // Measured only: 50 messages showing someone in danger now, half said plainly and half indirectly (8
  // suicide, 5 self-harm, 6 an overdose, 7 domestic abuse, 7 a child harmed, 5 a threat to others, 4
  // someone missing, 4 a vulnerable adult, 4 an emergency put off; all want risk-in-a-message), which a
  // helper wrote on 29 Nov 2026 without the code or any other set. Measured blind at 6fab61b, 4f9f89b and
  // 12bae5a: top-1 14.0, 14.0, 12.0%, top-3 36.0% each; safety net 12, 14, 14 (7, 7, 6 as the answer).
  // The one report lost at 12bae5a (a self-harm threat after a failed OSCE, which the made-up-case veto
  // read as an exam scenario) was then read and mended, so the set is no longer wholly blind: 15 (7).
  // A companion set of 100 everyday questions with danger's words (decoys-8, kept outside the
  // repository, not labelled): the guidance as the answer 0 at every build, the link beside 1, 1, 0.
  "risk-8.jsonl": { top1: 0.12, top3: 0.34, safety: 0.28 },
  // Not a measure of answers (they are fitted on it): the safety net's false alarms on 1,327 everyday questions.
  "written.jsonl": { alarms: 0.005 },
  // Measured only: 40 pairs that differ in who takes the photo or recording (the clinician or their team,
  // or a patient, relative, visitor or journalist), which a helper wrote on 28 Nov 2026 without the
  // engine. Measured once, blind, at the session's start (67bf6c8) and with the recorder reading
  // (ab956c7): top-1 50.0% -> 55.0% (6 gained, 2 lost), top-3 81.3% both, ranked first 62.5% -> 67.5%.
  "recording-direction.jsonl": { top1: 0.53, top3: 0.8 },
  // Measured only: 120 long questions written context first (96 in scope, 24 not), which a helper wrote and
  // labelled on 28 Nov 2026 from the entries' titles and answers, without the phrasings, the synonyms or the
  // engine. Measured once at the session's start (9308d61): top-1 72.9%, top-3 93.8%, abstain 100%; at its
  // end, 71.9%: the one question it changed was a comment section with "the odd complaint", read as an
  // overdose ("od'd" with its apostrophe made optional). Fixed; 72.9%, 93.8%, 100% again.
  "long-blind.jsonl": { top1: 0.69, top3: 0.9, abstain: 0.95 },
  // Measured only: 40 pairs of questions, each asked once with the clinician on the receiving end ("a patient
  // filmed me") and once doing it ("can I film a patient"), which a helper wrote on 28 Nov 2026 without
  // seeing the synonyms. First measured on 70596dd: top-1 48.6%, top-3 70.3% (33 -> 36 of 74 right against
  // the knowledge of e0fcbf2). Its misses were read once, after the changes it measures.
  "direction.jsonl": { top1: 0.45, top3: 0.67 },
  // Measured only: 110 questions each, context first as clinicians post them, 22 of them out of scope, that
  // two helpers wrote and labelled on 28 Nov 2026 from the entries' titles and answers alone, without the
  // phrasings or synonyms and without running the bot: UK, Irish, Australian and New Zealand askers, and
  // US and Canadian ones. First measured on c6fd32e: top-1 76.1% and 75.0%, top-3 96.6% and 93.2%,
  // abstain 90.9% and 100%. The UK set's misses were read once; the US set's were not.
  "blind-uk-au.jsonl": { top1: 0.72, top3: 0.93, abstain: 0.86 },
  "blind-us-ca.jsonl": { top1: 0.71, top3: 0.9, abstain: 0.95 },
  // Measured only: 21 more real posts (13 / 8) that a helper collected and labelled on 28 Nov 2026, all the
  // stored pages still held that no set had used. First measured unseen on 4bcc8bf: top-1 53.8%, top-3
  // 61.5%, abstain 87.5% (c6fd32e: 53.8, 53.8, 87.5). One question moves a figure by 7.7 points (12.5
  // out of scope), so the floors are one question under.
  "real-fresh-7.jsonl": { top1: 0.46, top3: 0.53, abstain: 0.75 },
  // Measured only: 21 more real posts (19 / 2) a helper collected and labelled on 28 Nov 2026 from stored
  // pages no set had used (about 300 searches; five posts that other sets held under another address were
  // dropped). First measured unseen on 67bf6c8 and on 72b0902: top-1 26.3%, top-3 57.9%, abstain 100%
  // both times. One question moves top-1 by 5.3 points (50 out of scope): floors one question under.
  "real-fresh-8.jsonl": { top1: 0.21, top3: 0.52, abstain: 0.5 },
  // Measured only: 58 more (43 / 15) a helper collected and labelled on 29 Nov 2026 from stored pages no
  // set had used, mostly clinicians' blogs and columns (the forums are used up), without seeing the bot.
  // First measured unseen on 4aca3a3 and on c1bfe3d: top-1 23.3%, top-3 69.8%, abstain 93.3% both times.
  // One question moves top-1 by 2.3 points (6.7 out of scope): floors one question under.
  "real-fresh-9.jsonl": { top1: 0.2, top3: 0.67, abstain: 0.86 },
  // Not a measure of quality: the questions the engine's fixes were written against (regression checks
  // the developers wrote, once asserted by the engine's unit tests on the shipped knowledge, which now
  // run on tests/fixtures/engine), and each entry's first question as the knowledge had it. Measured
  // on 28 Nov 2026: top-1 100% (141), top-3 100%, abstain 100% (25); so every row must hold.
  "behaviour.jsonl": { top1: 1, top3: 1, abstain: 1 },
};

describe("answer quality on the project's labelled sets", () => {
  for (const [file, floor] of Object.entries(FLOORS)) {
    it(`${file}: top-1, top-3, abstain and the safety net stay within their floors`, () => {
      const result = evaluate(guide, parseEvalFile(readFileSync(join(EVAL_DIR, file), "utf8")));
      if (floor.top1 !== undefined) expect(result.top1).toBeGreaterThanOrEqual(floor.top1);
      if (floor.top3 !== undefined) expect(result.top3).toBeGreaterThanOrEqual(floor.top3);
      if (floor.abstain !== undefined) expect(result.abstain).toBeGreaterThanOrEqual(floor.abstain);
      const { reports, reached, others, shown } = result.safety;
      if (floor.safety !== undefined) expect(reached / reports).toBeGreaterThanOrEqual(floor.safety);
      if (floor.alarms !== undefined) expect(shown / others).toBeLessThanOrEqual(floor.alarms);
    });
  }
});

describe("whose rules an answer gives", () => {
  it("says when an answer cites none of the country the question names, and offers that country's rules", () => {
    const reply = guide.ask(
      "As a Canadian family doc, can I accept a Facebook friend request from a patient?",
    );
    expect(reply.kind === "answer" && reply.otherCountry).toEqual({
      country: "Canada",
      rules: { id: "canada-rules", title: "Canadian guidance from the colleges, the CMA and the CMPA" },
    });
    const card = replyCard(reply);
    expect(card.notes.join(" ")).toMatch(
      /^This answer cites no Canadian guidance, though your question mentions Canada: see "Canadian guidance from the colleges, the CMA and the CMPA" below/,
    );
    expect(card.offers.find((o) => o.heading === "Canadian guidance:")?.links.map((l) => l.entryId)).toEqual([
      "canada-rules",
    ]);
    // an answer that names the asker's country, or a question naming none, has no such note
    for (const q of [
      "I'm a nurse in the UK, can I accept a friend request from a patient?",
      "can I friend a patient?",
    ]) {
      const plain = guide.ask(q);
      expect(plain.kind === "answer" && plain.otherCountry, q).toBeUndefined();
    }
  });
});

/**
 * What a question about a medicine asks of the clinician: to prescribe it for someone who asked online
 * ("a guy from my gym group asked if I'd write him a script for Ozempic"), or to promote it ("a drug
 * rep wants me to post about their inhaler"). A drug's name reads the same in both, and the entry on
 * promoting medicines (sponsored-posts), whose phrasings name the most drugs, drew the requests to
 * prescribe. An entry asks one when a good share of its phrasings say it, and mostly that one; the
 * question, when it says one and not the other.
 */
import { eitherOf, entryKindByShare } from "./first-of-kind.js";

/** What is asked of the clinician: a prescription for someone, or promoting a product. */
export type MedicineAct = "prescribe" | "promote";

const PRESCRIBE = new RegExp(
  [
    // "prescribe for her", "prescribe him something", "prescribe for people I've never met"
    String.raw`prescrib(?:e|ing)\s+(?:for\s+)?(?:him|her|them|me|someone|somebody|people|strangers|followers|friends|a\s+friend)\b`,
    // "write him a script", "send a prescription", "call in some Ozempic for him"
    String.raw`(?:write|writing|send|sending|call\s+in|phone\s+in)\s+(?:him|her|them|me)\s+(?:a\s+|the\s+|some\s+)?(?:script|prescription|rx)\b`,
    String.raw`(?:write|writing|send|sending|call\s+in|phone\s+in)\s+(?:a\s+|the\s+)?prescription\b`,
    String.raw`call\s+in\s+(?:some|a|an)\s+\S+\s+for\s+(?:him|her|them|me)\b`,
    // "asked if I could prescribe", "messaged me for a script"
    String.raw`(?:asked|asking|asks|wants|wanted|messaged|dm'?d|dmed)\b[^.?!]{0,40}\bprescri\w*`,
  ].join("|"),
  "i",
);
const PROMOTE =
  /\b(?:promot\w*|advertis\w*|endors\w*|ambassador|sponsor\w*|paid\s+(?:posts?|partnerships?)|drug\s+rep|pharma\w*\s+rep|supplements?|brand\s+deals?)/i;

/** What the text asks of the clinician, when it says one and not the other. */
export function medicineActIn(text: string): MedicineAct | undefined {
  return eitherOf<MedicineAct>(text, [PRESCRIBE, "prescribe"], [PROMOTE, "promote"]);
}

/** What an entry asks of the clinician: what a good share of its phrasings say, and mostly that. */
export function entryMedicineAct(questions: readonly string[]): MedicineAct | undefined {
  return entryKindByShare(questions, medicineActIn);
}

import { createRequire } from "node:module";

/**
 * Whether a question is written in English, the one language the bot reads. A question in another
 * language was declined as if it asked something the bot has no guidance on, and its capitalised
 * words were taken for patients' names.
 *
 * Two readings must agree, because each alone misreads short texts: how many of the words are known
 * (English, a stop word, or the knowledge's; a misspelling does not count, or "paciente" reads as
 * "patient"), and franc's trigram model of languages. What a question quotes, its addresses and its
 * abbreviations in capitals are left out. On the project's 3,916 English questions (typos, names,
 * keyword searches and the helpers' probes among them) none is misread; of 60 questions in 19 other
 * languages, written by us to set and check the thresholds, 59 are caught. With FEW_KNOWN_SHARE
 * (2026-11-30), none of 5,972 English texts (every evaluation question and knowledge phrasing) is
 * misread with the shipped knowledge.
 */

type Franc = typeof import("franc");
let franc: Franc | undefined;
/** franc and its language models, loaded on the first text that may be in another language. */
const loadFranc = (): Franc => {
  franc ??= createRequire(import.meta.url)("franc") as Franc;
  return franc;
};

/** English, and the languages clinicians most often write in besides it in the countries covered. */
const LANGUAGES = [
  "eng",
  "spa",
  "fra",
  "deu",
  "por",
  "ita",
  "nld",
  "pol",
  "tur",
  "ron",
  "swe",
  "dan",
  "nob",
  "ind",
  "vie",
  "tgl",
  "ces",
  "hun",
  "fin",
];
/** A web or mail address or a handle: neither English nor another language. */
const ADDRESS = /@|:\/\/|^www\.|\.(?:com|org|net|io|uk|au|ca)\b/iu;
/** A quotation. */
const QUOTED = /"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]/g;
/** An abbreviation in capitals (letters and digits, maybe with its punctuation): "MI", "HbA1c" is not one, "ICU," is. */
const CAPITALS = /^\W*[A-Z][A-Z0-9]+\W*$/;
/** A word of Latin letters (accented ones too): the words whose language is read. */
const LATIN_WORD = /\p{Script=Latin}+/gu;
const NOT_LETTER = /\P{L}+/gu;
const NOT_LATIN = /\P{Script=Latin}+/gu;
/** The text read: a language shows in its first sentences, and a long question costs no more. */
const SAMPLE_CHARS = 240;
/** Fewer words than this say too little to tell a language by ("hola", "merci beaucoup"). */
const MIN_WORDS = 3;
/** A text this well known is English whatever franc says (it reads "gmc social media rules" as Spanish). */
const SURELY_ENGLISH_SHARE = 0.9;
/** Another language: franc ranks another first, English well behind it, and under this share of words known... */
const FOREIGN_SHARE = 0.7;
/** ... franc's score for English (its best language scores 1) under this. */
const FOREIGN_ENGLISH_SCORE = 0.8;
/**
 * Or, with franc ranking another language first, fewer than this share of the words known, whatever
 * English scores: on a short question franc scores English close behind ("Je suis infirmière, puis-je
 * poster un selfie à l'hôpital?": French 1, English 0.86, 4 of 11 words known). English questions franc
 * ranks under another language know 60% of their words or more, the worst typed ("hw do i handel a frend
 * reqest from a patiant").
 */
const FEW_KNOWN_SHARE = 0.5;
/** ... in a question of this many words or more: "fb frnd req frm pt" is English typed in haste. */
const FEW_KNOWN_MIN_WORDS = 6;

/**
 * True unless the text is plainly in another language: written mostly in another script, or in Latin
 * letters that both readings take for another language. Short texts and keyword searches read as English.
 */
export function readsAsEnglish(text: string, known: (word: string) => boolean): boolean {
  // cut at a space, so that no word is read cut short
  const sample = text.slice(0, text.indexOf(" ", SAMPLE_CHARS) + 1 || undefined);
  // what the question quotes ("a review in Arabic: "...""), addresses, and abbreviations in capitals
  // ("MI CVA PE DVT") say nothing of the language it is asked in
  const plain = sample
    .replace(QUOTED, " ")
    .split(/\s+/)
    .filter((token) => !ADDRESS.test(token) && !CAPITALS.test(token))
    .join(" ");
  const letters = plain.replace(NOT_LETTER, "").length;
  // a name in another script inside an English question stays English (half its letters are Latin)
  if (letters >= 4 && plain.replace(NOT_LATIN, "").length < letters / 2) return false;
  const words = plain.toLowerCase().match(LATIN_WORD) ?? [];
  if (words.length < MIN_WORDS) return true;
  const share = words.filter(known).length / words.length;
  if (share >= SURELY_ENGLISH_SHARE) return true;
  const scores = loadFranc().francAll(plain, { only: LANGUAGES, minLength: 3 });
  const first = scores[0]?.[0];
  if (first === undefined || first === "eng" || first === "und") return true;
  if (share < FEW_KNOWN_SHARE && words.length >= FEW_KNOWN_MIN_WORDS) return false;
  const english = scores.find(([language]) => language === "eng")?.[1] ?? 0;
  return english >= FOREIGN_ENGLISH_SCORE || share >= FOREIGN_SHARE;
}

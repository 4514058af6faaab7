/** The longest question the engine reads; anything beyond is cut (and the reply says so). */
export const MAX_QUESTION_CHARS = 1_200;

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^can't$/g, "can not"],
  [/^won't$/g, "will not"],
  [/^shan't$/g, "shall not"],
  [/n't$/g, " not"],
  [/'m$/g, " am"],
  [/'re$/g, " are"],
  [/'ve$/g, " have"],
  [/'ll$/g, " will"],
  [/'d$/g, " would"],
  [/'s$/g, ""],
];

/** Cuts a question to MAX_QUESTION_CHARS without splitting a surrogate pair. */
export function cutQuestion(text: string): { text: string; truncated: boolean } {
  const chars = Array.from(text);
  if (chars.length <= MAX_QUESTION_CHARS) return { text, truncated: false };
  return { text: chars.slice(0, MAX_QUESTION_CHARS).join(""), truncated: true };
}

/**
 * Reduces chat text to lowercase words separated by single spaces: platform tokens
 * (Slack `<@U1>`, `<!here>`, `<#C1|name>`; Discord `<@1>`, `<#1>`, `<:emoji:1>`), URLs,
 * control characters and punctuation go; contractions are expanded; "US" and "U.S." read as "usa".
 */
export function normalise(text: string): string {
  const cleaned = text
    .normalize("NFKC")
    // Slack links keep their label: <https://x|label> -> label
    .replace(/<(?:https?|mailto):[^|>\s]*\|([^>]*)>/gi, " $1 ")
    // every other <...> chat token (mentions, channels, emoji, timestamps) carries no meaning
    .replace(/<[@#!:a-z/][^<>\s]{0,200}>/gi, " ")
    .replace(/(?:https?:\/\/|www\.)\S+/gi, " ")
    .replace(/\p{C}+/gu, " ")
    // "US" in capitals is the country, not the pronoun that lowercasing would make of it
    .replace(/\bU\.?S\.?(?:A\.?)?(?=[\s,;:!?)]|$)/g, " usa ")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}']+/gu, " ");
  return cleaned.split(" ").map(expandContraction).join(" ").replace(/\s+/g, " ").trim();
}

function expandContraction(word: string): string {
  if (!word.includes("'")) return word;
  let out = word;
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  return out.replace(/'/g, "");
}

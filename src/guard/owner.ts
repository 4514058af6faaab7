const PLATFORMS =
  "twitter|x|instagram|insta|ig|tiktok|linkedin|facebook|fb|youtube|threads|bluesky|mastodon|substack|snapchat|reddit";
const THINGS = `handle|account|page|profile|username|user\\s?name|channel|blog|site|website|feed|podcast|newsletter|link|url|bio|${PLATFORMS}`;
const QUALIFIERS = `own|work|professional|personal|public|private|anonymous|new|old|main|official|business|clinic['’]?s?|practice['’]?s?|surgery['’]?s?|team['’]?s?|doctor|medical|social|media|${PLATFORMS}`;

/** The asker says the handle or link after this is theirs: "my handle is", "our practice page:", "I'm". */
const OWN_BEFORE = new RegExp(
  `(?:\\b(?:my|our)\\s+(?:(?:${QUALIFIERS})\\s+){0,3}(?:${THINGS})(?:\\s+(?:name|handle|address))?\\s*(?:is|was|:|-|=)?\\s*(?:now\\s+)?(?:at\\s+)?|\\b(?:i['’]?m|i am|we['’]?re|we are|follow me|find me|reach me|i post as|i go by|known as)(?:\\s+(?:at|on|over on|via))?(?:\\s+(?:${PLATFORMS}))?\\s*(?:as|at|:|-)?\\s*)$`,
  "i",
);

/** ...or says it after: "@drjane is my handle". */
const OWN_AFTER = new RegExp(
  `^\\s*(?:is|was)\\s+(?:my|our)\\s+(?:(?:${QUALIFIERS})\\s+){0,3}(?:${THINGS})\\b`,
  "i",
);

/**
 * True when the sentence says the handle or link matched by `m` is the asker's own ("my handle is
 * @drjane", "follow me @gp_life"): a clinician's own public profile is no patient identifier. A handle
 * that the sentence gives to anyone else ("the patient's handle is", "his instagram is") stays flagged.
 */
export function askersOwn(m: RegExpExecArray, text: string): boolean {
  const end = m.index + m[0].length;
  return ownBefore(text, m.index) || OWN_AFTER.test(text.slice(end, end + 60));
}

/**
 * True when the sentence up to `at` says that what follows is the asker's own ("my handle is", "our
 * practice page:", "follow me at"); a word between that names someone else ("my patient's instagram
 * is") says it is not. A handle inside a link ("tiktok.com/@drsam") is judged by what precedes the link.
 */
export function ownBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at).replace(/\S*$/, "");
  return OWN_BEFORE.test(before.slice(before.search(/[^.!?\n]*$/)));
}

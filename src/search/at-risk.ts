/**
 * Whether a question reports that someone may be in danger now: a message, post or comment in which
 * someone says they will end their life, has taken an overdose, is hurting themselves, is being hurt
 * at home, or has red-flag symptoms and will not get help. Such a question must get the guidance on
 * acting on risk, not the entry about the platform or the comment section it came in ("a follower
 * commented on my TikTok that she has taken all her tablets" reads by its words as a question about
 * comments).
 *
 * The words are the ones that report something said or done, not a subject: "she says she wants to
 * die" and "he's taken a load of pills" report risk; "an article on suicide rates", "a suicide
 * awareness post", "a colleague who took his own life last year" and "this rota makes me want to die
 * lol" do not. So a sentence that frames its words as a subject (an article, a campaign, a joke, a
 * death in the past) says nothing, and one in the first person counts only as someone's reported
 * words (in quotation marks, or after "saying" or "messaged me that"), never as the asker's own.
 */

const ANYONE = String.raw`(?:myself|herself|himself|themselves|themself)`;
const WHOSE = String.raw`(?:my|her|his|their)`;
const PILLS = String.raw`(?:pills|tablets|meds|medication|medicines|paracetamol|tylenol|antidepressants|sleeping pills|painkillers|insulin|morphine|opioids)`;

/** Said of anyone (the first person only as someone's reported words: see FIRST_PERSON). */
const DANGER = [
  // ending a life, or wanting to
  String.raw`(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning|burned|burnt|starve|starving)\s+${ANYONE}(?!\s+(?:off|out|short))`,
  String.raw`(?:is|been|was|started|keeps|kept|still|again)\s+self[- ]?harming|self[- ]?harming\s+(?:again|every|each|tonight|daily)`,
  String.raw`(?:is|feels|feeling|felt|sounds|sounded|seems|seemed|being|was|were|are|am|i'?m|she'?s|he'?s|they'?re|texted|messaged|posted|wrote|emailed|dmed|dm'?d|got)\s+(?:really\s+|very\s+|actively\s+|something\s+)?suicidal|threaten(?:s|ed|ing)?\s+suicide|suicidal\s+(?:message|messages|post|posts|comment|comments|text|texts|dm|dms|note|tweet|status|story)`,
  String.raw`end\s+it\s+all|end(?:ing)?\s+${WHOSE}\s+(?:own\s+)?life|take\s+${WHOSE}\s+(?:own\s+)?life|unaliv(?:e|ed|ing)`,
  String.raw`(?:want|wants|wanted|wanting|plan|plans|planning|ready|decided)\s+to\s+(?:die|disappear|be\s+dead|end\s+it|not\s+wake\s+up|never\s+wake\s+up)|(?:going\s+to|gonna)\s+(?:end\s+it|not\s+wake\s+up)`,
  String.raw`(?:don'?t|doesn'?t|didn'?t|do\s+not|does\s+not|not)\s+want(?:ing)?\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up|exist|go\s+on|carry\s+on)`,
  String.raw`better\s+off\s+(?:dead|without\s+(?:me|her|him|them))|sleep\s+forever|(?:go\s+to\s+)?sleep\s+and\s+(?:never|not)\s+wake\s+up`,
  String.raw`(?:doesn'?t|don'?t|can'?t|cannot|no\s+longer)\s+see\s+(?:the|any)\s+point\s+(?:in\s+)?(?:going\s+on|carrying\s+on|living|any\s?more)`,
  String.raw`can'?t\s+(?:go\s+on|do\s+this\s+any\s?more|take\s+(?:it|this)\s+any\s?more|cope\s+any\s?more|keep\s+going)`,
  String.raw`(?:won'?t|will\s+not|wont)\s+be\s+(?:here|around|alive|a\s+problem|a\s+burden)\s+(?:tomorrow|any\s?more|much\s+longer|for\s+long|after|by)`,
  String.raw`(?:i'?ll|i\s+will|she'?ll|he'?ll|they'?ll)\s+be\s+(?:dead|gone)\s+(?:by|before|soon|tomorrow|tonight)`,
  String.raw`by\s+the\s+time\s+(?:you|anyone|someone)\s+(?:read|reads|see|sees)\s+this`,
  String.raw`goodbye\s+(?:everyone|everybody|all|world)|(?:said|saying|says)\s+goodbye\s+to\s+(?:everyone|everybody|all)|final\s+goodbye`,
  String.raw`(?:nobody|no\s+one|noone)\s+(?:would|will|'?d)\s+(?:notice|care|miss)`,
  String.raw`no\s+(?:point|reason)\s+(?:in\s+)?(?:living|going\s+on|carrying\s+on|to\s+live)|nothing\s+(?:left\s+)?to\s+live\s+for`,
  String.raw`(?:standing|stood|sitting|sat)\s+on\s+(?:a|the)\s+(?:bridge|ledge|roof|edge|tracks|cliff)|(?:got|has|bought|found)\s+a\s+(?:rope|noose)`,
  String.raw`(?:giving|gave|given)\s+away\s+(?:all\s+)?${WHOSE}\s+(?:things|stuff|belongings|pets?|dog|cat)`,
  String.raw`(?:written|wrote|writing|left)\s+(?:letters|notes|a\s+note|a\s+letter)\s+(?:for|to)\s+${WHOSE}\s+(?:kids|children|family|partner|husband|wife|parents)`,
  // an overdose taken, or tablets gathered for one
  String.raw`(?:stockpil|hoard)(?:e|ed|es|ing)\b|sav(?:ed|ing)\s+up\s+(?:all\s+)?(?:of\s+)?${WHOSE}?\s*${PILLS}`,
  String.raw`(?:taken|took|swallowed|downed)\s+(?:an\s+overdose|all\s+(?:of\s+)?${WHOSE}\s+${PILLS}|(?:a|the)\s+(?:whole\s+)?(?:packet|pack|bottle|box|handful|strip|tub)\s+of|(?:a\s+)?(?:load|lot)\s+of\s+(?:${WHOSE}\s+)?${PILLS}|too\s+many|\d+\s+(?:of\s+)?(?:${WHOSE}\s+)?${PILLS})`,
  String.raw`had\s+an\s+overdose|overdosed|overdosing|od['’]d\b`,
  // being hurt, or hurting a child
  String.raw`threaten(?:s|ed|ing)?\s+to\s+(?:kill|hurt|harm|stab|shoot)`,
  String.raw`(?:scared|afraid|frightened|terrified)\s+to\s+go\s+home`,
  String.raw`(?:partner|boyfriend|girlfriend|husband|wife|dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|parent|uncle|brother|son|ex)\s+(?:hits|hit|beats|beat|hurts|strangled|strangles|choked|chokes|punched|kicked|slapped|locks|locked|won'?t\s+let)\b`,
  String.raw`(?:smother|smothering|shake|shaking|hurt|hurting|harm|harming)\s+(?:the|her|his|my|their)\s+(?:baby|child|kid|toddler|newborn)`,
  String.raw`won'?t\s+let\s+(?:her|him|me|them)\s+(?:leave|out|go)|(?:kept|keeping|being\s+kept|locked)\s+(?:locked\s+)?(?:in|inside)\s+(?:a|the|her|his|my|their)\s+(?:flat|house|room|home)`,
  // red-flag symptoms, with help refused
  String.raw`(?:won'?t|will\s+not|refuses?|refused|refusing|doesn'?t\s+want|not\s+going)\s+to\s+(?:call|ring|go\s+to|get|see|phone)\s+(?:an?\s+)?(?:ambulance|999|911|000|112|a&e|er|ed|hospital|help|a\s+doctor)`,
];
const DANGER_RE = new RegExp(String.raw`\b(?:${DANGER.join("|")})`, "i");

/** Words in the first person: in the asker's own sentence they are the asker's (a joke, a feeling, a past). */
const FIRST_PERSON = /\b(?:myself|i'?m|i'?ll|i\s+will|i\s+am|me|my)\b|^i\b|\si\s/i;
/** Words that report what someone said or sent: first-person words after them are that person's. */
const REPORTED =
  /\b(?:saying|said|says|say|wrote|writes|written|posted|posts|messaged|messages|texted|texts|commented|comments|replied|replies|tweeted|dm'?d|dmed|emailed|captioned|caption|status|note)\b|["“‘']/i;
/**
 * A sentence that makes its words a subject, not a report: an article, a campaign, training, a joke,
 * or a death in the past ("died by suicide", "took his own life last year").
 */
const A_SUBJECT =
  /\b(?:article|articles|study|studies|statistics|stats|rates?|research|paper|awareness|campaign|prevention|podcast|documentary|lecture|training|course|webinar|meme|memes|joke|joking|jokes|lol|lmao|haha|fundraiser|charity|infographic|anniversary|memorial|in\s+memory|died|passed\s+away|funeral|years\s+ago|last\s+year|months\s+ago|used\s+to|history\s+of|recovery|recovered)\b|😂|🤣/i;

/** A sentence ends at . ! or ? followed by space, or at a line break. */
const SENTENCES = /(?<=[.!?])\s+|\n+/;

/**
 * Where it was said: a message, post or comment, or a platform. Risk told face to face ("a patient
 * told me in clinic he can't go on") is a clinical matter, not one for guidance on social media.
 */
const ONLINE =
  /\b(?:messag\w*|dm|dms|dm'?d|dmed|pm'?d|inbox\w*|text|texts|texted|texting|sms|posts?|posted|posting|comments?|commented|tweets?|tweeted|story|stories|status|reviews?|e-?mails?|e-?mailed|whatsapp\w*|snapchat|snap|instagram|insta|ig|facebook|fb|messenger|tiktok|twitter|reddit|discord|linkedin|youtube|forum|group|page|live|reel|thread|replied|reply|tagged|online|portal|app|voice\s+note|social\s+media)\b/i;

/**
 * Whether the text reports that someone may be in danger now, in a message, post or comment: the
 * sentence that says it, or the one before ("She messaged me last night. She's taken all her pills."),
 * names where it was said.
 */
export function reportsRisk(text: string): boolean {
  return riskSentence(text) !== undefined;
}

/** The words that report risk, for a test or a log. */
export function riskWords(text: string): string | undefined {
  const sentence = riskSentence(text);
  return sentence === undefined ? undefined : DANGER_RE.exec(sentence.replace(QUOTE_MARKS, ""))?.[0];
}

function riskSentence(text: string): string | undefined {
  const sentences = text.split(SENTENCES);
  return sentences.find(
    (s, i) => sentenceReportsRisk(s) && (ONLINE.test(s) || ONLINE.test(sentences[i - 1] ?? "")),
  );
}

/** Quotation marks around someone's words ("she's taken 'a load of pills'"): the words are read as said. */
const QUOTE_MARKS = /(?<=^|[\s(])["“‘']+|["”’']+(?=$|[\s.,;:!?)])/g;
/** How near the words a subject must be named to make them one ("an article on why people self-harm"). */
const SUBJECT_BEFORE = 60;
const SUBJECT_AFTER = 40;

function sentenceReportsRisk(said: string): boolean {
  const sentence = said.replace(QUOTE_MARKS, "");
  const match = DANGER_RE.exec(sentence);
  if (!match) return false;
  const near = sentence.slice(
    Math.max(0, match.index - SUBJECT_BEFORE),
    match.index + match[0].length + SUBJECT_AFTER,
  );
  if (A_SUBJECT.test(near)) return false;
  // The asker's own words in the first person: a joke, a feeling, or their own past, unless reported.
  if (FIRST_PERSON.test(match[0]) && !REPORTED.test(sentence.slice(0, match.index))) return false;
  return true;
}

/** How many phrasings must report risk, and the least share of them, for an entry to be about acting on it. */
const ENTRY_MIN = 3;
const ENTRY_SHARE = 0.4;

/** Whether an entry is about acting on risk: many of its phrasings report it. */
export function entryUrgent(questions: readonly string[]): boolean {
  const reporting = questions.filter(reportsRisk).length;
  return reporting >= ENTRY_MIN && reporting >= ENTRY_SHARE * questions.length;
}

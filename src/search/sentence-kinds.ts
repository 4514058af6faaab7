/**
 * What kind of sentence a question's sentence is: one that asks, one that says who is asking or where
 * they work, small talk, thanks, a plea for a reply, a feeling said in passing, words about the post,
 * or only when the question came up. The patterns are made once; readQuestion (question.ts) reads a
 * question's sentences against them.
 */
import { eager, onFirstNeed } from "../eager-pattern.js";
import { STOPWORDS } from "./stopwords.js";

const AUX = "is|are|am|was|were|do|does|did|has|have|will|would|could|can|should|shall|may|might|must";
const SUBJECT =
  "i|im|it|its|this|that|these|those|there|we|you|he|she|they|my|our|your|his|her|their|a|an|the|one|anyone|someone|somebody|something|anything|doctors?|nurses?|patients?|students?";
/**
 * How a sentence that asks begins when its question mark is missing: an auxiliary or modal before its
 * subject ("should I", "is it"), a question word before an auxiliary ("how do", "what should"), or a
 * plea for advice ("any advice", "thoughts"). "When I arrived..." starts a story, not a question.
 */
const ASKING_START = new RegExp(
  `^(?:(?:so|and|but|also|now|then|ok|okay|please|hi|hello|hey)[ ,]+)*(?:(?:${AUX}) (?:${SUBJECT})\\b|(?:how|what|whats|when|where|why|who|which|whether) (?:${AUX}|to|much|many|long|often|far)\\b|(?:any )?(?:advice|thoughts|ideas|opinions|suggestions)\\b)`,
  "i",
);
/**
 * A request phrased as a statement: "I'd like to know", "I wonder if", "tell me whether"; or a question
 * after a comma, its mark left off: "A patient added me on Facebook, can I accept."
 */
const ASKING_INSIDE =
  /\b(?:i (?:am |was )?wonder(?:ing)?|i(?: would|'d) like to know|i want to know|not sure (?:if|whether|what|how)|unsure (?:if|whether)|tell me (?:if|whether|how)|advise (?:me|on)|any (?:advice|thoughts|tips))\b|,\s*(?:can|could|should|shall|may|do|does|is|are|am|would|will|must) (?:i|we|it|this|that|they)\b/i;

/**
 * Who is speaking, at the start of a sentence: "I'm a student midwife", "As a PGY-2 resident"; not an
 * idiom that starts alike ("as a result", "as a public message"), nor "I am a member of..." (where it
 * happened, not who is asking).
 */
const WHO = String.raw`(?:(?:hi|hello|hey)(?: (?:all|everyone|everybody|guys|folks|there|team))?[ ,!]+)?(?:(?:for context|context|background|for reference|fyi)\s*[:,–—-]?\s*)?(?:i'm|i’m|im|i am|we're|we’re|we are|as|being|speaking as|asking as|writing as|i['’]?m currently|i am currently|i work as|i['’]?m working as|i am working as|(?:just|newly|recently) qualified as) (?:an?|the) (?!(?:result|rule|whole|matter|consequence|reminder|joke|favou?r|precaution|courtesy|general|public|private|comment|reply|response|message|post|member)\b)(?:[^\s,;:.!?]+\s+){0,5}?[^\s,;:.!?]+`;
/** A sentence that opens by saying who is asking, then asks or tells: "I'm a student midwife and can I...". */
export const OPENS_WITH_WHO = eager(
  new RegExp(`^(${WHO})(?:\\s*[,;:]\\s*|\\s+[–—-]\\s+|\\s+and\\s+)(\\S.*)$`, "i"),
);
/** Where the writer works or lives: "I work in Leeds", "I'm based in Ontario". */
const WHERE = String.raw`(?:(?:i work|i'm based|im based|i am based|i live|i'm from|im from|i am from)(?: (?:nights|days|part time|full time))?(?: (?:in|at|on|for|as))?|(?:i'm|im|i am) in my (?:first|second|third|fourth|fifth|final|last) year(?: (?:of|at|in))?|i(?:'ve| have) been (?:qualified|registered|practising|practicing|working|nursing|a nurse|a doctor) for) (?:[^\s,;:.!?]+\s+){0,4}?[^\s,;:.!?]+`;
/** A sentence that only says who is asking: "I'm a CNA.", "I work in Leeds.", "Nurse here." */
export const ONLY_WHO = eager(
  new RegExp(`^(?:${WHO}|${WHERE}|[^\\s,;:.!?]+(?: [^\\s,;:.!?]+)? here)[.!]?$`, "i"),
);
/**
 * The roles clinicians and the people beside them name themselves by, as a post's first line says them
 * without "I'm a": "Paramedic in Halifax.", "PGY-1 in peds in Atlanta.", "Dental nurse in Leicester."
 * The counterpart reading names colleagues by them too ("a nurse I work with", "another paramedic").
 */
export const ROLE = String.raw`(?:nurses?|rn|rns|lpn|lvn|cna|hca|np|aprn|crna|midwife|doctor|physician|gp|consultant|registrar|resident|intern|attending|hospitalist|surgeon|anaesthetist|anesthesiologist|psychiatrist|paediatrician|pediatrician|pharmacist|paramedic|emt|dentist|hygienist|physio|physiotherapist|therapist|radiographer|sonographer|optometrist|podiatrist|student|medic|carer|aide|caregiver|practitioner|associate|visitor|manager|receptionist|fy1|fy2|f1|f2|sho|pgy-?\d|ms[1-4]|m[1-4]|jmo|rmo|hmo|locum|technician|psychologist|counsell?or|social worker|ot|dietitian|dietician|osteopath|chiropractor|audiologist|phlebotomist|doula|health visitor|odp|acp|anp|slt|orthoptist)`;
/**
 * A first line that only says who is writing and where: a role, a few words before it ("Dental nurse",
 * "ED nurse practitioner", "26M,"), then where ("in Leicester", "on a hospice unit", "here", ", 25
 * years in practice"). The words before the role describe the writer, so none of them is a small word
 * that would make the role someone in a story ("Complaint about a nurse", "Video of a paramedic").
 */
const ROLE_LINE = eager(
  new RegExp(
    String.raw`^(?:(?!(?:a|an|the|my|our|your|his|her|their|one|this|that|some|of|about|for|with|from|to|by|and|or)\b)[^\s,;:.!?]+[ ,]+){0,3}?${ROLE}(?:\s*,[^.!?]*|\s+here\b[^.!?]*|\s+(?:in|at|on|from|of|with|working|based|for|covering)\b[^.!?]*)?[.!]?$`,
    "i",
  ),
);
/**
 * Words that make such a line part of the story, not who is writing: "I" (the story has begun), a verb
 * of what someone did, does or wants ("Nurse at a care home posts photos...", "FY2, want to tweet in
 * support of the strikes."), or what the question is about (a post, a photo, a platform).
 */
const STORY_WORDS =
  /\b(?:i|i'm|im|my|me|we|our|us|who|which|that|is|was|were|are|has|had|did|does|got|gets|getting|posted|posts|posting|shared|shares|sharing|sent|sends|sending|said|says|saying|told|tells|telling|asked|asks|asking|took|takes|taking|made|makes|making|put|puts|wrote|writes|writing|messaged|messages|messaging|added|adds|adding|tagged|tags|tagging|found|finds|saw|sees|seeing|filmed|films|filming|recorded|records|recording|commented|comments|commenting|complained|complains|complaining|complaint|want|wants|wanted|need|needs|needed|hoping|planning|thinking|trying|keeps|kept|called|calls|calling|uses|used|using|tweet|tweets|tweeted|tweeting|retweet|retweeted|liked|liking|followed|following|blocked|reported|replied|deleted|post|photos?|pictures?|videos?|selfies?|reviews?|friend|request|facebook|fb|instagram|insta|ig|tiktok|twitter|snapchat|whatsapp|linkedin|reddit|youtube|tinder|hinge|bumble|grindr|discord|slack|telegram|twitch|doximity|yelp)\b/i;

/** Words in brackets. */
export const BRACKETED = /\(([^()]{3,80})\)/g;
/**
 * A greeting and whom it greets: "Hi team", "Dear Sir/Madam", "hey bot", "Good morning all". Said
 * before a question, it says nothing of it (see MARKER and FRAMING).
 */
const GREETING = String.raw`(?:hi|hiya|hey|hello|morning|evening|afternoon|good (?:morning|afternoon|evening|day)|g'?day|greetings|dear)(?: (?:all|team|everyone|everybody|folks|guys|there|bot|sir(?:\/madam)?|madam|colleagues?|friends|people))*`;
/**
 * Whom a letter is addressed to, by title or name: "Dear Nurse Beth,", "Dear Dr Patel,", "Dear Doctor:".
 * Read as a greeting only with the comma or colon after it, as a letter opens.
 */
const LETTER_TO = String.raw`dear(?:\s+[\w.'’-]+){1,3}`;
/**
 * What opens a sentence and says nothing itself: a greeting ("Hi team -", "Dear Sir/Madam,") or forum
 * shorthand ("TL;DR:", "Quick question:", "quick q -", "Long story short,").
 */
export const MARKER = eager(
  new RegExp(
    String.raw`^(?:${GREETING}\s*[,!:–—-]+|${LETTER_TO}\s*[,:]+|to whom it may concern\s*[,:]+|(?:tl;?\s?dr|(?:(?:quick|random|genuine|serious|honest|real|simple) )?(?:question|q)|quick one|question for (?:you|you all|y'?all|everyone|the group))\s*[:–—-]|long story short\s*[,:–—-]?)\s*(?=\S)`,
    "i",
  ),
);
/**
 * A plea for a reply inside a sentence, in a letter's words: "(and) I would be grateful for your advice
 * (on)", "I'd appreciate any guidance", "I would be interested to know", "could you advise (on)",
 * "please advise". It asks for an answer; the words of the question are the rest ("...on how to keep
 * up with all of the platforms").
 */
export const PLEA = new RegExp(
  String.raw`(?:,?\s*(?:and|so)\s+)?\b(?:` +
    [
      String.raw`(?:i|we)(?:'d|’d| would| should)\s+(?:be\s+)?(?:very\s+|really\s+|most\s+|so\s+)?(?:(?:grateful|thankful|appreciative|glad)\s+(?:for|of)|(?:appreciate|welcome|value|love))\s+(?:any|your|some|a bit of|a little|an?)?\s*(?:advice|guidance|help|input|thoughts|views?|opinions?|suggestions|pointers|steer|perspective)\b(?:\s+(?:on|about|regarding|as to))?`,
      String.raw`(?:i|we)(?:'d|’d| would)\s+be\s+(?:very\s+|really\s+|most\s+)?(?:interested|keen|curious)\s+to\s+(?:know|hear|learn)`,
      String.raw`(?:could|can|would)\s+(?:you|someone|anyone)\s+(?:please\s+)?advise(?:\s+me)?(?:\s+(?:on|about|regarding|as to))?`,
      String.raw`(?:please|pls|kindly)\s+advise\b`,
    ].join("|") +
    ")",
  "gi",
);
/** A word every PLEA has: a sentence without one is not read for it (most have none). */
export const PLEA_HINT = /advis|grateful|thankful|apprecia|glad|welcome|value|love|interested|keen|curious/i;
/**
 * A feeling said in passing inside a sentence: "...and it's kind of exhausting", "and honestly i'm
 * pretty upset", "not gonna lie,". How the writer feels is not what they ask, and its words ("honest",
 * "lie") are words of the knowledge's subjects.
 */
export const FEELING =
  /(?:\b(?:not gonna lie|not going to lie|to be honest|if i'?m (?:being )?honest|to be fair)\b,?|(?:,|\band\b|\bso\b)\s*(?:honestly\s+|not gonna lie\s+)?(?:it'?s|i'?m|im|i am|it is|i feel|i'?ve been)\s+(?:(?:kind of|kinda|sort of|sorta|pretty|so|really|very|a bit|a little|quite|getting|feeling|totally|honestly|just|rather)\s+)*(?:exhausting|exhausted|overwhelming|overwhelmed|frustrating|frustrated|annoying|annoyed|stressful|stressed|scary|scared|confusing|confused|worrying|worried|upsetting|upset|anxious|nervous|tired|fed up|gutted|devastated|paranoid|embarrassed|worn (?:down|out)|driving me (?:mad|crazy|nuts)|doing my head in|freaking out|losing sleep|at a loss|out of my depth)\b)/gi;
/** Two or more white-space characters, where something was taken out of a sentence. */
export const SPACE_RUN = /\s{2,}/g;
/** A letter or digit: a sentence without one says nothing. */
export const LETTER = /[\p{L}\p{N}]/u;
/** At most this many words make a sentence short: one that may be thanks, or about the post itself. */
const SHORT_WORDS = 10;
/**
 * A short sentence of thanks or a sign-off, after the first ("Thanks in advance!", "EDIT: thanks for
 * the replies", "Kind regards."): the first may open a letter.
 */
export const THANKS =
  /^(?:(?:edit|update|ps|p\.s\.)\s*:?\s*)?(?:(?:many |big |with |huge )?thanks|thank you|cheers|tia|(?:(?:kind|kindest|best|warm|warmest|many) )?regards|best wishes|all the best|(?:yours )?(?:sincerely|faithfully)|take care)\b/i;
/**
 * A post's own summary of what it asks: "TL;DR: ex-patient in my DMs, how do I handle it". A summary
 * that only states something ("TL;DR: rota is terrible") asks nothing.
 */
export const SUMMARY =
  /^tl;?\s?dr\b.*\b(?:how|what|which|why|where|when|whether|should|can|could|would|is it|do i|am i)\b/i;
/** A dash before a short line: a signature unless the line opens as a question does ("- Do we need..."). */
const DASHED = /^(?:[—–]\s*\S|-\s*[A-Z])[^?]*$/;
const DASHED_ASKS =
  /^[—–-]\s*(?:do|does|did|can|could|should|would|will|is|are|am|was|were|how|what|when|where|why|who|which|may|must|has|have|any)\b/i;
/**
 * A letter's signature: "— Uneasy in Ohio", "–Worried RN", "Signed, Frustrated in Leeds". Case counts:
 * "- can I post it" is a list.
 */
export const isSignature = (s: string): boolean =>
  /^[Ss]igned,/.test(s) || (DASHED.test(s) && !DASHED_ASKS.test(s) && s.split(/\s+/).length <= 7);
/**
 * A short sentence (ten words at most) about the post itself: "Throwaway account for obvious reasons.",
 * "Long time lurker, first time poster.", "Sorry if this is a dumb question.", "Not sure if this is the
 * right place to ask.", "Asking for a friend.", "Excuse the typos, on my phone.", "Posting on behalf of
 * a friend.", "Would love to hear what others think.", "Feel free to DM me.", "Hope this makes sense."
 * One that goes on to ask ("Excuse my English, can I...?") asks (see readQuestion).
 */
export const ABOUT_THE_POST = eager(
  /^(?:(?:(?:using an? )?throwaway|long[- ]time lurker|first[- ]time post(?:er|ing)|(?:sorry|apologies) (?:if|for|in advance)|(?:excuse|forgive|pardon) (?:the |my |any )?(?:typos?|spelling|formatting|grammar|english|length|long post|rambling)|(?:posting|asking|writing) (?:this )?on behalf of|not sure (?:if|whether) this is the right|not sure where else to|mods?,? (?:please|feel free)|on mobile)\b|(?:(?:just )?asking for a friend|(?:i['’]?d |i would |would )?(?:love|like) to hear (?:your |people['’]?s |others['’]? |any )?(?:thoughts|views|experiences|opinions)|(?:i['’]?d |i would |would )?(?:love|like) to hear what (?:others|people|you all|everyone|y['’]?all) (?:think|thinks|would do|say)|feel free to (?:dm|pm|message|inbox) me|hope (?:this|that|it) makes sense)(?=[.!)]*$))/i,
);
/**
 * A short sentence that frames the post and says nothing of what it is about: how it opens ("Bit of
 * background first.", "First post here."), how the writer asks to be answered ("Please don't judge
 * me.", "Be gentle."), how they feel about asking ("I've been going round in circles.", "Bit of a
 * weird one."), or a plea with nothing after it ("Need some advice.", "Looking for some input
 * please."). Anything said after the plea ("Need advice on a patient's friend request") keeps it a
 * sentence of the question.
 */
export const FRAMING = eager(
  new RegExp(
    `^(?:(?:so|ok|okay|well|um|erm|right|${GREETING})[ ,!]+)?(?:` +
      [
        `(?:(?:a |some )?(?:bit of |little )?(?:background|context)(?: (?:first|here|below))?|here'?s the (?:situation|story|background|context|deal))(?=[.!:)]*$)`,
        String.raw`(?:(?:this is )?(?:my )?first (?:ever )?post(?:ing)?(?: (?:here|on here|in this group))?|new here|long[- ]time (?:reader|listener))\b`,
        String.raw`(?:please |pls )?(?:don'?t|do not) judge\b|no judg(?:e)?ment\b|(?:please )?be (?:gentle|kind|nice)\b|bear with me\b|i'?ll (?:try to )?keep (?:this|it) (?:short|brief)\b`,
        String.raw`(?:(?:this is |this might be |this may be )?(?:probably )?(?:a |an )?(?:stupid|dumb|silly|naive|daft) question|(?:a )?bit of an? (?:weird|odd|strange|tricky|awkward|random) one|(?:i'?ve been |i have been |been )?going (?:back and forth|(?:a)?round in circles)(?: (?:on|about|over) (?:this|it))?)\b`,
        `(?:i )?(?:really |just )?(?:need|want|would like|'d like|looking for|seeking|after)(?: some| a bit of| any| a little)? (?:advice|help|input|guidance|opinions|perspective|thoughts|reassurance)(?: (?:please|pls|here|asap|urgently))?(?=[.!)]*$)`,
        String.raw`(?:posting|asking) (?:this )?(?:here|on here|in here)\b`,
      ]
        .map((p) => `(?:${p})`)
        .join("|") +
      ")",
    "i",
  ),
);
/**
 * The words of a post's small talk: greetings, pleas for help, thanks, how the writer feels, remarks
 * about the post. A sentence made of these and small words alone (CHATTER) says nothing of what is
 * asked: "hi all hope everyone is keeping well", "Any thoughts at all would be massively appreciated.",
 * "honestly so stressed rn". None is a word of the knowledge's subjects (post, message, text, phone,
 * friend, support, feedback).
 */
const CHATTER_WORDS: ReadonlySet<string> = new Set(
  `hiya howdy morning evening afternoon night everybody folks lads ladies people lovely lovelies team yall
  hope hoping keeping well doing good great fine
  advice thoughts tips tricks input suggestions ideas opinions opinion pointers guidance wisdom
  perspective insight insights steer reassurance answers replies responses views
  outside honest brutal constructive kind gentle
  appreciated grateful gratefully welcome welcomed received cheers ta million legends stars
  massively hugely greatly truly totally honestly genuinely seriously literally kinda sorta super
  whatsoever tho anyways yeah nah mate
  stuck lost confused stressed worried anxious nervous scared embarrassed silly stupid dumb daft idiot
  overthinking overwhelmed fried frazzled upset sick panicking freaking mess head brain sane sanity
  sorry apologies typos typo formatting rant vent venting lurker lurking lurked months ages reading
  new here goes nothing essay rambling rambly tldr gday happy friday weekend
  youre youve youll theyre thats theres heres hes shes id ill lets`.split(/\s+/),
);
/** A sentence that ends in a question mark (and any closing quote or bracket). */
const ASKS_OUTRIGHT = /\?\s*["'”’)]*\s*$/;
/** At most this many words make a sentence of small talk: a longer one is telling something. */
const CHATTER_MAX_WORDS = 14;

/** A word of a sentence, apostrophes and all ("you're"). */
const WORD = /[\p{L}\p{N}'’]+/gu;
/** An apostrophe, dropped to look a word up ("you're" as "youre"). */
const APOSTROPHES = /['’]/g;

/** A sentence that does not ask outright and is made of small talk alone (see CHATTER_WORDS). */
export function isChatter(sentence: string): boolean {
  if (ASKS_OUTRIGHT.test(sentence)) return false;
  // word by word, to stop at the first that is not small talk (in most sentences, the first)
  let count = 0;
  WORD.lastIndex = 0;
  // exec, not matchAll: matchAll copies the pattern on every call
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    const w = m[0].toLowerCase().replace(APOSTROPHES, "");
    if (++count > CHATTER_MAX_WORDS || !(STOPWORDS.has(w) || CHATTER_WORDS.has(w))) return false;
  }
  return count > 0;
}

/** Words of when and where, and small words: all a sentence that only sets the scene is made of. */
const SCENE = `(?:on|at|in|during|over|for|after|before|a|an|the|my|our|one|last|this|that|busy|quiet|long|hectic|crazy|mad|slow|late|early|night|nights|day|days|shift|shifts|week|weeks|weekend|month|months|year|today|yesterday|tonight|morning|evening|afternoon|sunday|monday|tuesday|wednesday|thursday|friday|saturday|work|ward|clinic|unit|department|placement|rotation|recently|ago|few|couple|of|earlier|again|twice|once|while|back|time|times|me|us|too|really|very|so|bit|pretty|such)`;
/**
 * A short sentence that only says when or where the question came up, and nothing of what it is:
 * "This came up on a busy night shift last week.", "Something cropped up at work today.", "It was a
 * quiet Sunday on the ward." Every word past its opening sets the scene (SCENE): a word of anything
 * else ("This came up when a patient...", "I was on Facebook last night") makes it part of the story.
 */
export const WHEN_IT_CAME_UP = eager(
  new RegExp(
    `^(?:(?:so|ok|okay|well|anyway)[ ,]+)?(?:(?:this|that|it|something|the question|a question|an issue|a situation)(?: (?:just|only|recently|actually|first))? (?:came up|cropped up|happened|arose|occurred|started)|(?:it|this|that|today|yesterday|tonight|last night|last week) (?:was|is|has been)|(?:i|we) (?:was|were|am|are) (?:on|at|in|working|doing))(?: ${SCENE})*[.!]?$`,
    "i",
  ),
);
/** A sentence added after the post: "EDIT: she has taken it down", "Update: ...". */
export const AFTERWORD = /^(?:edit|update|ps|p\.s\.)\b/i;
/**
 * A post of at most this many sentences with no question in it asks in its last: a keyword search
 * after a line of context ("Long time lurker. patient friend request facebook"). A longer one, a
 * case told from start to end, is read whole.
 */
export const LAST_ASKS_UP_TO = 3;

/** At most SHORT_WORDS words (runs of anything but white space; the sentence is trimmed). */
export function isShort(sentence: string): boolean {
  // word by word, stopping at the one past the limit: a split made every sentence's words
  let words = 0;
  NON_SPACE_RUN.lastIndex = 0;
  while (NON_SPACE_RUN.test(sentence)) if (++words > SHORT_WORDS) return false;
  return true;
}
const NON_SPACE_RUN = /\S+/g;

/** "I'm a", "As an": how a role line may open when it says who in full. */
const I_AM = /^(?:i'm|i’m|im|i am|as) (?:an?|the) /i;

/**
 * A line before the story that only names the writer's role and where (see ROLE_LINE), bare ("Paramedic
 * in Halifax.") or in full ("I'm a new grad RN on a cardiac floor in Texas.", too long a place for WHO).
 */
export function isRoleLine(s: string): boolean {
  const line = s.replace(I_AM, "");
  return line.split(/\s+/).length <= 14 && ROLE_LINE.test(line) && !STORY_WORDS.test(line);
}

/**
 * The asking patterns, compiled straight to machine code by the first sentence without a question mark
 * (nearly every question has one: a story line, or a question typed without its mark). Compiled to
 * bytecode first, as V8 does by default, ASKING_START took some 14 ms of a one-shot `ask`; this way,
 * about 2 ms for both (see eager).
 */
const compileAsking = onFirstNeed(ASKING_START, ASKING_INSIDE);

/** A sentence that asks: a question mark, an asking opening ("can I", "is it ok to") or a request phrased as a statement. */
export function isAsking(sentence: string): boolean {
  if (ASKS_OUTRIGHT.test(sentence)) return true;
  compileAsking();
  const s = sentence.replace(/^[^\p{L}\p{N}]+/u, "");
  return ASKING_START.test(s) || ASKING_INSIDE.test(s);
}

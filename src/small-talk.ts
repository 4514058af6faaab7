/**
 * What people say to a chat bot that is not a question for the knowledge: greetings, thanks, "ok", farewells,
 * asking what it can do, and the short follow-ups of a conversation ("why?", "tell me more", "and for
 * nurses?", "the second one") that mean something only after a reply. The bot reads each message on
 * its own, so a follow-up gets a word on how to ask, not an answer to "why" from the knowledge.
 *
 * Each pattern reads a whole message, lower case, its end punctuation removed (see readRequest).
 */

/** Said to the bot: a greeting, thanks, an acknowledgement, a farewell, or a follow-up it cannot place. */
export type SmallTalk = "hello" | "thanks" | "ok" | "bye" | "follow-up";

const HELLO = /^(?:hi|hiya|hello|hey|yo|good (?:morning|afternoon|evening)|greetings)(?: there| bot)?$/;
const THANKS_WORD = "(?:thanks?|thank (?:you|u)|thanku|thx|ty|cheers|ta)";
const THANKS = new RegExp(
  `^(?:(?:ok|okay|great|perfect|brilliant|lovely|awesome|cool|nice|super|excellent|fab|amazing|many|that's (?:great|helpful|useful|perfect)|that helps),? )?${THANKS_WORD}(?: (?:so much|a lot|a bunch|very much|again|mate|heaps|loads|for (?:your|the|that|this|all the) (?:help|answer|info|information|advice)|for that|for this))?(?:,? (?:that's|that was|this is|very|really|super)? ?(?:really |very |so )?(?:helpful|useful|great|perfect|clear))?$`,
);
/** A farewell, with thanks or an "ok" before it: "goodbye", "bye bye", "thanks, bye", "see you". */
const BYE = new RegExp(
  `^(?:(?:ok|okay|right|${THANKS_WORD}),? )?(?:bye|bye bye|byebye|bye for now|goodbye|good bye|see (?:you|ya|u)(?: later| soon)?|cya|later|ttyl|take care|good ?night|night night)(?: then| now)?$`,
);
const OK =
  /^(?:ok|okay|k|kk|ok cool|okay cool|got it|gotcha|understood|noted|makes sense|that makes sense|cool|great|perfect|brilliant|fair enough|right|alright|all right)$/;
/** "What can you do?", "help me": the help card, not a search for "do". */
const HELP_ASKED =
  /^(?:what (?:can|do) (?:you|u) do|what can i ask(?: (?:you|u))?|what should i ask(?: (?:you|u))?|what are (?:you|u) for|how do i use (?:this|this bot|(?:you|u))|help me|help please|please help|commands|menu|options)$/;
const PLACE =
  "(?:the )?(?:uk|us|usa|america|england|scotland|wales|northern ireland|ireland|australia|canada|new zealand|nz)";
const WHO =
  "(?:nurses?|midwives|midwife|students?|doctors?|gps?|residents?|pharmacists?|dentists?|physios?|paramedics?|pas?|physician associates?|them|him|her|me|us)";
/** Short replies that lean on what came before. */
const FOLLOW_UP = new RegExp(
  [
    "why|why not|how come|how so|really|seriously|tell me more|more|more info|more information|more details|go on|explain|explain more|explain that|elaborate|what do you mean|what does that mean|meaning|example|examples|an example|for example",
    "yes|yeah|yep|yup|no|nope|nah|both|neither|either|that one|this one|the other one|(?:the )?(?:first|second|third|last|other) one|(?:option |number |#)?\\d{1,2}",
    "source|sources|what source|which source|what sources|link|links|the link|reference|references|citation",
    `(?:and |but |so )?(?:what|how) about (?:in |for )?(?:${PLACE}|${WHO}|that|this|it)`,
    `(?:and|but|also) (?:in|for) (?:${PLACE}|${WHO})`,
    `(?:and|what) if (?:it|they|he|she|that) (?:was|were|is|are) (?:an? |the )?(?:colleague|relative|friend|former patient|ex patient|student|stranger|nurse|doctor|manager)(?: instead)?`,
  ]
    .map((alternatives) => `(?:${alternatives})`)
    .join("|")
    .replace(/^/, "^(?:")
    .concat(")$"),
);

/** What the message says to the bot, or undefined when it asks something of the knowledge. */
export function smallTalkOf(plain: string): SmallTalk | undefined {
  if (HELLO.test(plain)) return "hello";
  if (THANKS.test(plain)) return "thanks";
  if (OK.test(plain)) return "ok";
  if (BYE.test(plain)) return "bye";
  if (FOLLOW_UP.test(plain)) return "follow-up";
  return undefined;
}

/** True when the message asks what the bot can do ("what can you do?", "help me"). */
export function asksForHelp(plain: string): boolean {
  return HELP_ASKED.test(plain);
}

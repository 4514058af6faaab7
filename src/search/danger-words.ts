/**
 * The words of danger and of warning signs that at-risk.ts reads in someone else's message: the danger
 * list (DANGER_RE: a life to be ended, an overdose taken, someone hurt at home), the warning signs that
 * only offer the guidance beside the answer (WARNING_RE), and what makes either ordinary (a plain reason
 * for leaving, a thing or a professional they are said of, a negation). Kept apart from the reading
 * itself, which is the same for every list.
 */
import { DRUGS, GAME, OVER_WEEKS, TOY_OR_LICENCE } from "./red-flags.js";

const ANYONE = String.raw`(?:myself|herself|himself|themselves|themself)`;
const WHOSE = String.raw`(?:my|her|his|their)`;
const PILLS = String.raw`(?:pills|tablets|meds|medication|medicines|painkillers|sleeping\s+pills|sleeping\s+tablets|${DRUGS})`;
/** Whose tablets: someone's own, or a relative's ("all her mum's sleeping tablets"). */
const WHOSE_PILLS = String.raw`(?:${WHOSE}\s+)?(?:(?:mum|mom|dad|nan|gran|grandma|grandad|partner|husband|wife|boyfriend|girlfriend|sister|brother)'s\s+)?`;
/** Animals: a pet's life ended by the vet ("...to end his life, our collie"), a cat sitting on the roof. */
const ANIMALS = String.raw`(?:dogs?|cats?|pets?|pupp(?:y|ies)|kittens?|horses?|ponies|pony|rabbits?|collie|spaniel|labrador|terrier|greyhound|lurcher|hamster|guinea\s+pig|budgie|parrots?|birds?|pigeons?|seagulls?|gulls?|squirrels?|crows?|owls?)`;
/** Whom someone asks to be looked after. */
const LOVED = String.raw`(?:kids|children|son|daughter|boys|girls|baby|cats?|dogs?|pets?|puppy|kitten|horse|rabbit|bird)`;
/** Where a clause ends: a stop, a comma, a conjunction or the end, so "can't go on" is not "can't go on Facebook". */
const clauseEnd = (words: string) => String.raw`(?=\s*(?:[.!?,;:"')]|$|\s(?:${words})\b))`;
const ENDING_WORDS = String.raw`and|but|so|or|tonight|anymore|any\s?more`;
const CLAUSE_END = clauseEnd(ENDING_WORDS);
/**
 * ... and for a warning sign, "because" and "now" too ("keep her cat for her because she won't be
 * around"): not for the danger list, whose "can't cope because the form is too long" is everyday.
 */
const SIGN_END = clauseEnd(`${ENDING_WORDS}|because|now`);
/**
 * The end of a sentence, or of a quotation closing in it: for a danger whose words alone say little of
 * what is meant ("she didn't see the point any more"), where a clause after a comma or an "and" says
 * what the point was ("..., and cancelled the clinic's Instagram").
 */
const SENTENCE_END = String.raw`(?=\s*(?:[.!?;'"”’)]|$))`;
/**
 * The end of a sentence, after at most a word that only colours it ("tbh", "right now", "x"): for the
 * idioms of wanting it over, which a clause after them makes a complaint ("done with everything
 * because of the rota", "done with it all and is going part time").
 */
const IDIOM_END = String.raw`(?=\s*(?:,?\s*(?:tbh|honestly|right\s+now|any\s?more|x+)\b)?\s*(?:[.!?;'"”’)]|$))`;
/** Someone is, or feels ("she's", "he is", "feeling like"): how a sign about a person begins. */
const IS = String.raw`(?:i'?m|i\s+am|she'?s|she\s+is|he'?s|he\s+is|they'?re|they\s+are|being|feels?\s+like|feeling\s+like|felt\s+like)`;
/** Would or will, in full or contracted ("they'd", "nobody'll"). */
const WOULD = String.raw`(?:\s+would|\s+will|'d|'ll|\s+is\s+going\s+to)`;
/**
 * Cutting as self-harm: cutting nothing (the clause ends), again, oneself or one's skin ("she's cutting
 * again"), not cutting something ("cutting out dairy", "cutting teeth", "cutting the cake").
 */
const CUTTING = String.raw`cutting(?=\s*(?:[.!?,;:"')]|$)|\s+(?:again|herself|himself|themselves|themself|myself|(?:her|his|their|my)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach)|and|but|so|because|every|each|tonight|daily|at\s+night|in\s+secret|secretly|deep|deeper|badly)\b)(?!\s+and\s+past\w*)(?![^.!?]*\b(?:protein|calories|bulk\w*|macros|carbs|gym|lean|teeth|teething|tooth)\b)`;
/**
 * Words of farewell in DANGER ("won't be here tomorrow", "giving away all her stuff", "letters for her
 * children", "affairs in order", "can't go on"), which a sentence giving a plain reason makes ordinary:
 * LEAVING's, or a rota swap, a flight, an operation, a hospice's memory letters, a change of course, a
 * festival, a panto. Not an appointment or a discharge ("won't need it, I'll be dead by then" answers an
 * appointment reminder), nor a voice note, Reddit's OP or being off sick, which reports also say.
 */
export const FAREWELL =
  /\b(?:do\s+it\s+tonight|be\s+(?:here|around|gone|alive|a\s+problem|a\s+burden)|be\s+dead|goodbye|by\s+the\s+time|giv\w*\s+away|gave\s+away|letters|notes|a\s+note|a\s+letter|affairs|carry\s+on|go\s+on|carrying\s+on|going\s+on|end\s+it|better\s+off\s+without|can'?t\s+(?:take|keep\s+going|cope|go\s+on|do\s+this)|where\s+(?:i'?m|she'?s|he'?s|they'?re|im)\s+going)\b/i;
/** A thing just before the words, which is what they are said of ("parking won't be a problem anymore"). */
export const A_THING =
  /\b(?:pies|biscuits|chocolates|sweets|cakes?|bus|van|pharmacy|practice|clinic|surgery|service|parking|car\s+park|shop|offer|deal|stock|jabs?|vaccines?|appointments?|slots?|reception|system|app|website|hospital|trust|nhs|department|show|panto|exhibition|sale|stall|weather|scheme|programme|project|tablet|pill|lead)(?:\s+\w+ly)?\s+$/i;
/** A professional spoken of in a review or a complaint ("they'd all be better off without him"). */
export const REVIEW = /\b(?:review|reviews|complain\w*|feedback|rated|rating|stars?)\b/i;
/** ... the professional named in such a review ("they'd all be better off without that GP"). */
export const ROLE =
  /\b(?:gps?|doctors?|consultants?|receptionists?|managers?|locums?|agency|council|government|surgeons?|nurses?)\b/i;
/** A negation just before the words. */
export const NEGATED =
  /\b(?:not|no\s+longer)\s+(?:\w+\s+)?$|n't\s+$|\b(?:nobody|no\s+one)\s+$|\b(?:don'?t|doesn'?t|didn'?t)\s+want\s+to\s+end\s+up\s+$/i;
/** A plain reason in the sentence that makes farewell words ordinary (a rota swap, a flight, an operation). */
export const PLAIN_REASON =
  /\b(?:swap|swapping|shift|rota|cover|annual\s+leave|day\s+off|holiday|plane|flight|operation|surgery|hip|knees?|replacement|hospice|palliative|terminal(?:ly)?|memory\s+box|birthdays?|18th|time\s+capsule|switch(?:ing)?\s+(?:to|from|course|courses|careers?)|appl(?:y|ied|ying)\s+for|(?:her|his|their|the|my|a)\s+course|placement|wedding|divorce|formula|breastfeed\w*|pumping|stop(?:ping)?\s+(?:her|his|their|the)\s+(?:\w+\s+)?(?:hrt|meds|medication|tablets|treatment|pill|contraception|injections?)|nursery|childcare|conference|contract|changeover|rotation|rotating|last\s+(?:day|shift)|leaving\s+do|downsiz\w*|declutter\w*|clear(?:ing)?\s+out|moving\s+house|house\s+move|power\s+of\s+attorney|lpa|writing\s+a\s+will|make\s+a\s+will|(?:her|his)\s+will\b|marriage|relationship|kicked\s+him\s+out|split\s+up|separated|panto|stage|perform\w*|elective|end\s+of\s+(?:her|his|the)\s+\w+|minimalis\w*|retreat|camping|festival|glastonbury|off\s+to\s+(?!(?:a\s+)?better\s+place|heaven)|notice|resign\w*|because\s+(?:her|his|their|my)\s+(?:daughter|son|kid|child|little\s+one)|probate|transition|year\s+\d+|pupils|call(?:ing|ed)?\s+in\s+sick|callback|queue|running|race|marathon|parkrun|strava|miles|ankle|legs|quit(?:s|ting)?|retrain\w*|programme|career|santa|camper\s?van|kids\s+were\s+little|baby\s+clothes|outgrown|moving\s+(?:into|in\s+with)|tax|deadline|accounts|coat|jumper|jacket|suncream|sunscreen|strike|school\s+run|leaving\s+(?:party|do)|jabs?|vaccines?|stock|brownies|cakes?|bake\s+sale|tickets|slots|lost\s+(?:her|his)\s+voice|too\s+(?:big|small|hot|cold|loud|expensive)|swallow)\b/i;
/**
 * What follows harming oneself when it is an idiom ("killing herself laughing", "drowning herself in
 * coffee", "shooting himself in the foot", "killing themselves to hit targets"), an accident on or with
 * a named thing ("cut herself shaving", "burnt herself with the straighteners", or a sentence about
 * cooking or gardening), or fasting. Each is named: a review showed that vetoing any "in", "with" or
 * "to" hid real reports ("hang herself in the garage", "kill herself with a kitchen knife", "to make him
 * sorry"). Not "on purpose", nor on an arm or a wrist.
 */
const NOT_HARM = String.raw`(?!\s+(?:off|out|short|laughing|doing|working|trying|running|training|over|shaving|a\s+(?:fringe|slice|piece)|in\s+the\s+foot|in\s+(?:paperwork|work|coffee|tea|wine|debt|emails?|admin|marking|revision|books|chocolate|water|sweat|fake\s+tan|cream)|with\s+(?:the\s+|a\s+|an\s+)?(?:overtime|work|stress|worry|energy\s+drinks|coffee|caffeine|takeaways?|junk\s+food|hair\s+straighteners|straighteners|iron|kettle|oven|pan|tongs|curling\s+tongs|hot\s+(?:oil|water|pan|tea|coffee)|sugar|booze|exercise|training)|some\s+slack|to\s+(?:get|make|finish|keep|pay|meet|impress|lose|please|hit|reach)\s+(?:the|a|an|ends|it|this|that|for|up|weight|money|rent|their|her|his)\b|for\s+(?:the|a|this|that|nothing|no\s+reason|(?:her|his|their)\s+(?:job|work|family|wedding|exams?|tiktok|instagram|insta|youtube|channel|reel|video|blog|portfolio))|from\s+midnight|before\s+(?:surgery|(?:the|an?|her|his|their)\s+(?:op|operation|surgery|procedure|scan|blood\s+test|test|bloods|colonoscopy|endoscopy))|by\s+accident|accidentally|(?:while|when)\s+(?:cooking|shaving|ironing|gardening)|at\s+(?:the\s+gym|playtime|play|training)|on\s+(?!purpose|(?:her|his|their|my)\s+(?:arms?|wrists?|legs?|thighs?|stomach|tummy|body|skin)\b)))(?![^.!?]*\b(?:making|cooking|chopping|slicing|dinner|chips|barbecue|bbq|trimming|gardening|diy|roast|skateboard\w*|falling\s+off|fell\s+off)\b)`;
/** Things given away ("giving away all her"): DANGER reads her things, WARNING_SIGNS what else she owns. */
const GIVES_AWAY = String.raw`(?:giving|gave|given|give|gives)\s+away\s+(?:all\s+)?(?:of\s+)?${WHOSE}\s+`;
/** Nobody would notice or care, which both lists read (DANGER with "if she...", WARNING_SIGNS alone). */
const NOBODY_CARES = String.raw`(?:nobody|no\s+one|noone)${WOULD}\s+(?:even\s+)?(?:notice|care|miss)`;
/** A person after a verb of harm, not a thing ("hit her", not "hit the roof"). */
const SOMEONE = String.raw`(?:her|him|me|them|the\s+(?:kids?|children|baby|toddler)|(?:her|his|their|my)\s+(?:kids?|children|baby|toddler|son|daughter))`;
/** The words that report danger; each alternative is one way of saying it. */
const DANGER = [
  // ending a life, or wanting to
  String.raw`(?:kill|killing|harm|harming|harmed|cut|cutting|burn|burning|burned|burnt|hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|starve|starving)\s+${ANYONE}${NOT_HARM}`,
  String.raw`(?:(?:want|wants|wanted|wanting|going|gonna|might|plans?|planning|about|ready|trying|tried)\s+to\s+(?:hurt|harm)\s+${ANYONE}|hurting\s+${ANYONE})${NOT_HARM}`,
  String.raw`(?:is|been|was|started|keeps|kept|still|again)\s+(?:self[- ]?harming|${CUTTING}(?<!\b(?:barber|hairdresser|icb|ccg|council|trust|government|nhs|board|management|budget|they|it)(?:'s|\s+\w+){1,2}\s+cutting))|(?:self[- ]?harming|cutting)\s+again|self[- ]?harming\s+(?:every|each|tonight|daily)`,
  String.raw`(?:is|feels|feeling|felt|sounds|sounded|seems|seemed|being|was|were|are|am|i'?m|she'?s|he'?s|they'?re|texted|messaged|posted|wrote|emailed|dmed|dm'?d|got)\s+(?:really\s+|very\s+|actively\s+|something\s+)?suicidal(?<!\b(?:rota|shift|shifts|plan|idea|schedule|pace|workload|timetable|move|decision|deadline|traffic|commute|hill|climb|workout|cycling|driving|road|roads|junction|roundabout|\w*\d\w*|it|this|that)\s+(?:is|was|are|were|feels|sounds|seems|looks)\s+(?:really\s+|very\s+|actively\s+|something\s+)?suicidal)|threaten(?:s|ed|ing)?\s+suicide|suicide\s+note|suicidal\s+(?:message|messages|post|posts|comment|comments|text|texts|dm|dms|note|tweet|status|story)`,
  String.raw`end\s+it\s+all(?!\s+with\b)|end\s+it\s+tonight|(?:going\s+to|gonna|wants?\s+to|plans?\s+to|planning\s+to|ready\s+to|about\s+to|decided\s+to)\s+end\s+(?:things|everything)(?!\s+(?:with|between)\b)|(?:slit|slashed|slashing|slitting)\s+(?:her|his|their|my)\s+wrists|(?:tied|made|got|has|have|put\s+up|with)\s+(?:a|the)\s+(?:ligature|noose)(?!\s+(?:points?|risks?|cutters?|audit|assessment)\b)|(?:sitting|sat|is)\s+in\s+(?:her|his|their|the)\s+car\s+with\s+(?:a|the)\s+hose(?:pipe)?|(?:going\s+to|gonna|about\s+to|wants?\s+to|will|'ll)\s+(?:walk\s+into\s+the\s+(?:sea|river|lake|water)|drive\s+(?:into|off)\s+(?:a|the)\s+(?:wall|tree|bridge|cliff|lorry|truck)|step\s+in\s+front\s+of\s+(?:a|the)\s+(?:next\s+)?(?:train|bus|lorry|truck))|(?:top\s+of|on\s+(?:the|a)\s+(?:roof|ledge|bridge|balcony))[^.!?]{0,80}\b(?:going\s+to|gonna|about\s+to)\s+jump\b(?!\s+(?:in|into)\b)|last\s+time\s+(?:anyone|you|they|people)\s+(?:will|'ll)\s+(?:ever\s+)?(?:hear\s+from|see)\s+(?:me|him|her|them)|in\s+the\s+bath\s+with\s+(?:a|the|her|his)\s+(?:razor|blade|knife)|(?:slicing|slashing|carving)\s+(?:into\s+)?(?:her|his|their|my)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach)|(?:pills|tablets|meds)\s+(?:are\s+|all\s+)?(?:ready\s+on|lined\s+up|counted\s+out|laid\s+out)|(?:engine|car)\s+running\s+in\s+(?:the|a|her|his|their)\s+(?:closed\s+|locked\s+|shut\s+)?garage|(?:i'?ve|she'?s|he'?s)\s+(?:written|left)\s+(?:my|her|his)\s+(?:last\s+|goodbye\s+)?note(?=\s*(?:[.!?'")]|$))|(?:drank|drunk|swallowed|downed|necked)\s+(?:a|the|her|his|their)\s+(?:whole\s+)?bottle\s+of\s+(?:oramorph|${PILLS})|(?<!\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|few|several)\s?)kms(?=\s+(?:tonight|now|today|rn|soon|fr)\b|\s*[.,!?]|\s*$)|end(?:ing)?\s+${WHOSE}\s+(?:own\s+)?life(?!\s+(?:insurance|cover|policy|assurance|savings|support|in\s+(?:a|the)\s+(?:care|nursing)\s+home|at\s+home|in\s+(?:peace|hospital))\b)(?![^.!?]*\b(?:vet|vets|peacefully|put\s+down)\b)(?:(?<!\b(?:the|a|our|her|his|their)\s+vets?\b[^.!?]*)|(?<!\b${ANIMALS}\b[^.!?]*)(?![^.!?]*\b${ANIMALS}\b))|take\s+${WHOSE}\s+(?:own\s+)?life(?!\s+(?:into|back|in\s+(?:her|his|their)\s+(?:own\s+)?hands)\b)|unaliv(?:e|ing)\s+${ANYONE}|(?:want|wants|going|gonna)\s+to\s+unalive`,
  String.raw`(?:want|wants|wanted|wanting|plans?|planning|ready|decided)\s+to\s+(?:die(?!\s+(?:of\s+(?:embarrassment|shame|laughter|boredom|cringe|envy|jealousy)|laughing|at\s+home|in\s+(?:hospital|hospice|a\s+hospice|the\s+hospice|peace|(?:her|his|their)\s+sleep|(?:her|his|their)\s+own\s+(?:bed|home))|on\s+(?:the\s+spot|this\s+hill|that\s+hill)|under\s+(?:anaesthetic|anesthetic|the\s+knife)|with\s+dignity)\b)|be\s+dead|end\s+it(?!\s+(?:with|between|on\s+a\s+high|early|there|here)\b)|not\s+wake\s+up|never\s+wake\s+up)|(?:going\s+to|gonna)\s+(?:end\s+it(?!\s+(?:with|between|on\s+a\s+high|early|there|here|all\s+with)\b)|do\s+it\s+tonight|not\s+wake\s+up)`,
  String.raw`(?:don'?t|doesn'?t|didn'?t|do\s+not|does\s+not|not)\s+want(?:ing)?\s+to\s+(?:live(?!\s+(?:in|at|with|near|on|off|there|abroad|alone|together|apart|nearby|anywhere)\b)|be\s+alive|be\s+here(?!\s+(?:for|at|on|when|during|with|next|tomorrow|today|this|without|any\s+longer\s+than)\b)|wake\s+up(?!\s+(?:from|for|in\s+the|early|at|before|on\s+time|the|her|his|their|my|on\s+(?:school|work|week)\s*days|on\s+(?:mondays|weekdays))\b)|exist(?!\s+online))\b|(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+want\s+to\s+(?:go|carry)\s+on(?!\s+and\s+on)${CLAUSE_END}`,
  String.raw`better\s+off\s+dead|(?:everyone|everybody|they|you|(?:the|my|her|his|their)\s+(?:family|kids|children|parents|husband|wife|partner|friends|world|baby|son|daughter))(?:'s|'re|'d|'ll|\s+is|\s+are|\s+would|\s+will)?\s+(?:all\s+)?(?:be\s+)?better\s+off\s+without\s+(?:me|her|him|them)|sleep\s+forever(?![^.!?]*\b(?:after|tired|exhausted|night\s+feeds|nights|shifts?|mattress|pillow|bed|duvet|holiday|weekend)\b)|sleep\s+and\s+(?:never|not)\s+wake\s+up|wants?\s+(?:it\s+all|everything|the\s+pain)\s+to\s+(?:stop|end)(?![^.!?]*\b(?:painkillers|pain\s+relief|stronger|knee|back|hip|tooth|prescription|physio|surgery|waited|waiting)\b)`,
  String.raw`(?:doesn'?t|don'?t|didn'?t|can'?t|couldn'?t|(?:does|do|did|could)\s+not|cannot|no\s+longer)\s+see\s+(?:the|any)\s+point\s+(?:(?:in\s+)?(?:going\s+on|carrying\s+on|living)${CLAUSE_END}|any\s?more${SENTENCE_END})`,
  String.raw`can'?t\s+(?:go\s+on(?!\s+and\s+on)|do\s+this|take\s+(?:it|this)(?!\s*[,;:-]\s*(?:the|her|his|my|their|these|those|this)\s+(?:new\s+)?(?:[\w-]+\s+)?(?:tablets?|pills?|meds|medication|medicines?|injections?|antibiotics|inhalers?|patch(?:es)?)\s+(?:give|gives|gave|make|makes|made|cause|causes|caused)\s+(?:her|him|me|them|you)\s+(?:feel\s+|a\s+|an\s+)?(?:rash|hives|itch\w*|nause\w*|sick|dizzy|diarrh\w*|headaches?|upset\s+stomach|side[- ]?effects?)\b(?![^.!?]*\b(?:taken|took|swallow\w*|downed|necked|overdos\w*)\b))|cope|keep\s+going)(?:\s+any\s?more)?${CLAUSE_END}`,
  String.raw`(?:won'?t|will\s+not|wont)\s+be\s+(?:here|around|alive|a\s+problem|a\s+burden)\s+(?:tomorrow|any\s?more|much\s+longer|for\s+long)`,
  String.raw`(?:i'?ll|i\s+will|she'?ll|he'?ll|they'?ll)\s+be\s+(?:dead|gone)\s+(?:before|soon|tomorrow|tonight|by\s+(?:tomorrow|morning|tonight|then))(?![^.!?]*\bafter\s+(?:\w+\s+){0,3}(?:shifts?|days?|nights?|weeks?|run|workout|gym|on\s+call)\b|[^.!?]*\bif\s+(?:the\s+)?(?:it|system|printer|computer|rota|boss|manager|wifi|internet)\b)`,
  String.raw`by\s+the\s+time\s+(?:you|anyone|someone)\s+(?:read|reads|see|sees)\s+this(?!,?\s+(?:(?:i'?ll|i\s+will|we'?ll|we\s+will|she'?ll|he'?ll)\s+be\s+(?:on|in(?!\s+a\s+better\s+place)|at|back|home|boarding|landed|flying|married|there|retired|gone\s+(?:to|on))|(?:the|our|your)\s+(?:\w+\s+){1,3}(?:will|'ll)|it(?:'ll|\s+will)))`,
  // a danger to oneself, or someone a danger to others, said of now: not "had been deemed a danger to
  // herself" in a story, nor "anti-vaxxers are a danger to others"
  String.raw`(?:is|'s|are|'re|am|'m|might\s+be|could\s+be|may\s+be)\s+(?:a\s+)?(?:real\s+|serious\s+)?danger\s+to\s+(?:herself|himself|themselves|themself|myself)\b|\b(?:she|he|they|i)(?:\s+is|'s|\s+are|'re|\s+am|'m|\s+might\s+be|\s+could\s+be|\s+may\s+be)\s+(?:a\s+)?(?:real\s+|serious\s+)?danger\s+to\s+(?:others|other\s+people)\b`,
  String.raw`goodbye\s+(?:everyone|everybody|world)|(?:said|saying|says)\s+goodbye\s+to\s+(?:everyone|everybody)`,
  String.raw`${NOBODY_CARES}\s+(?:if|when)\s+(?:i|she|he|they)\s+(?:(?:was|were)\s+(?:gone|dead|no\s+longer\s+here)|(?:wasn'?t|weren'?t)\s+(?:here|around|alive)|died|disappeared|vanished|didn'?t\s+wake\s+up)\b(?!\s+(?:to|off\s+to|on|from)\b|\s+for\s+(?:a|the|two|\w+)\s+(?:fortnight|week|weekend|month|day|while|bit|holiday))`,
  String.raw`no\s+(?:point|reason)\s+(?:in\s+)?(?:living|to\s+live)(?!\s+(?:in|at|here|there|near|with|on|abroad|out\s+here|round\s+here)\b)|nothing\s+(?:left\s+)?to\s+live\s+for`,
  String.raw`(?:(?:standing|stood|sitting|sat)(?<!\b${ANIMALS}(?:'s|\s+(?:is|was|has\s+been|keeps|kept))?\s+\w+)\s+on\s+(?:a|the)\s+(?:bridge|ledge|roof(?!\s+(?:terrace|top|garden|bar))|tracks|cliff)|(?:got|has|have|bought|found)\s+(?:a|the)\s+(?:rope|noose|gun)\b(?!\s+(?:dog|burn|burns|swing|ladder)\b)|jump\s+(?:off|from|in\s+front\s+of)\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:bridge|roof|building|cliff|train|viaduct|multi-?storey)|jumping\s+(?:off|from|in\s+front\s+of)\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:bridge|roof|building|cliff|train|viaduct|multi-?storey)(?!\s+(?:into|onto)\s+(?:the\s+|a\s+)?(?:sea|water|lake|river|pool|quarry|trampoline|sand)))(?![^.!?]*\b(?:fixing|repair\w*|leak|gutters?|tiles|scaffold\w*|sunrise|sunset|view|trampoline|shed|photo\s+shoot|${TOY_OR_LICENCE}|climbing|swing|skipping|tug|bungee|abseil\w*|zip\s?wire|cocktail|hanging\s+baskets?|baskets?|washing\s+line|charity|sponsored|fundrais\w*)\b)`,
  String.raw`${GIVES_AWAY}(?:things|stuff|belongings)`,
  String.raw`(?:written|wrote|writing|left)\s+(?:letters|notes|a\s+note|a\s+letter)\s+(?:for|to)\s+${WHOSE}\s+(?:kids|children|family|partner|husband|wife|parents)(?!\s+(?:to\s+say|saying|about|reminding|with\s+(?:the|a)\s+(?:shopping|list)))`,
  // an overdose taken, or tablets gathered for one
  String.raw`(?:(?:stockpil|hoard)(?:e|ed|es|ing)\s+(?:${WHOSE}\s+)?(?:\S+\s+)?${PILLS}|sav(?:ed|ing)\s+up\s+(?:all\s+)?(?:of\s+)?(?:${WHOSE}\s+)?${PILLS})(?![^.!?]*\b(?:shortage|supply|supplies|out\s+of\s+stock|holiday|travel|abroad|christmas|winter|dementia|donate|charity|strike|hand\s+(?:them\s+)?back|return|pharmacy|disposal)\b)`,
  String.raw`(?:taken|took|swallowed|downed|necked|necking)\s+(?:an\s+overdose|everything\s+in\s+(?:the|her|his|their|my)\s+(?:medicine\s+)?(?:cabinet|cupboard)|(?:${WHOSE}|the|a)\s+(?:whole\s+)?(?:month'?s|week'?s)\s+supply|(?:[^.!?]{0,40}?\s)?all\s+(?:of\s+)?${WHOSE}\s+${PILLS}|all\s+(?:of\s+)?${WHOSE_PILLS}${PILLS}|(?:a|the)\s+(?:whole\s+)?(?:packet|pack|bottle|box|handful|strip|tub|load|lot)\s+of\s+(?:(?!vitamin|multivitamin|supplement)\S+\s+){0,2}?${PILLS}|too\s+many\s+(?:${WHOSE}\s+)?${PILLS}|(?:[1-9]\d|\d{3,})\s+(?:of\s+)?${WHOSE_PILLS}${PILLS})(?!\s+(?:as\s+(?:prescribed|directed|advised|instructed|told)|on\s+time|correctly|back)\b)(?![^.!?]{0,60}\b(?:infection|course|cleared|come\s+back|came\s+back|antibiotics?|symptoms|thrush|uti|to\s+the\s+pharmacy|for\s+disposal|streak|proud|cough|still\s+(?:has|got|have)|${OVER_WEEKS}|steroids|helping|remembered|every\s+day|this\s+week|since\s+(?:the|her|his|my)\s+last|repeat|prescription|review|refill|break|pill\s+free|contracepti\w*|holiday|customs|airport|abroad)\b)(?!\s+with\s+(?:her|him|them)\b)`,
  String.raw`had\s+an\s+overdose(?!\s+(?:as\s+a|when\s+(?:she|he|i|they)\s+was|years|in\s+(?:19|20)\d\d))|(?:overdosed|overdosing|od'd)(?=\s*(?:[.!?,;:'")]|$)|\s+(?:on\s+(?:(?:her|his|their|my)\s+)?(?:[\w-]+\s+)?(?:${PILLS}|heroin|drugs|pills|methadone|fentanyl|something|everything)|and|but|again|last\s+night|tonight|earlier|today|yesterday|this\s+morning|an\s+hour\s+ago)\b)`,
  // being hurt, or hurting a child
  String.raw`threaten(?:s|ed|ing)?\s+to\s+(?:kill|hurt|harm|stab|shoot)\s+(?:her|him|them|the\s+(?!next\b|first\b|last\b|practice\b|clinic\b|surgery\b|business\b|trust\b|company\b|scheme\b|project\b|plan\b|idea\b|deal\b|bill\b|policy\b|service\b|proposal\b|motion\b)\w+(?!['’]s)|(?:her|his|their)\s+\w+)`,
  String.raw`(?:scared|afraid|frightened|terrified)\s+to\s+go\s+home(?!\s+and\s+(?:tell|show|face)\b)(?![^.!?]*\b(?:failed|fail|results?|grades?|exams?|resit|report\s+card|bill|dent|scratch|roads?|icy|ice|snow|traffic|dark|weather|storm|flood\w*|straighteners|oven|iron|cooker|left\s+(?:her|his|the)\s+\w+\s+on)\b)`,
  String.raw`(?:partner|boyfriend|girlfriend|husband|wife|dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|parent|uncle|brother|ex)\s+(?:(?:has\s+been|'s\s+been|keeps|is|was)\s+(?:hitting|beating|punching|kicking|hurting|strangling|choking|slapping)|hits|hit|beats|beat|hurts|hurt|strangled|strangles|choked|chokes|punched|punches|kicked|kicks|slapped|slaps)\s+${SOMEONE}\b(?!\s+(?:up|back\s+at|out|off|feelings|pride|ego|hard|to\s+it|back\s+(?:lifting|moving|carrying|doing|gardening|at|in|while)|(?:wrist|ankle|knee|shoulder|neck|hip|elbow|hand|foot|leg|arm|finger|thumb|toe|back)\s+(?:(?:while|when)\s+)?(?:gardening|digging|decorating|hoovering|running|skiing|cycling|dancing|exercising|training|climbing|skating|bouldering|playing\s+(?:football|netball|tennis|rugby|hockey|golf|squash|badminton|cricket))(?!\s+(?:her|him|me|them|the\s+(?:kids?|children|baby))\b)|with\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:ball|racket|frisbee|surprise|party|cake|present|gift|bill|snowball|pillow|water\s+balloon|nerf|toy))\b)(?!\s+(?:at|in|during|playing)\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:[\w-]+\s+)?${GAME}\b|[^.!?]*\bin\s+(?:his|her|their)\s+sleep\b|[^.!?]*\brestless\s+legs\b)`,
  String.raw`(?:smother|smothering|shake|shaking|hurt|hurting|harm|harming)(?<!\b(?:could|can|might|may|would|will|does|do|did)\s+(?:[\w-]+\s+){0,2}\w+)(?<!\b(?:intake|coffee|caffeine|smoking|vaping|alcohol|drinking|diet|medication|medicine|meds|tablets|milk|formula|dummy|sling|stress|dye|drugs?|${DRUGS}|ssris?|antidepressants?|steroids?|antibiotics|epidural|pills?|scan|x-ray|vaccines?|jab|flight|sauna|bath|it|this|that)\s+(?:is|are|was|were|be|might\s+be|could\s+be)\s+\w+)\s+(?:the|her|his|my|their)\s+(?:baby|child|kid|toddler|newborn)(?!['’]s|\s+(?:bottles?|milk|formula|monitor|seat|cot|crib|clothes|toys?)\b|\s+(?:in|with)\b)`,
  String.raw`(?<!\b(?:hospital|ward|doctors?|nurses?|staff|team|unit|police|school|hospice|consultant)\s)(?:won'?t\s+let\s+(?:her|him|me|them)\s+(?:leave|out)\b(?!\s+(?:until|till|before|without|early|on\s+time|work|after\s+(?:\d|dark|midnight|\w+pm)|past\s+(?:\d|midnight)|of\s+(?:the\s+)?(?:hospital|ward|unit|contract|tenancy|lease)|of\s+(?:the|her|his|their)\s+(?:boot|cast|brace|sling|splint|bed|sight|contract|tenancy|lease))\b)(?<!\b(?:boss|manager|physio|employer|matron|sister|teacher|coach|doctor|consultant|surgeon|puppy|dog|cat|kitten|baby|toddler|landlord|landlady)\s+won'?t\s+let\s+(?:her|him|me|them)\s+(?:leave|out))|(?:kept|keeping|being\s+kept|locked)\s+(?:locked\s+)?(?:in|inside)\s+(?:a|the|her|his|my|their)\s+(?:flat|house|room|home))(?![^.!?]*\b(?:outbreak|norovirus|covid|isolation|isolating|infection|chickenpox|measles|flu|d&v|quarantine|sick|ill|unwell|poorly|germs?|sectioned|weather|rain|snow|key\s+(?:snapped|broke|jammed|stuck)|locksmith|handle|broken|at\s+break|at\s+lunch|detention)\b)`,
  // the warning signs on public guidance's list (the US National Institute of Mental Health's, which
  // crisis lines repeat) that say enough alone, each in a form no everyday message takes. The rest of
  // the list are everyday words too: read as danger, two at a time, they turned 4 in 10 ordinary
  // messages in a review (a bereaved family's thanks, a colleague leaving, a patient off crutches) into
  // crisis guidance; they are WARNING_SIGNS below, which only offer the guidance beside the answer
  String.raw`${IS}\s+(?:such\s+|only\s+|nothing\s+but\s+)?a\s+burden\s+(?:to|on)\s+(?:everyone|everybody|them|${WHOSE}\s+(?:family|kids|children|parents|husband|wife|partner|mum|mom|dad))${CLAUSE_END}`,
  String.raw`(?:put|putting|puts|got|getting|gets|sorted|sorting)\s+${WHOSE}\s+affairs\s+in\s+order|${WHOSE}\s+affairs\s+(?:are|were|all)\s+(?:all\s+)?in\s+order`,
  String.raw`how\s+many\s+(?:of\s+)?(?:${WHOSE}\s+|these\s+|those\s+)?${PILLS}\s+(?:(?:would|does|will)\s+it|it'?d|it\s+would)\s+take(?:\s+to\s+(?:die|not\s+wake(?:\s+up)?|never\s+wake(?:\s+up)?|sleep\s+forever|end\s+it)|${CLAUSE_END})(?!,?\s+(?:(?:roughly|approximately|about),?\s+)?(?:because|as|since|for|to\s+last|until|while)\b)(?![^.!?]*\b(?:dog|lab|cat|puppy|kg|pet|horse|vet|kick\s+in|to\s+work|start\s+working|dose)\b)`,
  String.raw`(?:won'?t|will\s+not|wont)\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|this|these|that|those|(?:${WHOSE}|any)\s+\w+)\s+where\s+(?:i'?m|she'?s|he'?s|they'?re)\s+going|where\s+(?:i'?m|she'?s|he'?s|they'?re|im)\s+going,?\s+(?:i|she|he|they)\s+(?:won'?t|will\s+not|wont)\s+need`,
];
/**
 * The rest of public guidance's list of warning signs, and the everyday forms of the signs in DANGER:
 * a goodbye note, sorry for everything, a pet or the children to be looked after, possessions given
 * away, a final post, a sudden calm, no future, accounts deleted, being a burden, feeling trapped with
 * no way out, everyone better off, being done with everything, wanting it all to stop. Each must end
 * its clause ("she's hopeless at the app", "no future in TikTok" are none), the last two their sentence
 * or quotation. Each is also said by a colleague leaving or a patient moving away, so a sign read
 * in someone else's message never changes the answer: the reply offers the guidance on acting on risk
 * beside it (see Reply's `safety`), which costs an ordinary message one link.
 * Left out, as patients and colleagues say them every day: thanks "for everything", a will, being at
 * peace, not needing something any more.
 */
const WARNING_SIGNS = [
  String.raw`sorry\s+for\s+everything${SIGN_END}|(?:please\s+)?forgive\s+me${SIGN_END}`,
  String.raw`(?:look(?:s|ing)?\s+after|take(?:s)?\s+care\s+of|taking\s+care\s+of|have|keep|mind)\s+${WHOSE}\s+${LOVED}\s+for\s+(?:me|her|him|them)${SIGN_END}|rehom(?:e|ed|ing)\s+${WHOSE}\s+${LOVED}${SIGN_END}`,
  String.raw`${GIVES_AWAY}(?:\w+\s+)?(?:possessions|clothes|jewell?e?ry|books|furniture|collection|${LOVED})${SIGN_END}`,
  String.raw`final\s+(?:post|message|tweet|video|story|status|text)(?:${SIGN_END}|(?=\s+(?:coming|ever)\b))|(?:last|final)\s+goodbye|(?:last|final)\s+(?:post|message)\s+ever|this\s+(?:is|will\s+be)\s+(?:my|the)\s+last(?:\s+(?:post|tweet|message|video|story|status))?${SIGN_END}|(?:said|saying|says|say)\s+(?:her|his|their|my)\s+goodbyes\b|goodbye\s+(?:note|letter)`,
  String.raw`(?:suddenly|weirdly|strangely|oddly|eerily|unusually)\s+(?:so\s+)?(?:calm|peaceful)${SIGN_END}`,
  String.raw`no\s+future(?:\s+for\s+(?:me|her|him|them))?${SIGN_END}|no\s+hope\s+left${SIGN_END}|nothing\s+(?:left\s+)?to\s+look\s+forward\s+to${SIGN_END}|(?:${IS}|feels?|feeling|felt)\s+(?:so\s+|completely\s+|totally\s+)?(?:hopeless|worthless)${SIGN_END}`,
  String.raw`(?:deleted|deleting|deactivated|deactivating|shut\s+down|shutting\s+down)\s+(?:all\s+)?(?:of\s+)?${WHOSE}\s+(?:accounts?|profiles?|socials|social\s+media)${SIGN_END}`,
  String.raw`${IS}\s+(?:such\s+|only\s+|nothing\s+but\s+|just\s+)?a\s+burden${SIGN_END}|(?:everyone|everybody|they|you)${WOULD}\s+be\s+better\s+off${SIGN_END}|(?:the|${WHOSE})\s+(?:family|kids|children|baby|son|daughter)${WOULD}\s+be\s+better\s+off(?:\s+with\s+(?:someone\s+else|(?:her|his|their|my|a|the)\s+(?:sister|brother|mum|mom|mother|dad|father|nan|nanna|gran|granny|grandma|grandparents|parents|aunt|auntie|uncle|family|foster\s+(?:family|carers?)|ex))|\s+without\s+(?:me|her|him|them))?${SIGN_END}`,
  String.raw`(?:(?:there'?s|there\s+is)\s+no|(?:can'?t|cannot|couldn'?t)\s+see\s+(?:a|any))\s+way\s+out(?:\s+for\s+(?:me|her|him|them))?${SIGN_END}|(?:feels?|feeling|felt)\s+(?:so\s+|completely\s+|totally\s+)?trapped${SIGN_END}`,
  String.raw`see\s+(?:you(?:\s+all)?|everyone|everybody|y'?all)\s+on\s+the\s+other\s+side${SIGN_END}|${NOBODY_CARES}(?:\s+(?:about\s+)?(?:me|her|him|them))?${SIGN_END}`,
  String.raw`done\s+with\s+(?:everything|it\s+all|life|living)${IDIOM_END}|(?:want|wants|wanted|wanting)\s+(?:it\s+all|everything)\s+to\s+(?:stop|end|be\s+over)${IDIOM_END}`,
];
/**
 * A reason for leaving, which makes the sign in its sentence a plain goodbye: retiring, a new job,
 * moving away or abroad, travelling, maternity leave. A death is no such reason: grief is itself a risk.
 */
export const LEAVING =
  /\b(?:retir\w*|new\s+(?:trust|hospital|practice|post|team)|starting\s+at|back\s+at\s+work|full[- ]time|allerg\w*|leaving\s+(?:the|her|his|their|our|my)\s+(?:job|post|ward|unit|practice|team|trust|nhs|service|role|clinic|hospital)|(?:moving|moved|relocating)\s+(?:abroad|away|overseas|interstate|house|to\s+(?:australia|canada|new\s+zealand|another\s+(?:job|practice|trust|hospital|country|city|team)))|new\s+(?:job|role)|travell?ing|heads?\s+off\s+to|(?:going|gone|goes|go)\s+on\s+leave|emigrat\w*|maternity|mat\s+leave|sabbatical)\b/i;
/** The warning signs as one pattern, read by at-risk.ts's warningWords. */
export const WARNING_RE = new RegExp(String.raw`\b(?:${WARNING_SIGNS.join("|")})`, "gi");
/** The words of danger as one pattern, read by at-risk.ts's riskWords. */
export const DANGER_RE = new RegExp(String.raw`\b(?:${DANGER.join("|")})\b`, "gi");

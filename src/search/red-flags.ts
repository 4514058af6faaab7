import { onFirstNeed } from "../eager-pattern.js";

/**
 * Red flags in someone else's message other than the words of suicide: symptoms that need emergency
 * care with help refused or put off, a threat to hurt someone, and harm said outright (abuse, neglect,
 * something poisonous swallowed, someone missing). at-risk.ts reads them in a sentence said online in
 * someone else's message. Two kinds are danger and get the guidance on acting on risk as the answer: a
 * symptom of the first list (SYMPTOM) with help plainly refused ("won't call", "refuses to go in"), and
 * harm said outright in words that mean nothing smaller (OUTRIGHT: "put his hands round her neck", "the
 * toddler swallowed a button battery"). Any other red flag (a symptom of either list with help only put
 * off: "sleep it off", "doesn't want to make a fuss", "not calling anyone"; one of the second list with
 * help refused; a threat: "he says he'll hurt her"; harm in words also said of smaller things: "her
 * husband took her phone", HARM) only makes the reply offer that guidance beside its answer (the
 * safety net).
 */

/**
 * Red-flag symptoms which, with help plainly refused, are danger: chest pain, breathing, stroke signs,
 * heavy bleeding, a fit, a swelling face or throat, the worst headache, sight lost. Each in its severe
 * form: a headache, a swollen ankle, blood on a sock or "can't see the appointment page" with the GP put
 * off are everyday.
 */
const SYMPTOM =
  /\b(?:chest\s+(?:pains?|hurts|feels(?!\s+(?:much\s+|a\s+lot\s+|loads\s+|so\s+much\s+)?(?:better|fine|ok|okay|good|normal))|is\s+tight|pressure)|crushing\s+(?:chest\s+)?pains?|chest\s+(?:is\s+|feels\s+)?crushing|crushing\s+(?:feeling\s+|pain\s+)?in\s+(?:his|her|their|my)\s+chest|(?:can'?t|cannot)\s+breathe(?!\s+(?:through\s+(?:her|his|their|my)\s+nose|in\s+(?:the|these|those|a|my|her|his)\s+(?:\w+\s+)?(?:masks?|respirators?)))|struggling\s+to\s+breathe|short\s+of\s+breath|(?:vomiting|coughing|throwing)\s+up\s+blood|vomiting\s+blood|bleeding\s+(?:heavily|a\s+lot|badly|loads|everywhere|profusely|non-?stop|out)|(?:won'?t|can'?t|doesn'?t|hasn'?t)\s+stop(?:ped)?\s+(?:the\s+)?bleeding|(?:on\s+the\s+floor|fallen|had\s+a\s+fall)[^.!?]{0,40}\bcan'?t\s+get\s+up|(?:heavy|lots\s+of|a\s+lot\s+of|so\s+much|loads\s+of)\s+(?:bleeding|blood)(?!\s+(?:tests?|results?|pressure|sugars?|forms?|donors?))|blood\s+(?:everywhere|pouring|gushing|spurting)|(?:\d{2}\s+weeks|pregnant)[^.!?]{0,60}\bbleeding|bleeding[^.!?]{0,60}\b(?:\d{2}\s+weeks|pregnant)|numb(?:ness)?\s+(?:on|down)\s+(?:one|the\s+(?:left|right)|(?:her|his|their)\s+(?:left|right))\s+side|(?:face|arm|leg|side)\s+(?:has\s+)?(?:gone|went|is|going|feels)\s+(?:all\s+)?numb|slurred|(?:speech|words)\s+(?:is\s+|are\s+)?(?:all\s+)?(?:wrong|garbled|jumbled)|(?:face|mouth|smile)\s+(?:is\s+|has\s+|went\s+|gone\s+)?(?:drooping|dropped|droopy)|drooping\s+(?:face|mouth|smile)|seizure|(?:is|'s|was|been|keeps|kept|started|still)\s+fitting(?!\s+(?:in|into|out|together)\b)|having\s+a\s+fit\b|unconscious(?!\s+bias)|unresponsive(?!\s+on\s+${AN_APP})(?<!\b(?:form|app|website|site|page|system|screen|portal|phone|computer|laptop|printer|link|line)\s+(?:was|is|went|became|being|keeps\s+going)\s+unresponsive)|(?<!\balarm\s)won'?t\s+wake|overdose|(?:swollen|swelling)\s+(?:up\s+)?(?:face|lips|tongue|throat)|(?:face|lips|tongue|throat)\s+(?:is\s+|has\s+|went\s+|gone\s+)?(?:all\s+)?(?:swollen|swelling\s+up)|(?:worst|sudden|thunderclap|severe|explosive|blinding)\s+(?:\w+\s+)?headache|(?:can'?t|cannot)\s+see\s+out\s+of\s+(?:one|her|his|their|my|the)\s+(?:\w+\s+)?eye|(?:lost|losing|loss\s+of)\s+(?:(?:her|his|their|the)\s+)?(?:sight|vision)(?!\s+of))\b/i;

/**
 * More red-flag symptoms, said in words that also describe small things ("went blue" in a cold lake),
 * so only a reason for the safety net: breathing oddly, an unwell baby, a baby not moving in pregnancy,
 * a headache, swelling or blurred sight in pregnancy (signs of pre-eclampsia), a rash that does not fade,
 * a stiff neck, a swelling throat.
 */
const MORE_SYMPTOM =
  /\b(?:won'?t\s+wake\s+(?:him|her|them|up\s+properly)|hit\s+(?:her|his|their)\s+head|(?:very|really|so)\s+(?:drowsy|sleepy)|seeing\s+things|hallucinating|grunting|dusky|(?:temperature|temp|fever)\s+(?:of\s+)?(?:3[89](?:\.\d)?|10[0-4])|out\s+cold|breathing\s+(?:really\s+|very\s+)?(?:slow(?:ly)?|shallow)|(?:weird|strange|odd|loud|funny)\s+snor\w+|lips\s+(?:look|looking|are|went|gone|going|turning)\s+(?:a\s+bit\s+|kind\s+of\s+)?(?:blue|grey|gray)|pressure\s+in\s+(?:his|her|their|my)\s+chest|breathing\s+(?:weird(?:ly)?|funny|strange(?:ly)?|odd(?:ly)?|noisily)|(?:not|isn'?t|stopped)\s+breathing|gasping(?!\s+for\s+(?:a\s+)?(?:brew|drink|tea|coffee|cuppa|fag|pint|cigarette))|floppy|(?:turned|turning|going|gone|went)\s+(?:blue|grey|gray)(?<!\bhair(?:'s|\s+has|\s+is|\s+had)?\s+\w+\s+\w+)|blue\s+lips|(?:hasn'?t|has\s+not|haven'?t|not)\s+felt\s+(?:the|her|my|their)\s+baby\s+move|baby\s+(?:hasn'?t|has\s+not|isn'?t|is\s+not|stopped)\s+mov(?:ed|ing)|rash\s+(?:that\s+)?(?:doesn'?t|won'?t|does\s+not)\s+fade|(?:headache|swollen|swelling|can'?t\s+see\s+properly|blurr(?:ed|y)\s+vision|(?:seeing|sees)\s+(?:flashing\s+)?(?:lights|stars|spots))[^.!?]{0,80}\b(?:\d{2}\s+weeks|pregnant)|(?:\d{2}\s+weeks|pregnant)[^.!?]{0,80}\b(?:headache|swollen|swelling|can'?t\s+see\s+properly|blurr(?:ed|y)\s+vision)|stiff\s+neck|(?:swollen|swelling)\s+(?:lips|tongue|throat)|throat\s+(?:is\s+)?(?:closing|swelling))\b/i;

/**
 * Help plainly refused: with a symptom, danger. The help is named, or the refusal ends its clause ("she
 * won't call."): not "won't go to the blood donation session" or "won't see the dentist".
 */
const REFUSES_HELP =
  /\b(?:(?:won'?t|refuses?\s+to|refused\s+to|refusing\s+to)\s+let\s+(?:her|him|them|me|us|anyone|anybody)|won'?t|will\s+not|wont|refuses?\s+to|refused\s+to|refusing\s+to|doesn'?t\s+want\s+to|isn'?t\s+going\s+to|not\s+going\s+to)\s+(?:call|ring|go\s+(?:in|to)|get|see|phone)\b(?=\s*(?:[.,!?;:'")]|$|\s(?:and|but|because)\b)|\s+(?:(?:an?|the|her|his|their|any|for|medical|a\s+doctor\s+or)\s+)?(?:ambulance|paramedics?|999|911|000|111|112|triple\s+(?:zero|0)|doctors?|gp|hospital|a&e|a\s?&\s?e|er|ed|emergency|urgent\s+care|help(?!\s+with)|anyone(?!\s+back)|anybody(?!\s+back)|checked|seen|treatment|medical|in(?!\s+(?:sick|today|tomorrow|to\s+work)))\b)/i;

/** Help put off, or refused in words also said of small things: with a symptom, a reason for the safety net. */
const PUTS_OFF_HELP =
  /\b(?:(?:sleep|ride|wait|tough|sweat)\s+it\s+(?:off|out)|wait\s+and\s+see|see\s+how\s+(?:he|she|they|it)\s+(?:is|are|goes|feels?)\s+(?:in\s+the\s+morning|tomorrow)|(?:not|isn'?t|is\s+not|aren'?t)\s+(?:calling|ringing|phoning)\s+(?:anyone|anybody|an\s+ambulance|911|999|000|111|112)|(?:hasn'?t|has\s+not|haven'?t|didn'?t)\s+(?:called|rung|phoned)\s+(?:anyone|anybody|an\s+ambulance|911|999|000|111|112)|(?:make|making|cause|causing)\s+a\s+fuss|(?:don'?t|doesn'?t|didn'?t)\s+want\s+to\s+(?:bother|waste)\s+(?:anyone|anybody|the|a|you)|(?:costs?|cost)\s+too\s+much|can'?t\s+afford|refus(?:es|ed|ing)\s+(?:an?\s+|the\s+)?(?:ambulance|paramedics)|(?:won'?t|will\s+not|doesn'?t\s+want\s+to|refuses?\s+to|not\s+going\s+to)\s+(?:bring|take)\s+(?:him|her|them|the\s+baby|the\s+kids?)\s+(?:in|to)|let\s+(?:him|her|them)\s+sleep|(?:putting|put|puts)\s+(?:him|her|them)\s+to\s+bed|wait\s+(?:until|till|til)\s+(?:the\s+)?(?:morning|tomorrow|monday)|(?:said|says|told\s+(?:me|us|her|him|them))\s+not\s+to\s+(?:call|ring|phone)|refus(?:es|ed|ing)\s+(?:any\s+)?help)\b/i;

/** A threat to hurt someone, told or reported: "he says he'll hurt her", "her ex will kill her". */
const THREAT =
  /\b(?:he|she|they|(?:his|her|their|my)\s+(?:[\w']+\s+)?(?:partner|boyfriend|girlfriend|husband|wife|dad|father|stepdad|stepfather|mum|mom|mother|ex|brother|uncle))(?:'ll|'d|\s+will|\s+would|\s+is\s+going\s+to|\s+(?:says|said|swears|swore)\s+(?:he|she|they)(?:'ll|'d|\s+will|\s+would))\s+(?:really\s+|actually\s+|seriously\s+|definitely\s+)?(?:(?:kill|hurt|beat|stab|shoot|strangle)\s+(?:me|her|him|them|us|the\s+(?:kids?|children|baby))|finish\s+(?:me|her|him))\b(?!\s+(?:in|at)\s+(?:the|a|an)\s+(?:\w+\s+)?(?:final|match|game|race|quiz|competition))(?![^.!?]*\b(?:bill|amazon|shopping|credit\s+card|dent|scratch|sees\s+the\s+(?:mess|state))\b)(?!\s+(?:if|when)\s+(?:she|he|they|i|we)\s+(?:fails?|finds?\s+out\s+(?:about\s+)?(?:the|what|how\s+much)|sees?\s+(?:the|my|her|his|this)|hears?\s+about|breaks?\s+(?:the|another|his|her)|loses?\s+(?:the|another|his|her)|forgets?|miss(?:es)?\s+(?:the|another)|crash(?:es)?\s+(?:the|his|her)|(?:is|are)\s+late|'s\s+late|'re\s+late|gets?\s+(?:a|another)\s+tattoo))/i;

/** A game or a sport, in which one player hits, kicks or beats another. */
export const GAME = String.raw`(?:playing|game|games|match|kart|fifa|chess|cards|football|five-a-side|rugby|cricket|tennis|boxing|sparring|karate|judo|race|tournament|league|netball|hockey|parkrun|marathon|quiz|sports\s+day|swimming|arm\s+wrestl\w*|monopoly|scrabble|mario|trivia|darts|pool|snooker|golf|bowling|bingo|ping\s+pong|table\s+tennis|squash|badminton)`;
/**
 * A symptom with a plain cause, or an animal's: after a vaccination, the gym, a night out or a dental
 * extraction, a period or the menopause, "just asthma", or a pet that needs the vet. No red flag (the
 * link); help refused is read with STATED_CAUSE's narrower list instead, since a patient who calls
 * crushing chest pain "just indigestion" is in danger.
 */
const ORDINARY_CAUSE =
  /\bafter\s+(?:(?:the|her|his|their|a|my|its)\s+)?(?:\w+\s+)?(?:jabs?|vaccin\w+|immuni[sz]\w+|injections?|gym|workout|run|running|exercise|football|sport|training|match|game|christmas\s+do|party|night\s+out|extraction|filling|dentist|op|operation|surgery|procedure|botox|fillers?)\b|\b(?:cat|dog|puppy|kitten|pet|horse|rabbit|hamster|vet|vets|perimenopaus\w*|menopaus\w*|periods?|menstrual|just\s+(?:asthma|age|a\s+cold|hay\s?fever|anxiety)|heartburn|indigestion|reflux|asthma|stye|hay\s?fever|(?:her|his|their|a)\s+cold|sleeping\s+on\s+it|for\s+(?:months|years)|in\s+years|coil|migraine)\b|\bfrom\s+(?:the\s+)?(?:night\s+shift|shift|sleeping|pillow|gym|work)\b/i;
/** Where someone may come to do harm: a workplace, a school, a home. */
const PLACE = String.raw`(?:surgery|practice|clinic|hospital|ward|school|office|house|flat|pharmacy|reception|your\s+(?:work|house|home|flat))`;
/**
 * A symptom's plain cause stated as its cause ("chest pains from heartburn", "short of breath from her
 * asthma", "can't breathe in the FFP3 masks"), which makes help refused no danger; not one the patient
 * minimises it as ("his crushing chest pain is just indigestion"), nor a party or a night out, after
 * which someone unconscious is in danger.
 */
const STATED_CAUSE =
  /\b(?:perimenopaus\w*|menopaus\w*|migraine|cover\s+(?:for\s+)?(?:me|her|him|my|his)|swap|rota)\b|\b(?:from|with|because\s+of|due\s+to)\s+(?:(?:her|his|their|the|a)\s+)?(?:heartburn|indigestion|reflux|asthma|stye|hay\s?fever|cold|coil|migraine|periods?|perimenopause|menopause|sleeping\s+on\s+it|conjunctivitis)\b|\b(?:hangover|hungover|gunky|sticky\s+eye)\b|\bafter\s+(?:(?:her|his|their|the|a)\s+)?(?:\w+\s+)?(?:extraction|filling|dentist|jabs?|vaccin\w+|running|run|gym|workout)\b|\b(?:for\s+(?:months|years)|in\s+years)\b|\bbreath(?:e|ing)\s+(?:in|through)\s+(?:(?:the|these|those|our)\s+)?(?:new\s+)?(?:ffp[23]s?|respirators?|ppe|(?:ffp[23]|n95|kn95|surgical)\s+masks?)\b/i;
/** Where someone is "unresponsive" who has only not answered: an app or a channel. */
const AN_APP = String.raw`(?:whatsapp|messages|email|text|chat|the\s+app|teams|slack|messenger)`;
/** A weapon or a rope that is a toy, a present or a licence's ("a Nerf gun from Santa", "a gun licence"). */
export const TOY_OR_LICENCE = String.raw`(?:licen[cs]e|permit|certificate|cert|safe|cabinet|club|range|course|nerf|toy|water\s+pistol|paintball|airsoft|santa|christmas|birthday)`;
/**
 * Tablets taken over weeks or more ("30 tablets over the last fortnight"): a course, not an overdose.
 * Not over hours or days, which is how a staggered overdose is told.
 */
export const OVER_WEEKS = String.raw`over\s+(?:a|the)\s+(?:(?:last|past)\s+)?(?:(?:few|two|three|four|five|six|couple\s+of|\d+)\s+)?(?:weeks?|fortnight|months?|course|years?)`;
/** A partner, who may control or harm someone. */
const PARTNER = String.raw`(?:partner|boyfriend|girlfriend|husband|wife|ex|fianc[eé]e?)`;
/** People close to someone, who may harm them: a partner, a parent, a carer. */
const CLOSE = String.raw`(?:${PARTNER}|dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|carer|caregiver|son|daughter|uncle|brother)`;
/** A person whom others look after or look for: a relative, a child, a patient, a resident. */
const PERSON = String.raw`(?:son|daughter|sister|brother|mum|mom|dad|husband|wife|partner|friend|child|kid|baby|toddler|teen|teenager|nan|gran|grandma|grandad|granddad|grandfather|grandmother|father|mother|boyfriend|girlfriend|patient|resident|student|girl|boy|man|woman)`;
/** Up to three words between a possessive and a person ("her elderly dad"), not a clause's ("our page that her son"). */
const FILLER = String.raw`(?:(?!(?:that|who|and|but|said|says|posted|messaged|wrote)\b)[\w-]+\s+){0,3}?`;
/**
 * A young child, by name or by age ("a 3-month-old", "the two year old"), and not as part of a thing's
 * name ("the baby bottle", "the kids' tea").
 */
const YOUNG = String.raw`(?<!\b(?:1[6-9]|[2-9]\d)[- ]year[- ]old\s)(?:kids?|children|baby|babies|toddler|newborn|son|daughter|little\s+ones?|(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:day|week|month)|(?:[1-9]|1[0-5]|one|two|three|four|five|six|seven|eight|nine|ten)[- ]year)[- ]olds?)(?!['’]|\s+(?:bottles?|tea|dinner|lunch|food|milk|formula|clothes|toys?|cot|crib|monitor|seat|photos?|pics?|shoes|room)\b)`;
/** A child too young to be left or to know what they swallow: a baby, a toddler, a child of up to five. */
const LITTLE = String.raw`(?:baby|toddler|newborn|little\s+one|(?:\d{1,2}|one|two|three|four|five|six|eight|ten|eleven)[- ](?:day|week|month)[- ]old|(?:\d|one|two|three|four|five)[- ]year[- ]old)`;
/** Tablets and medicines, of which a handful poison. */
/**
 * Medicines taken in overdose, by name: read both as tablets swallowed (TABLETS here) and as tablets
 * taken or gathered (PILLS in at-risk.ts).
 */
export const DRUGS = String.raw`(?:paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|codeine|co-?codamol|tramadol|oxy(?:codone|contin|norm|morphone|s)?(?![a-z])|opioids?|methadone|fentanyl|morphine|insulin|antidepressants|sertraline|citalopram|fluoxetine|amitriptyline|quetiapine|propranolol|diazepam|lorazepam|zopiclone|lithium)`;
const TABLETS = String.raw`(?:pills|tablets|meds|medication|medicine|painkillers|${DRUGS}|sleeping\s+(?:pills|tablets)|(?:iron|heart|blood\s+pressure|diabetes)\s+(?:tablets|pills|meds)|prescription)`;
/** Things that poison when swallowed at all. */
const POISON = String.raw`(?:bleach|(?:button|coin|lithium)\s+batter(?:y|ies)|magnets|antifreeze|weed\s?killer|pesticide|rat\s+poison|detergent|(?:laundry|washing|dishwasher)\s+(?:pods?|capsules?|tablets?|liquid)|rinse\s+aid|(?:oven|drain)\s+cleaner|cleaning\s+(?:fluid|products?|spray)|lamp\s+oil|paraffin|vape\s+(?:liquid|juice)|e-?liquid|nicotine\s+(?:liquid|pouches))`;

/**
 * Harm said outright, which is danger whatever else is said: someone choked or strangled, hands round
 * a neck or a pillow over a face, a young child hit or shaken or alone for days, a child touched (and
 * told it's a secret) or burnt with cigarettes, a poison swallowed or a handful of tablets taken,
 * someone who can't be woken, a threat to stab, bomb or shoot up a school or a workplace. Each also
 * has the exceptions that everyday messages taught: a neck stretch, a relative unconscious in
 * hospital, a clinician stopping a medicine, a game. Read as the danger list is (at-risk.ts), it gets
 * the guidance on acting on risk as the answer. Each form was tried against everyday messages with the same words (a
 * hug, a birth story, a drugs fridge, a game, a film shoot, tablets taken as prescribed): where such a
 * message said it too, the form is HARM's below, a reason for the link only.
 */
const OUTRIGHT = new RegExp(
  String.raw`\b(?:${[
    String.raw`(?:he|she|(?:her|his|their|the|my)\s+${CLOSE})\s+(?:strangled|strangles|throttled|throttles|punched|slapped|raped)\s+(?:her|him|me|them)\b(?!\s+(?:on\s+the\s+back|back)\b)|(?:raped|sexually\s+assaulted)\s+(?:her|him|me|them)\b|(?<!\b(?:nobody|no\s+one|no-one|not\s+like\s+(?:anyone|anybody|someone|somebody))\s+(?:was\s+|is\s+|had\s+)?)(?:held|holding|holds|put|pressed)\s+a\s+(?:knife|blade|gun)\s+(?:to|against)\s+(?:her|his|my|their)\s+(?:throat|neck|head|chest)|(?:stepdad|stepfather|uncle|dad|father|mum'?s\s+boyfriend|mom'?s\s+boyfriend|grandad|grandfather|brother|cousin)\s+(?:makes|made|forces|forced)\s+(?:her|him|me)\s+(?:to\s+)?(?:sleep|get)\s+in\s+(?:his|their)\s+bed|drunk\s+(?:and\s+)?driving\s+with\s+(?:the|her|his|their)\s+(?:kids|children|baby|toddler)|drink[- ]driving\s+with\s+(?:the\s+)?(?:kids|children|baby)|${LITTLE}\s+(?:has\s+been|'s\s+been|is|went|has\s+gone)\s+missing(?!\s+(?:out|nursery|school|her|his|their|the|a|mum|mom|dad|home|meals?|feeds?|naps?)\b)|(?:got|has|with)\s+a\s+(?:knife|gun|machete|weapon)\s+and\s+(?:he|she|they)(?:'s|\s+is|'re|\s+are)\s+coming\s+for|(?:is|was|'s)\s+(?:strangling|choking|throttling|hitting|punching|beating|kicking)(?<!\b(?:fever|chemo|chemotherapy|lag|flu|cold|virus|bug|menopause|grief|tiredness|exhaustion|heat|reality|stress|anxiety|news|cancer|pollen|smoke|dust|illness|disease|covid|it|this|that)(?:'s|\s+is|\s+was)\s+\w+)\s+(?:her|him|me|them)\b(?!\s+(?:at|easily|hard|harder|hands\s+down|in\s+(?:a|the)\s+(?:game|match)))|grabbed\s+(?:her|him|me|them)\s+by\s+the\s+(?:throat|neck)`,
    String.raw`(?:hands?|belt|rope)\s+(?:around|round)\s+(?:her|his|my|their)\s+(?:neck|throat)(?![^.!?]*\b(?:stretch\w*|demonstrat\w*|exercises?|massage|yoga|physio|pilates|thyroid|lymph|cuddl\w*|hug(?:s|ged|ging)?)\b)|pushed\s+(?:her|him|me|them)\s+down\s+(?:the\s+)?stairs|(?:(?:outside|at)\s+(?:her|his|my|their|the)\s+(?:flat|house|door|front\s+door|home|window)|(?:is|'s)\s+outside(?![^.!?]*\b(?:clearing|brambles|hedge|garden\w*|chopping|wood|trees?|pruning|ball)\b))\s+with\s+(?:a\s+)?(?:knife|gun|machete|axe|weapon|bat)(?![^.!?]*\b${GAME}\b)`,
    String.raw`(?:his|her|my|their)\s+(?:wife|husband|partner|mum|mom|dad|friend|son|daughter|brother|sister|mate|flatmate|boyfriend|girlfriend|baby|toddler)\s+(?:is|'s|has\s+been)\s+(?:lying\s+)?(?:unconscious|unresponsive)(?!\s+on\s+${AN_APP})(?![^.!?]*\b(?:itu|icu|intensive\s+care|hospital|ward|operation|surgery|sedated|coma|ventilat\w+|anaesthetic|anesthetic)\b|[^.!?]*\bafter\s+(?:his|her|their|a|the)\s+(?:\w+\s+){0,2}(?:shifts?|nights?|run|workout|party|wedding|do|night\s+out)\b)|stopped(?<!\b(?:\w+ologist|\w+ician|\w+iatrist|\w+ist|nausea|sickness|vomiting|rash|it|that|surgeon|doctor|gp|consultant|nurse|pharmacist|dentist|anaesthetist|anesthetist|team|hospital|clinic|specialist|registrar|midwife)\s+stopped)\s+(?:her|him|them)\s+(?:from\s+)?taking\s+(?:her|his|their)\s+(?:insulin|meds|medication|tablets)(?!\s+(?:before|for)\s+(?:the|an?|her|his|their)\s+(?:op|operation|surgery|procedure|scan|test|colonoscopy))|(?:share|post|send|leak)\s+(?:her|his|my|their)\s+(?:nudes|nude\s+(?:photos|pictures|pics)|intimate\s+(?:photos|pictures|images|videos))\s+(?:unless|if)`,
    String.raw`(?<!\b(?:nearly|almost|narrowly|car|van|bus|lorry|truck|bike|cyclist|scooter|driver|ball|door|swing|bug|virus|flu|sickness|covid|news|storm|heat)\s)(?:hits|hit|beats|beat|punches|punched|kicks|kicked|slaps|slapped|shakes|shook|shaken)\s+(?:the|her|his|their|my|a|our)\s+${YOUNG}\b(?!\s+(?:at|out|off|up|hard|harder|to)\b|\s+(?:in|during|playing)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?${GAME}\b)`,
    String.raw`${LITTLE}\s+(?:has|have|had)\s+been\s+(?:left\s+)?(?:alone|on\s+(?:their|his|her)\s+own)\s+(?:(?!cot|crib|bed)[\w']+\s+){0,4}?(?:since|for\s+hours|all\s+(?:day|night))`,
    String.raw`${LITTLE}\s+(?:has\s+|had\s+|'s\s+)?(?:just\s+)?(?:swallowed|chewed|ate|eaten|got\s+into|drank|drunk)\s+(?!(?:up\s+)?(?:his|her|their|the|my)\s+(?:(?:paper|repeat|new)\s+)?(?:medicine|medication|dose|antibiotics|calpol|syrup|prescription)\b)(?:[\w']+\s+){0,5}?(?:${TABLETS}|${POISON})`,
    String.raw`${YOUNG}\s+(?:next\s+door\s+|upstairs\s+|downstairs\s+)?(?:has\s+been|'s\s+been|have\s+been|is|was|are|were)\s+(?:left\s+)?(?:home\s+)?(?:alone|on\s+(?:their|his|her)\s+own)\s+(?:(?!cot|crib|bed)[\w']+\s+){0,4}?(?:since\s+(?:yesterday|last\s+night)|for\s+(?:days|(?:two|three|four|\d+)\s+days))`,
    String.raw`(?:left|leaves|leaving|locked|locks|locking)\s+(?:her|him|them|(?:the|her|his|their|my)\s+${PERSON})\s+(?:home\s+|locked\s+)?(?:alone|on\s+(?:their|his|her)\s+own|in\s+(?:a|the|her|his|their)\s+(?:bed)?room|with\s+no\s+food|without\s+food)\s+(?:\w+\s+){0,3}?for\s+(?:days|(?:\d+|two|three|four|five)\s+days)`,
    String.raw`(?:keeps|kept|has\s+been|'s\s+been|is)\s+touching\s+(?:her|him|me)\b(?=[^.!?]*\b(?:secret|private\s+parts|down\s+there|don'?t\s+tell|not\s+to\s+tell)\b)|(?:burns|burnt|burned|burning)\s+(?:her|him|them|me)\s+with\s+(?:a\s+|the\s+|his\s+|her\s+)?(?:cigarettes?|lighter|iron)(?!\s+(?:by\s+accident|accidentally)\b)|(?:put|puts|held|holds|pressed|presses)\s+(?:a|the)\s+pillow\s+over\s+(?:her|his|my|their)\s+face(?![^.!?]*\b(?:block|light|noise|tips?|sleep\s+tip)\b)|touch(?:es|ed|ing)?\s+(?:her|him|me)\s+(?:down\s+there|where|when\s+(?:no\s*one|nobody)|at\s+night)`,
    String.raw`(?:swallowed|drank|drunk|ate|eaten|chewed)\s+(?:some|a|an|the|half\s+(?:a|the)|a\s+bit\s+of|a\s+few|one\s+of\s+(?:the|her|his|their)|a\s+bottle\s+of|a\s+cup\s+of)?\s*${POISON}(?![^.!?]*\b(?:packaging|wrapper|spat\s+it\s+out|is\s+fine|was\s+fine)\b)`,
    String.raw`(?:took|taken|swallowed|downed)\s+['"]?(?:about\s+|around\s+|like\s+|over\s+|at\s+least\s+)?(?:a\s+handful|handfuls|(?:the|a)\s+whole(?!\s+course)|a\s+(?:bottle|packet|pack|box|strip|load|bunch)|loads|[2-9]\d|\d{3}|twenty|thirty|forty|fifty)['"]?\s+(?!(?:minutes|mins|hours|hrs|days|weeks|seconds|years|quid|pounds|dollars|miles|km)\b)(?:(?!vitamin|multivitamin|supplement|sweets|crisps|biscuits|gum)[\w']+\s+){0,4}?${TABLETS}(?!\s+(?:as|back|${OVER_WEEKS})\b)(?![^.!?]*\b(?:since\s+(?:the|her|his|my)\s+last|repeat|prescription|review|refill|streak|break|pill\s+free|contracepti\w*|holiday|customs|airport|abroad|this\s+week|for\s+(?:her|his|their|a|the)\s+(?:back|knee|period|headache|tooth|toothache|cold|flu|pain|migraine))\b)`,
    String.raw`(?<!\bliterally\s)(?:can'?t|cannot|couldn'?t)\s+(?:wake|rouse)\s+(?:him|her|them)(?:\s+up)?(?=\s*(?:[.!?,;'")]|$|\s+(?:and|but|now|properly|at\s+all)\b))(?![^.!?]*\b(?:school|work|college|lessons|alarm|mornings?|tips|advice|holidays?|weekend|lie-?in|teen\w*|sleeps\s+like|like\s+a\s+log|roast|nap)\b)(?<!\bsleeps?\s+(?:till|until|in)\b.{0,80})`,
    String.raw`(?:took|taken|had|injected|used)\s+(?:way\s+)?too\s+much\s+(?:of\s+)?(?:(?:her|his|their)\s+)?(?:insulin|paracetamol|tylenol|methadone|fentanyl|heroin|ketamine|xanax)`,
    String.raw`(?:going\s+to|gonna|will|'ll|plans?\s+to|planning\s+to|wants?\s+to)\s+(?:stab|bomb|blow\s+up|shoot\s+up)\s+(?:everyone|everybody|people|them\s+all|(?:the\s+)?(?:whole\s+)?(?:school|class|office|ward|staff|team|building)|(?:his|her|their|my)\s+(?:ex|boss|manager|teacher|coworkers|colleagues|classmates))(?!\s+(?:whatsapp|chat|group|channel|inbox|phones?|with)\b|['’]s\b)|(?:going\s+to|gonna|will|'ll|plans?\s+to|planning\s+to|wants?\s+to)\s+shoot\s+(?:everyone|everybody|people|them\s+all)\s+at\s+(?:school|work|college|uni|class)(?![^.!?]*\b(?:photographer|photos?|photoshoot|website|camera|video|filming|headshots?|portraits?|uniforms?|wear|pictures|smile)\b)|bring(?:ing)?\s+a\s+(?:gun|weapon)\s+(?:to|into)\s+(?:school|work|class)`,
  ].join("|")})`,
  "i",
);

/**
 * Harm said in words also said of smaller things, a reason only for the safety net: someone controlled
 * by a partner (a phone or keys taken, not let out, locked in), hit or kicked, afraid of a partner or
 * parent or not safe at home, threatened with a knife (also told of a night long past), hiding
 * bruises, a young child left on their own or someone in their room at night, a secret kept with a
 * child, an adult without food or medication or robbed of their pension, tablets with drink, someone
 * not come home or missing, a threat to kill, hurt or shoot everyone, a knife brought to work, "won't
 * get out alive" (also said in jest of a shift), a carer near snapping; a threat in the writer's own
 * quoted words, someone coming to a workplace or a home to stab or kill, stalking, a child asked for
 * nude pictures or left in a car, someone who can't be reached, carers who haven't come, someone on
 * the floor since last night. The warning signs that safeguarding training teaches, each in a form
 * that names a person.
 */
const HARM = new RegExp(
  String.raw`\b(?:${[
    String.raw`(?:won'?t|doesn'?t|does\s+not|will\s+not)\s+let\s+(?:her|him|me|them)\s+(?:leave|go\s+out|see\s+(?:her|his|my|their)\s+(?:friends|family))(?!\s+(?:until|till|before|without|early|on\s+time|work)\b)(?<!\b(?:hospital|ward|doctors?|nurses?|staff|team|unit|police|school|hospice|consultant|boss|manager|physio|employer|matron|sister|teacher|coach|puppy|dog|cat|kitten|baby|toddler)\s+(?:won'?t|doesn'?t|does\s+not|will\s+not)\s+let\s+(?:her|him|me|them)\s+(?:leave|go\s+out))`,
    String.raw`(?:his|her|their|my)\s+${PARTNER}\s+(?:took|takes|has\s+taken|smashed|broke|keeps|hid|hides)\s+(?:away\s+)?(?:her|his|my|their)\s+(?:phone|keys|passport|bank\s+card|car\s+keys)(?![^.!?]*\b(?:by\s+mistake|by\s+accident|accidentally|losing|lose|loses|forgets?|forgetting)\b)`,
    String.raw`(?:he|she|(?:her|his|their|my)\s+${CLOSE})\s+(?:locks|locked|has\s+locked|keeps\s+locking)\s+(?:her|him|me|them|us|the\s+kids?|the\s+children)(?:\s+and\s+(?:her|his|my|the|their)\s+\w+)?\s+in(?=\s|$|[.,!?])(?!\s+(?:an?\s+)?escape)(?![^.!?]*\b(?:secure|security|burglar\w*|foxes|safe\s+from)\b)`,
    String.raw`(?:he|she|(?:her|his|their|the|my)\s+${CLOSE})\s+(?:hits|hit|kicked|shoved|choked)\s+(?:her|him|me|them)(?!\s+(?:up|back|off|out|with\s+(?:a|the)\s+(?:fine|bill|charge|ticket|invoice|ball|surprise|party|cake|present|gift)))\b(?!\s+(?:at|in|during|playing)\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:[\w-]+\s+)?${GAME}\b)`,
    String.raw`(?:scared|afraid|frightened|terrified)\s+(?:of\s+(?:her|his|my|their)\s+${CLOSE}|(?:of\s+)?what\s+(?:he|she)\s*(?:'ll|will|might|would|could)\s+do)(?![^.!?]*\b(?:haircut|hair|tattoo|bill|mess|dent|scratch|present|surprise)\b)`,
    String.raw`(?:doesn'?t|don'?t|does\s+not|do\s+not|didn'?t)\s+feel\s+safe\s+(?:at\s+home|with\s+(?:him|her|them))|(?:isn'?t|is\s+not|not)\s+safe\s+at\s+home`,
    String.raw`(?:hiding|hides|hid|covering|covers|covered)\s+(?:up\s+)?(?:the\s+|her\s+|his\s+|my\s+)?(?:bruises|bruising|marks|black\s+eye|burns)(?!\s+(?:from|after|caused\s+by)\s+(?:(?:the|her|his|my|their)\s+)?(?:\w+\s+)?(?:injections?|jabs?|thinners?|anticoagulants?|heparin|surgery|op|operation|fall|bloods|cannulas?|drips?|botox|fillers?|facelift|lift|procedure|treatment|tattoo|laser|peel|training|rugby|football|sport)\b)|bruises\s+(?:she|he|they)\s+(?:won'?t|can'?t|couldn'?t|wouldn'?t)\s+explain`,
    String.raw`(?:left|leaves|leaving)\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+)?${YOUNG}\s+(?:home\s+)?(?:alone|on\s+(?:their|his|her)\s+own|by\s+(?:themselves|himself|herself))(?!\s+(?:in\s+(?:the|her|his|their|a)\s+(?:cot|crib|bed|moses\s+basket|bedroom|room)|to\s+(?:self-?settle|settle|sleep|nap|play)))`,
    String.raw`locked\s+(?:me|us)\s+in\s+(?:the|a|her|his|my|our|their)\s+(?:bathroom|bedroom|room|car|toilet|loo)|(?:he|(?:her|his|my|their)\s+(?:stepdad|stepfather|dad|father|uncle|brother|grandad|grandfather|cousin|mum'?s\s+boyfriend|mom'?s\s+boyfriend))\s+['"]?(?:keeps\s+)?(?:comes?|came|coming)\s+into\s+(?:my|her|his)\s+(?:room|bed)(?:\s+at\s+night|\s+when)|(?:won'?t|will\s+not)\s+leave\s+(?:the|this|her|his|their|my)\s+(?:flat|house|room|home|place|car)\s+alive`,
    String.raw`threaten(?:s|ed|ing)?\s+(?:her|him|them|me|us|(?:her|his|their|my)\s+\w+)\s+with\s+(?:a\s+|the\s+|his\s+|her\s+)?(?:knife|gun|weapon|machete|axe)`,
    String.raw`keeps?\s+the\s+(?:fridge|food)\s+locked|(?:our|a)\s+little\s+secret`,
    String.raw`(?:hasn'?t|haven'?t|has\s+not|have\s+not|not)\s+(?:eaten(?:\s+properly)?|had\s+(?:anything\s+to\s+eat|any\s+food|a\s+(?:proper\s+)?meal))\s+(?:in|for|since)\s+(?:\w+\s+)?days|no\s+food\s+in\s+the\s+(?:house|flat|home|fridge)`,
    String.raw`(?:hasn'?t|has\s+not|not|haven'?t|have\s+not)\s+(?:had|been\s+given|taken|got)\s+(?:her|his|their)\s+(?:meds|medication|medicine|insulin|tablets|pills)\s+(?:in|for|since)`,
    String.raw`left\s+(?:her|him|them)\s+(?:alone\s+)?(?:without|with\s+no)\s+(?:food|water|heating|medication|help|care)|(?:taking|took|takes|stealing|stole|steals|spending|spends|spent)\s+(?:all\s+)?(?:of\s+)?(?:her|his|their)\s+(?:pension|benefits|savings)(?!\s+on\b)`,
    String.raw`(?<!(?:whether|if|about|can|safe)\s)mix(?:ed|ing)\s+(?:(?:her|his|their)\s+)?(?:pills|meds|tablets|medication)\s+with\s+(?:alcohol|vodka|booze|drink|wine)`,
    String.raw`(?:she|he|they|(?:her|his|their|my|our)\s+(?:[\w-]+\s+){0,3}?${PERSON})\s+(?:hasn'?t|has\s+not|haven'?t|have\s+not)\s+(?:come|got|made\s+it)\s+(?:back\s+)?home\s+(?:since|for|in)|(?:nobody|no\s+one|noone)\s+(?:has|have|'?s)\s+(?:heard|seen)\s+(?:from\s+)?(?:her|him|them)\s+(?:since|for|in)(?!\s+(?:she|he|they)\s+(?:moved|left|retired|emigrated))|(?:hasn'?t|has\s+not|haven'?t)\s+been\s+seen\s+(?:for|in|since)(?![^.!?]*\b(?:review|appointment|check-?up|clinic|gp|doctor|nurse)\b)|(?:man|guy|stranger|adult)\s+(?:she|he)\s+(?:met|has\s+been\s+talking\s+to|chats?\s+to)\s+(?:online|on\s+(?:discord|snapchat|instagram|roblox|tiktok|fortnite|minecraft|a\s+game|an\s+app))|asking\s+(?:her|him|them|(?:my|his|her|their)\s+(?:\d+[- ]year[- ]old|daughter|son|kid|child))\s+to\s+meet\s+(?:him|her|them|up)?\s*(?:alone|in\s+secret|without)`,
    String.raw`(?:she|he|they|(?:her|his|their|my|our|a|the)\s+${PERSON})\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:gone|went|been\s+reported|reported)\s+missing|wander(?:ed|s|ing)\s+off\s+(?:from|out\s+of)\s+(?:the|her|his|their)\s+(?:care\s+home|home|ward|nursing\s+home)`,
    String.raw`(?:he|she|they)(?:'s|\s+is|'re|\s+are)?(?:\s+going\s+to|\s+gonna|\s+will|'ll|\s+plans?\s+to|\s+planning\s+to|\s+wants?\s+to)\s+(?:hurt|kill|attack|shoot|stab)\s+(?:everyone|everybody|people|them\s+all|the\s+(?:receptionist|doctor|gp|nurse|manager|pharmacist|midwife|dentist|staff)|(?:the\s+)?(?:whole\s+)?(?:school|class|office|staff|building)|(?:his|her|their|my)\s+(?:ex|boss|manager|teacher|coworkers|colleagues|classmates))|bring(?:ing)?\s+a\s+knife\s+(?:to|into)\s+(?:school|work|class)|(?:burn|torch|firebomb)\s+(?:the|your|our|her|his)\s+${PLACE}\s+down|burn\s+down\s+(?:the|your|our|her|his)\s+${PLACE}|pinned\s+(?:her|him|me)\s+down`,
    // a threat in the writer's own words, quoted or said ("he commented: I'm going to stab that
    // receptionist"): flagIn takes the first person as theirs only where a quotation or a word of saying
    // makes it so; and a fear of hurting someone ("she's scared she'll hurt the baby")
    String.raw`(?:i'?m\s+(?:going\s+to|gonna|about\s+to)|i\s+am\s+(?:going\s+to|about\s+to)|i'?ll|i\s+will)\s+(?:really\s+|actually\s+|seriously\s+)?(?:kill|stab|shoot|hurt|attack|strangle|batter)\s+(?:him|her|them|you|everyone|everybody|(?:that|this|the|my|his|her|their|your)\s+(?:[\w-]+\s+)?(?:ex|wife|husband|partner|boyfriend|girlfriend|boss|manager|doctor|gp|nurse|receptionist|midwife|kids?|children|baby|teacher|neighbou?r|landlord|social\s+worker))\b(?!\s+(?:with\s+kindness|at\s+(?:cards|chess|pool|darts|scrabble|tennis|squash|golf|fifa)|in\s+(?:the|a)\s+(?:game|match|race|final|quiz)))|(?:scared|afraid|frightened|worried|terrified)\s+(?:that\s+)?(?:i|she|he)(?:'ll|\s+will|\s+might|\s+could|'d|\s+would)\s+(?:hurt|harm|kill)\s+(?:someone|somebody|the\s+baby|(?:my|her|his|their)\s+(?:baby|kids?|children|son|daughter))`,
    // stalking: a partner or ex waiting outside, or who has found where she lives; a weapon got ready
    String.raw`(?:he|she|(?:her|his|their)\s+${PARTNER})\s+(?:keeps|has\s+been|is|'s)\s+(?:turning\s+up|showing\s+up|waiting|parked|sitting|hanging\s+around)\s+(?:outside|at)\s+(?:her|his|their)\s+(?:house|flat|home|work|door|school|workplace)|(?:he|she|(?:her|his|their)\s+${PARTNER})\s+(?:knows|has\s+found\s+out|found\s+out)\s+where\s+(?:she|he|they)\s+(?:lives?|is\s+staying|are\s+staying)|(?:he|she|they|(?:her|his|their)\s+${CLOSE})(?:\s+has|'s)?\s+(?:got|bought|buying|getting|carrying|carries)\s+(?:a\s+)?(?:gun|machete|weapon|(?:knife|blade)(?=\s+(?:to|because|in\s+(?:his|her|their)\s+(?:bag|pocket|car|room))))(?!\s+dog\b)(?![^.!?]*\b${TOY_OR_LICENCE}\b)`,
    // a child asked for pictures of themselves, or in a drunk or unconscious adult's sole care; a child
    // who comes to school hurt again and again
    String.raw`(?:asking|asked|asks|keeps\s+asking|wants|wanted|told|tells|pressuring|pressured)\s+(?:her|him|them|(?:my|his|her|their)\s+(?:\d+[- ]year[- ]old|daughter|son|niece|nephew|kid|child))\s+(?:to|into)\s+(?:send(?:ing)?|tak(?:e|ing))\s+(?:him\s+|her\s+)?(?:nudes|naked\s+(?:photos|pics|pictures|selfies)|(?:photos|pics|pictures|selfies)\s+(?:of\s+(?:her|him)self\s+)?(?:in\s+(?:her|his)\s+underwear|with(?:out)?\s+(?:no\s+)?(?:clothes|her\s+top)))|(?:passed\s+out|out\s+cold|blackout\s+drunk|off\s+(?:her|his|their)\s+face)\s+(?:drunk\s+)?(?:and|with|while)\s+(?:(?:the|her|his|their)\s+)?(?:kids?|children|baby|toddler)|(?:comes?|came|turns?\s+up)\s+(?:in|to|into)\s+(?:school|nursery|class|daycare|kindergarten)\s+(?:again\s+)?(?:with|covered\s+in)\s+(?:new\s+)?(?:bruises|burns|marks|a\s+black\s+eye)(?!\s+from\b)`,
    // someone vulnerable who did not come home, cannot be reached, went out into the cold, or wandered off
    String.raw`(?:she|he|they|(?:her|his|their|my|our)\s+${FILLER}${PERSON})\s+(?:didn'?t|did\s+not|never)\s+(?:come|came|make\s+it|get|got)\s+(?:back\s+)?home\s+(?:last\s+night|from\s+(?:school|work|college|uni|the)|after\s+(?:school|work|college|the)|yesterday)|(?:can'?t|cannot|couldn'?t|nobody\s+can|no\s+one\s+can)\s+(?:get\s+hold\s+of|reach|find)\s+(?:her|him|them|(?:her|his|their|my|our)\s+${FILLER}${PERSON})\s+(?:anywhere|since\s+(?:last\s+night|yesterday|this\s+morning|(?:she|he|they)\s+posted))|(?:her|his|their|(?:friend|mum|mom|dad|sister|brother|son|daughter|partner|husband|wife|boyfriend|girlfriend|mate)'s)\s+phone(?:'s|\s+is|\s+has)?\s+(?:been\s+)?(?:off|switched\s+off|dead|going\s+(?:straight\s+)?to\s+voicemail)\s+since\s+(?:last\s+night|yesterday|(?:she|he|they)\s+(?:posted|sent|wrote))|went\s+out\s+(?:in|into)\s+the\s+(?:snow|cold|rain|night|dark)\s+(?:in|wearing|without)\s+(?:(?:her|his|their)\s+|a\s+|only\s+)?(?:pyjamas|pajamas|nightie|nightdress|slippers|dressing\s+gown|coat|shoes)|(?:she|he|(?:her|his|their|my|our|a|the)\s+${FILLER}${PERSON})\s+(?:has\s+|'s\s+|had\s+)?wandered\s+off`,
    // a young child left in a car; someone coming to a workplace or a home to stab or kill (PLACE); an
    // adult without the care they need: carers who have not come, left lying soiled or on the floor
    String.raw`(?:left|leaves|leaving)\s+(?:the|her|his|their|my|a)\s+${YOUNG}\b\s+(?:alone\s+)?in\s+(?:the|a|her|his|their)\s+car\b(?!\s+seat)(?![^.!?]*\b(?:minute|minutes|second|seconds|paid|paying|petrol|fuel)\b)|(?:(?:coming|heading|going\s+to\s+come|gonna\s+come)(?:\s+(?:down|round|over|in|back))?(?:\s+to\s+(?:the\s+)?${PLACE})?|(?:going|heading)(?:\s+(?:down|round|over|back))?\s+to\s+(?:the\s+)?${PLACE})\s+(?:(?:tomorrow|tonight|today|later|now)\s+)?(?:with\s+(?:a\s+)?(?:knife|gun|bat|weapon|machete)\s+)?to\s+(?:stab|kill|shoot|hurt|attack|batter|beat\s+up)\s+(?:her|him|them|you|everyone|everybody|the\s+(?!pain|bugs?|germs?|time|mood|wasps?|mice|rats?|pests?|weeds?|flies|ants|moths?|virus)\w+)\b|(?:carers?|care\s+workers?|district\s+nurses?)\s+(?:haven'?t|hasn'?t|didn'?t|have\s+not|has\s+not|never)\s+(?:turned\s+up|come|shown\s+up|visited)\s+(?:for|in|since)\s(?![^.!?]*\b(?:photo|meeting|training|handover|party|event)\b)|(?:left|lying|sitting|lain)\s+in\s+(?:(?:her|his|their)\s+own\s+(?:urine|wee|mess|faeces|feces|poo|vomit)|(?:soiled|wet|dirty)\s+(?:pads?|sheets|clothes|bedding))|(?<!\b(?:leaflets?|papers?|rubbish|bins?|post|letters?|boxes|it|they|clothes|toys)\s+(?:had|has|have)\s)(?:been|lying|lain|stuck)\s+on\s+the\s+floor\s+(?:for\s+(?:hours|ages|days|(?:\w+\s+)?(?:hours|days))|since\s+(?:last\s+night|yesterday|this\s+morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+weekend)|all\s+night|overnight)|(?:emptied|emptying|draining|drained|cleaned\s+out)\s+(?:her|his|their)\s+(?:bank\s+)?(?:account|savings)`,
    // control and violence at home: a partner who tracks her phone, keeps her money, throws things at
    // her; someone hiding from them behind a locked door
    String.raw`(?:he|she|(?:her|his|their)\s+${CLOSE})\s+(?:\w+\s+)?(?:tracks|tracking|monitors|monitoring|checks|reads|goes\s+through)\s+(?:all\s+)?(?:her|his|their)\s+(?:phone|messages|texts|location|emails)|(?:controls|takes|keeps)\s+all\s+(?:of\s+)?(?:her|his|their)\s+(?:money|wages|pay|benefits)|(?:he|she|(?:her|his|their)\s+${CLOSE})\s+(?:threw|throws|keeps\s+throwing|has\s+thrown)\s+(?:a\s+|the\s+)?(?:plates?|glass(?:es)?|bottles?|chairs?|knife|knives|things|stuff|mugs?|cups?|phone)\s+at\s+(?:her|him|them|me)|(?:hiding|hid|locked\s+(?:herself|himself|themselves))\s+in\s+(?:the|a|her|his|their)\s+(?:bathroom|bedroom|toilet|loo|car|wardrobe)\s+(?:from\s+(?:him|her|them)|because|until\s+(?:he|she)\s+(?:leaves|calms|sobers))`,
    String.raw`(?:might|could|going\s+to|gonna|about\s+to)\s+(?:snap\s+(?:with|at)\s+(?:her|him|them|the\s+(?:kids?|children|baby)|(?:her|his|my|their)\s+${PERSON})|do\s+something\s+(?:stupid|terrible|i'?ll\s+regret)(?!\s+(?:like|and\s+(?:book|buy|sign|quit|get))\b))`,
  ].join("|")})`,
  "i",
);

/** A case made up to teach or to play: "a scenario", "a quiz", "a role-play", "an exam question". */
export const MADE_UP_CASE = String.raw`scenario|quiz|hypothetical|role[- ]?play|exam\s+question|vignette`;
/** A case told of, not happening now: "storytime", "a thread about", "about a patient who". */
export const TOLD_OF = String.raw`storytime|story\s+time|thread\s+(?:on\s+\w+\s+)?about|about\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:patient|toddler|child|man|woman|kid|baby|teenager|teen|girl|boy|lad|case|person|guy)\s+(?:who|that|whose)`;

/**
 * Red flags named as a subject, not reported: a list of signs, advice not to wait, a campaign, a
 * question of what age; or in the past ("he refused the ambulance last year"), or over ("security found
 * him").
 */
const NOT_NOW = new RegExp(
  String.raw`\b(?:(?<!\b(?:has|have|having|showing|shows|got)\s+(?:all\s+)?(?:the\s+)?)(?:signs?|symptoms?)\s+of|(?:don'?t|never|do\s+not)\s+(?:wait|ignore|sleep|ride|tough)|awareness|campaign|article|leaflet|infographic|video\s+(?:on|about)\s+(?!(?:snapchat|tiktok|instagram|insta|facebook|fb|youtube|whatsapp|twitter|x|reddit|discord|her|his|their|my)\b)|last\s+(?:year|month)|years?\s+(?:ago|back)|months?\s+(?:ago|back)|${TOLD_OF}|${MADE_UP_CASE}|examining|simulation|manikin|mannequin|in\s+(?:19|20)\d\d|found\s+safe|safe\s+and\s+well|died|passed\s+away|(?:at\s+)?what\s+age|how\s+old|found\s+(?:him|her|them)|(?<!(?:n'?t|not|never)\s)turned\s+up|back\s+safe(?:ly)?)\b`,
  "i",
);

/**
 * A young child as the one who does it, just before words that name no doer ("her 2-year-old hits the
 * baby", "the toddler keeps hurting himself", "the baby is kicking her ribs"): a toddler's doing, not
 * harm. `before` is the sentence up to the words.
 */
const LITTLE_AGENT = new RegExp(
  String.raw`(?<!\b(?:after|with|for|to|of|on|at|minding|watching|holding|feeding|carrying|bathing)\s+(?:(?:her|his|their|my|the|a)\s+)?)\b${LITTLE}\b(?!['’]s)(?:\s+(?!(?:he|she|they|who|him|them|his|their)\b)[\w'-]+){0,6}\s*$`,
  "i",
);
/** Words that begin by naming who does it ("her boyfriend hits...", "he is..."). */
const A_DOER =
  /^(?:he|she|they|his|her|their|the|my|a|an|partner|boyfriend|girlfriend|husband|wife|dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|parent|uncle|brother|ex)\b/i;
/** Whether a young child does what `words` say, by the sentence `before` them (LITTLE_AGENT). */
export function littleAgent(before: string, words: string): boolean {
  return !A_DOER.test(words) && LITTLE_AGENT.test(before);
}

/**
 * For a quick look over a whole question: could any sentence hold a red flag? Two patterns, not one:
 * V8 optimises no pattern longer than about 20,000 characters, and all five lists in one (23,000) took
 * about 120 µs a question against about 20 µs for the first four alone.
 */
export const MAY_FLAG: readonly RegExp[] = [
  new RegExp(`${SYMPTOM.source}|${MORE_SYMPTOM.source}|${THREAT.source}|${OUTRIGHT.source}`, "i"),
  HARM,
];

/** Whether any sentence of the text may hold a red flag (MAY_FLAG). */
export function mayFlag(text: string): boolean {
  return MAY_FLAG.some((pattern) => pattern.test(text));
}

/**
 * The patterns that read a reported sentence, compiled to machine code on first need (see
 * eager-pattern.ts). Compiled to bytecode first, as V8 does for a short subject, OUTRIGHT alone took
 * 26 to 43 ms of a one-shot `ask` of a question reporting someone's post; a question that reports
 * nothing never compiles them.
 */
const compileFlags = onFirstNeed(
  NOT_NOW,
  STATED_CAUSE,
  REFUSES_HELP,
  PUTS_OFF_HELP,
  SYMPTOM,
  MORE_SYMPTOM,
  THREAT,
  OUTRIGHT,
  ORDINARY_CAUSE,
);

/** The words of danger in a sentence: a symptom of the first list with help plainly refused, or undefined. */
export function refusedHelp(sentence: string): string | undefined {
  compileFlags();
  if (NOT_NOW.test(sentence) || STATED_CAUSE.test(sentence)) return undefined;
  const refused = REFUSES_HELP.exec(sentence);
  return refused && SYMPTOM.test(sentence) ? refused[0] : undefined;
}

/** The words of harm said outright (OUTRIGHT) in a sentence, unless it names them as a subject or in the past. */
export function outrightHarm(sentence: string): string | undefined {
  compileFlags();
  if (NOT_NOW.test(sentence)) return undefined;
  const harm = OUTRIGHT.exec(sentence);
  return harm && !littleAgent(sentence.slice(0, harm.index), harm[0]) ? harm[0] : undefined;
}

/**
 * The words of a red flag that the safety net reads in a sentence, or undefined: a threat, harm said
 * outright (OUTRIGHT or HARM), or a symptom (of either list) with help refused or put off.
 */
export function redFlag(sentence: string): string | undefined {
  compileFlags();
  if (NOT_NOW.test(sentence)) return undefined;
  const harm = THREAT.exec(sentence) ?? OUTRIGHT.exec(sentence) ?? HARM.exec(sentence);
  if (harm && !littleAgent(sentence.slice(0, harm.index), harm[0])) return harm[0];
  if (!SYMPTOM.test(sentence) && !MORE_SYMPTOM.test(sentence)) return undefined;
  if (ORDINARY_CAUSE.test(sentence)) return undefined;
  return (PUTS_OFF_HELP.exec(sentence) ?? REFUSES_HELP.exec(sentence))?.[0];
}

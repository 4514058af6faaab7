/**
 * The hand-kept word lists of the name rules: what a name list cannot know about context.
 * All lower case.
 */
import { eager } from "../eager-pattern.js";

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Names that are everyday words too: they count as names only when capitalised mid-sentence. */
export const AMBIGUOUS_NAMES = words(`
  will may grace hope mark bill rose faith joy june april august art pat sue rob drew chase hunter
  grant frank max ray guy rich sterling penny holly ivy iris daisy poppy amber ruby crystal dawn eve summer
  autumn jack chip buck dean gene earl king prince duke major general miles sky star storm hazel heather
  olive pearl jasmine sage bishop mason cook baker bell ward page case post long young white brown green
  black gray grey rice wood stone hall hill church lane field moss marsh price power sharp bright best little
  small hunt fox wolf bird lamb crane swan gay nick norm sandy rusty skip sunny carol angel lily poppy
  harmony melody honey precious misty cherry violet hope patience prudence constance justice trinity
`);

/** Platforms and the companies behind them: never a name, and made verbs of ("WhatsApped"; see VERBED). */
const PLATFORMS = words(`
  facebook instagram insta twitter tiktok whatsapp youtube linkedin reddit snapchat discord slack google
  signal telegram messenger threads bluesky mastodon wechat weibo vk zoom teams microsoft apple amazon
  meta pinterest tumblr substack medium doximity sermo figure1 ratemds healthgrades yelp trustpilot
`);

/** What a relative is called in the family, which a listed given name may also be ("mom", "nan"). */
export const FAMILY_WORDS: ReadonlySet<string> = words(
  "mom mum mam mommy mummy dad daddy nan nana gran granny grandma grandpa",
);

/** Words that are never part of a patient's name here: platforms, bodies, acronyms, titles, time words. */
export const NEVER_NAMES: ReadonlySet<string> = new Set([
  ...PLATFORMS,
  ...words(`
  i the a an this that my our your his her their who what when where why how yes no hi hello dear thanks
  bye goodbye cheers
  gmc bma ama nhs hipaa fsmb ahpra cmpa cma acp rcgp rcn nmc cqc hcpc gp ed icu ae er or ot pt rn md do
  np pa hca fy cpd mrn dob id ssn ceo cmo ct mri ecg ekg covid omicron mpox
  johns north south east west new online portal care group support safety privacy information data records notes
  mr mrs ms miss mx dr doctor prof professor sir dame lord lady st saint rev nurse sister
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday christmas easter
`),
]);

/**
 * Platforms and ways of messaging that people make verbs of: "a patient DMed me", "she WhatsApped the
 * ward", "he FaceTimed me", "they Snapchatted it". Such a verb is never a name, however it is capitalised.
 */
export const VERBED = new Set([
  ...PLATFORMS,
  ...words("dm pm facetime skype snap ig fb tweet message text email ping"),
]);

/** Titles that make the next name a public figure's, a doctor's or a place's, not a patient's. */
export const PUBLIC_TITLES = words(`
  dr doctor prof professor st saint sir dame lord lady king queen prince princess duke duchess
  president senator governor mayor minister judge justice pope rev reverend mt mount lake fort
  port san santa los las el la le new nurse matron
`);

/** Places a name list also holds (London, Florida, Georgia): not a person when alone or as a surname. */
export const PLACES = words(`
  london paris berlin rome madrid dublin belfast edinburgh glasgow cardiff swansea aberdeen dundee
  manchester liverpool leeds sheffield bristol birmingham nottingham leicester coventry newcastle york
  oxford cambridge brighton bath exeter plymouth norwich derby stoke hull preston lancaster chester
  durham sunderland reading southampton portsmouth kent surrey essex sussex devon cornwall dorset
  yorkshire lancashire cumbria wales scotland england britain ireland ulster cheshire
  america canada australia zealand india pakistan nigeria kenya ghana egypt jordan israel lebanon
  china japan korea france germany spain italy greece poland russia ukraine turkey brazil mexico
  texas florida georgia california virginia carolina washington oregon nevada arizona colorado utah
  montana dakota kansas missouri ohio michigan indiana illinois wisconsin minnesota iowa kentucky
  tennessee alabama mississippi louisiana arkansas oklahoma maryland delaware jersey vermont maine
  massachusetts connecticut pennsylvania alaska hawaii idaho wyoming nebraska
  boston chicago houston dallas austin denver phoenix seattle portland atlanta miami orlando tampa
  detroit cleveland columbus memphis nashville charlotte raleigh baltimore philadelphia pittsburgh
  brooklyn manhattan queens bronx vegas diego francisco angeles jose antonio orleans louis
  ontario quebec alberta manitoba saskatchewan columbia scotia brunswick toronto vancouver montreal
  ottawa calgary edmonton winnipeg halifax victoria sydney melbourne brisbane perth adelaide hobart
  darwin canberra queensland tasmania auckland wellington christchurch
  british american canadian australian irish scottish welsh english european african asian
`);

/** Conditions named after people: "Crohn's disease" names no patient. */
export const EPONYMS = words(`
  parkinson alzheimer crohn hodgkin raynaud huntington addison cushing graves hashimoto tourette
  asperger meniere ménière paget sjogren sjögren kaposi bell down gehrig wilson bright barrett burkitt
  guillain barre barré munchausen marfan turner klinefelter duchenne becker wernicke korsakoff
  dupuytren osgood schlatter perthes kawasaki still behcet behçet hirschsprung conn whipple reiter
  colles pott bennett baker bartholin wegener kaposi lyme ebola
`);

/** What follows an eponym: "Baker's cyst" is a condition, "Baker's scan" may be a patient's. */
export const CONDITION_WORDS = words(`
  disease diseases syndrome palsy lymphoma sarcoma phenomenon disorder sign test law criteria triad
  ulcer anaemia anemia encephalopathy contracture fracture cyst tumour tumor node nodes dementia
  awareness research foundation society trust association
`);

/** A patient's clinical or personal detail that a name's possessive ("X's ...") points at. */
export const PATIENT_NOUNS = words(`
  patient patients scan scans x xray x-ray xrays mri ct ecg ekg echo ultrasound mammogram angiogram
  results result diagnosis prognosis biopsy bloods blood labs test tests chart notes records record
  file case condition illness cancer tumour tumor surgery operation op procedure treatment therapy
  chemo prescription meds medication medications pregnancy baby birth delivery labour labor
  miscarriage recovery injury injuries fracture wound rash symptoms death autopsy post-mortem
  admission discharge appointment referral letter bed room ward family mother mum mom father dad
  daughter son wife husband partner sister brother child children kids relatives carer
  photo photos picture pictures image images video face tattoo body address phone number email
  handle account profile dna genome transplant rehab consent story journey complications
  post posts comment comments message messages review reviews request gofundme fundraiser reel reels
  selfie vlog
`);

/** Words after a name that make it a place's or an organisation's name ("John Radcliffe Hospital"). */
export const ORGANISATION_WORDS = words(`
  hospital hospitals clinic clinics infirmary centre center university college school trust
  foundation institute medical medicine health healthcare house surgery practice ambulance street
  road avenue hall library museum award prize lecture report review fund society association
`);

/** A title and a word that together name a thing, not a person ("Mr Men" books, "MS Word"). */
export const TITLE_BRANDS = words(`
  mr-men mr-right mr-universe mr-motivator miss-world miss-universe ms-word ms-excel ms-paint ms-office
`);

/** Words after "named" or "called" that are not names ("called me a shill", "named anyone"). */
export const NOT_NAME_WORDS = words(`
  me you him her them us it this that out back up off in on a an the my your his their our something
  someone anyone anybody nobody everyone visible shown written displayed readable legible woman man
  person people patient patients doctor doctors nurse nurses child baby colleague colleagues staff
  surgeon consultant registrar gp physician specialist resident student manager midwife hospital trust
  practice clinic ward account page group
`);

/** The question is about news or published work: a name in it is a public figure's or an author's. */
export const PUBLIC_CONTEXT = eager(
  /\b(?:news|newspapers?|articles?|headlines?|press|journalists?|tabloids?|celebrit(?:y|ies)|famous|public figures?|actor|actress|singer|footballer|athlete|politician|president|prime minister|royals?|senator|documentary|study|studies|paper|survey|research(?:ers)?|authors?|et al|journals?|published|cited?|court|verdict|inquest|inquiry|tribunal|lawsuit|judge|ruling|convicted|sentenced|trial|book|novel|podcast|song|album|concert|speech|quote|film|movie|episode|series|biography)\b/i,
);

/** ...unless it ties someone to the asker's care: then a name is a patient's after all. */
export const CARE_CONTEXT = eager(
  /\b(?:my|our|the|a|this|that)\s+(?:\w+\s+)?(?:patient|pt|client)\b(?!s)|\b(?:i|we)\s+(?:treated|treat|saw|admitted|examined|operated|delivered|discharged|referred|scanned|nursed|looked after|cared for)\b|\b(?:bed|bay|room|cubicle)\s+\d|\bunder (?:my|our) care\b|\bcase (?:study|report|presentation)\b/i,
);

/** Colleagues and people close to the asker, whose names are not a patient's: "my colleague Tom Hughes". */
export const COLLEAGUE_ROLES = words(
  "colleague co-worker coworker consultant registrar boss manager supervisor mentor friend husband wife partner",
);

/**
 * What the asker says just before their own name or a colleague's: "I'm Dr Patel", "my name is Jane
 * Okafor", "my colleague Tom Hughes". Neither is a patient's.
 */
export const ASKER_BEFORE = eager(
  new RegExp(
    `(?:\\b(?:i['’]?m|i am|my name is|my name['’]s|this is|call me|i go by|regards|thanks|cheers|(?:my|our) (?:${[...COLLEAGUE_ROLES].join("|")}))[,\\s]*(?:(?:dr|doctor|prof|professor|nurse|sister)\\.?\\s+)?)$`,
    "i",
  ),
);

/** Name particles: "Mrs de Souza", "Mr van der Berg". */
export const PARTICLES = words(
  "de da di del della van von der den le la du dos das al el bin ibn ben mac ap ó ní nic ua",
);

/** Institutions whose names are people's names: "Kaiser Permanente", "Alder Hey". */
export const INSTITUTIONS = words(`
  kaiser-permanente mount-sinai cedars-sinai great-ormond alder-hey mass-general john-radcliffe
  royal-marsden royal-brompton sloan-kettering dana-farber md-anderson johns-hopkins schwartz-round
`);

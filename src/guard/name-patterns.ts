/**
 * The patterns the name readers (names.ts) test words and the gaps between them against, made once:
 * a regular expression literal makes a new object each time it runs, and these run for every word.
 */

/** Between a title and the name after it: "Mr Smith", "Dr. Patel". */
export const TITLE_GAP = /^\.?\s+$/;
/** A doctor's title: a doctor alone is no patient. */
export const DOCTOR_TITLE = /^(?:dr|doctor)$/;
/** The patient noun after a doctor's name: "Dr Patel's patient". */
export const PATIENT_AFTER = /^(?:patients?|pts?|clients?)$/;
/** The titles a patient's name may follow. */
export const TITLES = /^(?:mr|mrs|ms|miss|mx|mister|missus)$/;
/** Words before "miss" that make it a verb: "I miss Mrs X". */
export const MISS_AS_VERB_BEFORE = /\b(?:i|you|we|they|to|will|would|not|never|don['’]?t|didn['’]?t)\s+$/i;
/** What a name is said to be with: "Olivia is my patient", "Tomasz was one of our patients". */
export const IS_OR_WAS = /^(?:is|was|'s)$/;
/** The words that say whose patient a name is. */
export const CUES = /^(?:patients?|pts?|clients?|residents?)$/;
/**
 * Words before a child's name as a ward says it: "baby Amelia", "little Oliver", "newborn Isla". Only a
 * listed given name counts after one, and not before a capitalised word (see cued in names.ts), so
 * "baby boy", "a little bit" and "Baby Loss Awareness Week" are none.
 */
export const CHILD_CUES = /^(?:baby|babies|little|newborn|infant|toddler)$/;
/** What stands between a name and the words saying whose patient it is: "Olivia, my patient", "Emma (my patient)". */
export const APPOSITION_GAP = /^\s*[,(–—-]\s*$/;
/** How those words open: "my (6 year old) patient", "one of our residents", "a patient of mine". */
export const APPOSITION_OPENS = /^(?:my|our|a|an|the|one|this|that)$/;
/** How far (in words) the patient noun may sit from the name: "Olivia, my 6 year old patient". */
export const APPOSITION_REACH = 5;
/** ... and how far on the aside must close (a comma, a bracket, a dash): "Emma, my patient on ward 7 with anorexia, keeps...". */
export const APPOSITION_CLOSE_REACH = 8;
/** What closes such an aside, before the sentence ends. */
export const APPOSITION_CLOSE = /^[^.!?;]*?(?:[,)–—]|\s-\s)/;
/** Words before a capitalised one that make it a place or a firm: "in Georgia", "from Leeds", "at Kaiser", "for Medicare". */
export const WHERE_BEFORE = /^(?:in|near|around|outside|across|throughout|within|from|at|for)$/;
/** A bed, bay or room, then its number: "the lady in bed 3, Olivia, added me". */
export const BED = /^(?:bed|bay|room|cubicle|bedspace)$/;
/** A bed's number and the gap after it: "bed 3, Olivia". */
export const NUMBERED_GAP = /^\s*\d{1,3}\s*[,:(–—-]?\s*$/;
/** Between a cue and the name it names: "my patient: Olivia". */
export const CUE_GAP = /^\s*[,:]?\s+$/;
/** After the abbreviation "pt.". */
export const PT_GAP = /^\.\s+$/;
/** "my" just before a word. */
export const MY_BEFORE = /\bmy\s+$/i;
/** The asker saying who they are just before a word: "I'm Olivia". */
export const I_AM_BEFORE = /\b(?:i['’]?m|i am|i was|we['’]re)\s+$/i;
/** Punctuation that ends a clause. */
export const CLAUSE_GAP = /[.!?;,]/;
/** Words before a capitalised one that make it a place: "in Georgia". */
export const PLACE_BEFORE = /^(?:in|near|around|outside|across|throughout|within)$/;
/** A comma alone between two words. */
export const COMMA_GAP = /^\s*,\s*$/;
/** A gap that ends with a comma. */
export const ENDS_WITH_COMMA = /,\s*$/;
/** What follows a name in a list of them: "Jake, Ellie and Mo". */
export const LIST_AFTER = /^\s*(?:,|&|and\b|or\b)/i;
/** The words between a name and the bed it lies in: "Dominic from bed 6", "in bay 2". */
export const BED_PREPOSITION = /^(?:in|from|on|at)$/;
/** What may open the bed after a name: a space, or a bracket ("Amara (bay 2)"). */
export const BED_OPENS = /^\s*\(?\s*$/;

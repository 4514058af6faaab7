/**
 * The clauses of caring for, working beside or supervising someone, which the counterpart reading's
 * clauses (see clauses.ts) read as the person: a patient, or a colleague.
 */
import { ROLE } from "./sentence-kinds.js";

/**
 * Someone the asker cares for, told by what they did for them: "a woman I looked after", "a boy I've
 * been treating for months", "a patient I'm currently looking after". The person reads as a patient
 * and the words of care go, so that they do not push the person out of reach of the contact.
 */
export const CARED_FOR_CLAUSE =
  /\b(woman|women|man|men|lady|gentleman|guy|girl|boy|baby|child|kid|teenager|teen|patient|patients|client|resident)\s+(?:(?:that|who|whom)\s+)?(?:i|we)(?:'ve|'d|'m|\s+have|\s+had|\s+am|\s+was|\s+were)?\s+(?:(?:been|currently|recently|just|also|once)\s+)*(?:looked after|looking after|look after|cared for|caring for|care for|treated|treating|treat|nursed|nursing|delivered|saw|seen|see|operated on|discharged|scanned|examined|admitted)(?:\s+for\s+(?:\S+\s+){0,2}(?:months?|weeks?|years?|days?|shifts?))?\b/g;
/**
 * A mother the asker delivered or cared for: "a new mum I delivered", "the mothers I look after". Only
 * the words of care: "my mum I see every weekend" is the asker's own mother.
 */
export const MOTHER_CARED_FOR =
  /\b(mum|mums|mom|moms|mother|mothers)\s+(?:(?:that|who|whom)\s+)?(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:(?:been|recently|just|also)\s+)*(?:delivered|looked after|look after|looking after|cared for|care for|caring for|nursed|supported|discharged|scanned)\b/g;
/**
 * Someone on the asker's caseload: "a mum from my caseload", "a family on our books". In midwifery and
 * community care the mother or the family is the one cared for, not a patient's relative.
 */
export const ON_CASELOAD =
  /\b(woman|women|mum|mums|mom|moms|mother|mothers|lady|ladies|man|men|family|families|person|people|client|clients|patient|patients)\s+(?:from|on|in)\s+(?:my|our|the|her|his|their)\s+(?:caseload|case load|books)\b/g;
/** Someone the asker works or trains beside: "a nurse I work with", "a guy I trained with". Reads as a colleague. */
export const WORKS_WITH_CLAUSE = new RegExp(
  String.raw`\b(?:${ROLE}|someone|somebody|guy|girl|woman|man|lady|person)s?\s+(?:(?:that|who|whom)\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:work|works|worked|working|used to work|trained|train|studied|study)\s+(?:with|alongside)\b`,
  "g",
);
/** Another of the asker's own kind: "another nurse", "a fellow paramedic", "other students". Reads as a colleague. */
export const ANOTHER_ROLE = new RegExp(
  String.raw`\b(?:another|fellow|other)\s+(?:student\s+)?(?:${ROLE}|healthcare assistant|receptionist)(s?)\b`,
  "g",
);
/**
 * One of the asker's own team: "a nurse on my ward", "the HCAs on our unit", "a new doctor who started
 * on our ward", "a student nurse on placement with me", "a resident on our team", "my trainee". Reads
 * as a colleague. Not a visitor, a carer or a caregiver, who may be a patient's; a resident only on a
 * team, a rotation or a firm ("a resident on my floor" may live there: see residents.ts). The role word
 * is captured, so that the colleague is read in its number ("the nurses on my ward" are several).
 */
export const ON_MY_TEAM = new RegExp(
  String.raw`\b(?:(?:student\s+)?(?!(?:visitor|carer|caregiver|resident)s?\b)(${ROLE}s?)\s+(?:(?:who\s+)?(?:started|starts|works|worked|working)\s+)?(?:(?:on|in|from)\s+(?:my|our)\s+(?:ward|team|unit|rotation|firm|shift|department|floor)|on\s+placement\s+with\s+(?:me|us))|(residents?)\s+(?:on|in|from)\s+(?:my|our)\s+(?:team|rotation|firm)|my\s+((?:trainee|mentee)s?))\b`,
  "g",
);
/** How a person cared for reads: as a patient, in the number the clause used. */
export const CARED_AS: Readonly<Record<string, string>> = {
  patients: "patients",
  client: "client",
  clients: "clients",
  women: "patients",
  mums: "patients",
  moms: "patients",
  mothers: "patients",
  ladies: "patients",
  men: "patients",
  families: "patients",
  people: "patients",
};
/** Someone the asker teaches or supervises: "a student midwife I'm assessing", "a probationer I mentor". */
export const SUPERVISED_CLAUSE =
  /\b(?:student|trainee|junior|probationer|preceptee|mentee|newbie|new starter|new grad|intern)\s+(?:\S+\s+)?(?:(?:that|who|whom)\s+)?(?:i|we)(?:'m|'ve been|\s+am|\s+have been)?\s+(?:currently\s+)?(?:assessing|assess|mentoring|mentor|supervising|supervise|precepting|precept|training|train|teaching|teach|signing off)\b/g;

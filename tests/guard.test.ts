import { describe, expect, it } from "vitest";
import { findIdentifiers, redact } from "../src/guard/identifiers.js";

const kinds = (text: string) => findIdentifiers(text).map((f) => f.kind);

describe("the guard finds names however they are written", () => {
  it.each([
    ["can i post about john smith's scan", "can i post about [name]'s scan"],
    [
      "i treated chloe dawson last week and she found my tiktok",
      "i treated [name] last week and she found my tiktok",
    ],
    ["JOHN SMITH came in with chest pain", "[name] came in with chest pain"],
    ["smith, john was on my list today", "[name] was on my list today"],
    ["Kowalczyk, Anna posted about me", "[name] posted about me"],
    ["can I show Lucas Moreau's CT in my lecture", "can I show [name]'s CT in my lecture"],
    ["mrs o'neill keeps tagging me", "[name] keeps tagging me"],
    ["MISS HOLLOWAY asked for my number", "[name] asked for my number"],
    ["mrs de souza wants to friend me", "[name] wants to friend me"],
    ["dr. patel's patient left a review", "[name]'s patient left a review"],
    ["pt tanaka is upset about my post", "pt [name] is upset about my post"],
    // a child's name after the word a ward calls a child by
    [
      "can I post a pic of baby Amelia born yesterday in our NICU?",
      "can I post a pic of baby [name] born yesterday in our NICU?",
    ],
    ["little oliver on ward 3 wants to be on my tiktok", "little [name] on ward 3 wants to be on my tiktok"],
    ["baby boy Oliver was born on our unit last night", "baby boy [name] was born on our unit last night"],
    // capitalised, a listed name that is an everyday word too; a name the people-names list lacks
    ["can I share a photo of baby Grace going home?", "can I share a photo of baby [name] going home?"],
    [
      "Baby Grace went home today. Can I post her photo?",
      "Baby [name] went home today. Can I post her photo?",
    ],
    ["we had baby Isla on the unit all week", "we had baby [name] on the unit all week"],
    ["pt niamh keeps commenting on my posts", "pt [name] keeps commenting on my posts"],
    // a given name that is also what a family calls a relative, capitalised as a name
    ["my patient Nan Jones died last week", "my patient [name] died last week"],
    ["my patient Mam Kelly messaged me", "my patient [name] messaged me"],
    ["pt renée o’brien-smith messaged me", "pt [name] messaged me"],
    ["pt rene\u0301e o’brien-smith messaged me", "pt [name] messaged me"],
    ["a lady called margaret oduya messaged me", "a lady called [name] messaged me"],
    ["a patient named Ольга Петрова posted a review", "a patient named [name] posted a review"],
    ["patient named 李明 sent me a wechat message", "patient named [name] sent me a wechat message"],
    ["my patient called فاطمة الزهراء wants to follow me", "my patient called [name] wants to follow me"],
    // a name, then an aside saying whose patient it is; a name between commas after "patients" or
    // "a patient of mine"; after a bed's number
    [
      "Olivia, my 6 year old patient, wants me to follow her",
      "[name], my 6 year old patient, wants me to follow her",
    ],
    ["Emma, my patient on ward 7, keeps commenting", "[name], my patient on ward 7, keeps commenting"],
    ["Olivia (my patient) sent me a friend request", "[name] (my patient) sent me a friend request"],
    ["Olivia - my patient - added me", "[name] - my patient - added me"],
    // the aside that ends the sentence, after "from" too (a place after it is in the place list)
    [
      "Should I answer a DM from Niamh, one of my patients?",
      "Should I answer a DM from [name], one of my patients?",
    ],
    [
      "I had a voice note from Priya, my client. Can I reply?",
      "I had a voice note from [name], my client. Can I reply?",
    ],
    // a given name that is also a place, said to be a patient's
    [
      "A friend request came from Victoria, one of my patients.",
      "A friend request came from [name], one of my patients.",
    ],
    // "from" after "was" or "is" is not where someone is from
    ["The review was from Margaret, one of my patients.", "The review was from [name], one of my patients."],
    // a name said to be a patient, in so many words
    ["Olivia is my patient and she added me", "[name] is my patient and she added me"],
    ["Olivia, my patient, nurse by day, added me", "[name], my patient, nurse by day, added me"],
    ["Tomasz was one of our patients last year", "[name] was one of our patients last year"],
    ["Olivia, who is my patient, added me", "[name], who is my patient, added me"],
    ["One of my patients, Olivia, sent me a message", "One of my patients, [name], sent me a message"],
    ["A patient of mine, Olivia, added me", "A patient of mine, [name], added me"],
    ["the lady in bed 3, Olivia, added me", "the lady in bed 3, [name], added me"],
    ["the lady in bed3, Olivia, added me", "the lady in bed3, [name], added me"],
    // given names that are also places, capitalised where the words say a patient
    ["my patient Jose Garcia asked me to donate", "my patient [name] asked me to donate"],
    ["my patient Georgia sent me a request", "my patient [name] sent me a request"],
  ])("%j", (text, redacted) => {
    expect(redact(text)).toBe(redacted);
  });
});

describe("the guard finds short record numbers and addresses in lower case", () => {
  it.each([
    ["mrn 4471 was on the screen", "id-number"],
    ["hosp no 1234 on the wristband", "id-number"],
    ["patient id 3312 messaged me", "id-number"],
    ["he lives at 12 high street", "address"],
    ["the patient's house, 5 mill lane, was in my vlog", "address"],
  ])("finds %j", (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });
});

describe("the guard reads a text without a digit or an @ as closely as any other", () => {
  // Most rules need a digit, an "@" or a "/" and skip a text without one; these need none of them.
  it.each([
    ["her dob: march, and she follows me", "date"],
    ["write to jane at gmail dot com about it", "email"],
    ["see www.examplepatientblog.net for her story", "url"],
  ])("finds %j", (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });
});

describe("the guard tells the asker's handle from a patient's", () => {
  it.each([
    "my handle is @drjane, should I change it",
    "my twitter handle is @medicalmike, is it unprofessional",
    "I'm @thefamilydoc on tiktok, can I post about vaccines",
    "follow me on tiktok @docdan",
    "@drkim is my handle",
    "my page https://www.instagram.com/dr.lena.cooks is growing",
  ])("leaves the asker's own %j alone", (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });

  it.each([
    "should I tag @NMC in my post about the complaint?",
    "the @gmcuk guidance says I should be careful",
  ])("leaves a regulator's or professional body's handle in %j alone", (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });

  it.each([
    "the patient's handle is @sunny_days_44, can I block her",
    "his instagram is @big_dave_lifts, he's my patient",
    "my patient's twitter is @kat_runs_far",
  ])("flags a patient's %j", (text) => {
    expect(kinds(text)).toEqual(["handle"]);
  });

  it("flags the patient's handle beside the asker's own", () => {
    expect(redact("my handle is @drkim and my patient's handle is @kimfan99")).toBe(
      "my handle is @drkim and my patient's handle is [handle]",
    );
  });

  it("flags the username Slack sends with a person mentioned in a command, not the bare mention of the bot", () => {
    expect(redact("patient <@U0PATIENT1|mary.jones> follows my blog")).toBe(
      "patient <@U0PATIENT1|[handle]> follows my blog",
    );
    expect(findIdentifiers("<@U0BOT1> can I accept a friend request")).toEqual([]);
  });
});

describe("the guard leaves look-alikes alone", () => {
  it.each([
    // places and drugs
    "I'm a GP in London, can I post about local services",
    "what does the Texas Medical Board say about patient reviews",
    "I'm a locum in Milton Keynes",
    // "baby" and "little" before no name, or before a title, a place or a brand
    "can I post a photo of a baby boy with no face showing",
    "I'm a little nervous about posting from the baby unit",
    "can I post about Baby Loss Awareness Week on instagram as a midwife",
    "I'm a nurse in Little Rock, Arkansas",
    "can I post about Baby Hope, our unit's charity appeal?",
    "Little Rock is where I work, can I post about my hospital?",
    "Baby Hope is our unit's charity appeal, can I post about it?",
    "our little grace period for deleting posts is over",
    "can I share the Little Princess Trust wig donation post",
    "can I post a photo of my baby Bjorn carrier",
    "can I share baby Yoda memes",
    "can I post about metformin and weight loss",
    // a public figure in a news question, a news link, the authors of guidance
    "a news story about Taylor Swift's pregnancy, can I comment on it",
    "can I share the BBC story https://www.bbc.com/news/articles/c1234567890o on my page",
    "is it ok to retweet https://www.statnews.com/2024/02/02/hospital-social-media-policy/",
    // the nurses' regulator and a defence organisation, as the knowledge's sources cite them
    "does https://www.nmc.org.uk/standards/code/read-the-code-online/ cover this?",
    "the MDU says so at https://www.themdu.com/guidance-and-advice/guides/social-media",
    "what did Greysen et al find about unprofessional posts",
    "Katherine Chretien's survey of medical students, can I cite it",
    // the asker's own title and name, a colleague's
    "I'm Dr Patel and I want to start a podcast",
    "I'm Dr Ruth Adeyemi and I run a health channel",
    "my name is Dr Lewis, can patients find me online",
    // names that are everyday words, conditions named after people, brands after a title
    "will the GMC see my tweets",
    "is there a grace period for deleting a post",
    "the bill for my clinic's ads is too high",
    "the patient bill of rights on social media",
    "can I post about Crohn's disease awareness",
    "we have Mr Men books in the waiting room",
    "the MS Society wants me to tweet",
    // a count, not an address; an initial, as case reports keep patients anonymous
    "it's a 5 minute drive from the hospital, can I film there",
    "a psychiatrist treating Ms B wonders about Googling her",
    // the asker's own name, a place, a firm or a word before the words about a patient, which are the
    // sentence itself; a patient who is someone else's, or a modifier; a place word after "patient"
    "I'm Olivia, my patient sent me a request",
    "a nurse in Georgia, my patient asked about it",
    "Thanks, my patient sent me a request",
    "Sarah, my colleague, says a patient added her",
    "London, my patient asked",
    "I'm from London, one of your patients.",
    "I work at Kaiser, a patient found my profile",
    // hospitals named after people or places, which read as a given name and a surname
    "I did my fellowship at Dana Farber and now run a cancer page",
    "Mount Sinai has a social media policy",
    "my patient at Alder Hey posted about me",
    "Tbh, my patient added me",
    "Tom, our patient safety lead, said no",
    // a sign-off, not a given name and a surname
    "Can I post our team photo from the ward? cheers bye",
    "Sarah, my colleague whose patient died, said no",
    "Smith, my patient's GP, phoned",
    "a patient reading my blog",
    "my patient english is limited",
    "So, my patient, aged 16, added me on Instagram",
    "Olivia is my patient safety lead",
    "Chloe is a patient woman and a great nurse",
    "This is my patient's mum",
    // a relative after "patients" written without its apostrophe, in lower case
    "I blocked a patients mom on facebook",
    "Sarah is my colleague and her patient added me",
    "Sarah, who is my patient safety lead, said no",
    "Olivia, who is my patient's mum, added me",
  ])("%j", (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });
});

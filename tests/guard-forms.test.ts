import { describe, expect, it } from "vitest";
import { findIdentifiers, guardReading, redact } from "../src/guard/identifiers.js";

// More of the forms clinicians type patients' details in, and more of the everyday text that only looks
// like them (found by testing the guard as an attacker would, with realistic questions).

describe("the guard finds these patients' details", () => {
  it.each([
    // a place's name as a surname after a title, and as a given name before a listed surname
    ["Mrs Washington in bay 2 sent me a friend request", "[name] in bay 2 sent me a friend request"],
    ["Mr Preston keeps tagging our ward", "[name] keeps tagging our ward"],
    ["Mrs Georgia Evans asked to follow me", "[name] asked to follow me"],
    // a given name that is also an everyday word, before a surname, in any case
    ["Amber Lewis from bay 3 messaged me on Instagram", "[name] from bay 3 messaged me on Instagram"],
    [
      "can i accept a request from daisy okafor, she was on my ward",
      "can i accept a request from [name], she was on my ward",
    ],
    // a name before the patient's post, comment, review or fundraiser
    [
      "Can I reply to Brenda's comment? She was my patient",
      "Can I reply to [name]'s comment? She was my patient",
    ],
    ["is it ok to share Aaron's gofundme from our unit", "is it ok to share [name]'s gofundme from our unit"],
    // a record number given with "is" or "was"
    ["her MRN is 558231 and it's in the photo", "her MRN is [id-number] and it's in the photo"],
    [
      "the hospital number was QT44821 on the screenshot",
      "the hospital number was [id-number] on the screenshot",
    ],
    // a name, then the bed it lies in
    ["Callum from bed 6 asked for my Snapchat", "[name] from bed 6 asked for my Snapchat"],
    ["Amara (bay 2) keeps filming the nurses", "[name] (bay 2) keeps filming the nurses"],
    // a name after the care the asker gave
    ["I discharged Dominic yesterday and he added me", "I discharged [name] yesterday and he added me"],
    ["we intubated Amara on nights, can I blog it", "we intubated [name] on nights, can I blog it"],
    ["I looked after Doreen and her son tagged me", "I looked after [name] and her son tagged me"],
    // a handle without its "@", given as one or as where someone posts
    ["her insta is sarahj_99, can I follow her", "her insta is [handle], can I follow her"],
    ["the patient's tiktok handle is mike.jones.22", "the patient's tiktok handle is [handle]"],
    ["he messaged me from tom_harris88 on twitter", "he messaged me from [handle] on twitter"],
    ["my patient's IG is sarahj_99", "my patient's IG is [handle]"],
    // care given, however put
    ["I reviewed Doreen on the ward round", "I reviewed [name] on the ward round"],
    ["I was looking after Doreen overnight", "I was looking after [name] overnight"],
    // a patient's relative's name after the relation, in any case, as an aside too
    ["My patient's daughter—Karen—messaged me", "My patient's daughter—[name]—messaged me"],
    ["My patient's eldest daughter Karen added me", "My patient's eldest daughter [name] added me"],
    ["my patient's daughter, Karen, keeps messaging me", "my patient's daughter, [name], keeps messaging me"],
    ["the pt's son (Liam) follows me now", "the pt's son ([name]) follows me now"],
    [
      "I treated a man last week and his wife Karen left a review",
      "I treated a man last week and his wife [name] left a review",
    ],
    // a patient's relative's name after the relation
    [
      "my patient's sister Mary Smith keeps messaging me on facebook",
      "my patient's sister [name] keeps messaging me on facebook",
    ],
    ["her sister Jane Doe posted about me", "her sister [name] posted about me"],
    ["my patient's father John Smith keeps messaging me", "my patient's father [name] keeps messaging me"],
    // ages over 89 said another way
    ["94F on our ward, her son filmed her", "[age] on our ward, her son filmed her"],
    ["she turned 102 and the family tagged the care home", "she [age] and the family tagged the care home"],
  ])("%j", (text, redacted) => {
    expect(redact(text)).toBe(redacted);
  });
});

describe("the guard leaves these alone", () => {
  it.each([
    // spans of years and a shift's hours, not record numbers
    "can I post our 2022-2023 audit on LinkedIn",
    "I've been a nurse 2001-2024, can I say so in my bio",
    "we saw 30 patients between 0800-2000, can I tweet the number",
    // UK shorthand for a count of nights, a fraction, a staffing level
    "I'm on 3/7 nights, can I post a tired selfie",
    "our ward ran on 1/2 staffing all week, can I tweet about it",
    // a public figure's book, podcast or trial
    "can I recommend Adam Kay's book on my page",
    "is it ok to discuss the Lucy Letby trial on Twitter",
    // moving between beds is no name
    "I moved from bed 4 to bay 2 on my last shift",
    // the asker's own handle, a platform's age, a measurement
    "my username is nurse_kate, is that ok",
    "instagram is 10 years old, is it still worth joining",
    "his insta is private, can I still follow him",
    // codes and public bodies after a platform's name; a handle given nowhere, or without a handle's marks
    "TikTok: COVID19 myths are everywhere, can I make videos debunking them?",
    "The GMC's twitter is gmc_uk, should I tag it?",
    "I read a thread by nhs_england on twitter about it",
    "he moved from tom_harris88 to a new account",
    "her insta is sarahjones and she is 25, can I follow her",
    // family cared for at home, a specialty, a talk, a tool
    "I looked after Mum for years before she died, can I post about it",
    "I looked after Paeds last night and it was chaos",
    "I delivered Grand Rounds on social media last week",
    "I assessed ChatGPT for drafting letters",
    "Is it ok to share Ruth May's message to nurses? She was Chief Nursing Officer.",
    // a colleague's relative, and one's relative in a text about no patient's care
    "A colleague at my practice posted about a patient online. Her husband Tom says she did nothing wrong.",
    "her husband (Trevor) posted a photo of our team night out",
    // the asker's own family, and a colleague's
    "my wife Karen says I post too much",
    "my husband, Trevor, thinks I should quit TikTok",
    "my colleague's wife Karen added me on Facebook",
    // where care was given, and a platform, after a verb of care
    "I looked after Ward 7 all week, can I post about it",
    "I scanned Twitter for the news and treated Facebook like a diary",
    // a nurse's title before a colleague's name
    "Nurse Blake's TikTok went viral, should I report it",
  ])("%j", (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });
});

describe("the guard reads no emoji as a name", () => {
  // a letter shown as an emoji, as written ("ℹ️") or once folded ("Ⓜ️" to "M", "🈷️" to "月")
  it.each(["ℹ️", "Ⓜ️", "🈷️", "㊗️"])("%s after 'patient'", (emoji) => {
    expect(guardReading(`can I friend a patient ${emoji}`).findings).toEqual([]);
  });
});

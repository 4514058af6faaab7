import { describe, expect, it } from "vitest";
import { entryCounterpart } from "../src/search/counterpart.js";
import { type IndexSnapshot, SearchIndex } from "../src/search/search-index.js";
import { testEntry as entry, readsCounterparts as reads } from "./helpers.js";

describe("whom a question's contact is with", () => {
  it("reads a patient, a relative or a colleague from the words around the contact", () => {
    reads([
      ["A patient sent me a friend request on Facebook", "patient"],
      ["Is it OK to be friends with my former patients?", "patient"],
      ["Is texting patients about appointments allowed?", "patient"],
      ["A service user's friend request", "patient"],
      ["My patient’s daughter added me on Instagram", "relative"],
      ["the brother of one of my pts sent me a friend request", "relative"],
      ["A patient's grandad keeps sending me friend requests", "relative"],
      ["A patient's grandson found my TikTok (no idea how) and followed me", "relative"],
      ["I got a friend request (from a patient's mum) last night", "relative"],
      ["Is it weird to start adding my co-interns on Facebook?", "colleague"],
      ["A man I nursed on the stroke unit sent me an Instagram follow request", "patient"],
      ["The sister of a girl I've been treating for weeks sent me a Facebook friend request", "relative"],
      ["A student nurse I'm mentoring has started following me on TikTok", "colleague"],
      ["The mother of a patient sent a Facebook friend request to my account", "relative"],
      ["The mother-in-law of a patient added me on Facebook", "relative"],
      ["The mother of a patient sent me a friend request", "relative"],
      ["I got a friend request from my preceptor", "colleague"],
      ["Is it fine to text updates to physicians about my patients?", "colleague"],
      ["My team mates keep sending me follow requests", "colleague"],
      ["A patient's mam added me on Facebook", "relative"],
      ["A regular customer at the pharmacy WhatsApps me about his tablets", "patient"],
      ["A customer's son emailed me about her prescription", "relative"],
    ]);
  });

  it("reads the mothers and families a midwife or community nurse cares for as patients, and relatives in the plural", () => {
    reads([
      ["I'm a midwife and a mum from my caseload sent me a friend request", "patient"],
      ["A family on our books keeps messaging me on Facebook", "patient"],
      ["A new mum I delivered last month added me on Instagram", "patient"],
      ["The mothers I look after keep adding me", "patient"],
      ["One of the mums I discharged last week sent me a friend request", "patient"],
      ["A man I admitted last night added me on Facebook", "patient"],
      // the asker's own mother, someone seen elsewhere, a friends list
      ["My mum I see every weekend follows me", undefined],
      ["A woman on my list sent me a friend request", undefined],
      // the baby is the one on the caseload: the mother is its relative
      ["The mum of a baby on my caseload added me", "relative"],
      ["One of my patients' mums sent me a friend request", "relative"],
      ["My patients' daughters keep adding me on Facebook", "relative"],
    ]);
  });

  it("reads more relatives, chat verbs, colleagues named by their work, and answering someone's post", () => {
    reads([
      ["A patient's fiancée sent me a DM", "relative"],
      ["The widow of a patient I cared for added me on Facebook", "relative"],
      ["A patient’s NOK texted me", "relative"],
      ["A patient DM'd me on Instagram", "patient"],
      ["One of my patients pinged me on WhatsApp", "patient"],
      ["A nurse I work with added me on Facebook", "colleague"],
      ["My matron follows me on TikTok", "colleague"],
      ["A fellow paramedic keeps messaging me", "colleague"],
      ["I replied to a patient's tweet", "patient"],
      ["I accidentally liked a patient's post", "patient"],
      ["I liked a patients photo on Instagram", "patient"],
      // a thing named after patients, and a patient's words commented on for the press, are no contact
      ["The patient safety lead added me on LinkedIn", undefined],
      ["A reporter asked me to comment on a patient's complaint", undefined],
      // "her boyfriend" in a story is not a patient's relative in touch
      ["A follower DMed me saying her boyfriend hurts her", undefined],
    ]);
  });

  it("reads the person right after adding or following, before a possessive request, and a few words before reaching out", () => {
    reads([
      ["Is it OK to start adding my trainees on Instagram?", "colleague"],
      ["I added a patient on Facebook", "patient"],
      // whose person, as "my" and "our" say: "his", "her", "their", "your"
      ["Should nurses follow their patients back?", "patient"],
      ["She started adding her students on Snapchat", "colleague"],
      // every form of starting to: "will start following me", "is starting messaging me"
      ["One day a patient of mine will start following me", "patient"],
      // contacting, inviting, wanting, becoming friends, and ending the contact
      ["A patient contacted me through Facebook last week", "patient"],
      ["A client messaged and invited me to become her friend", "patient"],
      ["A patient's son kept wanting to follow me", "relative"],
      ["Should a supervisor defriend subordinates?", "colleague"],
      ["How do I decline a patient's friend request?", "patient"],
      ["The physicians' friend requests keep coming", "colleague"],
      ["A former patient I looked after asked to be friends", "patient"],
      // liking, commenting on or reacting to the asker's own posts; not comments on a practice's page
      ["A former patient keeps liking all my Instagram photos", "patient"],
      ["A patient commented on my holiday post", "patient"],
      ["My consultant keeps reacting to my stories", "colleague"],
      ["Patients keep commenting on our practice page", undefined],
      // four words after a request only when the last is a preposition
      ["A friend request on Facebook yesterday from my consultant", "colleague"],
      ["A friend request on Facebook yesterday and my consultant", undefined],
    ]);
  });

  it("reads giving someone your number, and being asked for it, as contact with them", () => {
    reads([
      ["ok to give pts my own mobile for whatsapp?", "patient"],
      ["Should I give my personal number to patients?", "patient"],
      ["A patient asked for my number after his last appointment", "patient"],
      ["I gave my number to a colleague", "colleague"],
      // theirs given to the asker, the asker's shared, or being asked to text or call them
      ["A patient gave me his mobile number", "patient"],
      ["The wife of a patient I nursed left her number for me", "relative"],
      ["I shared my personal number with a patient", "patient"],
      ["A patient asked me to text her", "patient"],
      // a colleague's number, or a call someone asks the asker to make, is no contact with the asker
      ["My colleague gave her number to a patient", undefined],
      ["My manager asked me to call a patient", undefined],
      // not a number given, or not to anyone
      ["give the mobile patients my leaflet", undefined],
      ["my phone number is on the ward board", undefined],
      ["She shared a photo with her patients", undefined],
    ]);
  });

  it("reads a relative named with a describing word, and not the patient whose relative it is", () => {
    reads([
      ["The daughter of one of my elderly patients has sent me a friend request", "relative"],
      ["The son of one of my palliative care patients added me on Facebook", "relative"],
      ["A patient's elderly mother sent me a friend request", "relative"],
      ["My patient's mum's friend request", "relative"],
    ]);
  });

  it("reads a pronoun in touch as the person named last before it, in its sentence or the ones before", () => {
    reads([
      ["One of my patients is lovely. She added me on Facebook", "patient"],
      ["My registrar is brilliant, and he sent me a friend request", "colleague"],
      ["A patient's son was so grateful. Now he wants to follow me on Instagram", "relative"],
      ["A woman on my caseload never answers calls. Can I WhatsApp her instead?", "patient"],
      // the asker's own people, or no one named before it: no counterpart
      ["My mum is lovely. She added me on Facebook", undefined],
      ["She added me on Facebook", undefined],
      // "her" before a noun says whose, and is no one in touch
      ["A patient complained. Her husband added me on Facebook", "relative"],
      // not a husband for "she", nor the owner of a thing for "her"
      [
        "A patient of mine has split up with her husband, and now she has sent me a friend request",
        "patient",
      ],
      ["The registrar on call asked me to photograph a patient's rash and WhatsApp it to her", "colleague"],
      [
        "A former client sent me a recommendation. A colleague said she accepts them. Then he sent a connection request",
        "patient",
      ],
      // a relative "of" a patient is the relative; "one of" is one person, "none of" several
      ["The mother of one of my patients was lovely. She added me on Facebook", "relative"],
      ["None of my colleagues liked the post. She added me on Facebook anyway", undefined],
      ["My colleagues are lovely. She added me on Facebook", undefined],
      // someone who is no counterpart, or things, stand between: the pronoun is no one in touch
      [
        "One of my patients posted a video of me. My sister found it and she sent me a friend request",
        undefined,
      ],
      ["A patient complained online. A journalist saw it and he messaged me", undefined],
      ["Some of my patients wrote me thank-you cards. Can I WhatsApp them to my husband?", undefined],
      // "they" for one person; "from them" after a request is the people it came from
      [
        "My colleagues all said to ignore it. One of my patients found my Instagram and I want to message them",
        "patient",
      ],
      ["Half the town are my patients and I keep getting friend requests from them", "patient"],
      ["A patient was rude. Can I email her manager?", "colleague"],
      // a role after "is" or "I'm" describes someone already named; "they" is the several named before
      ["One of my patients is a nurse. She sent me a friend request on Facebook", "patient"],
      ["My patient is struggling after her surgery. I'm a nurse, can I text her?", "patient"],
      ["My colleagues told me a patient had complained about me. Can I message them about it?", "colleague"],
      // "them" are the things only when they are sent on or shared
      ["My patients wrote me letters. Can I text them to say thanks?", "patient"],
      ["Some patients left me thank you cards and then they added me on Facebook", "patient"],
      // people are added, not the pictures named after them
      [
        "We were sent a list of my co-interns with their pictures. Is it weird to start adding them on Facebook?",
        "colleague",
      ],
    ]);
  });

  it("reads a chat among staff, but not one set up for patients or one of parents, family or friends", () => {
    reads([
      ["Our team WhatsApp group has patient names in it", "colleague"],
      ["our ward whatsapp has patient names in it", "colleague"],
      ["Is a group chat ok for handover?", "colleague"],
      ["We use a Signal group on nights", "colleague"],
      ["Posting in a work chat", "colleague"],
      ["Can I create a WhatsApp group for my patients?", undefined],
      ["The parents' WhatsApp group keeps asking me about inhalers", undefined],
      ["Our family WhatsApp group saw the photo", undefined],
    ]);
  });

  it("reads no one when no contact is named, or the words around a person say no contact", () => {
    reads([
      ["Can I post a photo of the ward?", undefined],
      ["A patient left a bad review about me", undefined],
      ["my whatsapp has patient names in it", undefined],
      ["A friend of a patient told me about a post", undefined],
      ["A patient sent a complaint", undefined],
      ["Patients want to keep their records private", undefined],
      // "nurse" alone is as often the asker ("I'm a nurse") as a colleague
      ["A nurse I supervise sent me a follow request", undefined],
    ]);
  });

  it("reads each contact's own person, and no one when a patient and a colleague are both in touch", () => {
    reads([
      ["I got a friend request from a colleague about a patient", "colleague"],
      ["A colleague sent me a friend request and so did a patient", undefined],
      ["A friend request from a patient's husband", "relative"],
    ]);
  });

  it("reads through quotation marks and brackets", () => {
    reads([
      ['I got a "friend request" from my preceptor', "colleague"],
      ["I got a ‘friend request’ from my preceptor", "colleague"],
      ["a friend request (on Facebook) from my consultant", "colleague"],
    ]);
  });

  it("gives an entry the counterpart enough of its phrasings name, and none on a tie", () => {
    const two = ["A patient added me on Facebook", "Friend request from a patient"];
    expect(entryCounterpart([...two, "Should I accept?"])).toBe("patient");
    // two in sixteen is one in eight; two in seventeen is fewer
    expect(entryCounterpart([...two, ...Array(14).fill("Posting at work")])).toBe("patient");
    expect(entryCounterpart([...two, ...Array(15).fill("Posting at work")])).toBeUndefined();
    expect(
      entryCounterpart([...two, "My consultant added me", "A colleague sent me a friend request"]),
    ).toBeUndefined();
    expect(entryCounterpart(["Posting at work", "Reviews online"])).toBeUndefined();
  });
});

describe("the search index and the question's counterpart", () => {
  const entries = [
    entry("patient-requests", [
      "Should I accept a friend request on Facebook from a patient?",
      "A patient sent me a friend request on Facebook",
      "Friend request from a patient on Facebook, accept or ignore?",
    ]),
    entry("colleague-requests", [
      "Should I add colleagues as friends?",
      "My consultant sent me a friend request",
      "Friend requests from coworkers",
    ]),
    entry("ward-photos", [
      "Can I post ward photos on Facebook?",
      "Ward photos on Facebook after a shift",
      "Pictures of the ward on Facebook",
    ]),
  ];
  const index = new SearchIndex(entries, []);
  const ids = (q: string) => index.search(q, 3).map((h) => h.entry.id);
  const preceptor = "Should I accept a friend request on Facebook from my preceptor?";

  it("puts first the entry about contact with the question's counterpart when the words rank another first", () => {
    expect(index.searchTerms(index.terms(preceptor), 3)[0]?.entry.id).toBe("patient-requests");
    expect(ids(preceptor)[0]).toBe("colleague-requests");
    expect(ids(preceptor)).toContain("patient-requests");
    expect(index.search(preceptor, 3)[0]?.agreement).toBe(1);
  });

  it("keeps the counterparts in a restored index", () => {
    const snapshot = JSON.parse(JSON.stringify(index.snapshot())) as IndexSnapshot;
    const restored = new SearchIndex(entries, [], {}, snapshot);
    expect(restored.search(preceptor, 3)[0]?.entry.id).toBe("colleague-requests");
  });

  it("leaves alone a first entry about no one contact, and the order for a question with no counterpart", () => {
    const q = "Can I post ward photos on Facebook after my preceptor sent me a friend request?";
    const words = index.searchTerms(index.terms(q), 3).map((h) => h.entry.id);
    expect(words[0]).toBe("ward-photos");
    expect(words).toContain("colleague-requests");
    expect(ids(q)).toEqual(words);
    const none = "Should I accept a friend request on Facebook?";
    expect(index.searchTerms(index.terms(none), 3)).toEqual(index.search(none, 3));
  });
});

import { describe, expect, it } from "vitest";
import { readQuestion } from "../src/search/question.js";
import { parts } from "./sentence-parts.js";

describe("reading a question's sentences", () => {
  it("splits off who is asking, at the start of a sentence or as a sentence of its own", () => {
    expect(parts("I'm a student midwife and can I post about a birth?")).toEqual([
      ["I'm a student midwife", "aside"],
      ["can I post about a birth?", "asks"],
    ]);
    expect(parts("As a PGY-2 resident, should I accept a patient's friend request?")).toEqual([
      ["As a PGY-2 resident", "aside"],
      ["should I accept a patient's friend request?", "asks"],
    ]);
    expect(parts("Hi all, I'm a community midwife. Is that ok?")).toEqual([
      ["I'm a community midwife.", "aside"],
      ["Is that ok?", "asks"],
    ]);
    expect(parts("Nurse here. A patient found my TikTok. What now?")).toEqual([
      ["Nurse here.", "aside"],
      ["A patient found my TikTok.", "story"],
      ["What now?", "asks"],
    ]);
  });

  it("reads where and how long someone has worked, their year of study, or their practice, as who is asking", () => {
    for (const who of [
      "I work nights on a surgical ward.",
      "I've been qualified for three years.",
      "I'm in my final year of nursing school.",
      "We're a small rural practice.",
    ])
      expect(parts(`${who} Can I post a photo from work?`)).toEqual([
        [who, "aside"],
        ["Can I post a photo from work?", "asks"],
      ]);
  });

  it("reads a first line that only names a role and where as who is asking, and a line that tells a story as story", () => {
    for (const who of [
      "Paramedic in Halifax.",
      "Dental nurse in Leicester.",
      "PGY-1 in peds in Atlanta.",
      "FY2 in ED on nights at a district general in Wales.",
      "Dentist, 25 years in practice in a small town.",
      "ED nurse practitioner here.",
      "Community pharmacist here, qualified three years.",
      "Paramedic here (NSW).",
      "GP here from Toronto.",
      "For context I'm an RN in Florida.",
      "Background: I'm a dentist.",
      "Asking as a final year med student.",
      "I work as a paramedic for a county service.",
      "Just qualified as an ODP last month!",
      "I’m currently a student nurse.",
      "HCA on a hospice inpatient unit.",
      "I'm a new grad RN on a cardiac floor in Texas.",
      "As a GP in a small rural practice in north Wales.",
      "OT in the UK.",
      "Dietitian in Leeds, NHS community team.",
      "Health visitor in Cornwall.",
    ])
      expect(parts(`${who} A patient found my TikTok. What now?`)[0], who).toEqual([who, "aside"]);
    for (const story of [
      "Nurse at a care home posted a photo of a patient.",
      "Nurse at a care home posts photos of patients.",
      "I'm a nurse at a care home posting photos of patients.",
      "Nurse in charge posting patient photos.",
      "A nurse in Leeds shared a patient's photo.",
      "The nurse in Leeds.",
      "Complaint about a nurse on the ward.",
      "Video of a paramedic at a crash scene.",
      "Nurses posting patient photos on TikTok.",
      "Resident on call, the family filming the ward.",
      "Community pharmacist, and I coach the under-10s.",
      "Patient friend request on Facebook.",
      "Nurse in a very small rural town in the far north of the country where everyone knows everyone.",
      "FY2, want to tweet in support of the strikes.",
      "Staff nurse, thinking of starting a TikTok.",
      "FY2, single, on Hinge.",
      "Night nurse, on Discord a lot.",
    ])
      expect(parts(`${story} What now?`)[0], story).toEqual([story, "story"]);
    // Alone, a role line is the question: "Nurses on TikTok" is searched for, not set aside.
    expect(parts("Nurses on TikTok")).toEqual([["Nurses on TikTok", "asks"]]);
    expect(parts("Throwaway account. Paramedic in Halifax.")[1]).toEqual(["Paramedic in Halifax.", "asks"]);
    // Only as the first line: later, a role and a place are part of the story.
    expect(parts("A patient found my TikTok. Paramedic in Halifax. What now?")[1]).toEqual([
      "Paramedic in Halifax.",
      "story",
    ]);
  });

  it("reads who is asking in brackets as an aside, and other brackets as part of the sentence", () => {
    expect(parts("Can I accept a patient's friend request (I'm a nurse in the UK)?")).toEqual([
      ["I'm a nurse in the UK", "aside"],
      ["Can I accept a patient's friend request?", "asks"],
    ]);
    expect(parts("Can I post the photo (with her consent)?")).toEqual([
      ["Can I post the photo (with her consent)?", "asks"],
    ]);
  });

  it("keeps who is asking out of a keyword search, whose other words all ask", () => {
    expect(parts("I'm a CNA. patient friend request facebook")).toEqual([
      ["I'm a CNA.", "aside"],
      ["patient friend request facebook", "asks"],
    ]);
  });

  it("reads where the writer works and their thanks as asides, and drops forum shorthand", () => {
    expect(
      parts("I work in Leeds. TL;DR: can I accept a patient's friend request? Thanks in advance!"),
    ).toEqual([
      ["I work in Leeds.", "aside"],
      ["can I accept a patient's friend request?", "asks"],
      ["Thanks in advance!", "aside"],
    ]);
    expect(parts("Quick question: gmc social media rules")).toEqual([["gmc social media rules", "asks"]]);
    for (const opening of ["Hi team - ", "Dear Sir/Madam, ", "hey bot, ", "Good morning all: ", "quick q - "])
      expect(parts(`${opening}can I post a ward photo?`), opening).toEqual([
        ["can I post a ward photo?", "asks"],
      ]);
    expect(
      parts("Dear colleague, a patient left a review and I would welcome your advice. Kind regards."),
    ).toEqual([
      ["a patient left a review.", "asks"],
      ["Kind regards.", "aside"],
    ]);
    expect(parts("I would be grateful for advice on giving medical advice online.")).toEqual([
      ["giving medical advice online.", "asks"],
    ]);
    expect(parts("Could you advise on whether I can post it?")).toEqual([["whether I can post it?", "asks"]]);
    expect(parts("I would be interested to know how other GPs manage this.")).toEqual([
      ["how other GPs manage this.", "asks"],
    ]);
    // how the writer feels, said in passing, is dropped too; a feeling that is the subject stays
    expect(parts("not gonna lie the rules keep changing and it's kind of exhausting")).toEqual([
      ["the rules keep changing", "asks"],
    ]);
    expect(parts("Can I post about feeling exhausted after a shift?")).toEqual([
      ["Can I post about feeling exhausted after a shift?", "asks"],
    ]);
    // a greeting word that starts the sentence itself stays
    expect(parts("Hey there is a photo of me online")).toEqual([
      ["Hey there is a photo of me online", "asks"],
    ]);
    expect(parts("Long story short, she posted my photo. What now?")).toEqual([
      ["she posted my photo.", "story"],
      ["What now?", "asks"],
    ]);
    expect(parts("Asking for a friend. Can a nurse be fired for a TikTok?")[0]).toEqual([
      "Asking for a friend.",
      "aside",
    ]);
    expect(parts("Asking for a friend: can a nurse be fired for a TikTok?")).toHaveLength(1);
    expect(
      parts("Throwaway account for obvious reasons. Sorry if this is a dumb question. Can I vent on Reddit?"),
    ).toEqual([
      ["Throwaway account for obvious reasons.", "aside"],
      ["Sorry if this is a dumb question.", "aside"],
      ["Can I vent on Reddit?", "asks"],
    ]);
  });

  it("puts aside a sentence that only says when or where the question came up, not one that says what happened", () => {
    for (const scene of [
      "This came up on a busy night shift last week.",
      "Something cropped up at work today.",
      "So, it happened again on placement this month.",
      "It was a quiet Sunday on the ward.",
      "Last night was so busy!",
      "I was on nights last week.",
    ])
      expect(parts(`${scene} Can I accept a friend request from a patient?`)).toEqual([
        [scene, "aside"],
        ["Can I accept a friend request from a patient?", "asks"],
      ]);
    for (const story of [
      "This came up when a patient messaged me on a night shift.",
      "I was on Facebook last night.",
      "It was a busy shift and a colleague filmed the ward.",
      "This happened to a friend of mine last week.",
    ])
      expect(parts(`${story} Can I accept a friend request from a patient?`)[0]).toEqual([story, "story"]);
  });

  it("puts aside a sentence that only frames the post: how it opens, how to answer, a plea with nothing after it", () => {
    for (const framing of [
      "Bit of background first.",
      "Long-time reader, first post here.",
      "Please don't judge me.",
      "I'll try to keep this short.",
      "I've been going back and forth on this.",
      "Need some advice.",
      "Posting here because I don't know where else.",
    ])
      expect(parts(`${framing} Can I accept a friend request from a patient?`), framing).toEqual([
        [framing, "aside"],
        ["Can I accept a friend request from a patient?", "asks"],
      ]);
    // a plea that says what it is about is not put aside
    expect(parts("Need some advice on a patient's friend request. Can I accept it?")[0]).toEqual([
      "Need some advice on a patient's friend request.",
      "story",
    ]);
  });

  it("puts small talk aside (greetings, pleas, feelings, remarks on the post), unless nothing else is said", () => {
    for (const chatter of [
      "hey everyone hope you're all doing well!",
      "Honestly so confused and stressed lol.",
      "Any input at all would be hugely appreciated!",
      "sorry for typos and the rambling x",
      "Happy Friday everyone!",
      "First time posting, be gentle.",
      "Excuse the typos, on my phone.",
      "Posting on behalf of a friend.",
      "Would love to hear what others think.",
      "Feel free to DM me.",
      "Hope this makes sense.",
      "I’d love to hear people’s experiences.",
    ]) {
      expect(parts(`${chatter}\nCan I accept a friend request from a patient?`)[0], chatter).toEqual([
        chatter,
        "aside",
      ]);
      expect(parts(`Can I accept a friend request from a patient? ${chatter}`)[1], chatter).toEqual([
        chatter,
        "aside",
      ]);
    }
    // alone, it is what is asked; asked outright, or naming anything else, it is not small talk
    expect(parts("tips pls")).toEqual([["tips pls", "asks"]]);
    expect(parts("Any advice? My patient sent me a friend request.")[0]).toEqual(["Any advice?", "asks"]);
    expect(parts("Honestly so stressed about my patient's post. Can I reply?")[0]?.[1]).toBe("story");
    expect(parts("A patient's mum asked for my number. I text her. Is that ok?")[1]).toEqual([
      "I text her.",
      "story",
    ]);
  });

  it("reads a question after a comma as asking, its question mark left off", () => {
    expect(parts("A patient added me on Facebook, can I accept. She went home last week.")).toEqual([
      ["A patient added me on Facebook, can I accept.", "asks"],
      ["She went home last week.", "story"],
    ]);
    // a remark about the post is no aside when a question follows it
    expect(parts("Excuse my English, can I post a patient's x-ray?")).toEqual([
      ["Excuse my English, can I post a patient's x-ray?", "asks"],
    ]);
  });

  it("marks the last sentence of a short post with no question as asking by its place alone", () => {
    const read = readQuestion("A patient added me on Facebook. Feeling awkward about it now.");
    expect(read.map((s) => [s.asking, s.guessed ?? false])).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(readQuestion("A patient added me. Can I accept?").some((s) => s.guessed)).toBe(false);
  });

  it("reads a short post with no question as asking in its last sentence, a longer one as asking throughout", () => {
    expect(parts("This came up when a patient messaged me. patient friend request facebook")).toEqual([
      ["This came up when a patient messaged me.", "story"],
      ["patient friend request facebook", "asks"],
    ]);
    const told =
      "A GP saw a patient's complaint on Facebook. The post named her. Colleagues saw it. The GP sought advice on how to respond.";
    expect(parts(told).every(([, part]) => part === "asks")).toBe(true);
  });

  it("keeps idioms that start like an introduction, and a thank-you that opens a letter, as what they say", () => {
    expect(parts("As a result, my post was shared. Should I delete it?").map(([, part]) => part)).toEqual([
      "story",
      "asks",
    ]);
    expect(
      parts("Thank you for your email about my post. Should I delete it?").map(([, part]) => part),
    ).toEqual(["story", "asks"]);
  });

  it("leaves a sentence that only starts like an introduction whole", () => {
    expect(
      parts("I'm a little worried that my post about a patient went viral and I don't know what to do"),
    ).toEqual([
      ["I'm a little worried that my post about a patient went viral and I don't know what to do", "asks"],
    ]);
  });

  it("reads a knowledge phrasing's introduction as part of it when told to", () => {
    expect(
      parts("I'm a GP and a patient added me on Facebook. Should I accept?", { whoIsAsking: false }),
    ).toEqual([
      ["I'm a GP and a patient added me on Facebook.", "story"],
      ["Should I accept?", "asks"],
    ]);
  });
});

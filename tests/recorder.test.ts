import { describe, expect, it } from "vitest";
import { NO_READINGS, readingsFirst } from "../src/search/readings.js";
import { entryRecorder, recorderIn } from "../src/search/recorder.js";

describe("who takes the photo, video or recording", () => {
  it("reads the clinician's side: the asker, their team or colleague", () => {
    expect(recorderIn("Can I film a patient's seizure for teaching?")).toBe("clinician");
    expect(recorderIn("I'd really like to record my clinics for my trainees")).toBe("clinician");
    expect(recorderIn("am i allowed to take a pic of the x-ray on my phone")).toBe("clinician");
    expect(recorderIn("Is it OK for me to video a home visit?")).toBe("clinician");
    expect(recorderIn("My crewmate keeps filming us between jobs for his vlog")).toBe("clinician");
    expect(recorderIn("We took a group selfie in the sluice")).toBe("clinician");
  });

  it("reads the patient's side: a patient, a relative, a visitor, or the asker filmed", () => {
    expect(recorderIn("A patient's husband secretly recorded the ward round")).toBe("public");
    expect(recorderIn("a visitor is filming the nurses' station on her phone")).toBe("public");
    expect(recorderIn("I was recorded during a home visit without knowing")).toBe("public");
    expect(recorderIn("Someone keeps videoing me at the pharmacy counter")).toBe("public");
    expect(recorderIn("Should I let the patient's mum record the appointment?")).toBe("public");
    // the one who records named a clause earlier: "... is unhappy and keeps filming"
    expect(recorderIn("The son is angry about the wait and keeps filming the nurses on his phone")).toBe(
      "public",
    );
    expect(recorderIn("The patient was upset and I filmed the wound for the notes")).toBe("clinician");
    // curly apostrophes and contractions read as straight ones and full forms
    expect(recorderIn("I’d like to record my clinics for teaching")).toBe("clinician");
    expect(recorderIn("I'll film the dressing change for the notes")).toBe("clinician");
    expect(recorderIn("We've been recorded at reception without knowing")).toBe("public");
    // filmed by a colleague is not the public filming
    expect(recorderIn("I was filmed by a colleague on a night shift")).toBeUndefined();
  });

  it("reads nothing from quoted words, an apostrophe in a word, or both sides at once", () => {
    // the first person inside quotation marks is the speaker's, not the asker's
    expect(recorderIn("He said 'you don't mind if I record this?' and I froze")).toBeUndefined();
    expect(recorderIn('She commented "I filmed the whole thing" under the post')).toBeUndefined();
    // "said I could" is the patient agreeing, not recording
    expect(recorderIn("A patient said I could film her dressing change")).toBe("clinician");
    expect(recorderIn("I recorded the patient after he recorded me")).toBeUndefined();
    expect(recorderIn("Can I accept a friend request from a patient?")).toBeUndefined();
  });

  it("gives an entry a side only when several of its phrasings say it, mostly that one", () => {
    const filmed = ["A patient filmed me", "Relative recording the consultation", "I was filmed at work"];
    expect(entryRecorder(filmed)).toBe("public");
    expect(entryRecorder(filmed.slice(0, 2))).toBeUndefined();
    expect(entryRecorder([...filmed, "Can I film on the ward?"])).toBe("public");
    expect(entryRecorder([...filmed, "Can I film?", "I recorded it", "We filmed"])).toBeUndefined();
  });
});

describe("the ranking by who records", () => {
  const items = [
    { entry: { title: "Patients recording consultations" }, recorder: "public" as const },
    { entry: { title: "Filming at work" }, recorder: "clinician" as const },
    { entry: { title: "Group chats" } },
  ];

  it("puts first the entry within reach whose side is the question's, and leaves it when no side is read", () => {
    const clinician = { ...NO_READINGS, recorder: () => "clinician" as const };
    expect(readingsFirst([0, 1, 2], items, clinician, 3)).toEqual([1, 0, 2]);
    expect(readingsFirst([0, 2, 1], items, clinician, 2)).toEqual([0, 2, 1]);
    expect(readingsFirst([0, 1, 2], items, NO_READINGS, 3)).toEqual([0, 1, 2]);
    const outside = { ...NO_READINGS, recorder: () => "public" as const };
    expect(readingsFirst([0, 1, 2], items, outside, 3)).toEqual([0, 1, 2]);
  });

  it("moves it over an entry of no side too, unlike the other readings", () => {
    const clinician = { ...NO_READINGS, recorder: () => "clinician" as const };
    expect(readingsFirst([2, 0, 1], items, clinician, 3)).toEqual([1, 2, 0]);
    const photos = [
      { entry: { title: "Group chats" } },
      { entry: { title: "Ward selfies" }, depicts: "staff" as const },
    ];
    const staff = { ...NO_READINGS, depicted: () => "staff" as const };
    expect(readingsFirst([0, 1], photos, staff, 2)).toEqual([0, 1]);
  });
});

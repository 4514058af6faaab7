import { describe, expect, it } from "vitest";
import { entryOpinion, opinionIn } from "../src/search/opinion.js";
import { entryMedicineAct, medicineActIn } from "../src/search/prescribing.js";
import { NO_READINGS, readingsFirst } from "../src/search/readings.js";

describe("what a view posted online is about", () => {
  it("reads a health claim or politics, and nothing when it names both or neither", () => {
    expect(opinionIn("A nurse on my ward posts that the MMR jab causes autism")).toBe("health");
    expect(opinionIn("Could I be struck off for posting anti-vax videos?")).toBe("health");
    expect(opinionIn("Can I post about the election as a GP?")).toBe("politics");
    expect(opinionIn("Sharing my religious views on Facebook")).toBe("politics");
    expect(opinionIn("A Labour Party leader's vaccine policy")).toBeUndefined();
    expect(opinionIn("Can I accept a friend request from a patient?")).toBeUndefined();
    expect(opinionIn("Can I post photos from the staff Christmas party?")).toBeUndefined();
    expect(
      opinionIn("A patient thanked me online for the conservative management of her back pain"),
    ).toBeUndefined();
  });

  it("gives an entry a subject only when a good share of its phrasings name it", () => {
    const health = ["Posting that vaccines are unsafe", "Anti-vax posts", "COVID claims online", "Is it OK?"];
    expect(entryOpinion(health)).toBe("health");
    expect(entryOpinion([...health, ...Array(12).fill("Can I post a photo?")])).toBeUndefined();
  });
});

describe("what a question about a medicine asks of the clinician", () => {
  it("reads a request to prescribe for someone, or promoting a product", () => {
    expect(medicineActIn("A follower asked if I could prescribe her antibiotics")).toBe("prescribe");
    expect(medicineActIn("someone from the gym wants me to write him a script for ozempic")).toBe(
      "prescribe",
    );
    expect(medicineActIn("can you just call in some tablets for me")).toBe("prescribe");
    expect(medicineActIn("A drug rep wants me to promote their inhaler on Instagram")).toBe("promote");
    expect(medicineActIn("Can I post about a weight-loss injection I prescribe?")).toBeUndefined();
    expect(
      medicineActIn("My manager asked me to write a script for our practice YouTube video"),
    ).toBeUndefined();
    expect(medicineActIn("Can I call in a favour from a colleague to share my post?")).toBeUndefined();
  });

  it("gives an entry an act only when a good share of its phrasings say it", () => {
    const asked = [
      "A stranger asked me to prescribe for her",
      "Can I write him a script?",
      "Send a prescription to a follower?",
    ];
    expect(entryMedicineAct(asked)).toBe("prescribe");
    expect(entryMedicineAct(asked.slice(0, 2))).toBeUndefined();
  });
});

describe("the ranking by these readings", () => {
  const items = [
    { entry: { title: "Personal opinions" }, opinion: "politics" as const },
    { entry: { title: "Promoting medicines" }, medicine: "promote" as const },
    { entry: { title: "Misinformation and discipline" }, opinion: "health" as const },
    { entry: { title: "Prescribing online" }, medicine: "prescribe" as const },
  ];

  it("puts first the entry within reach whose subject or act is the question's", () => {
    const health = { ...NO_READINGS, opinion: () => "health" as const };
    expect(readingsFirst([0, 2, 1], items, health, 3)).toEqual([2, 0, 1]);
    const prescribe = { ...NO_READINGS, medicine: () => "prescribe" as const };
    expect(readingsFirst([1, 0, 3], items, prescribe, 3)).toEqual([3, 1, 0]);
  });

  it("leaves the ranking alone when the question reads neither, or the entry is out of reach", () => {
    expect(readingsFirst([0, 2, 1], items, NO_READINGS, 3)).toEqual([0, 2, 1]);
    const health = { ...NO_READINGS, opinion: () => "health" as const };
    expect(readingsFirst([0, 1, 3, 2], items, health, 3)).toEqual([0, 1, 3, 2]);
  });
});

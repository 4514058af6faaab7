import { describe, expect, it } from "vitest";
import { createGuide, loadKnowledge } from "../src/index.js";
import { KNOWLEDGE_DIR } from "./helpers.js";

// The words clinicians use, read as the entries mean them. These run on the shipped knowledge on
// purpose: they test what the engine makes of it; the questions are written for these tests.
const guide = createGuide(loadKnowledge(KNOWLEDGE_DIR));
const top = (q: string) => {
  const reply = guide.ask(q);
  return reply.kind === "answer" ? reply.entry.id : undefined;
};

describe("the words clinicians use", () => {
  it("reads chat's short spellings as the words they stand for", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    for (const [short, word] of [
      ["a patient msged me", "a patient messaged me"],
      ["can I txt a patient", "can I text a patient"],
      ["filming a vid in the hosp", "filming a video in the hospital"],
      ["a spon post about our convo", "a sponsored post about our conversation"],
    ] as const)
      expect(stems(short), short).toEqual(stems(word));
    // shorthand that says nothing is no word of the question ("prolly" is not "trolls")
    expect(stems("prolly fine tbh fyi")).toEqual(stems("fine"));
    // nor is an interjection, which the engine had read as a rare and telling word
    expect(stems("oh no ugh yikes, I posted a patient's name")).toEqual(stems("I posted a patient's name"));
  });

  it("reads being fired, sacked or written up as discipline at work, and a fire department as a fire", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    const [discipline] = stems("discipline");
    for (const q of [
      "Can I be fired for this?",
      "could my trust sack me",
      "I got written up by my manager",
      "can they fire us for that?",
      "will the practice sack her",
      "could she lose her job over it",
    ])
      expect(stems(q), q).toContain(discipline);
    expect(stems("I volunteer with the fire department")).not.toContain(discipline);
    expect(top("could my employer sack me over a tweet about our staffing levels")).toBe(
      "criticising-employer",
    );
  });

  it("reads asking for a script as asking for a prescription, and a video's script as a script", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    const [prescribe] = stems("prescribe");
    expect(stems("a follower asked if I'd send him a script")).toContain(prescribe);
    expect(stems("a guy on reddit wants me to sort him a script")).toContain(prescribe);
    expect(stems("I'm writing a script for my TikTok video")).not.toContain(prescribe);
  });

  it("reads other countries' regulators and defence organisations as the ones the entries name", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    expect(stems("NMBA")).toEqual(stems("regulator"));
    expect(stems("the College of Nurses")).toEqual(stems("college"));
    expect(stems("Avant")).toEqual(stems("indemnity provider"));
    // and their own words for a unit's manager, a mother, their country
    expect(stems("my NUM")).toEqual(stems("my manager"));
    expect(stems("the CNM2")).toEqual(stems("the manager"));
    expect(stems("a patient's mam")).toEqual(stems("a patient's mum"));
    expect(stems("NZ")).toEqual(stems("New Zealand"));
    expect(stems("could I lose my rego over this")).toEqual(stems("could I lose my pin over this"));
  });

  it("reads platforms, apps and incidents the entries never name as the kind they are", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    expect(stems("Grindr")).toEqual(stems("dating app"));
    expect(stems("Viber")).toEqual(stems("WhatsApp"));
    expect(stems("Twitch")).toEqual(stems("Instagram"));
    expect(top("I matched with a patient on Grindr, can we meet up?")).toBe("dating-apps");
    // "my rep" is my reputation, a pharma rep is not
    expect(stems("I'm worried about my rep")).toContain(stems("reputation")[0]);
    expect(stems("a pharma rep asked me")).not.toContain(stems("reputation")[0]);
    // a plan told in plain words is a risk; "the States" is the USA
    const [suicidal] = stems("suicidal");
    expect(stems("an ex patient messaged me that she has been saving up her tablets")).toContain(suicidal);
    expect(stems("I just moved to the States")).toContain(stems("usa")[0]);
    // what leaks has been disclosed; a smear campaign is defamation
    expect(stems("it leaked")).toEqual(stems("it was a breach"));
    expect(stems("a smear campaign")).toEqual(stems("defamatory"));
  });

  it("reads removing a tag as untagging, not as removing a patient or a post", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    const [untag] = stems("untag");
    expect(stems("My colleague tagged me in a photo from the ward. How do I remove the tag?")).toContain(
      untag,
    );
    expect(top("My colleague tagged me in a photo from the ward. How do I remove the tag?")).not.toBe(
      "ending-care-after-abuse",
    );
  });

  it("reads Dr used as a title as the title, not as one more word for a doctor", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    const [title] = stems("title");
    for (const q of ["is it ok to call myself Dr on tiktok as a dentist", "can I have Dr in my bio"])
      expect(stems(q), q).toContain(title);
    expect(stems("my dr said no"), "a doctor").not.toContain(title);
    expect(top("I have a PhD, am I allowed to call myself Dr on Instagram?")).toBe("honest-credentials");
  });

  it("reads everyday names for what the entries speak of", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    const reads = (said: string, meant: string) => expect(stems(said), said).toEqual(stems(meant));
    reads("worried about domestic abuse", "worried about safeguarding");
    reads("someone else's meme", "copyright");
    reads("can he record the appt", "can he record the appointment");
    reads("my patient passed away", "my patient died");
    // said plainly, wanting to die is the risk the entry on a message that shows it answers
    expect(top("A patient posted on Twitter that he's going to kill himself tonight and tagged me")).toBe(
      "risk-in-a-message",
    );
    reads("she says she has nothing to live for", "she says she is suicidal");
    reads("he doesn't see the point anymore", "he is suicidal");
    reads("a follower says she has taken an overdose", "a follower says she is suicidal");
    // in a message the clinician reports, a wish to sleep for good is risk, even in the first person
    reads("she wants to go to sleep and never wake up", "she wants to go to suicidal");
    reads("he messaged me: I don't see the point anymore", "he messaged me: I am suicidal");
    expect(
      top("The family were told he may never wake up, can I post about his case without his name?"),
    ).not.toBe("risk-in-a-message");
    reads("making tiktoks", "making videos");
    reads("replying to antivaxxers", "replying to anti-vaxxers");
    reads("my mgr messaged me", "my manager messaged me");
    // searching one's own name is watching one's presence; others searched for are looked up
    reads("should I google my name", "should I google myself");
    reads(
      "how do I keep an eye on what patients say about me",
      "how do I google myself what patients say about me",
    );
    reads("she has been whatsapping patients", "she has been using whatsapp with patients");
    // typed without its apostrophe, a contraction reads as "dont" always has
    reads("she didnt reply and theyre ignoring it, am I overreacting", "she dont reply, ignoring it");
    reads("one of my nurses posted", "colleague posted");
    reads("I swiped right on a patient", "I matched on a patient");
    reads("the press called", "journalist called");
    reads("can I use the title Dr", "can I title");
    // a threat to the clinician is one to their safety; a threat of a bad review stays what it was
    expect(top("a patient keeps threatening me on Facebook")).toBe("doxxing-and-threats");
    expect(top("a patient is threatening me with a one star review unless I prescribe")).toBe(
      "review-threats",
    );
    // abuse aimed at the clinician is still harassment
    expect(stems("a patient abused me online")).toEqual(stems("a patient harassed me online"));
  });

  it("reads a uniform as the scrubs the entries speak of", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    expect(stems("photos of me in my uniform")).toEqual(stems("photos of me in my scrubs"));
    expect(top("I'm a nurse. Can I post pics of myself in uniform on the ward?")).toBe("ward-selfies");
  });

  it("reads hate comments and hate messages as abuse, and hating something as a feeling", () => {
    const stems = (q: string) => guide.explain(q).terms.map((t) => t.stem);
    const [harassment] = stems("harassment");
    for (const q of ["I'm getting hate comments on my TikTok", "people keep sending me hate messages"])
      expect(stems(q), q).toContain(harassment);
    expect(stems("I hate my job")).not.toContain(harassment);
    expect(top("I hate my job")).toBeUndefined();
  });
});

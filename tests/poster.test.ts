import { describe, expect, it } from "vitest";
import { entryPoster, posterIn } from "../src/search/poster.js";
import { NO_READINGS, readingsFirst } from "../src/search/readings.js";

describe("who posted what a question is about", () => {
  it("reads the asker, a colleague, or a patient or their family as the one who posted", () => {
    expect(posterIn("I posted a photo from work and a name was visible")).toBe("self");
    expect(posterIn("We just shared a video of the team on Instagram")).toBe("self");
    expect(posterIn("My coworker posted a picture of an X-ray")).toBe("colleague");
    expect(posterIn("A nurse on my ward has been sharing memes about patients")).toBe("colleague");
    expect(posterIn("A nurse on my ward keeps posting memes about patients")).toBe("colleague");
    expect(posterIn("Another student put up a story from placement")).toBe("colleague");
    expect(posterIn("My preceptor posted a story about a patient")).toBe("colleague");
    expect(posterIn("One of the physios I work with posted a reel from the gym")).toBe("colleague");
    expect(posterIn("A midwife I work with put a video up from the birth centre")).toBe("colleague");
    expect(posterIn("One of my colleagues (we trained together) shared a photo")).toBe("colleague");
    expect(posterIn("My crewmate put a photo up from a job last night")).toBe("colleague");
    expect(posterIn("A patient posted about her surgery on Facebook")).toBe("patient");
    expect(posterIn("Her son shared the photo in a community group")).toBe("patient");
    expect(posterIn("The patient's mum left a review")).toBe("patient");
  });

  it("reads no one when nobody posted, or when more than one did", () => {
    expect(posterIn("Can I accept a friend request from a patient?")).toBeUndefined();
    expect(posterIn("A post about a patient")).toBeUndefined();
    expect(posterIn("One of the visitors on the ward posted a photo")).toBeUndefined();
    expect(posterIn("A patient posted about me and I shared it")).toBeUndefined();
  });

  it("gives an entry a poster only when most of its phrasings that name one name the same", () => {
    const mine = ["I posted a case", "I shared a photo", "I tweeted about a shift", "Can I post?"];
    expect(entryPoster(mine)).toBe("self");
    expect(entryPoster(mine.slice(0, 2))).toBeUndefined();
    expect(entryPoster([...mine, "A colleague posted a case", "My coworker shared a photo"])).toBeUndefined();
  });
});

describe("the ranking by who posted", () => {
  const items = [
    { entry: { title: "You posted something that identifies a patient" }, poster: "self" as const },
    { entry: { title: "A colleague posted something unprofessional" }, poster: "colleague" as const },
    { entry: { title: "Something else" } },
  ];
  const colleague = { ...NO_READINGS, poster: () => "colleague" as const };

  it("puts first the entry within reach whose poster is the question's", () => {
    expect(readingsFirst([0, 1, 2], items, colleague, 3)).toEqual([1, 0, 2]);
    expect(readingsFirst([0, 2, 1], items, colleague, 2)).toEqual([0, 2, 1]);
  });

  it("leaves the ranking alone when the question names no poster or the first entry has none", () => {
    expect(readingsFirst([0, 1, 2], items, NO_READINGS, 3)).toEqual([0, 1, 2]);
    expect(readingsFirst([2, 0, 1], items, colleague, 3)).toEqual([2, 0, 1]);
  });
});

import { describe, expect, it } from "vitest";
import { cutQuestion, MAX_QUESTION_CHARS, normalise, QUESTION_HEAD_CHARS } from "../src/search/normalise.js";

describe("normalise", () => {
  it("lowercases and strips punctuation", () => {
    expect(normalise("How do I… keep BOUNDARIES?!")).toBe("how do i keep boundaries");
  });

  it("drops Slack mention, channel and broadcast tokens", () => {
    expect(normalise("<@U012AB3CD> <!here> see <#C123|general> ok")).toBe("see ok");
  });

  it("keeps a Slack link's label but not its URL", () => {
    expect(normalise("read <https://example.org/x|the guidance> now")).toBe("read the guidance now");
  });

  it("drops Discord user, role, channel and emoji tokens", () => {
    expect(normalise("<@123456789> <@!42> <@&77> <#99> <:wave:123> <a:dance:456> hi")).toBe("hi");
  });

  it("drops an emoji's leftover marks and the trade mark sign, which read as words; keeps a letter's accent", () => {
    const plain = normalise("can I friend a patient");
    for (const end of [" 👩‍⚕️", " ❤️", " ☺️", "™", " ℠", " ℹ️", " Ⓜ️", " 🈷️", " ㊗️"])
      expect(normalise(`can I friend a patient${end}`)).toBe(plain);
    expect(normalise("step 1️⃣")).toBe("step 1");
    expect(normalise("café cafe\u0301 naïve")).toBe("café café naïve");
  });

  it("drops emoji shortcodes, but not a time", () => {
    expect(normalise("posted it :grimacing: :+1::skin-tone-2: :sweat_smile: help")).toBe("posted it help");
    expect(normalise("at 10:30:15 today")).toBe("at 10 30 15 today");
    expect(normalise("Re:Facebook: my post")).toBe("re facebook my post");
  });

  it("reads every run of spaces and punctuation as one space, and expands every word with an apostrophe", () => {
    expect(normalise("wait , what ?")).toBe("wait what");
    expect(normalise("a  b")).toBe("a b");
    expect(normalise("x -- y")).toBe("x y");
    expect(normalise(" she's  here ")).toBe("she here");
    expect(normalise("don't stop,don't")).toBe("do not stop do not");
    expect(normalise("rock 'n' roll's 'tis")).toBe("rock n roll tis");
    expect(normalise("it's' ok")).toBe("its ok");
    expect(normalise("I'm sure they'd've gone")).toBe("i am sure theyd have gone");
  });

  it("drops bare URLs", () => {
    expect(normalise("see https://gmc-uk.org/x?y=1 and www.bma.org.uk too")).toBe("see and too");
  });

  it("expands contractions, with straight or curly apostrophes", () => {
    expect(normalise("I can't, I shouldn’t, I'm sure it's fine")).toBe(
      "i can not i should not i am sure it fine",
    );
  });

  it("reads US in capitals as the country and us in lower case as the pronoun", () => {
    expect(normalise("What are the US rules? U.S. law, USA")).toBe("what are the usa rules usa law usa");
    expect(normalise("tell us about it, US")).toBe("tell us about it usa");
  });

  it("replaces control characters", () => {
    expect(normalise("a\u0000b\u0007c\td")).toBe("a b c d");
  });

  it("reads compatibility forms as their plain letters, in a text that is not all ASCII", () => {
    expect(normalise("ﬁnd my ＦＢ page")).toBe("find my fb page");
  });

  it("leaves words one space apart when a contraction or a stray apostrophe goes", () => {
    expect(normalise("the patient 's ' notes, she'd ' go")).toBe("the patient notes she would go");
    expect(normalise("line one\nline\ttwo\r\n")).toBe("line one line two");
  });

  it("keeps letters of other languages", () => {
    expect(normalise("Médecin: réseaux sociaux?")).toBe("médecin réseaux sociaux");
  });
});

describe("cutQuestion", () => {
  it("leaves a short question alone", () => {
    expect(cutQuestion("hello")).toEqual({ text: "hello", truncated: false });
  });

  it("cuts a long question at the documented limit without splitting an emoji", () => {
    const cut = cutQuestion("😀".repeat(MAX_QUESTION_CHARS + 10));
    expect(cut.truncated).toBe(true);
    expect(Array.from(cut.text)).toHaveLength(MAX_QUESTION_CHARS);
    expect(cut.text.endsWith("😀")).toBe(true);
  });

  it("keeps the beginning and the end of a long post, in whole words and the end from a sentence", () => {
    const story = "We had a long night on the ward and everyone was tired after it. ".repeat(40);
    const text = `I am a staff nurse. ${story}Can I accept a friend request from a patient?`;
    const cut = cutQuestion(text);
    expect(cut.truncated).toBe(true);
    expect(Array.from(cut.text).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(cut.text.startsWith("I am a staff nurse. We had")).toBe(true);
    expect(cut.text.endsWith("Can I accept a friend request from a patient?")).toBe(true);
    const [head = "", tail = ""] = cut.text.split("\n…\n");
    expect(Array.from(head).length).toBeLessThanOrEqual(QUESTION_HEAD_CHARS);
    expect(text.startsWith(head) && /\s/.test(text.charAt(head.length))).toBe(true);
    expect(tail.startsWith("We had a long night")).toBe(true);
  });
});

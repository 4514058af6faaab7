import { describe, expect, it } from "vitest";
import { findIdentifiers, GUARD_SCAN_CHARS, redact } from "../src/guard/identifiers.js";
import {
  createGuide,
  InFlight,
  LogPolicy,
  loadKnowledge,
  RateLimiter,
  type Reply,
  settlesWithin,
} from "../src/index.js";
import { storageBackends } from "./backends.js";
import { FIXTURE_DIR, settle } from "./helpers.js";

const guide = createGuide(loadKnowledge(FIXTURE_DIR));
const kinds = (text: string) => findIdentifiers(text).map((f) => f.kind);

describe("the patient-data guard", () => {
  it.each([
    ["my patient John Smith asked", "name"],
    ["Mrs Patel wants to follow me", "name"],
    ["a patient named maria", "name"],
    ["a patient called Maria Lopez", "name"],
    ["my patient Fred texted me", "name"],
    ["Dave, 52, posted a review", "name"],
    ["DOB 14/02/1987", "date"],
    ["admitted on 3 March", "date"],
    ["scan from 2024-03-12", "date"],
    ["admitted 25/12 with chest pain", "date"],
    ["a 94 year old man", "age"],
    ["call 07700 900123", "phone"],
    ["ring +1 (416) 555-0199", "phone"],
    ["mail jane.doe@example.com", "email"],
    ["write to jane at gmail dot com", "email"],
    ["MRN 00482913", "id-number"],
    ["NHS number 943 476 5919", "id-number"],
    ["SSN 078-05-1120", "id-number"],
    ["plate AB12 CDE", "id-number"],
    ["lives at 221B Baker Street", "address"],
    ["postcode SW1A 1AA", "postcode"],
    ["Beverly Hills CA 90210", "postcode"],
    ["Ottawa K1A 0B1", "postcode"],
    ["see https://facebook.com/jsmith", "url"],
    ["see https://nhs.uk.example.com/jsmith", "url"],
    ["from 192.168.1.20", "ip-address"],
    ["her instagram @jess.runs.92", "handle"],
  ])("finds %j", (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    "5 tips for doctors",
    "GMC 2024 guidance",
    "a 2019 study",
    "I'm on call 24/7",
    "my patients in general",
    "the GMC guidance came into force on 30 January 2024",
    "AMA Opinion 2.3.2",
    "34.5% of physicians",
    "call 111 or 999",
    "an 89-year-old patient",
    "@everyone please read this",
    "<@U12345> can I post this",
    "in May I started posting",
    "a troll called me a shill",
    "can I share https://www.nhs.uk/conditions/measles/",
    "a paper at https://doi.org/10.1136/bmj.n71",
    "my post was called out",
    // a platform made a verb is no name, however it is capitalised
    "A patient DMed me last night",
    "my patient WhatsApped me",
    "a patient FaceTimed me after discharge",
    "a patient Snapchatted me a photo",
  ])("leaves %j alone", (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });

  it("redacts every finding, keeping the rest", () => {
    expect(redact("Mrs Patel (07700 900123) emailed me from a@b.com")).toBe(
      "[name] ([phone]) emailed me from [email]",
    );
  });

  it("withholds a flagged question, says what looked identifying and why, and still answers", () => {
    const reply = guide.ask("my patient Aisha Khan (DOB 01/02/1990) sent me a friend request on facebook");
    expect(reply.flags).toEqual(["patient-identifiers"]);
    expect(reply.question).toBe("");
    expect(reply.notice).toContain("a patient's name and a date more precise than a year");
    // three or more kinds, one with commas of its own, are kept apart
    const two = guide.ask("a patient with DOB 01/02/1990, MRN 00482913, added me on facebook");
    expect(two.notice).toContain(
      "(a date more precise than a year; and a record, account, insurance or other ID number)",
    );
    const three = guide.ask("patient Aisha Khan, DOB 01/02/1990, MRN 00482913, added me on facebook");
    expect(three.notice).toContain(
      "(a patient's name; a date more precise than a year; and a record, account, insurance or other ID number)",
    );
    expect(reply.notice).toContain("HIPAA");
    expect(JSON.stringify(reply)).not.toMatch(/Aisha|Khan|1990/);
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
  });

  it("leads a flagged question's notice into the guidance only when an answer follows it", () => {
    const answered = guide.ask("my patient Aisha Khan sent me a friend request on facebook");
    expect(answered.kind).toBe("answer");
    expect(answered.notice).toMatch(/Here is the general guidance:$/);
    const declined = guide.ask("my patient Aisha Khan asked me what dose of paracetamol to take");
    expect(declined.kind).toBe("no-answer");
    expect(declined.notice).toContain("HIPAA");
    expect(declined.notice).not.toContain("Here is the general guidance");
  });

  it("reads a long message's first and last GUARD_SCAN_CHARS, where the engine reads it, and not its middle", () => {
    const phone = "call 07700 900123";
    // words, then the phone number ending `end` characters into the message
    const endingAt = (end: number) => `${"word ".repeat(end / 5)}${phone}`.slice(-end);
    const words = "word ".repeat((2 * GUARD_SCAN_CHARS) / 5);
    expect(findIdentifiers(endingAt(GUARD_SCAN_CHARS)).map((f) => f.kind)).toEqual(["phone"]);
    // the end of a message of any length, at its place in the message
    const long = `${words}${words}${phone}`;
    const [found] = findIdentifiers(long);
    expect(found?.kind).toBe("phone");
    expect(long.slice(found?.start, found?.end)).toContain("07700 900123");
    expect(redact(long).endsWith("call [phone]")).toBe(true);
    // the beginning and the end, not the middle, which the engine never reads
    expect(findIdentifiers(`${endingAt(GUARD_SCAN_CHARS)} ${words}${phone}`).map((f) => f.kind)).toEqual([
      "phone",
      "phone",
    ]);
    expect(findIdentifiers(`${words}${phone} ${words}`)).toEqual([]);
  });

  it("flags patient details at the end of a question too long to read whole", () => {
    const reply = guide.ask(
      `${"zzqq ".repeat(12_000)}My patient Jane Patterson DOB 12/03/1954 phone 07700 900123.`,
    );
    expect(reply.truncated).toBe(true);
    expect(reply.flags).toEqual(["patient-identifiers"]);
    expect(reply.question).toBe("");
  });

  it("checks past the length limit", () => {
    const reply = guide.ask(`${"friend request ".repeat(100)} call me on 07700 900123`);
    expect(reply.truncated).toBe(true);
    expect(reply.flags).toEqual(["patient-identifiers"]);
    expect(reply.kind === "answer" && reply.entry.id).toBe("friend-requests");
  });
});

describe.each(storageBackends())("what is kept, on $name", (backend) => {
  const unanswered = (question: string): Reply => ({
    kind: "no-answer",
    clarify: false,
    question,
    confidence: 0,
    suggestions: [],
    topics: [],
    truncated: false,
    disclaimer: "",
    flags: [],
  });

  it("stores unanswered questions redacted and counted, flagged questions never", async () => {
    const { feedback: store } = await backend.open(await backend.fresh(), {
      feedbackSalt: "a-test-salt-of-16+",
    });
    await store.recordQuestion(unanswered("How do I  cook RICE"), Date.parse("2026-11-25T10:00:00Z"));
    await store.recordQuestion(unanswered("how do i cook rice"), Date.parse("2026-11-25T11:00:00Z"));
    await store.recordQuestion(unanswered("what did Mrs Patel mean"), Date.parse("2026-11-25T11:00:00Z"));
    const flagged = guide.ask("Mrs Okafor asked me how do I cook rice");
    expect(flagged.kind === "no-answer" && flagged.flags).toEqual(["patient-identifiers"]);
    await store.recordQuestion(flagged, Date.parse("2026-11-25T12:00:00Z"));
    await store.recordQuestion(
      guide.ask("can I accept a friend request from a patient?"),
      Date.parse("2026-11-26T09:00:00Z"),
    );
    const r = await store.report();
    expect(r.unanswered.map((u) => [u.question, u.count])).toEqual([
      ["how do i cook rice", 2],
      ["what did [name] mean", 1],
    ]);
    expect(r.days).toEqual([
      { day: "2026-11-26", asked: 1, answered: 1 },
      { day: "2026-11-25", asked: 4, answered: 0 },
    ]);
  });

  it("counts one vote per person and entry, keeps voters only as salted hashes, and lets people change their mind", async () => {
    const where = await backend.fresh();
    const { feedback: store } = await backend.open(where);
    const vote = { entryId: "challenge-boundaries", platform: "slack" as const, userId: "U1" };
    expect(await store.recordVote({ ...vote, vote: "down" }, 1)).toBe("recorded");
    expect(await store.recordVote({ ...vote, vote: "down" }, 2)).toBe("duplicate");
    expect(await store.recordVote({ ...vote, userId: "U2", vote: "down" }, 3)).toBe("recorded");
    expect(await store.recordVote({ ...vote, userId: "U3", vote: "up" }, 3)).toBe("recorded");
    expect(await store.recordVote({ ...vote, entryId: "overview", vote: "down" }, 4)).toBe("recorded");
    expect(await store.recordVote({ ...vote, entryId: "overview", vote: "up" }, 5)).toBe("recorded");
    expect((await store.report()).disliked).toEqual([{ entryId: "challenge-boundaries", down: 2, up: 1 }]);
    const stored = JSON.stringify(await backend.sql(where, "SELECT * FROM feedback"));
    expect(stored).not.toMatch(/U1|U2|U3/);
    const hash = await store.voterHash("slack", "U1");
    expect(await (await backend.open(where)).feedback.voterHash("slack", "U1")).toBe(hash);
    expect(await (await backend.open(await backend.fresh())).feedback.voterHash("slack", "U1")).not.toBe(
      hash,
    );
  });
});

describe("limits and logs", () => {
  it("limits events per key in a sliding window, with an injected clock", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(limiter.take("a")).toBe(60);
    expect(limiter.take("b")).toBeUndefined();
    now = 30_000;
    expect(limiter.take("a")).toBe(30);
    now = 60_001;
    expect(limiter.take("a")).toBeUndefined();
  });

  it("logs no question text by default, and never a flagged one", () => {
    const quiet = new LogPolicy({ logQuestions: false });
    const loud = new LogPolicy({ logQuestions: true });
    const plain = guide.ask("can I accept a friend request from a patient?");
    const flagged = guide.ask("can I accept a friend request from Mr Jones?");
    expect(quiet.logFields(plain).question).toBeUndefined();
    expect(loud.logFields(plain).question).toBe("can I accept a friend request from a patient?");
    expect(JSON.stringify(loud.logFields(flagged))).not.toContain("Jones");
    expect(loud.logFields(flagged).flagged).toBe(true);
  });
});

describe("shutdown", () => {
  it("waits for work in flight, but not forever", async () => {
    const inFlight = new InFlight();
    let finish = () => {};
    const work = new Promise<void>((resolve) => {
      finish = resolve;
    });
    void inFlight.track(() => work);
    expect(inFlight.size).toBe(1);
    let drained = false;
    const draining = inFlight.drain(2_000).then(() => {
      drained = true;
    });
    await settle();
    expect(drained).toBe(false);
    finish();
    await draining;
    expect(inFlight.size).toBe(0);
    void inFlight.track(() => new Promise(() => undefined));
    const started = Date.now();
    await inFlight.drain(100);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("says whether work settled in time (a tip post shutdown stops waiting for)", async () => {
    expect(await settlesWithin(new Promise(() => undefined), 10)).toBe(false);
    expect(await settlesWithin(Promise.reject(new Error("refused")), 10_000)).toBe(true);
    expect(await settlesWithin(Promise.resolve("posted"), 10_000)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_BODY_BYTES } from "../adapters/slack/receiver.js";
import { RequestVerifier } from "../adapters/slack/verify.js";
import { within } from "./helpers.js";
import { expectPost, FORM, JSON_TYPE, now, slackHttpFixture } from "./slack-http-fixture.js";
import { SLACK_TEST, slackSignature } from "./slack-settings.js";

// Slack's HTTP mode, taking requests: replayed or badly timed signatures, and bodies too big or malformed.

const { secret: SECRET, hooks: HOOKS } = SLACK_TEST;
let hooks = 0;
const { startBot, send, slash, logLine } = slackHttpFixture(() => ++hooks);
const rejections = vi.fn();
/** A bot with the defaults, for the requests it must refuse. */
let plain = "";

beforeAll(async () => {
  process.on("unhandledRejection", rejections);
  plain = (await startBot()).base;
});

afterAll(() => {
  process.off("unhandledRejection", rejections);
});

describe("Slack request signatures", () => {
  it("answers a signed request once and refuses the same request sent again", async () => {
    const [form, ts] = [slash("topics"), now()];
    const posted = expectPost(HOOKS, `/commands/${hooks}`);
    expect((await send(plain, form, FORM, ts)).status).toBe(200);
    expect((await send(plain, form, FORM, ts)).status).toBe(401);
    await within(posted, "the one reply");
    expect(JSON.parse(await logLine("Slack request refused"))).toMatchObject({ reason: "replayed" });
  });

  it("refuses a request replayed to another replica when the replicas share their replay memory", async () => {
    const seen = new Set<string>();
    const shared = {
      first: async (signature: string) => !seen.has(signature) && Boolean(seen.add(signature)),
    };
    const [one, other] = [
      new RequestVerifier(SECRET, Date.now, shared),
      new RequestVerifier(SECRET, Date.now, shared),
    ];
    const body = Buffer.from(slash("topics"));
    const ts = String(now());
    const signature = slackSignature(body.toString(), ts, SECRET);
    expect(await one.check(ts, signature, body)).toBeUndefined();
    expect(await other.check(ts, signature, body)).toBe("replayed");
  });

  it.each([
    ["400 s ahead", () => now() + 400],
    ["a year ahead", () => now() + 365 * 24 * 3600],
    ["Infinity", () => "Infinity"],
    ["a fraction of a second", () => `${now()}.5`],
    ["1700000000.5", () => "1700000000.5"],
  ])("refuses a timestamp %s, even signed", async (_name, ts) => {
    expect((await send(plain, slash("topics"), FORM, ts())).status).toBe(401);
  });
});

/** A button press with no `user`: Bolt answered it with 500. */
const BLOCK_ACTIONS_WITHOUT_USER = new URLSearchParams({
  payload: JSON.stringify({
    type: "block_actions",
    team: { id: "T1" },
    actions: [{ action_id: "smg_vote_up" }],
  }),
}).toString();

describe("Slack request bodies", () => {
  it("refuses a 4 MB unsigned body from its headers, and a signed-looking one past the cap, without reading either", async () => {
    const big = "x".repeat(4 * 1024 * 1024);
    let started = Date.now();
    expect((await within(send(plain, big, FORM, now(), "v0=0"), "401")).status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1_000);
    started = Date.now();
    const looksSigned = `v0=${"0".repeat(64)}`;
    expect((await within(send(plain, big, FORM, now(), looksSigned), "413")).status).toBe(413);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("answers 413 to a body without a length once it passes the cap, without waiting for the rest", async () => {
    // past the cap, then a body that never ends: an answer means the bot stopped reading at the cap
    let chunks = MAX_BODY_BYTES / (64 * 1024) + 1;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        chunks-- > 0 ? controller.enqueue(new Uint8Array(64 * 1024).fill(120)) : new Promise(() => {}),
    });
    const headers = {
      "content-type": FORM,
      "x-slack-request-timestamp": String(now()),
      "x-slack-signature": `v0=${"0".repeat(64)}`,
    };
    const init = { method: "POST", headers, body, duplex: "half" };
    const response = await within(fetch(`${plain}/slack/events`, init as RequestInit), "413");
    expect(response.status).toBe(413);
  });

  it.each([
    ["payload=null", "payload=null", FORM],
    ["a payload that is not JSON", "payload=%7Bnope", FORM],
    ["a JSON null body", "null", JSON_TYPE],
    ["a JSON array body", "[]", JSON_TYPE],
    ["an event without its event", JSON.stringify({ type: "event_callback", team_id: "T1" }), JSON_TYPE],
    ["duplicate text fields", `${slash("topics")}&text=again`, FORM],
    ["a form that is no slash command", "text=hi", FORM],
    ["block_actions without user", BLOCK_ACTIONS_WITHOUT_USER, FORM],
  ])("answers 400 to %s, signed, with no unhandled rejection", async (_name, body, type) => {
    const response = await within(send(plain, body, type), "an answer");
    expect(response.status).toBe(400);
    await logLine("Slack request refused: malformed");
    expect(rejections).not.toHaveBeenCalled();
  });
});

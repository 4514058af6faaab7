import { describe, expect, it } from "vitest";
import { redactSecrets } from "../src/index.js";
import { capturedLogger } from "./helpers.js";

// Made-up secrets shaped like the real ones.
const SLACK_TOKENS = [
  "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv",
  "xoxp-1234567890-0987654321-1122334455-abcdef0123456789",
  "xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef",
];
const DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

describe("secrets in the log", () => {
  it.each([...SLACK_TOKENS, DISCORD_TOKEN])("never writes %s from a message", (token) => {
    const { logger, lines } = capturedLogger();
    logger.error({ code: "invalid_auth" }, `login with ${token} failed`);
    logger.child({ platform: "slack" }).warn(`retrying with ${token}`);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).toContain("[secret]");
    }
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      code: "invalid_auth",
      msg: "login with [secret] failed",
    });
  });

  it("never writes a token field or an authorization header", () => {
    const { logger, lines } = capturedLogger();
    logger.info({ token: SLACK_TOKENS[0], headers: { authorization: `Bot ${DISCORD_TOKEN}` } }, "request");
    logger.info(
      { request: { token: "plain-secret", headers: { authorization: "Bearer plain-secret" } } },
      "nested",
    );
    expect(lines.join("\n")).not.toMatch(/xoxb-|plain-secret|MTIzNDU2/);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      token: "[secret]",
      headers: { authorization: "[secret]" },
    });
  });

  it("leaves text that only resembles a token alone", () => {
    expect(redactSecrets("the xoxb- prefix, a.b.c and version 1.2.3")).toBe(
      "the xoxb- prefix, a.b.c and version 1.2.3",
    );
    expect(redactSecrets(`token ${DISCORD_TOKEN} end`)).toBe("token [secret] end");
  });
});

describe("secrets anywhere in a log line", () => {
  it("redacts a token inside any field, nested or in an error", () => {
    const { logger, lines } = capturedLogger();
    logger.error({ err: `call failed: ${SLACK_TOKENS[0]}`, detail: { list: [DISCORD_TOKEN] } }, "failed");
    logger.error({ err: new Error(`bad token ${SLACK_TOKENS[1]}`) }, "thrown");
    const text = lines.join("\n");
    expect(text).not.toMatch(/xoxb-|xoxp-|MTIzNDU2/);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      err: "call failed: [secret]",
      detail: { list: ["[secret]"] },
    });
    expect(JSON.parse(lines[1] ?? "{}").err.message).toBe("bad token [secret]");
  });
});

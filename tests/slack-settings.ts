import { createHmac } from "node:crypto";

// What the Slack tests share: the test signing secret and the stand-in hosts, the settings for HTTP
// mode and for OAuth, and a slash command's form and its signature as Slack sends them.

/** Slack's v0 signature of `body` sent at timestamp `ts` (a string, to sign malformed timestamps too). */
export function slackSignature(body: string, ts: string | number, secret: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
}

/** The stand-ins Slack tests talk to: a signing secret, and nock's hosts for the Web API and replies. */
export const SLACK_TEST = {
  secret: "test-signing-secret",
  api: "https://slack.test",
  hooks: "https://hooks.slack.test",
} as const;

/** Slack OAuth settings for tests, with the token key written as the test needs it (hex or base64). */
export function slackOAuthSettings(key: Buffer, encoding: "hex" | "base64") {
  return {
    clientId: "111.222",
    clientSecret: "client-secret",
    stateSecret: "a-long-random-state-secret",
    encryptionKey: key.toString(encoding),
  };
}

/** HTTP mode with the test signing secret, the Web API at nock's host. */
export const SLACK_HTTP_CONFIG = {
  botToken: "xoxb-test-token",
  mode: "http",
  signingSecret: SLACK_TEST.secret,
  port: 0,
  apiUrl: `${SLACK_TEST.api}/api`,
} as const;

/** A slash command's form, answered at `responseUrl`. */
export function slashForm(text: string, responseUrl: string, user = "U1"): string {
  return new URLSearchParams({
    team_id: "T1",
    channel_id: "C1",
    user_id: user,
    command: "/socialmedia-guidance",
    text,
    response_url: responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

import { z } from "zod";

/** What a verified request body asks of us. */
export type SlackRequest =
  | { readonly kind: "dispatch"; readonly body: Record<string, unknown> }
  | { readonly kind: "challenge"; readonly challenge: string }
  /** A well-formed envelope nothing listens for (app_rate_limited, ...): acknowledged and dropped. */
  | { readonly kind: "ignore" }
  | { readonly kind: "malformed"; readonly reason: string };

// Only the fields Bolt and our listeners rely on are checked; the rest passes through as Slack sent it.
const command = z.looseObject({ command: z.string(), user_id: z.string(), channel_id: z.string() });
const user = z.looseObject({ id: z.string() });
const interaction = z.looseObject({ type: z.string(), user });
const blockActions = z.looseObject({
  type: z.literal("block_actions"),
  user,
  actions: z.array(z.looseObject({ action_id: z.string() })).min(1),
});
const event = z.looseObject({
  type: z.literal("event_callback"),
  event: z.looseObject({ type: z.string() }),
});
const challenge = z.looseObject({ type: z.literal("url_verification"), challenge: z.string() });
const envelope = z.looseObject({ type: z.string() });

/** The media type of a Content-Type header, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Slack's SSL check: a form with ssl_check=1, answered 200 without signature, as Bolt does. */
export function isSslCheck(type: string, raw: Buffer): boolean {
  return (
    type === "application/x-www-form-urlencoded" &&
    new URLSearchParams(raw.toString()).get("ssl_check") === "1"
  );
}

/**
 * Reads a signed body (a slash command's form, an interaction's `payload=` form, or an Events API JSON
 * envelope) and checks its shape, so that a malformed one is refused with 400 before Bolt sees it.
 */
export function readSlackBody(type: string, raw: Buffer): SlackRequest {
  if (type === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(raw.toString());
    const fields: Record<string, string> = {};
    for (const [name, value] of form) {
      if (name in fields) return malformed(`duplicate field ${name}`);
      fields[name] = value;
    }
    if (fields.payload === undefined)
      return command.safeParse(fields).success ? dispatch(fields) : malformed("not a slash command");
    const payload = parseObject(fields.payload);
    if (!payload) return malformed("payload is not a JSON object");
    const shape = payload.type === "block_actions" ? blockActions : interaction;
    return shape.safeParse(payload).success ? dispatch(payload) : malformed("not an interaction payload");
  }
  if (type === "application/json") {
    const body = parseObject(raw.toString());
    if (!body) return malformed("body is not a JSON object");
    const asked = challenge.safeParse(body);
    if (asked.success) return { kind: "challenge", challenge: asked.data.challenge };
    if (event.safeParse(body).success) return dispatch(body);
    return envelope.safeParse(body).success && body.type !== "event_callback"
      ? { kind: "ignore" }
      : malformed("not an Events API envelope");
  }
  return malformed(`unexpected content type ${type || "(none)"}`);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const dispatch = (body: Record<string, unknown>): SlackRequest => ({ kind: "dispatch", body });
const malformed = (reason: string): SlackRequest => ({ kind: "malformed", reason });

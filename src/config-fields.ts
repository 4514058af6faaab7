import { z } from "zod";

// The shapes of settings, each with one plain sentence for a wrong value (see config.ts).

/** An unset variable, or one left empty in .env, reads as absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** A true-or-false setting, in any case ("TRUE", "False", "yes"), read as its lower-case form. */
export const flag = () =>
  optional(
    z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
      z.enum(["true", "false", "1", "0", "yes", "no"], "must be true or false"),
    ),
  );

export const prefixed = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v.startsWith(prefix), `must be ${what} (it starts with "${prefix}")`);

/** A whole number in a range, with one plain sentence for anything else ("abc", "1.5", "-3"). */
export const wholeNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `must be ${what}, a whole number from ${min} to ${max}` })
    .int(`must be ${what}, a whole number from ${min} to ${max}`)
    .min(min, `must be ${what}, a whole number from ${min} to ${max}`)
    .max(max, `must be ${what}, a whole number from ${min} to ${max}`);

/** "6h", "90m", "1h30m", "45s", "1d", "6 h": a duration in milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i.exec(text.replace(/\s+/g, ""));
  if (!m || !(m[1] || m[2] || m[3] || m[4])) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return (((n(1) * 24 + n(2)) * 60 + n(3)) * 60 + n(4)) * 1000;
}

/** Channel ids separated by commas; a channel's name ("general") is not its id. */
export const channelList = (shape: RegExp, example: string) =>
  z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .refine(
      (ids) => ids.every((id) => shape.test(id)),
      `must be channel ids separated by commas (like ${example}), not channel names`,
    );

/** Mattermost's tokens are 26 letters and digits; allow some room for other builds. */
export const mattermostToken = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{20,64}$/, `must be ${what} (26 letters and digits)`);

/** An app registration's id or tenant in Microsoft Entra: a GUID. */
export const guid = (what: string) =>
  z
    .string()
    .trim()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      `must be ${what}, a GUID like 00000000-0000-0000-0000-000000000000`,
    );

import { z } from "zod";
import { type ConfidenceModel, FEATURES, type Feature } from "../search/confidence.js";

const text = z.string().trim().min(1, "must not be empty");

/** Typographic quotes, as a word processor or a phone types them: not YAML's. */
export const CURLY = /[“”‘’]/;
export const CURLY_QUOTES =
  "“ ” ‘ ’ are not YAML's quotes, and are read as part of the text: type straight ones (\" or ') or none";

/** The longest id of an entry, topic, source or tip. */
export const MAX_ID_LENGTH = 64;
const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    // what was written, said: a word processor's curly quotes ("“negative-reviews”") are part of it
    error: (issue) =>
      `must be lowercase words joined by hyphens, e.g. qa-friend-requests, not ${JSON.stringify(issue.input)}${CURLY.test(String(issue.input)) ? `: ${CURLY_QUOTES}` : ""}`,
  })
  // A button carries the id: Discord's and Teams' hold at most 100 characters, the prefix included.
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters: buttons on Discord and Teams carry it`);

/**
 * A topic named by an entry or a tip: any text here, checked against topics.yaml once every file is
 * read, where the problem can name the topics there are ("Safety" was told to be "lowercase words
 * joined by hyphens, e.g. qa-friend-requests", an entry's id).
 */
const topicRef = text;

/** One entry as a moderator writes it in knowledge/entries/*.yaml. */
export const entrySchema = z.strictObject({
  id,
  title: text,
  topic: topicRef,
  questions: z.array(text).min(1, "needs at least the canonical question"),
  answer: text,
  related: z.array(id).default([]),
  /** For a summary entry: the entries that each treat one of its points. */
  covers: z.array(id).default([]),
  sources: z.array(id).min(1, "needs at least one source"),
});

/** The longest a daily tip may be: one short post. */
export const MAX_TIP_CHARS = 280;

/** One daily tip as a moderator writes it in knowledge/tips.yaml. */
export const tipSchema = z.strictObject({
  id,
  topic: topicRef,
  text: text.refine((t) => t.length <= MAX_TIP_CHARS, {
    error: (issue) => `is ${String(issue.input).length} characters; a tip may have at most ${MAX_TIP_CHARS}`,
  }),
  sources: z.array(id).min(1, "needs at least one source"),
  entry: id,
});

/** knowledge/topics.yaml */
export const topicSchema = z.strictObject({ id, title: text, description: text });

/** knowledge/sources.yaml */
export const sourceSchema = z
  .strictObject({
    id,
    title: text,
    publisher: text,
    year: z.number().int().min(1900).max(2100).optional(),
    /** The year it was last revised, when after `year`: shown beside it ("2011, updated 2024"). */
    updated: z.number().int().min(1900).max(2100).optional(),
    note: text.optional(),
    /**
     * current: in force; replaced: earlier guidance, superseded (name what replaced it in `replacedBy`);
     * provenance: where the project's text started, never shown to users as a source.
     */
    status: z.enum(["current", "replaced", "provenance"]).default("current"),
    replacedBy: id.optional(),
    /** The publisher's own web address, e.g. gmc-uk.org; `url` must be on it. */
    site: text.optional(),
    /** A link to the document on the publisher's own site (never a copy or a mirror). */
    url: z.url({ protocol: /^https?$/, error: "must be a web address starting https://" }).optional(),
  })
  .refine((s) => s.updated === undefined || (s.year !== undefined && s.updated > s.year), {
    path: ["updated"],
    error: "must be a year after the document's `year`",
  });

/** A word as YAML may read it: `false`, `yes` or `24` are still words here. */
const word = z.preprocess((v) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v), text);

/** knowledge/synonyms.yaml */
export const synonymSchema = z.strictObject({ canonical: word, terms: z.array(word).min(1) });

/** knowledge/off-topic.yaml: words that mark a question about something else (platform how-to, pay). */
export const offTopicSchema = z
  .strictObject({
    subject: text,
    terms: z.array(word),
    howToAlone: z.boolean().optional(),
    examples: z.array(text).optional(),
  })
  .refine((g) => g.terms.length > 0 || (g.examples?.length ?? 0) > 0, {
    message: "needs terms, examples or both",
  });

/**
 * knowledge/confidence.json (see ConfidenceModel): the fitted model, checked when the knowledge is read.
 * A feature the model was fitted without weighs 0, so a confidence.json written before a feature was
 * added still loads (and answers as it did) until it is refitted.
 */
export const confidenceModelSchema = z.object({
  weights: z.object(
    Object.fromEntries(FEATURES.map((f) => [f, z.number().default(0)])) as Record<
      Feature,
      z.ZodDefault<z.ZodNumber>
    >,
  ),
  bias: z.number(),
  threshold: z.number().min(0).max(1),
  clarifyMargin: z.number().min(0).max(1),
  fitted: z
    .object({ on: z.array(z.string()), folds: z.number().int(), rows: z.number().int(), date: z.string() })
    .optional(),
}) satisfies z.ZodType<ConfidenceModel>;

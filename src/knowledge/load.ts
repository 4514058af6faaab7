import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { type ConfidenceModel, confidenceModelSchema } from "../search/confidence.js";
import type { Entry, Knowledge, OffTopicGroup, Source, SynonymGroup, Tip, Topic } from "../types.js";
import {
  entrySchema,
  offTopicSchema,
  sourceSchema,
  synonymSchema,
  tipSchema,
  topicSchema,
} from "./schema.js";
import { type Problem, validateCorpus } from "./validate.js";

/** Thrown when the corpus cannot be used; lists every problem found. */
export class KnowledgeError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeError";
  }
}

/** "file: entry: field: message", leaving out the parts that do not apply. */
export function formatProblem(p: Problem): string {
  return `  - ${[p.file, p.entry && `entry "${p.entry}"`, p.field && `field "${p.field}"`, p.message]
    .filter(Boolean)
    .join(": ")}`;
}

/** Loads and validates the corpus in `dir`; throws KnowledgeError naming file, entry and field. */
export function loadKnowledge(dir: string): Knowledge {
  const problems: Problem[] = [];
  const rel = (file: string) => relative(process.cwd(), file) || file;

  function readList<S extends z.ZodType>(file: string, schema: S, what: string): z.infer<S>[] {
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push({ file: rel(file), message: describeReadError(error) });
      return [];
    }
    if (raw == null) return [];
    if (!Array.isArray(raw)) {
      problems.push({ file: rel(file), message: `must be a list of ${what} (each starting with "- ")` });
      return [];
    }
    const out: z.infer<S>[] = [];
    raw.forEach((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) {
        out.push(result.data);
        return;
      }
      const label = labelOf(item, index);
      for (const issue of result.error.issues) {
        problems.push({
          file: rel(file),
          entry: label,
          field: issue.path.join(".") || undefined,
          message: issue.message,
        });
      }
    });
    return out;
  }

  const topics: Topic[] = readList(join(dir, "topics.yaml"), topicSchema, "topics");
  const sources: Source[] = readList(join(dir, "sources.yaml"), sourceSchema, "sources");
  const synonyms: SynonymGroup[] = readList(join(dir, "synonyms.yaml"), synonymSchema, "synonym groups");
  const tips: Tip[] = readList(join(dir, "tips.yaml"), tipSchema, "tips");
  const entries: Entry[] = [];
  const entriesDir = join(dir, "entries");
  let files: string[] = [];
  try {
    files = readdirSync(entriesDir)
      .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
      .sort();
  } catch (error) {
    problems.push({ file: rel(entriesDir), message: describeReadError(error) });
  }
  for (const name of files) {
    const file = join(entriesDir, name);
    for (const e of readList(file, entrySchema, "entries")) entries.push({ ...e, file: rel(file) });
  }

  const offTopicFile = join(dir, "off-topic.yaml");
  const offTopic: OffTopicGroup[] = existsSync(offTopicFile)
    ? readList(offTopicFile, offTopicSchema, "off-topic groups")
    : [];
  const confidence = readConfidence(join(dir, "confidence.json"), rel, problems);
  const knowledge: Knowledge = {
    entries,
    topics,
    sources,
    synonyms,
    tips,
    offTopic,
    ...(confidence ? { confidence } : {}),
  };
  problems.push(...validateCorpus(knowledge, (name) => rel(join(dir, name))));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}

/** The fitted confidence model, when the file exists; a broken one is a problem like any other. */
function readConfidence(
  file: string,
  rel: (f: string) => string,
  problems: Problem[],
): ConfidenceModel | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push({ file: rel(file), message: `cannot be read as JSON: ${(error as Error).message}` });
    return undefined;
  }
  const parsed = confidenceModelSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    problems.push({ file: rel(file), field: issue.path.join(".") || undefined, message: issue.message });
  return undefined;
}

function labelOf(item: unknown, index: number): string {
  if (item && typeof item === "object") {
    const named = (item as Record<string, unknown>).id ?? (item as Record<string, unknown>).canonical;
    if (typeof named === "string" && named.trim()) return named;
  }
  return `#${index + 1}`;
}

function describeReadError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && error.code === "ENOENT") {
    return `file not found (${basename(String((error as { path?: string }).path ?? ""))})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `cannot be read as YAML: ${message.split("\n")[0]}`;
}

import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { isSeq, LineCounter, parseDocument, YAMLParseError } from "yaml";
import type { z } from "zod";
import { shownPath } from "../paths.js";
import type { ConfidenceModel } from "../search/confidence.js";
import type { Entry, Knowledge, OffTopicGroup, Source, SynonymGroup, Tip, Topic } from "../types.js";
import { KnowledgeError } from "./errors.js";
import {
  confidenceModelSchema,
  entrySchema,
  offTopicSchema,
  sourceSchema,
  synonymSchema,
  tipSchema,
  topicSchema,
} from "./schema.js";
import { type Problem, validateCorpus } from "./validate.js";
import { cutByComment, joinedItems, parseProblem } from "./yaml-problems.js";

/** Loads and validates the corpus in `dir`; throws KnowledgeError naming file, entry and field. */
export function loadKnowledge(dir: string): Knowledge {
  const problems: Problem[] = [];
  const rel = shownPath;
  /** A file that could not be read or parsed: cross-references are then not checked (knock-on errors). */
  let unreadable = false;
  /** The line each item read starts on, by the item: its file is known where it is used. */
  const lines = new WeakMap<object, number>();

  // A folder that is not there is one problem, not one for each file it should hold.
  if (!isFolder(dir))
    throw new KnowledgeError([
      {
        file: rel(dir),
        message: existsSync(dir)
          ? "is a file, not the knowledge base's folder: check KNOWLEDGE_DIR"
          : "no such folder: check KNOWLEDGE_DIR (the knowledge base's folder)",
      },
    ]);

  /** `required`: an empty file is a problem (the entries name its topics or sources), said once. */
  function readList<S extends z.ZodType>(
    file: string,
    schema: S,
    what: string,
    required = false,
  ): z.infer<S>[] {
    let raw: unknown;
    let source = "";
    // Where each item of the list starts, for problems that are about a whole item (a duplicate id).
    let itemLines: number[] = [];
    try {
      source = readUtf8(file);
      const lineCounter = new LineCounter();
      const doc = parseDocument(source, { prettyErrors: true, lineCounter });
      if (doc.errors[0]) throw doc.errors[0];
      for (const { line } of joinedItems(doc, source, lineCounter))
        problems.push({
          file: `${rel(file)}:${line}`,
          message:
            'this line starts a new list item but is indented further than the one above, so it was joined to that item: line up its "-" with the others',
        });
      for (const { line } of cutByComment(doc, lineCounter))
        problems.push({
          file: `${rel(file)}:${line}`,
          message:
            'a space and "#" start a YAML comment, so this text was cut short there: put the whole text in double quotes (or, for a comment, put it on a line of its own)',
        });
      raw = doc.toJS();
      if (isSeq(doc.contents))
        itemLines = doc.contents.items.map((node) =>
          node && typeof node === "object" && "range" in node && node.range
            ? lineCounter.linePos(node.range[0]).line
            : 0,
        );
    } catch (error) {
      unreadable = true;
      problems.push(
        error instanceof YAMLParseError
          ? parseProblem(rel(file), source, error)
          : error instanceof NotUtf8Error
            ? { file: `${rel(file)}:${error.line}`, message: error.message }
            : { file: rel(file), message: describeReadError(error) },
      );
      return [];
    }
    if (raw == null) {
      if (required)
        problems.push({
          file: rel(file),
          message: `is empty: it must list the ${what} (each starting with "- ")`,
        });
      return [];
    }
    if (!Array.isArray(raw)) {
      problems.push({ file: rel(file), message: `must be a list of ${what} (each starting with "- ")` });
      return [];
    }
    const out: z.infer<S>[] = [];
    raw.forEach((item, index) => {
      const result = schema.safeParse(item, { reportInput: true });
      if (result.success) {
        out.push(result.data);
        const line = itemLines[index];
        if (line) lines.set(result.data as object, line);
        return;
      }
      const label = labelOf(item, index);
      // at the item's line, as a duplicate id is: "entry #2" in a file of 300 lines was to be counted
      for (const issue of result.error.issues) {
        problems.push({
          file: itemLines[index] ? `${rel(file)}:${itemLines[index]}` : rel(file),
          entry: label,
          field: fieldName(issue.path) || undefined,
          message: plainIssue(issue),
        });
      }
    });
    return out;
  }

  const topics: Topic[] = readList(join(dir, "topics.yaml"), topicSchema, "topics", true);
  const sources: Source[] = readList(join(dir, "sources.yaml"), sourceSchema, "sources", true);
  const synonyms: SynonymGroup[] = readList(join(dir, "synonyms.yaml"), synonymSchema, "synonym groups");
  // An emptied tips.yaml (a save cut short) would stop every channel's daily tip without a word.
  const tips: Tip[] = readList(join(dir, "tips.yaml"), tipSchema, "tips", true);
  const entries: Entry[] = [];
  const entriesDir = join(dir, "entries");
  let files: string[] = [];
  /** What entries/ holds that is not read (another ending, a folder): named when something is amiss. */
  let skipped: string[] = [];
  try {
    ({ files, skipped } = entriesListing(entriesDir));
  } catch (error) {
    unreadable = true;
    problems.push({ file: rel(entriesDir), message: describeReadError(error) });
  }
  for (const name of files) {
    const file = join(entriesDir, name);
    // An emptied entries file (a save cut short) is said as such, not as every link to its entries.
    for (const e of readList(file, entrySchema, "entries", true)) {
      const entry = { ...e, file: rel(file) };
      const line = lines.get(e);
      if (line) lines.set(entry, line);
      entries.push(entry);
    }
  }

  const offTopicFile = join(dir, "off-topic.yaml");
  const offTopic: OffTopicGroup[] = existsSync(offTopicFile)
    ? readList(offTopicFile, offTopicSchema, "off-topic groups")
    : [];
  const confidence = readConfidence(join(dir, "confidence.json"), rel, problems);
  const parts = { entries, topics, sources, synonyms, tips, offTopic };
  const knowledge: Knowledge = { ...parts, ...(confidence ? { confidence } : {}) };
  // Cross-references only once every file has been read and every item fits its schema: otherwise an
  // entry dropped for one mistake makes a dozen "no entry has the id" problems elsewhere.
  const linksChecked = !unreadable && problems.length === 0;
  if (linksChecked)
    problems.push(
      ...validateCorpus(
        knowledge,
        (name) => rel(join(dir, name)),
        (item) => lines.get(item),
      ),
    );
  // An entries file not read ("safety.yaml.txt", "old/") shows only as the ids it held being missing
  // elsewhere: named, as the likely cause, when there are problems (validate names it always).
  if (problems.length > 0 && skipped.length > 0)
    problems.push({
      file: rel(entriesDir),
      message: `also holds what is not read, which may be why: ${skipped.join(", ")} (only files ending in .yaml or .yml, directly in entries/, are read)`,
    });
  if (problems.length > 0) throw new KnowledgeError(problems, linksChecked);
  return knowledge;
}

/**
 * The files of entries/ that are read (ending in .yaml or .yml, in any case: "Safety.YAML" too), and
 * what it holds that is not ("local.yaml.txt", as Notepad saves one; "old/"). Not hidden files: editors
 * and file systems leave them beside the real ones (Emacs's ".#x.yaml" lock, a dangling link; macOS's
 * "._x.yaml"), and they made every load fail.
 */
export function entriesListing(entriesDir: string): { files: string[]; skipped: string[] } {
  const found = readdirSync(entriesDir, { withFileTypes: true }).filter((f) => !f.name.startsWith("."));
  const read = (f: Dirent) => !f.isDirectory() && /\.ya?ml$/i.test(f.name);
  return {
    files: found
      .filter(read)
      .map((f) => f.name)
      .sort(),
    skipped: found
      .filter((f) => !read(f))
      .map((f) => (f.isDirectory() ? `${f.name}/` : f.name))
      .sort(),
  };
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

/** A knowledge file with bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252). */
class NotUtf8Error extends Error {
  constructor(readonly line: number) {
    super(
      "this line has a character that is not UTF-8 (the file was saved in another encoding): save the file as UTF-8",
    );
  }
}

/**
 * A knowledge file's text, which must be UTF-8: read leniently, a stray Latin-1 "é" showed as "�" in
 * answers, and `learn` wrote the "�" back over the original byte. A byte-order mark at the start (some
 * editors save one) is left out, so the YAML reads as it looks.
 */
function readUtf8(file: string): string {
  return decodeUtf8(readFileSync(file));
}

/** A knowledge file's bytes as text (see readUtf8); throws NotUtf8Error naming the line of a bad byte. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const before = new TextDecoder("utf-8").decode(bytes).split("\uFFFD")[0] ?? "";
    throw new NotUtf8Error(before.split("\n").length);
  }
}

function describeReadError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && error.code === "ENOENT") {
    return `file not found (${basename(String((error as { path?: string }).path ?? ""))})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `cannot be read as YAML: ${message.split("\n")[0]}`;
}

/** A field's path as a moderator counts: "questions item 4" (from 1), "sources". */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `item ${p + 1}` : String(p))).join(" ");
}

/** Zod's issue in plain words: a missing field, an unknown one (a misspelling?), the wrong kind of value. */
function plainIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}: check the spelling (see knowledge/README.md for the fields)`;
  if (issue.code === "invalid_type") {
    const expected = { array: 'a list (items starting with "- ")', string: "a text", number: "a number" }[
      String(issue.expected)
    ];
    const input = (issue as { input?: unknown }).input;
    if (input === undefined) return `is missing${expected ? `: expected ${expected}` : ""}`;
    // "- Urgent: someone posted..." reads as a field named "Urgent", not as a text
    if (issue.expected === "string" && input !== null && typeof input === "object" && !Array.isArray(input))
      return 'should be a text: a text with ": " in it must go in double quotes';
    return `should be ${expected ?? String(issue.expected)}`;
  }
  return issue.message;
}

/** True when `dir` is a folder that can be read. */
function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

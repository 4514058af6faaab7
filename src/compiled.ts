import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createGuide, type Guide } from "./guide.js";
import { loadKnowledge } from "./knowledge/load.js";
import { packageRoot } from "./paths.js";
import { type IndexSnapshot, SearchIndex } from "./search/search-index.js";
import type { Knowledge } from "./types.js";

/** Bumped when the compiled file's layout changes, so that an old one is rebuilt, not misread. */
const FORMAT = 1;

/** The knowledge base validated and indexed once, as saved: read back in one go by later runs. */
interface Compiled {
  readonly format: number;
  readonly fingerprint: string;
  readonly knowledge: Knowledge;
  readonly index: IndexSnapshot;
}

/** Where compiled knowledge is kept: the usual cache folder of a Node package. */
export function defaultCacheDir(): string {
  return join(packageRoot(), "node_modules", ".cache", "socialmedia-guidance");
}

/**
 * The guide for the knowledge in `dir`. Reading the YAML, validating it and building the search index
 * take most of a one-shot command's time, so the result is compiled into one JSON file under `cacheDir`
 * and later runs read that instead, for as long as no knowledge file and none of the code that reads
 * them has changed (their sizes and modification times, the fingerprint). A broken knowledge base
 * throws KnowledgeError as loadKnowledge does; a cache that cannot be read or written is only skipped.
 */
export function loadGuide(dir: string, cacheDir: string = defaultCacheDir()): Guide {
  const file = join(cacheDir, `knowledge-${hash(resolve(dir)).slice(0, 16)}.json`);
  const fingerprint = fingerprintOf(dir);
  const cached = readCompiled(file, fingerprint);
  if (cached) {
    try {
      const { entries, synonyms } = cached.knowledge;
      return createGuide(cached.knowledge, { index: new SearchIndex(entries, synonyms, {}, cached.index) });
    } catch {
      // A snapshot that does not fit its entries: build afresh below.
    }
  }
  const knowledge = loadKnowledge(dir);
  const index = new SearchIndex(knowledge.entries, knowledge.synonyms);
  writeCompiled(file, { format: FORMAT, fingerprint, knowledge, index: index.snapshot() });
  return createGuide(knowledge, { index });
}

function readCompiled(file: string, fingerprint: string): Compiled | undefined {
  try {
    const compiled = JSON.parse(readFileSync(file, "utf8")) as Compiled;
    return compiled.format === FORMAT && compiled.fingerprint === fingerprint ? compiled : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so that a run reading it meanwhile never sees half of it. */
function writeCompiled(file: string, compiled: Compiled): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(compiled));
    renameSync(temporary, file);
  } catch {
    // A read-only installation: every run builds the index itself, as it did before compiling.
  }
}

/**
 * What the compiled file depends on: every file of the knowledge folder, and the code that reads and
 * indexes it (this module's own folder's `knowledge/` and `search/`), each by name, size and mtime.
 */
function fingerprintOf(dir: string): string {
  const code = dirname(fileURLToPath(import.meta.url));
  const parts = [FORMAT, ...[dir, join(code, "knowledge"), join(code, "search")].flatMap(filesOf)];
  return hash(parts.join("\n"));
}

function filesOf(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [`${dir}: missing`];
  }
  return names.sort().flatMap((name) => {
    try {
      const s = statSync(join(dir, name));
      return s.isFile() ? [`${name} ${s.size} ${s.mtimeMs}`] : [];
    } catch {
      return [`${name}: gone`];
    }
  });
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

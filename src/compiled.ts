import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fs } from "./builtins.js";
import { defaultCacheDir, filesOf, prune, shortHash, touch, writeAtomically } from "./cache.js";
import { createGuide, type Guide, indexOf } from "./guide.js";
import { shownPath } from "./paths.js";
import { type IndexSnapshot, SearchIndex } from "./search/search-index.js";
import type { Knowledge } from "./types.js";

/** Bumped when the compiled file's layout changes, so that an old one is rebuilt, not misread. */
const FORMAT = 14;

/** How many knowledge folders keep a compiled copy: the ones most recently compiled or read. */
export const KEEP_COMPILED = 8;

/** The file a bundled build starts from (see scripts/bundle.ts). */
export const BUNDLE_ENTRY = "main.js";

/** The folder of the code that reads and indexes the knowledge: part of what a compiled copy depends on. */
const CODE_DIR = dirname(fileURLToPath(import.meta.url));

/** The knowledge base validated and indexed once, as saved: read back in one go by later runs. */
interface Compiled {
  readonly format: number;
  readonly fingerprint: string;
  readonly knowledge: Knowledge;
  readonly index: IndexSnapshot;
}

/**
 * The guide for the knowledge in `dir`. Reading the YAML, validating it and building the search index
 * take most of a one-shot command's time, so the result is compiled into one JSON file under `cacheDir`
 * and later runs read that instead, for as long as no knowledge file and none of the code that reads
 * them has changed (their sizes and modification times, the fingerprint). A broken knowledge base
 * throws KnowledgeError as loadKnowledge does; a cache that cannot be read or written is only skipped.
 * Each copy of the code keeps its own file for a folder (named by both): two builds reading one folder
 * (the built command and the TypeScript source the tests run, or two installations) overwrote each
 * other's file, so each compiled the knowledge again (a second or more) whenever the other had run.
 */
export async function loadGuide(dir: string, cacheDir: string = defaultCacheDir()): Promise<Guide> {
  const file = join(cacheDir, `knowledge-${shortHash(`${resolve(dir)}\n${CODE_DIR}`)}.json`);
  const fingerprint = fingerprintOf(dir);
  const cached = readCompiled(file, fingerprint);
  if (cached) {
    try {
      const knowledge = rebased(cached.knowledge, (f) => shownPath(resolve(dir, f)));
      const { entries, synonyms } = knowledge;
      const guide = createGuide(knowledge, { index: new SearchIndex(entries, synonyms, {}, cached.index) });
      // Pruning keeps the copies in use: the shipped knowledge's, compiled once, outlasts the copies
      // of one-off folders compiled since (a test's), and is not compiled again on the next run.
      touch(file);
      return guide;
    } catch {
      // A snapshot that does not fit its entries: build afresh below.
    }
  }
  // The YAML reader and the validation (yaml, zod) load only when the compiled copy cannot serve.
  const { loadKnowledge } = await import("./knowledge/load.js");
  const knowledge = loadKnowledge(dir);
  const index = indexOf(knowledge);
  // Entries' files are saved relative to the knowledge folder: a later run may start in another folder,
  // and `learn` writes to the file an entry names (it once wrote into a copy of the knowledge there).
  const saved = rebased(knowledge, (f) => relative(resolve(dir), resolve(f)));
  writeAtomically(
    file,
    asciiJson({ format: FORMAT, fingerprint, knowledge: saved, index: index.snapshot() }),
  );
  prune(cacheDir, "knowledge-", KEEP_COMPILED);
  return createGuide(knowledge, { index });
}

/** The knowledge with each entry's file path rewritten by `path`. */
function rebased(knowledge: Knowledge, path: (file: string) => string): Knowledge {
  return { ...knowledge, entries: knowledge.entries.map((e) => ({ ...e, file: path(e.file) })) };
}

function readCompiled(file: string, fingerprint: string): Compiled | undefined {
  try {
    // Written in ASCII alone (see asciiJson), so read as Latin-1: no UTF-8 decoding, and a one-byte
    // string that JSON.parse reads faster.
    const compiled = JSON.parse(fs.readFileSync(file, "latin1")) as Compiled;
    return compiled.format === FORMAT && compiled.fingerprint === fingerprint ? compiled : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the compiled file depends on: every file of the knowledge folder by name, size and mtime, and
 * the code that reads and indexes it (see codeParts).
 */
function fingerprintOf(dir: string): string {
  return [FORMAT, ...filesOf(dir), ...codeParts(CODE_DIR)].join("\n");
}

/**
 * What stands for the code that reads and indexes the knowledge, for the module in `codeDir`: the
 * files of its `knowledge/` and `search/` folders by name, size and mtime where the code runs as
 * written (the TypeScript source, or tsc's output in dist/); where it runs bundled (dist/bundle/, see
 * scripts/bundle.ts), which has no such folders, the bundle's entry file, by its time and by what it
 * says. Every build empties the folder and writes it anew, so the time changes with each; the entry
 * names the chunks it loads by their content's hash, and they the chunks they load, so what it says
 * changes with any change to any chunk, even in a copy that kept old times (cp -p, rsync -a, a
 * package's fixed dates). One look at one small file costs less than one at each of the chunks.
 */
export function codeParts(codeDir: string): string[] {
  const folders = [join(codeDir, "knowledge"), join(codeDir, "search")];
  if (folders.every((folder) => fs.existsSync(folder))) return folders.flatMap(filesOf);
  const entry = join(codeDir, BUNDLE_ENTRY);
  let said: string;
  try {
    said = shortHash(fs.readFileSync(entry, "utf8"));
  } catch {
    said = "unread";
  }
  return [...filesOf(entry), `${entry} says ${said}`];
}

/** JSON with every character past ASCII written as a \uXXXX escape: the same value, read back faster. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

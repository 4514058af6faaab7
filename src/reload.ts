import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { join } from "node:path";
import { createGuide, type Guide } from "./guide.js";
import { formatProblem, KnowledgeError } from "./knowledge/errors.js";
import { loadKnowledge } from "./knowledge/load.js";
import type { Logger } from "./log.js";

/** A guide whose knowledge can be replaced while the bot runs: whoever holds it sees the new one. */
export interface ReloadableGuide {
  readonly guide: Guide;
  replace(next: Guide): void;
}

/** Wraps a guide so that `replace` swaps what every holder of `guide` answers from. */
export function reloadable(initial: Guide): ReloadableGuide {
  let current = initial;
  const guide: Guide = {
    get knowledge() {
      return current.knowledge;
    },
    get urgentEntry() {
      return current.urgentEntry;
    },
    ask: (q) => current.ask(q),
    explain: (q) => current.explain(q),
    assess: (q) => current.assess(q),
    entry: (id) => current.entry(id),
    show: (id) => current.show(id),
    topics: () => current.topics(),
    sourcesOf: (item) => current.sourcesOf(item),
    tips: () => current.tips(),
    complete: (partial, limit) => current.complete(partial, limit),
    randomTip: (random) => current.randomTip(random),
  };
  return {
    guide,
    replace(next) {
      current = next;
    },
  };
}

export interface KnowledgeReloadOptions {
  readonly dir: string;
  readonly target: ReloadableGuide;
  readonly logger: Logger;
  /** Edits arrive as bursts of file events; reload once they have settled this long. */
  readonly settleMs?: number;
  /** Told each outcome as well as the log: the console chat, whose log is silent, says it to the person. */
  readonly onReload?: (outcome: ReloadOutcome) => void;
}

/** How a reload went: the new knowledge's size, or the problems that kept the last good knowledge. */
export type ReloadOutcome =
  | { readonly reloaded: true; readonly entries: number }
  | { readonly reloaded: false; readonly problems: readonly string[] };

/**
 * Reloads the knowledge when a file in `dir` changes, or on SIGHUP: the new files are validated first,
 * and while they are broken the bot keeps answering from the knowledge it has and logs why.
 * Returns the function that stops watching.
 */
export function reloadKnowledgeOnChange(options: KnowledgeReloadOptions): () => void {
  const log = options.logger.child({ component: "knowledge" });
  let timer: NodeJS.Timeout | undefined;
  const reload = (why: string) => {
    try {
      const next = createGuide(loadKnowledge(options.dir));
      options.target.replace(next);
      const k = next.knowledge;
      log.info({ why, entries: k.entries.length, tips: k.tips.length }, "knowledge reloaded");
      options.onReload?.({ reloaded: true, entries: k.entries.length });
    } catch (error) {
      const problems = error instanceof KnowledgeError ? error.problems.map(formatProblem) : [String(error)];
      log.error(
        { why, problems: problems.slice(0, 10), count: problems.length },
        "knowledge not reloaded: the files have problems; still answering from the last good knowledge",
      );
      options.onReload?.({ reloaded: false, problems });
    }
    watchFolders();
  };
  const soon = (why: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => reload(why), options.settleMs ?? 500);
  };
  // Each folder is watched on its own, not the whole tree with `recursive`: on Linux Node follows each
  // file of a recursive watch, and lost one replaced by a rename (an editor's safe save, `sed -i`,
  // `learn --accept`), so that every later edit of it went unseen. A folder's own watch reports any
  // file in it by name, whatever replaced it. A watch follows a folder, not its name, so each is known
  // by its inode too: a folder replaced by another of the same name (a new entries/ moved into place)
  // is watched anew, as are folders made since, from the reload the change causes.
  const watchers = new Map<string, { readonly watcher: FSWatcher; readonly inode: number }>();
  let stopped = false;
  const unwatch = (folder: string) => {
    watchers.get(folder)?.watcher.close();
    watchers.delete(folder);
  };
  const watchFolders = () => {
    if (stopped) return;
    let folders: Map<string, number>;
    try {
      folders = foldersIn(options.dir);
    } catch (error) {
      log.warn({ err: (error as Error).message }, "cannot watch the knowledge folder; reload with SIGHUP");
      return;
    }
    for (const [folder, { inode }] of watchers) if (folders.get(folder) !== inode) unwatch(folder);
    for (const [folder, inode] of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, () => soon("file changed"));
        watcher.on("error", (error) => {
          if (watchers.get(folder)?.watcher === watcher) unwatch(folder);
          log.warn({ folder, err: error.message }, "stopped watching a knowledge folder");
        });
        watchers.set(folder, { watcher, inode });
      } catch (error) {
        log.warn(
          { folder, err: (error as Error).message },
          "cannot watch a knowledge folder; reload with SIGHUP",
        );
      }
    }
  };
  watchFolders();
  const onHup = () => soon("SIGHUP");
  process.on("SIGHUP", onHup);
  return () => {
    stopped = true;
    clearTimeout(timer);
    for (const folder of [...watchers.keys()]) unwatch(folder);
    process.off("SIGHUP", onHup);
  };
}

/** The folder and every folder under it, each with its inode. */
function foldersIn(dir: string): Map<string, number> {
  const under = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(d.parentPath, d.name));
  const folders = new Map<string, number>();
  for (const folder of [dir, ...under]) {
    try {
      folders.set(folder, statSync(folder).ino);
    } catch {
      // gone since it was listed: the change that removed it brings another reload
    }
  }
  return folders;
}

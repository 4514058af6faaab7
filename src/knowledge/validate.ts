import { Analyser } from "../search/analyse.js";
import { normalise } from "../search/normalise.js";
import { STOPWORDS } from "../search/stopwords.js";
import type { Knowledge } from "../types.js";

/** One thing wrong with the corpus, located as precisely as possible. */
export interface Problem {
  readonly file: string;
  readonly entry?: string;
  readonly field?: string;
  readonly message: string;
}

/** True when the address's host is the site or one of its subdomains. */
function onSite(url: string, site: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    const domain = site.toLowerCase().replace(/^www\./, "");
    return host === domain || host.endsWith(`.${domain}`);
  } catch {
    return false;
  }
}

/** Words that tell a reader a cited document is no longer the current guidance. */
const SAYS_REPLACED = /\b(?:earlier|replaced|replacing|superseded|previous)\b/i;
const replacedMessage = (id: string) =>
  `cites "${id}", which sources.yaml marks replaced: say so in the text ("earlier guidance (2011)", "since replaced")`;
const replacedSentenceMessage = (id: string, sentence: string) =>
  `names "${id}", which sources.yaml marks replaced, without saying so in "${sentence.length > 80 ? `${sentence.slice(0, 77)}...` : sentence}": say "earlier" or "since replaced" there`;

/** A text's sentences and list items. */
const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((t) => t.trim())
    .filter(Boolean);

/** How near a document's year must be to its publisher's name for a sentence to be naming it. */
const NAMED_WITHIN = 40;

/**
 * A test for a sentence that names a document: its year within NAMED_WITHIN characters of its
 * publisher's name or initials ("British Medical Association, UK" is "British Medical Association" or
 * "BMA"), so that another paper of the same year, or the publisher's current guidance cited beside
 * it, is not taken for it.
 */
function namesDocument(source: { readonly publisher: string; readonly year?: number | undefined }) {
  if (source.year === undefined) return () => false;
  const name = source.publisher.split(",")[0]?.trim() ?? source.publisher;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
  const quote = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const publisher = new RegExp(`\\b(?:${quote(name)}${initials.length > 1 ? `|${initials}` : ""})\\b`, "g");
  const year = new RegExp(`\\b${source.year}\\b`, "g");
  return (sentence: string) => {
    const spans = (re: RegExp) => [...sentence.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
    const names = spans(publisher);
    return spans(year).some(([ys = 0, ye = 0]) =>
      names.some(([ns = 0, ne = 0]) => ys - ne <= NAMED_WITHIN && ns - ye <= NAMED_WITHIN),
    );
  };
}

/**
 * Cross-reference checks that a single entry's schema cannot see. `fileOf` names a file of the
 * knowledge folder as messages should show it (the folder is wherever KNOWLEDGE_DIR says).
 */
export function validateCorpus(
  k: Knowledge,
  fileOf: (name: string) => string = (name) => `knowledge/${name}`,
  lineOf: (item: object) => number | undefined = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  /** "file:line" of an item, or the file alone when the line is not known. */
  const place = (file: string, item: object) => {
    const line = lineOf(item);
    return line ? `${file}:${line}` : file;
  };
  const ids = new Map<string, string>();
  for (const e of k.entries) {
    const seen = ids.get(e.id);
    if (seen)
      problems.push({
        file: place(e.file, e),
        entry: e.id,
        field: "id",
        message: `duplicate id (also at ${seen})`,
      });
    else ids.set(e.id, place(e.file, e));
  }
  const topicIds = new Set(k.topics.map((t) => t.id));
  const unknownTopic = (topic: string) =>
    `unknown topic "${topic}": the topics are ${[...topicIds].join(", ")} (see topics.yaml)`;
  const sourceIds = new Set(k.sources.map((s) => s.id));
  const provenance = new Set(k.sources.filter((s) => s.status === "provenance").map((s) => s.id));
  const replacedNamed = new Map(
    k.sources.filter((s) => s.status === "replaced").map((s) => [s.id, namesDocument(s)] as const),
  );
  /**
   * A text citing a replaced document without saying so reads as if that guidance still applied: each
   * sentence that names it (its year and publisher) must say so, and a text that names it nowhere must
   * say so somewhere. Returns the problems' messages.
   */
  const silentlyReplaced = (text: string, sources: readonly string[]): string[] =>
    sources.flatMap((id) => {
      const names = replacedNamed.get(id);
      if (!names) return [];
      const naming = sentencesOf(text).filter(names);
      if (naming.length === 0) return SAYS_REPLACED.test(text) ? [] : [replacedMessage(id)];
      return naming.filter((t) => !SAYS_REPLACED.test(t)).map((t) => replacedSentenceMessage(id, t));
    });
  /** Each phrasing as the engine reads it, with its entry and where that entry is ("file:line"). */
  const questionOwner = new Map<string, { readonly id: string; readonly at: string }>();
  for (const e of k.entries) {
    const at = (field: string, message: string) =>
      problems.push({ file: place(e.file, e), entry: e.id, field, message });
    if (!topicIds.has(e.topic)) at("topic", unknownTopic(e.topic));
    e.related.forEach((r, i) => {
      if (r === e.id) at("related", "an entry cannot be related to itself");
      else if (!ids.has(r)) at("related", `no entry has the id "${r}"`);
      // shown as two identical links (two buttons on the platforms)
      else if (e.related.indexOf(r) < i) at("related", `"${r}" is listed twice`);
    });
    for (const c of e.covers) {
      if (c === e.id) at("covers", "an entry cannot cover itself");
      else if (!ids.has(c)) at("covers", `no entry has the id "${c}"`);
    }
    for (const s of e.sources)
      if (!sourceIds.has(s)) at("sources", `unknown source "${s}" (see sources.yaml)`);
    // An answer with nothing citable was shown with no sources at all: the seed is provenance only.
    if (e.sources.length > 0 && e.sources.every((s) => provenance.has(s)))
      at(
        "sources",
        `must name a source readers can check: ${e.sources.map((s) => `"${s}"`).join(", ")} is only where the text started, never shown as a source (see sources.yaml)`,
      );
    for (const message of silentlyReplaced(e.answer, e.sources)) at("answer", message);
    // An answer serves many questions; a bare "Yes." fits some of them and misleads on the rest.
    if (/^\W*(?:yes|no)\s*[.,;:!\u2013\u2014-]/i.test(e.answer))
      at(
        "answer",
        'must not open with a bare "Yes" or "No": it is shared by many questions, so start with the guidance itself',
      );
    const own = new Set<string>();
    for (const q of e.questions) {
      // The engine's own reading, so that two phrasings it cannot tell apart are caught.
      const key = normalise(q);
      const owner = questionOwner.get(key);
      // both places named: the one added last may be either (an edit to a file read first)
      if (owner && owner.id !== e.id)
        at("questions", `"${q}" is also a question of "${owner.id}" (${owner.at})`);
      else if (own.has(key)) at("questions", `"${q}" is listed twice`);
      else questionOwner.set(key, { id: e.id, at: place(e.file, e) });
      own.add(key);
    }
  }
  const dupes = (items: readonly { id: string }[], file: string) => {
    const seen = new Map<string, string>();
    for (const item of items) {
      const first = seen.get(item.id);
      if (first)
        problems.push({
          file: place(file, item),
          entry: item.id,
          field: "id",
          message: `duplicate id (also at ${first})`,
        });
      else seen.set(item.id, place(file, item));
    }
  };
  const tipsFile = fileOf("tips.yaml");
  for (const tip of k.tips) {
    const at = (field: string, message: string) =>
      problems.push({ file: tipsFile, entry: tip.id, field, message });
    if (!topicIds.has(tip.topic)) at("topic", unknownTopic(tip.topic));
    if (!ids.has(tip.entry)) at("entry", `no entry has the id "${tip.entry}"`);
    for (const s of tip.sources)
      if (!sourceIds.has(s)) at("sources", `unknown source "${s}" (see sources.yaml)`);
    for (const message of silentlyReplaced(tip.text, tip.sources)) at("text", message);
  }
  dupes(k.tips, tipsFile);
  // A question written both as an entry's phrasing and as another subject's example teaches both ways.
  for (const group of k.offTopic ?? []) {
    for (const example of group.examples ?? []) {
      const owner = questionOwner.get(normalise(example));
      if (owner)
        problems.push({
          file: fileOf("off-topic.yaml"),
          entry: group.subject,
          field: "examples",
          message: `"${example}" is also a question of "${owner.id}" (${owner.at})`,
        });
    }
  }
  // A term in two groups would silently take the later group's meaning.
  const termGroup = new Map<string, string>();
  for (const group of k.synonyms) {
    const ofSmallWords = normalise(group.canonical)
      .split(" ")
      .every((w) => STOPWORDS.has(w));
    for (const term of group.terms) {
      const key = normalise(term);
      // "a" or "the" read as "doctor" puts that word in nearly every question (a chat's "abt" for the
      // small word "about" is another matter)
      if (STOPWORDS.has(key) && !ofSmallWords)
        problems.push({
          file: fileOf("synonyms.yaml"),
          entry: group.canonical,
          field: "terms",
          message: `"${term}" is a small word nearly every question has: read as "${group.canonical}", it would put that word in them all`,
        });
      const first = termGroup.get(key);
      if (first !== undefined && first !== group.canonical)
        problems.push({
          file: fileOf("synonyms.yaml"),
          entry: group.canonical,
          field: "terms",
          message: `"${term}" is also a term of the group "${first}"`,
        });
      else termGroup.set(key, group.canonical);
    }
  }
  problems.push(...broadOffTopicTerms(k, fileOf("off-topic.yaml")));
  for (const s of k.sources) {
    const at = (field: string, message: string) =>
      problems.push({ file: fileOf("sources.yaml"), entry: s.id, field, message });
    if (s.replacedBy !== undefined && !sourceIds.has(s.replacedBy))
      at("replacedBy", `no source has the id "${s.replacedBy}"`);
    if (s.url === undefined) continue;
    if (s.site === undefined) at("site", "a source with a url needs `site`: the publisher's own web address");
    else if (!onSite(s.url, s.site))
      at(
        "url",
        `${s.url} is not on the publisher's site ${s.site}: link to the publisher's own page, never a copy`,
      );
  }
  dupes(k.topics, fileOf("topics.yaml"));
  dupes(k.sources, fileOf("sources.yaml"));
  if (k.entries.length === 0) problems.push({ file: fileOf("entries"), message: "no entries found" });
  return problems;
}

/**
 * An off-topic word (one word: a phrase is looked for as written) that the synonyms read as another
 * word stands for every word of that group: a one-line question naming any of them whose best entry
 * does not use it is declined as the other subject. "diagnosis", read as illness, declined "can I put
 * a patient's diagnosis into ChatGPT" as clinical care, and any question naming cancer, diabetes or
 * depression with it; "promotion", read as advertising, declined a ward's promotion video as a
 * question about careers. A group whose words the off-topic group lists itself ("dose", "dosage")
 * brings in nothing; nor does a group of words that only make a how-to question (howToAlone), where
 * each word is meant for all it stands for. A synonym group's own word is taken to mean what its words
 * do ("symptoms", "sx"): a moderator who puts a broad group's own word here ("illness") is not warned.
 */
function broadOffTopicTerms(k: Knowledge, file: string): Problem[] {
  const analyser = Analyser.of(k.synonyms);
  const read = (text: string) =>
    analyser
      .analyse(text)
      .map((t) => t.stem)
      .join(" ");
  // groups may read alike: "diagnosis" is a group's own word and a word of the group "illness"
  const byReading = new Map<string, (typeof k.synonyms)[number][]>();
  for (const g of k.synonyms)
    byReading.set(read(g.canonical), [...(byReading.get(read(g.canonical)) ?? []), g]);
  const problems: Problem[] = [];
  for (const group of k.offTopic ?? []) {
    if (group.howToAlone) continue;
    const own = new Set(group.terms.map(normalise));
    // a term of several words is looked for as written, not read through the synonyms (see judge.ts)
    for (const term of group.terms.filter((t) => !normalise(t).includes(" "))) {
      const groups = byReading.get(read(term)) ?? [];
      const [synonyms] = groups.filter((g) => normalise(g.canonical) !== normalise(term));
      if (!synonyms) continue;
      const others = groups.flatMap((g) => [g.canonical, ...g.terms]).filter((t) => !own.has(normalise(t)));
      if (others.length === 0) continue;
      const named = others
        .slice(0, 4)
        .map((t) => `"${t}"`)
        .join(", ");
      problems.push({
        file,
        entry: group.subject,
        field: "terms",
        message: `"${term}" reads as "${synonyms.canonical}" (synonyms.yaml), which also stands for ${named}${others.length > 4 ? " and more" : ""}: a one-line question naming any of them would be declined as ${group.subject}. Use a phrase that only this subject says, or leave it out`,
      });
    }
  }
  return problems;
}

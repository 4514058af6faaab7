/**
 * Writing an accepted phrasing into its entry's YAML file (see learn.ts): the new question goes under
 * the entry's last one, the file's comments and layout kept.
 */
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, isSeq, parseDocument, type Scalar } from "yaml";

/** yaml's printer without reflowing long lines or padding `[a, b]`, as the knowledge files are written. */
const PRINT = { lineWidth: 0, flowCollectionPadding: false } as const;
/**
 * The file's text with `question` as the entry's last question. The edit is made with yaml's Document
 * API; since its printer reflows some layouts (a flow list over several lines), the new item is spliced
 * in under the last question instead, and the printer's text is used only if the splice reads back
 * differently from the edited document.
 */
export function appendPhrasing(src: string, entryId: string, question: string): string {
  const doc = parseDocument(src);
  if (doc.errors.length > 0) throw new Error(`cannot be read as YAML: ${firstLine(doc.errors[0])}`);
  const item = isSeq(doc.contents)
    ? doc.contents.items.find((i) => isMap(i) && (i.get("id", true) as Scalar | undefined)?.value === entryId)
    : undefined;
  const questions = isMap(item) ? item.get("questions", true) : undefined;
  if (!isSeq(questions)) throw new Error(`has no list of questions for the entry "${entryId}"`);
  const last = questions.items.at(-1);
  questions.add(doc.createNode(question));
  const spliced = isScalar(last) && !questions.flow ? splice(src, last, question) : undefined;
  if (spliced !== undefined) {
    const check = parseDocument(spliced);
    if (check.errors.length === 0 && isDeepStrictEqual(check.toJS(), doc.toJS())) return spliced;
  }
  return doc.toString(PRINT);
}
/** A new "- question" line after the line `last` ends on, indented as `last` is. */
function splice(src: string, last: Scalar, question: string): string | undefined {
  if (!last.range) return undefined;
  const [start, valueEnd] = last.range;
  const marker = src.slice(src.lastIndexOf("\n", start - 1) + 1, start);
  const text = new Document(question).toString(PRINT).trimEnd();
  if (!/^ *- +$/.test(marker) || text.includes("\n")) return undefined;
  const eol = src[valueEnd - 1] === "\n" ? valueEnd : src.indexOf("\n", valueEnd) + 1 || src.length;
  const nl = src.includes("\r\n") ? "\r\n" : "\n";
  const before = src.slice(0, eol);
  return `${before}${before.endsWith("\n") ? "" : nl}${marker}${text}${nl}${src.slice(eol)}`;
}
/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

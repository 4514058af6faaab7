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
 * API; since its printer reflows some layouts (a flow list over several lines, and the file's other
 * lists with it), the new item is spliced in after the last question instead, in a block list or a flow
 * list, and the printer's text is used only if the splice reads back differently from the edited document.
 */
export function appendPhrasing(src: string, entryId: string, question: string): string {
  const doc = parseDocument(src);
  if (doc.errors.length > 0) throw new Error(`cannot be read as YAML: ${firstLine(doc.errors[0])}`);
  const item = isSeq(doc.contents)
    ? doc.contents.items.find((i) => isMap(i) && (i.get("id", true) as Scalar | undefined)?.value === entryId)
    : undefined;
  const questions = isMap(item) ? item.get("questions", true) : undefined;
  if (!isSeq(questions)) throw new Error(`has no list of questions for the entry "${entryId}"`);
  const [previous, last] = [questions.items.at(-2), questions.items.at(-1)];
  questions.add(doc.createNode(question));
  const spliced = !isScalar(last)
    ? undefined
    : questions.flow
      ? spliceFlow(src, previous, last, question)
      : splice(src, last, question);
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
/**
 * The question after `last` in a flow list (`questions: [a, b]`), double-quoted as flow needs, on a
 * line of its own where the list puts each on one: yaml's printer had put the whole list on one line
 * and reflowed the file's other lists too (a knowledge-editor helper's finding).
 */
function spliceFlow(src: string, before: unknown, last: Scalar, question: string): string | undefined {
  if (!last.range) return undefined;
  const [start, valueEnd] = last.range;
  const lineStart = src.lastIndexOf("\n", start - 1) + 1;
  const indent = src.slice(lineStart, start);
  const previousEnd = isScalar(before) ? before.range?.[1] : undefined;
  const ownLines =
    /^[ \t]*$/.test(indent) && (previousEnd === undefined || src.slice(previousEnd, start).includes("\n"));
  const nl = src.includes("\r\n") ? "\r\n" : "\n";
  return `${src.slice(0, valueEnd)},${ownLines ? `${nl}${indent}` : " "}${JSON.stringify(question)}${src.slice(valueEnd)}`;
}
/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

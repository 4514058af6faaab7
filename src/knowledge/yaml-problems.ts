import { type Document, isScalar, isSeq, type LineCounter, visit, type YAMLParseError } from "yaml";
import { CURLY_QUOTES } from "./schema.js";
import type { Problem } from "./validate.js";

/** Plain words for the YAML mistakes moderators make most, by the parser's error code. */
const PARSE_WORDS: Record<string, string> = {
  TAB_AS_INDENT: "a tab is not allowed here: indent with spaces",
  BAD_INDENT: "the indentation does not line up with the lines around it",
  BLOCK_AS_IMPLICIT_KEY: 'a text with ": " in it must go in double quotes',
  MULTILINE_IMPLICIT_KEY: 'a text with ": " in it must go in double quotes',
  UNEXPECTED_TOKEN: "something here is out of place; check the quotes, dashes and colons on this line",
  MISSING_CHAR: "a closing quote or bracket is missing",
  DUPLICATE_KEY: "this field appears twice in the same item",
  BAD_DQ_ESCAPE: "a backslash inside double quotes must be doubled (\\\\), or use single quotes",
};

/** What a line indented by an odd number of spaces is told: the knowledge files indent by two. */
const ODD_INDENT =
  "this line is indented by an odd number of spaces: an item's fields line up 2 spaces in, under its id, and list items 4";

/**
 * A YAML parse error as one problem: file:line:column, plain words, and the line with a caret under the
 * spot. A line indented one space too far or too short, near where the parser stopped, is named as the
 * cause: the parser's own words for it ("a text with ': ' in it must go in double quotes", on the line
 * above) sent moderators to the wrong line.
 */
export function parseProblem(file: string, source: string, error: YAMLParseError): Problem {
  const at = error.linePos?.[0];
  if (!at) return { file, message: PARSE_WORDS[error.code] ?? `cannot be read as YAML: ${error.message}` };
  const lines = source.split(/\r?\n/);
  const line = lines[at.line - 1] ?? "";
  // A tab in the indentation is the commonest slip, whatever the parser calls the error it causes.
  const tab = /^[ \t]*/.exec(line)?.[0].indexOf("\t") ?? -1;
  const colon = tab < 0 ? missingColon(lines, at.line) : undefined;
  if (colon) {
    const text = lines[colon.line - 1] ?? "";
    return {
      file: `${file}:${colon.line}:${colon.col}`,
      message: `cannot be read as YAML: a colon is missing after "${colon.key}": write ${colon.fix}\n      ${text}\n      ${" ".repeat(colon.col - 1)}^`,
    };
  }
  const odd = tab < 0 ? oddlyIndented(lines, at.line) : undefined;
  const shown = odd ?? at.line;
  const text = lines[shown - 1] ?? "";
  const col = tab >= 0 ? tab + 1 : odd ? 1 : at.col;
  const plain =
    tab >= 0
      ? PARSE_WORDS.TAB_AS_INDENT
      : odd
        ? ODD_INDENT
        : (PARSE_WORDS[error.code] ?? error.message.split("\n")[0]);
  // At an empty line or the end of the file, the cause is above: an unclosed quote or bracket, shown
  // where it opens when a line above has one. So too at a field's line straight under a line that
  // opens one ("related: [a" then "sources: [b]"): the parser's words were about indentation.
  if (!odd && tab < 0 && (!text.trim() || FIELD.test(text))) {
    const open = unclosedAbove(lines, shown);
    let nearest = shown - 1;
    while (nearest > 0 && !lines[nearest - 1]?.trim()) nearest--;
    if (open && (!text.trim() || open.line === nearest)) {
      const opened = lines[open.line - 1] ?? "";
      return {
        file: `${file}:${open.line}:${open.col}`,
        message: `cannot be read as YAML: the ${open.what} opened here is never closed: ${open.what.endsWith("quote") ? "end the text with one" : "close it, or put the whole text in double quotes"}\n      ${opened}\n      ${" ".repeat(open.col - 1)}^`,
      };
    }
  }
  const above =
    text.trim() || odd ? "" : " (the mistake is probably on a line above: an unclosed quote or bracket?)";
  // only where a curly quote opens a value, as a straight one would: an apostrophe (’) says nothing
  const curly = /(?:^|[:[,-])\s*[“‘]/.test(text) ? ` (${CURLY_QUOTES})` : "";
  const words = `cannot be read as YAML: ${plain}${above}${curly}`;
  return {
    file: `${file}:${shown}:${col}`,
    message: `${words}\n      ${text.replace(/\t/g, "→")}\n      ${" ".repeat(Math.max(0, col - 1))}^`,
  };
}

/**
 * A field written without its colon ("topic safety", "answer |", "sources [a, b]", or quoted whole as
 * the parser's own words for the first led moderators to do: '"topic safety"'), on the line the parser
 * stopped at or the one above: a line that starts with a word the file uses as a field name elsewhere,
 * then a space and more, with no colon after the word. The parser's words for it were about quotes: "a
 * text with ': ' in it must go in double quotes", "a closing quote or bracket is missing".
 */
function missingColon(
  lines: readonly string[],
  at: number,
): { line: number; col: number; key: string; fix: string } | undefined {
  const keys = new Set(lines.flatMap((l) => FIELD.exec(l)?.[1] ?? []));
  for (let n = at; n >= Math.max(1, at - 1); n--) {
    const m = WITHOUT_COLON.exec(lines[n - 1] ?? "");
    const [, lead = "", key = "", rest = ""] = m ?? [];
    if (m && keys.has(key))
      return { line: n, col: lead.length + key.length + 1, key, fix: `${key}: ${rest}` };
  }
  return undefined;
}
/** A line that is a field, "name: ..." (or a list item's first, "- name: ..."): its name. */
const FIELD = /^\s*(?:- )?([A-Za-z][\w-]*):(?:\s|$)/;
/** A line that is a name, a space and more, with no colon after the name, quoted whole or not. */
const WITHOUT_COLON = /^(\s*(?:- )?"?)([A-Za-z][\w-]*)[ \t]+([^:"\s][^"]*?)"?\s*$/;

/**
 * The first line from the one above `at` to the one below whose indentation is an odd number of spaces,
 * outside a block text ("answer: |"), whose lines may be indented as the writer likes.
 */
function oddlyIndented(lines: readonly string[], at: number): number | undefined {
  for (let n = Math.max(1, at - 1); n <= Math.min(lines.length, at + 1); n++) {
    const text = lines[n - 1] ?? "";
    if (text.trim() && !text.trim().startsWith("#") && indentOf(text) % 2 === 1 && !inBlockText(lines, n))
      return n;
  }
  return undefined;
}

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;

/** Whether line `n` (from 1) lies inside a block text: under a "key: |" or "key: >" line, indented at least as far as the block's first line. */
function inBlockText(lines: readonly string[], n: number): boolean {
  let limit = indentOf(lines[n - 1] ?? "");
  for (let k = n - 1; k >= 1; k--) {
    const text = lines[k - 1] ?? "";
    if (!text.trim() || indentOf(text) >= limit) continue;
    if (/:\s*[|>][-+0-9]*\s*(?:#.*)?$/.test(text)) {
      const first = lines.slice(k).find((l) => l.trim());
      return first !== undefined && indentOf(lines[n - 1] ?? "") >= indentOf(first);
    }
    limit = indentOf(text);
  }
  return false;
}

/**
 * List items that YAML joined onto the item above because they were indented further: a question
 * "- Can a doctor...?" indented two spaces more than the one before it reads as the end of that one
 * ("...patient? - Can a doctor...?"), and the file still loads. Each is named by its line.
 */
export function joinedItems(doc: Document, source: string, lineCounter: LineCounter): { line: number }[] {
  const found: { line: number }[] = [];
  visit(doc, {
    Seq(_, seq) {
      if (!isSeq(seq)) return;
      for (const item of seq.items) {
        if (!isScalar(item) || item.type !== "PLAIN" || !item.range) continue;
        const joined = /\n[ \t]*- /.exec(source.slice(item.range[0], item.range[1]));
        if (joined) {
          const offset = item.range[0] + joined.index + 1;
          found.push({ line: lineCounter.linePos(offset).line });
        }
      }
    },
  });
  return found;
}

/**
 * The list items cut short by a comment: in a plain (unquoted) text, a space and "#" start a YAML
 * comment, so "Do I need to put #ad on sponsored posts?" was read as "Do I need to put", with no
 * error. A phrasing or a synonym is never meant to end in a comment. An id is one word, and one
 * followed by a comment ("- gmc-2024  # the 2024 guidance") is a comment meant as such.
 */
export function cutByComment(doc: Document, lineCounter: LineCounter): { line: number }[] {
  const found: { line: number }[] = [];
  visit(doc, {
    Seq(_, seq) {
      if (!isSeq(seq)) return;
      for (const item of seq.items)
        if (
          isScalar(item) &&
          item.type === "PLAIN" &&
          item.comment &&
          item.range &&
          /\s/.test(String(item.value))
        )
          found.push({ line: lineCounter.linePos(item.range[0]).line });
    },
  });
  return found;
}

/** Where a line's value starts: after its indentation, any "- " and a "key: ". */
const VALUE_START = /^\s*(?:-\s+)*(?:[^\s"'[\]{}#:-][^:#]*?:(?:\s+|$))?/;

/** True when the quoted text opening at `from` ends on its line ('' inside single quotes is one quote). */
function quoteEnds(line: string, from: number): boolean {
  const quote = line[from];
  for (let i = from + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === "\\") i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/**
 * The last line above `at` whose value opens a quote or a bracket it never closes ("title: [oops",
 * "title: 'oops"), with the column of what opened it: where the parser, reading on to the end of the
 * file for its close, stopped is an empty line that tells nothing. Only a value's first character opens
 * one ("title: Rules [UK" is plain text), and a list written over several lines is closed on a later
 * line, so brackets closed below count against the openers above them.
 */
function unclosedAbove(
  lines: readonly string[],
  at: number,
): { line: number; col: number; what: string } | undefined {
  let closes = 0;
  for (let n = Math.min(at - 1, lines.length); n >= 1; n--) {
    const line = lines[n - 1] ?? "";
    const start = VALUE_START.exec(line)?.[0].length ?? 0;
    const first = line[start];
    if (first === '"' || first === "'") {
      if (!quoteEnds(line, start))
        return { line: n, col: start + 1, what: first === '"' ? "double quote" : "single quote" };
      continue;
    }
    const flow = first === "[" || first === "{";
    const openers: number[] = [];
    for (let i = start; i < line.length; i++) {
      const c = line[i];
      if ((c === '"' || c === "'") && flow) {
        // a quoted item of a list: its brackets are text
        let j = i + 1;
        while (j < line.length && line[j] !== c) j += line[j] === "\\" && c === '"' ? 2 : 1;
        i = j;
      } else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
      else if ((c === "[" || c === "{") && flow) openers.push(i);
      else if (c === "]" || c === "}") {
        if (openers.pop() === undefined) closes++;
      }
    }
    // brackets closed on a line below this one belong to it
    while (closes > 0 && openers.length > 0) {
      openers.pop();
      closes--;
    }
    const last = openers.at(-1);
    if (last !== undefined)
      return { line: n, col: last + 1, what: line[last] === "[" ? "bracket [" : "brace {" };
  }
  return undefined;
}

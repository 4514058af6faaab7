/**
 * Slack's mrkdwn is not Markdown: bold is *one star*, links are <url|label>, there are no headings,
 * and &, < and > must be escaped so that text can never become a mention or a link by accident.
 */

/** Escapes text for mrkdwn. `<!channel>`, `<@U123>` and friends become inert text. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(channel|here|everyone)\b/gi, "@\u200b$1");
}

/** Converts the knowledge base's Markdown to Slack mrkdwn. */
export function toMrkdwn(markdown: string): string {
  const links: string[] = [];
  return (
    escapeMrkdwn(markdown.trim())
      // links first, so that their labels survive the other rules
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => {
        links.push(`<${url.replace(/&amp;/g, "&")}|${label}>`);
        return `\uE000${links.length - 1}\uE000`;
      })
      // bold and headings are marked \uE001 until single-star italics are done
      .replace(/^#{1,6}\s+(.+)$/gm, "\uE001$1\uE001")
      .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a?: string, b?: string) => `\uE001${a ?? b}\uE001`)
      .replace(/^(\s*)[-*+]\s+/gm, "$1• ")
      .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\w)/g, "$1_$2_")
      .replace(/\uE001/g, "*")
      .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => links[Number(i)] ?? "")
  );
}

/** Cuts text into pieces of at most `max` characters, at a paragraph, line or word boundary. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find(
      (i) => i > max / 2,
    );
    const at = cut ?? max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * The platform-neutral message: everything a user reads, worded once here. Each adapter only draws a
 * card in its own markup (Block Kit, an embed with buttons, terminal text), so a new platform needs no
 * wording of its own and every platform says the same thing.
 */

/** An entry the user can open with one press (or, in the console, by typing its number). */
export interface CardLink {
  readonly entryId: string;
  readonly title: string;
}

/** A headed group of entries to open: "Did you mean:", "Related:", "Learn more". */
export interface CardOffer {
  readonly heading: string;
  readonly links: readonly CardLink[];
  /**
   * "primary" for what the bot suggests instead, "secondary" for further reading, "urgent" for the
   * guidance on acting on someone at risk (the safety net), which a platform may colour as a warning.
   */
  readonly emphasis: "primary" | "secondary" | "urgent";
}

/** A headed list of plain items: the topics, or what the bot can help with. */
export interface CardList {
  readonly heading?: string;
  /** `entryId`: the entry an item names, which a chat that numbers its items can open. */
  readonly items: readonly { readonly title: string; readonly text?: string; readonly entryId?: string }[];
}

/** A cited document as the reader sees it, with a link to the publisher's own page when there is one. */
export interface CardSource {
  readonly label: string;
  readonly url?: string;
}

export type CardKind = "answer" | "no-answer" | "clarify" | "help" | "topics" | "tip" | "notice" | "error";

export interface Card {
  readonly kind: CardKind;
  /** The heading, when the card has one. */
  readonly title?: string;
  /** The platform user id of whoever shared the answer into the channel. */
  readonly sharedBy?: string;
  /** Short remarks before the body ("your question was cut…"). */
  readonly notes: readonly string[];
  /** The guard's warning, shown prominently. */
  readonly warning?: string;
  /** The text, in Markdown. */
  readonly body: string;
  readonly lists: readonly CardList[];
  readonly sourcesHeading: "Sources" | "Source";
  readonly sources: readonly CardSource[];
  readonly offers: readonly CardOffer[];
  /** The entry this card answers with: share and vote act on it. */
  readonly entryId?: string;
  /** Offer "Share in channel" (a private answer where sharing is possible). */
  readonly shareable: boolean;
  /** Offer 👍 / 👎. */
  readonly votable: boolean;
  /** The disclaimer or a line about the bot. */
  readonly footer?: string;
  /** The whole card as plain text, for notifications and clients that show no rich layout. */
  readonly summary: string;
}

/** Who sees a reply: only the person who asked, or everyone in the channel. */
export type Visibility = "private" | "public";

/**
 * A share the channel's limit let through, which the adapter settles once it has tried to post it (see
 * `posting`): only a share that was posted keeps its place in the limit and is logged as shared.
 */
export interface PendingShare {
  /** It was posted: it stays counted, and the log says it was shared. */
  posted(): Promise<void>;
  /** The platform refused it or could not be reached: its count is given back, and the log says so. */
  notPosted(error: unknown): Promise<void>;
}

/** What the conversation decided: the card and who should see it. */
export interface Outcome {
  readonly card: Card;
  readonly visibility: Visibility;
  /** Set when the card is an answer shared into the channel, still to be posted. */
  readonly share?: PendingShare;
}

/** A card with every optional part empty; builders fill in what they need. */
export function card(kind: CardKind, parts: Partial<Card> & { readonly body: string }): Card {
  const filled: Omit<Card, "summary"> = {
    notes: [],
    lists: [],
    sourcesHeading: "Sources",
    sources: [],
    offers: [],
    shareable: false,
    votable: false,
    ...parts,
    kind,
  };
  return { ...filled, summary: parts.summary ?? summarise(filled) };
}

/** The plain text of a card for notifications: its warning, title and text, and an answer's disclaimer. */
function summarise(c: Omit<Card, "summary">): string {
  const lines = [c.warning, c.title, c.body.trim(), c.kind === "answer" ? c.footer : undefined];
  return plainOf(lines.filter((x): x is string => Boolean(x)).join("\n\n"));
}

/**
 * The knowledge's Markdown as plain words, for a notification: "**UK.**" showed its asterisks in
 * Slack's and Teams' notifications. A link keeps its address after its label; list dashes stay.
 */
function plainOf(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/\*\*([^*\n]+)\*\*/g, "$1")
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, "$1 ($2)");
}

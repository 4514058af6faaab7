import { visibleText } from "../src/search/normalise.js";

/**
 * Stored text as a moderator's terminal may show it: no escape sequence, control character or
 * direction override in it acts on the terminal. The bot strips them from a question as it arrives,
 * but rows written before it did, restored from an old backup or written by an older replica on a
 * shared database, reached `report` and `learn` as they were (security review).
 */
export function shown(text: string): string {
  return visibleText(text).replace(/\p{Cc}/gu, " ");
}

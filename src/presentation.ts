// The core's light public entry, for code that only draws the core's cards: the card types and the
// cards, without the configuration, storage, logging or knowledge loading that src/index.ts also
// carries. The console's renderer imports it, so a one-shot `ask` answered as text does not load those
// (zod, yaml, pino and the rest cost it about 60 ms of its 300). src/index.ts re-exports all of it.

export type {
  Card,
  CardLink,
  CardList,
  CardOffer,
  CardSource,
  Outcome,
  PendingShare,
  Visibility,
} from "./conversation/card.js";
export {
  errorCard,
  type HelpStyle,
  helpCard,
  NO_GUIDANCE,
  NOT_SURE,
  noticeCard,
  OLD_BUTTON,
  replyCard,
  SAFETY_HEADING,
  TIPS_PERMISSION_UNCHECKED,
  tipCard,
  topicsCard,
} from "./conversation/cards.js";
export type { Guide } from "./guide.js";

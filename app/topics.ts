import { renderCard, terminalWidth } from "../adapters/console/render.js";
import { type Guide, topicsCard } from "../src/index.js";
import type { Out } from "./output.js";

/** `topics [--json]`: the topics and their entries, as the console shows them or as JSON. */
export function topics(guide: Guide, json: boolean, out: Out): number {
  out(
    json
      ? JSON.stringify(topicsJson(guide), null, 2)
      : renderCard(topicsCard(guide.topics()), terminalWidth(), { picks: false }),
  );
  return 0;
}

/** The `topics --json` contract. */
export function topicsJson(guide: Guide) {
  return guide.topics().map((l) => ({
    id: l.topic.id,
    title: l.topic.title,
    entries: l.entries.map((e) => ({ id: e.id, title: e.title })),
  }));
}

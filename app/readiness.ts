import type { HttpFront } from "../adapters/http/front.js";
import type { Guide } from "../src/index.js";
import type { Storage } from "../src/store/storage.js";

/** A platform as /readyz sees it: connected now, or not. */
export interface ReadyPlatform {
  readonly name: string;
  readonly connected: () => boolean;
}

/**
 * Registers GET /readyz's checks, for a load balancer or an orchestrator: "database" (it answers
 * SELECT 1), "knowledge" (the guide has entries) and one per platform (connected). /healthz only says
 * that the process is up; /readyz says that this replica can answer now.
 */
export function registerReadiness(
  front: HttpFront,
  parts: { storage: Pick<Storage, "ping">; guide: Guide; platforms: readonly ReadyPlatform[] },
): void {
  front.readiness("database", async () => {
    await parts.storage.ping();
    return true;
  });
  front.readiness("knowledge", () => parts.guide.knowledge.entries.length > 0);
  for (const platform of parts.platforms) front.readiness(platform.name, platform.connected);
}

// A replica of `npm run scale` (scale.ts forks it): the real TipScheduler and the real PostgreSQL
// storage, posting to the benchmark's stand-in platform. Arguments: database URL, stand-in URL, name,
// claim lease in ms. Logs only errors; tells its parent "ready" once scheduling, and stops on SIGTERM
// or when the parent goes away.
import { once } from "node:events";
import { join } from "node:path";
import { createGuide, createLogger, loadKnowledge, PostFailure, type TipPoster } from "../src/index.js";
import { packageRoot } from "../src/paths.js";
import { openPostgresStorage } from "../src/store/postgres.js";
import { TipScheduler } from "../src/tips/scheduler.js";

/** A child replica: the real scheduler and PostgreSQL storage, posting to the stand-in at `standIn`. */
async function replica(url: string, standIn: string, name: string, leaseMs: number): Promise<void> {
  const storage = await openPostgresStorage(url);
  const guide = createGuide(loadKnowledge(join(packageRoot(), "knowledge")));
  const poster: TipPoster = {
    async post(channelId, tip) {
      const res = await fetch(`${standIn}/post/${channelId}`, {
        method: "POST",
        headers: { "x-replica": name },
        body: tip.id,
      });
      if (!res.ok) throw new PostFailure(String(res.status), "the stand-in refused the post");
      return { messageId: await res.text() };
    },
  };
  const scheduler = new TipScheduler({
    store: storage.tips,
    tips: guide.tips(),
    posters: { slack: poster },
    logger: createLogger("error"),
    defaults: { time: "09:00", timeZone: "UTC" },
    graceMs: 6 * 3600_000,
    leaseMs,
  });
  scheduler.start();
  process.send?.("ready");
  await Promise.race([once(process, "SIGTERM"), once(process, "disconnect")]);
  await scheduler.stop();
  await storage.close();
  process.exit(0);
}

const [url = "", standIn = "", name = "", lease = "20000"] = process.argv.slice(2);
await replica(url, standIn, name, Number(lease));

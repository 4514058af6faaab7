import type { App } from "@slack/bolt";
import type { InstallationStorage } from "../../../src/index.js";
import type { SlackContext } from "./context.js";

/**
 * A workspace that uninstalls the app, or revokes its bot token, is forgotten: its installation and
 * its channels' daily tips. (Bolt runs these two events without authorizing them first.)
 */
export function register(app: App, ctx: SlackContext, records: InstallationStorage): void {
  const forget = async (teamId: string | undefined, enterpriseId: string | undefined, why: string) => {
    const id = teamId ?? enterpriseId;
    if (!id) return;
    const removed = await records.remove(id);
    ctx.log.info({ team: id, removed }, `${why}: installation and its tips removed`);
  };
  app.event("app_uninstalled", async ({ context }) => {
    await forget(context.teamId, context.enterpriseId, "app uninstalled");
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    // A user's token revoked leaves the bot installed; only the bot's own token matters here.
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(context.teamId, context.enterpriseId, "bot token revoked");
  });
}

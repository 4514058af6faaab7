import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger as BoltLogger } from "@slack/bolt";
import {
  type CodedError,
  ErrorCode,
  type Installation,
  type InstallationQuery,
  type InstallationStore,
  InstallProvider,
  type InstallProviderOptions,
} from "@slack/oauth";
import type { InstallationStorage, Logger, SlackConfig } from "../../src/index.js";
import type { HttpFront } from "../http/front.js";
import { logRefused } from "../http/refused.js";
import { sendStatus } from "../http/respond.js";

/** Where a workspace admin starts installing the app: a page with Slack's "Add to Slack" link. */
export const SLACK_INSTALL_PATH = "/slack/install";
/** Where Slack sends the admin back with a code (the app's redirect URL). */
export const SLACK_REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes asked for at install: the manifest's (a test holds the two together). */
export const BOT_SCOPES: readonly string[] = [
  "commands",
  "chat:write",
  "chat:write.public",
  "app_mentions:read",
  "im:history",
  "users:read",
  "channels:read",
  "groups:read",
];

/** The key of an installation: the enterprise for an org-wide install, else the workspace. */
function keyOf(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  const id = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  if (!id) throw new Error("the installation names no team");
  return id;
}

/** Bolt's InstallationStore over our records: what Bolt's authorize and the OAuth callback use. */
export function installationStore(records: InstallationStorage): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      await records.save(
        {
          id: keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId, teamId }),
          ...(teamId ? { teamId } : {}),
          ...(enterpriseId ? { enterpriseId } : {}),
          json: JSON.stringify(installation),
        },
        Date.now(),
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = await records.find(keyOf(query));
      if (!record) throw new Error(`the app is not installed in ${keyOf(query)}`);
      return JSON.parse(record.json) as Installation<"v2", boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await records.remove(keyOf(query));
    },
  };
}

/** Bolt's InstallProvider for the distributable app: the state signed, checked against its cookie. */
export function createInstaller(
  oauth: NonNullable<SlackConfig["oauth"]>,
  records: InstallationStorage,
  logger: BoltLogger,
  clientOptions: NonNullable<InstallProviderOptions["clientOptions"]>,
): InstallProvider {
  return new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: installationStore(records),
    installUrlOptions: { scopes: [...BOT_SCOPES] },
    logger,
    clientOptions,
  });
}

/** Mounts the install page and the OAuth callback (GET only) on the shared HTTP front. */
export function mountOAuth(front: HttpFront, installer: InstallProvider, log: Logger): void {
  front.route(SLACK_INSTALL_PATH, (req, res) =>
    req.method === "GET" ? installer.handleInstallPath(req, res) : sendStatus(res, 405),
  );
  const failure = (error: CodedError, _options: unknown, req: IncomingMessage, res: ServerResponse) => {
    const { status, text } = installFailure(error, req);
    logRefused(log, { code: error.code, status }, "Slack install not completed");
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><title>Not installed</title></head><body><p>${text}</p><p><a href="${SLACK_INSTALL_PATH}">Start the install again</a></p></body></html>`,
    );
  };
  front.route(SLACK_REDIRECT_PATH, (req, res) =>
    req.method === "GET" ? installer.handleCallback(req, res, { failure }) : sendStatus(res, 405),
  );
}

/**
 * What the admin reads when an install does not complete, instead of the OAuth library's "Oops,
 * Something Went Wrong ... contact the app owner" with a 500, which is what pressing Cancel in Slack
 * showed. Nothing was installed in any of these cases.
 */
function installFailure(error: CodedError, req: IncomingMessage): { status: number; text: string } {
  const cancelled = new URL(req.url ?? "/", "http://host").searchParams.get("error") === "access_denied";
  if (cancelled)
    return { status: 400, text: "The app was not installed: the install was cancelled in Slack." };
  if (
    error.code === ErrorCode.InvalidStateError ||
    error.code === ErrorCode.MissingStateError ||
    error.code === ErrorCode.MissingCodeError
  )
    return {
      status: 400,
      text: "The app was not installed: this link has expired, was already used, or was opened in another browser than the one that started the install.",
    };
  return {
    status: 502,
    text: "The app was not installed: Slack did not complete the install. Please try again; if it keeps failing, tell whoever runs this bot.",
  };
}

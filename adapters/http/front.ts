import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Logger, REPLY_GRACE_MS, redactSecrets } from "../../src/index.js";
import { sendJson, sendStatus } from "./respond.js";

/** A platform's handler for one path; it checks the method itself. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Where the front listens, what it logs to, and how long stop() lets open requests finish. */
export interface HttpFrontOptions {
  readonly port: number;
  readonly host?: string;
  readonly log: Logger;
  /** How long stop() lets open connections finish before closing them (default 8 s, inside docker's 10 s). */
  readonly graceMs?: number;
  /** How long a readiness check may take before it counts as failing (default 5 s). */
  readonly readyTimeoutMs?: number;
}

/** The paths the front answers itself. */
const BUILT_IN = new Set(["/healthz", "/readyz"]);

/**
 * The one HTTP server of every platform that takes requests over HTTP (Slack in HTTP mode, Mattermost,
 * Teams) on PORT: each mounts its exact paths; /healthz and /readyz are built in; anything else is 404.
 * A handler that throws is logged and answered 500; the server keeps serving.
 */
export class HttpFront {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly checks = new Map<string, () => Promise<boolean> | boolean>();
  private server?: Server;
  /** Whether the last /readyz said not ready: the next that says ready logs that it is again. */
  private unready = false;

  constructor(private readonly options: HttpFrontOptions) {}

  /** Exact-path route; the handler checks the method. A route added twice throws. */
  route(path: string, handler: RouteHandler): void {
    if (!path.startsWith("/")) throw new Error(`A route must start with "/": ${path}`);
    if (this.routes.has(path) || BUILT_IN.has(path)) throw new Error(`The route ${path} is already taken`);
    this.routes.set(path, handler);
  }

  /** A named readiness check for GET /readyz (200 when all pass, 503 naming those that fail). */
  readiness(name: string, check: () => Promise<boolean> | boolean): void {
    if (this.checks.has(name)) throw new Error(`The readiness check ${name} is already added`);
    this.checks.set(name, check);
  }

  /** Listens (port 0 = any free port); GET /healthz answers 200 {"status":"ok"} built in; unknown paths 404. */
  async start(): Promise<Server> {
    if (this.server) throw new Error("The HTTP front is already listening");
    // A client that sends headers or a body slowly is cut off rather than holding a connection open,
    // checked every second: at Node's default of 30 s, slow connections lasted 22 to 30 s, not 15.
    const timeouts = { requestTimeout: 15_000, headersTimeout: 10_000, connectionsCheckingInterval: 1_000 };
    const server = createServer(timeouts, (req, res) => {
      void this.dispatch(req, res);
    });
    const { port, host } = this.options;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    this.options.log.info({ port: this.boundPort, routes: [...this.routes.keys()] }, "listening for HTTP");
    return server;
  }

  /** The bound port once started. */
  get boundPort(): number {
    const address = this.server?.address();
    if (typeof address !== "object" || !address) throw new Error("The HTTP front is not listening");
    return address.port;
  }

  /** Stops taking connections; open ones get graceMs (default REPLY_GRACE_MS), then are closed. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), this.options.graceMs ?? REPLY_GRACE_MS);
    await closed;
    clearTimeout(force);
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    try {
      if (path === "/healthz") return onlyGet(req, res, () => sendJson(res, 200, { status: "ok" }));
      if (path === "/readyz") return await this.ready(req, res);
      const handler = this.routes.get(path);
      if (!handler) return sendStatus(res, 404);
      await handler(req, res);
    } catch (error) {
      this.options.log.error({ path, err: redactSecrets(messageOf(error)) }, "HTTP request failed");
      if (!res.headersSent) {
        res
          .writeHead(500, { "content-type": "text/plain; charset=utf-8", connection: "close" })
          .end("Something went wrong on our side.");
      } else if (!res.writableEnded) {
        // half an answer must not pass for a whole one
        res.destroy();
      }
    }
  }

  private async ready(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") return sendStatus(res, 405);
    const limit = this.options.readyTimeoutMs ?? 5_000;
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]) => ({ name, why: await failure(check, limit) })),
    );
    const failed = results.filter((r) => r.why !== undefined);
    if (failed.length > 0) {
      // the log says why (writes failing since when, a database that does not answer): the answer, which
      // anyone who reaches the port may read, names the checks alone
      const why = Object.fromEntries(failed.map((r) => [r.name, redactSecrets(r.why ?? "")]));
      this.options.log.warn({ failing: failed.map((r) => r.name), why }, "not ready");
      this.unready = true;
      return sendJson(res, 503, { status: "unavailable", failing: failed.map((r) => r.name) });
    }
    // an operator reading the log after an outage sees when it ended, not only that it began
    if (this.unready) this.options.log.info("ready again");
    this.unready = false;
    sendJson(res, 200, { status: "ready" });
  }
}

/**
 * Why a check fails, or undefined when it passes: one that throws or rejects fails with its message,
 * one that does not answer within `limitMs` or answers no with a sentence saying so.
 */
async function failure(
  check: () => Promise<boolean> | boolean,
  limitMs: number,
): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), limitMs);
  });
  try {
    const answer = await Promise.race([Promise.resolve().then(check), late]);
    if (answer === true) return undefined;
    return answer === "late" ? `it did not answer within ${limitMs} ms` : "it answered no";
  } catch (error) {
    return (error as Error)?.message ?? String(error);
  } finally {
    clearTimeout(timer);
  }
}

function onlyGet(req: IncomingMessage, res: ServerResponse, answer: () => void): void {
  if (req.method === "GET" || req.method === "HEAD") answer();
  else sendStatus(res, 405);
}

/** The path of a request target, without its query; never throws on a malformed one. */
function pathOf(url: string | undefined): string {
  return (url ?? "/").split(/[?#]/, 1)[0] || "/";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the operator reads when the front cannot listen on its port. */
export function describeListenFailure(port: number, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE")
    return `Port ${port} is already in use: stop what uses it, or set PORT to another port.`;
  if (code === "EACCES") return `Not allowed to listen on port ${port}: use a port above 1023, or set PORT.`;
  return `Could not listen on port ${port}: ${redactSecrets(messageOf(error))}`;
}

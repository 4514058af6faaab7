import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type App, type Logger as BoltLogger, HTTPResponseAck, type Receiver } from "@slack/bolt";
import { type Logger, redactSecrets } from "../../src/index.js";
import { REQUEST_FAILED } from "./errors.js";
import { isSslCheck, mediaType, readSlackBody } from "./request-body.js";
import { RequestVerifier } from "./verify.js";

/**
 * The largest body taken. Slack's own requests are small: a slash command is under 1 KB, and a button
 * press on our largest answer about 9 KB (it carries the message); anything bigger is not Slack's.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** Settings of the HTTP receiver. */
export interface SignedReceiverOptions {
  readonly signingSecret: string;
  readonly port: number;
  readonly log: Logger;
  /** Bolt's logger, for its acknowledgement helper. */
  readonly boltLogger: BoltLogger;
  readonly maxBodyBytes?: number;
  /** How long stop() lets open connections finish before closing them. */
  readonly graceMs?: number;
  /** The clock the timestamp window is checked against. */
  readonly now?: () => number;
}

/**
 * Bolt's receiver for HTTP mode, in place of its HTTPReceiver: /slack/events only; the body capped
 * before it is read; timestamp window both ways, v0 signature and replay checked before it is parsed;
 * a malformed body refused with 400; then the event handed to Bolt, which acknowledges it.
 */
export class SignedReceiver implements Receiver {
  private app?: App;
  private server?: Server;
  private readonly verifier: RequestVerifier;

  constructor(private readonly options: SignedReceiverOptions) {
    this.verifier = new RequestVerifier(options.signingSecret, options.now);
  }

  init(app: App): void {
    this.app = app;
  }

  /** Listens on `listen` (a port, or port and host); resolves with the server. */
  async start(listen: number | { port: number; host?: string } = this.options.port): Promise<Server> {
    // a client that sends headers or a body slowly is cut off rather than holding a connection open
    const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.log.error(
          { err: redactSecrets(String((error as Error)?.message)) },
          "Slack request failed",
        );
        if (!res.headersSent) reply(res, 200, { response_type: "ephemeral", text: REQUEST_FAILED });
      });
    });
    const { port, host } = typeof listen === "number" ? { port: listen, host: undefined } : listen;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    return server;
  }

  /** Stops taking connections; open ones get the grace period, then are closed. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), this.options.graceMs ?? 8_000);
    await closed;
    clearTimeout(force);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/slack/events") return reply(res, 404);
    if (req.method !== "POST") return reply(res, 405);
    const limit = this.options.maxBodyBytes ?? MAX_BODY_BYTES;
    const raw = await readCapped(req, limit);
    if (!raw) {
      this.options.log.warn({ limit }, "Slack request refused: body too large");
      // the rest is not read: the connection closes after the answer
      res.writeHead(413, { connection: "close" }).end();
      return;
    }
    const type = mediaType(req.headers["content-type"]);
    if (isSslCheck(type, raw)) return reply(res, 200);
    const { "x-slack-request-timestamp": ts, "x-slack-signature": signature } = req.headers;
    const refusal = this.verifier.check(ts, signature, raw);
    if (refusal) {
      this.options.log.warn({ reason: refusal }, "Slack request refused");
      return reply(res, 401);
    }
    const request = readSlackBody(type, raw);
    if (request.kind === "malformed") {
      this.options.log.warn({ reason: request.reason }, "Slack request refused: malformed");
      return reply(res, 400);
    }
    if (request.kind === "ignore") return reply(res, 200);
    if (request.kind === "challenge") return reply(res, 200, { challenge: request.challenge });
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: request.body,
      httpResponse: res,
    });
    await this.app?.processEvent({
      body: request.body,
      ack: ack.bind(),
      ...retryOf(req),
    });
  }
}

/** The body, or undefined as soon as it is known to be longer than `limit` bytes. */
function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | undefined) => {
      req.off("data", data);
      req.off("end", end);
      req.off("error", reject);
      resolve(value);
    };
    const data = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done(undefined);
      } else chunks.push(chunk);
    };
    const end = () => done(Buffer.concat(chunks));
    req.on("data", data);
    req.on("end", end);
    req.on("error", reject);
  });
}

/** Slack's retry headers on a redelivered event. */
function retryOf(req: IncomingMessage): { retryNum?: number; retryReason?: string } {
  const num = Number(req.headers["x-slack-retry-num"]);
  const reason = req.headers["x-slack-retry-reason"];
  return {
    ...(Number.isInteger(num) ? { retryNum: num } : {}),
    ...(typeof reason === "string" ? { retryReason: reason } : {}),
  };
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
